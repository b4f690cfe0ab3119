"""第十七条 简易磋商: only for assessed damage of 50万元 or less, with the obligor's consent; the agreement is
signed without a meeting.

第十七条：“经评估认定生态环境损害金额（不包括生态环境损害调查、鉴定评估等费用）在 50万元以下的，经与赔偿义务人协商一致，
可以启动简易磋商程序，不召开磋商会议直接签署生态环境损害赔偿协议。”
Fact date: the service of the consultation notice, which opens the simplified consultation.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ecoredress.model.enums import ConsultationProcedure
from ecoredress.model.types import yuan
from ecoredress.regulation.findings import Finding, error, warning
from ecoredress.regulation.rules.common import consented, within_ceiling
from ecoredress.regulation.rules.registry import CaseContext, case_check


@case_check
def simplified_consultation_allowed(ctx: CaseContext) -> Iterator[Finding]:
    cons = ctx.case.consultation
    if cons is None or cons.procedure is not ConsultationProcedure.SIMPLIFIED:
        return
    on = cons.notice.served_on
    param = ctx.profile.param("simplified_consultation.ceiling")
    ceiling = Decimal(param.at(on))
    procedure, article = ("consultation", "procedure"), param.article(on)
    yield from within_ceiling(
        ctx.case.assessment.damage_amount if ctx.case.assessment else None,
        ceiling,
        unrecorded=warning(
            "art17-amount-missing",
            f"适用简易磋商，但没有经评估认定的损害金额，无法判断是否在 {yuan(ceiling)} 以下。请填写 "
            "assessment.damage_amount。",
            procedure,
            article,
            on=on,
        ),
        over=lambda amount: error(
            "art17-simplified-over-ceiling",
            f"经评估认定的损害金额 {yuan(amount)} 超过简易磋商上限 {yuan(ceiling)}，不得适用简易磋商。请改为一般磋商。",
            procedure,
            article,
            on=on,
        ),
    )
    yield from consented(
        cons.obligor_agreed_simplified,
        refused=error(
            "art17-simplified-without-consent",
            "赔偿义务人不同意适用简易磋商，不得启动简易磋商程序。请改为一般磋商，召开磋商会议。",
            ("consultation", "obligor_agreed_simplified"),
            article,
            on=on,
        ),
        unrecorded=warning(
            "art17-consent-missing",
            "适用简易磋商，但没有赔偿义务人是否同意的记录。简易磋商须经与赔偿义务人协商一致，"
            "请填写 consultation.obligor_agreed_simplified；义务人不同意的，应改为一般磋商。",
            procedure,
            article,
            on=on,
        ),
    )
    if cons.meetings:
        yield warning(
            "art17-meetings-in-simplified",
            f"简易磋商不召开磋商会议、直接签署协议，但记录了 {len(cons.meetings)} 次磋商会议。"
            "请将磋商程序改为一般磋商，或核对会议记录。",
            ("consultation", "meetings"),
            article,
            on=on,
        )
