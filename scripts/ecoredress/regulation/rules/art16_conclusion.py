"""第十六条 调查结论 within 30 days after the investigation ends; the consultation notice is made on a conclusion
that proposes consultation.

第一款：“赔偿权利人及其指定的部门或机构应当在调查结束后 30日内形成调查结论，提出启动索赔磋商或者终止索赔程序的意见。
启动索赔磋商的，……制作生态环境损害索赔磋商告知书，送达赔偿义务人。” So a conclusion comes after an investigation,
and a consultation after a conclusion that proposes it (not one that proposes ending the claim).
Fact dates: the term's due date (``common.timing``); a conclusion without investigation, the conclusion; a
consultation without a conclusion for it, the service of its notice.
"""

from __future__ import annotations

from collections.abc import Iterator

from ecoredress.model.enums import ConclusionDecision
from ecoredress.regulation.findings import Finding, error
from ecoredress.regulation.rules.common import timing_of
from ecoredress.regulation.rules.registry import CaseContext, case_check


@case_check
def conclusion_in_time(ctx: CaseContext) -> Iterator[Finding]:
    yield from timing_of(
        ctx,
        "conclusion",
        "art16-conclusion",
        "请核对调查结束日期和结论日期，并在案件中说明逾期原因。",
        "请尽快形成调查结论，提出启动索赔磋商或终止索赔的意见，并填写 conclusion。",
    )


@case_check
def conclusion_after_investigation(ctx: CaseContext) -> Iterator[Finding]:
    conclusion = ctx.case.conclusion
    if conclusion and ctx.case.investigation is None:
        yield error(
            "art16-conclusion-without-investigation",
            "有调查结论但没有损害调查记录。请补充 investigation 一节。",
            ("conclusion",),
            "第十六条第一款",
            on=conclusion.concluded_on,
        )


@case_check
def consultation_on_conclusion(ctx: CaseContext) -> Iterator[Finding]:
    conclusion, cons = ctx.case.conclusion, ctx.case.consultation
    if cons is None:
        return
    if conclusion is None:
        yield error(
            "art16-consultation-without-conclusion",
            "开展了磋商但没有调查结论。磋商告知书应依据调查结论制作，请补充 conclusion 一节。",
            ("consultation",),
            "第十六条第一款",
            on=cons.notice.served_on,
        )
    elif conclusion.decision is ConclusionDecision.END_CLAIM:
        yield error(
            "art16-consultation-after-end-decision",
            "调查结论为“终止索赔”却又开展了磋商。请核对调查结论的处理意见。",
            ("consultation",),
            "第十六条第一款",
            on=cons.notice.served_on,
        )
