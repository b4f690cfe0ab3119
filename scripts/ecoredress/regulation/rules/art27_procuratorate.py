"""第二十七条 邀请检察机关参与磋商: a suggestion, never a duty ("可以").

第一款：“赔偿权利人及其指定的部门或机构在办理生态环境损害赔偿案件时，可以邀请检察机关参与磋商，商请其在调查取证、法律咨询、
修复监督等方面提供协助。” 第二款 (the procuratorate asking the department for help in its own public-interest suit) is
about
the procuratorate's case, not this file. The hint is given where the procuratorate already stands behind the claim — it
referred the clue and 第二十六条 has it “督促并支持其提起赔偿磋商” — or where a major case (第十一条) is being
consulted.
Fact date: the consultation's start.
"""

from __future__ import annotations

from collections.abc import Iterator

from ecoredress.model.enums import ClueSource, ConsultationOutcome, ReferralDirection
from ecoredress.regulation.deadlines import consultation_start
from ecoredress.regulation.findings import Finding, info
from ecoredress.regulation.rules.registry import CaseContext, case_check


@case_check
def invitation_suggested(ctx: CaseContext) -> Iterator[Finding]:
    case, cons = ctx.case, ctx.case.consultation
    if cons is None or cons.outcome is not ConsultationOutcome.ONGOING:
        return
    if cons.procuratorate_invited_on or any(m.procuratorate_invited for m in cons.meetings):
        return
    referred = case.clue.source is ClueSource.PROCURATORATE or any(
        r.direction is ReferralDirection.FROM_PROCURATORATE for r in case.referrals
    )
    if not (referred or case.major_case):
        return
    why = (
        "线索由检察机关移送，检察机关督促并支持提起赔偿磋商（第二十六条第一款）"
        if referred
        else "本案为重大案件（第十一条）"
    )
    yield info(
        "art27-invite-procuratorate",
        f"{why}，磋商尚未邀请检察机关参与。可以邀请检察机关参与磋商，并商请其在调查取证、法律咨询、修复监督等方面提供协助；"
        "邀请后请填写 consultation.procuratorate_invited_on。",
        ("consultation", "meetings" if cons.meetings else "started_on"),
        "第二十七条第一款",
        on=consultation_start(case),
    )
