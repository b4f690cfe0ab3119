"""第二十六条 检察衔接: the handling is reported by letter within 15 days after the case is finished; a clue the
department refers goes to the 同级检察机关.

第一款：“检察机关在履职中发现生态环境损害赔偿案件线索的，应当及时移送……赔偿权利人及其指定的部门或机构在办结后
15日内将处理
情况函告检察机关。” 第二款：“……检察机关在办结后 15日内将处理情况函告赔偿权利人及其指定的部门或机构。”
第二款 also: “赔偿权利人及其指定的部门或机构……应当及时通报同级检察机关并按要求移送。”
Fact dates: a reply letter, its due date; a missing close date, the referral; a referral to another level, the referral.
"""

from __future__ import annotations

from collections.abc import Iterator

from ecoredress.model.enums import ReferralDirection
from ecoredress.regulation.deadlines import PROCURATORATE
from ecoredress.regulation.findings import Finding, info, warning
from ecoredress.regulation.lifecycle import derive_stage
from ecoredress.regulation.procuratorate import at_same_level, same_level_procuratorate
from ecoredress.regulation.rules.common import term_of, timing
from ecoredress.regulation.rules.registry import CaseContext, case_check


@case_check
def reply_letters(ctx: CaseContext) -> Iterator[Finding]:
    for term in term_of(ctx, "referral"):
        if term.responsible == PROCURATORATE:
            if term.overdue(ctx.as_of):
                yield info(
                    "art26-procuratorate-reply-overdue",
                    f"{term.title}的期限为 {term.due}（{term.basis}），截至 {ctx.as_of} 尚未收到。"
                    "请与检察机关联系并记录 reply_on。",
                    term.loc,
                    term.article,
                    on=term.due,
                )
            continue
        yield from timing(
            term,
            ctx,
            "art26-reply",
            "请在案件中说明逾期原因。",
            "请尽快将处理情况函告检察机关，并填写 reply_on、reply_no。",
        )


@case_check
def closed_date_recorded(ctx: CaseContext) -> Iterator[Finding]:
    # Only a clue the procuratorate referred to us is 办结 when our case is: one we referred to it is
    # finished by the procuratorate, on its own schedule (第二十六条第二款).
    if not derive_stage(ctx.case).finished:
        return
    for i, ref in enumerate(ctx.case.referrals):
        if ref.direction is ReferralDirection.FROM_PROCURATORATE and ref.closed_on is None:
            yield warning(
                "art26-closed-date-missing",
                f"案件已办结，但与{ref.procuratorate}的线索移送没有办结日期，"
                f"无法计算 {ctx.profile.get('referral.reply_days', ref.referred_on)} 日函告期限。请填写 closed_on。",
                ("referrals", i, "referred_on"),
                "第二十六条",
                on=ref.referred_on,
            )


@case_check
def referred_to_same_level(ctx: CaseContext) -> Iterator[Finding]:
    # 第二十六条第二款 “应当及时通报同级检察机关并按要求移送”: a clue sent to a procuratorate of another level shows no
    # notice to the 同级 one; the transfer may still be 按要求 (the 同级 procuratorate may have it handled lower down),
    # so this is a warning to check, and the referral letter cites the article, not the paragraph.
    holder = ctx.case.jurisdiction.rights_holder
    for i, ref in enumerate(ctx.case.referrals):
        if ref.direction is ReferralDirection.TO_PROCURATORATE and not at_same_level(ref.procuratorate, holder):
            same = same_level_procuratorate(holder)
            yield warning(
                "art26-referral-not-same-level",
                f"公益诉讼线索移送给{ref.procuratorate}，不是赔偿权利人（{holder}）的同级检察机关（{same}）。"
                f"发现需要交由检察机关提起民事公益诉讼的线索，应当及时通报同级检察机关并按要求移送。"
                f"请核对移送对象，并确认已向{same}通报。移送函据实引用第二十六条，不引用该款。",
                ("referrals", i, "procuratorate"),
                "第二十六条第二款",
                on=ref.referred_on,
            )
