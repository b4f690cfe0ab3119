"""第十六条 调查结论 within 30 days after the investigation ends; the consultation notice is made on a conclusion
that proposes consultation.

第一款：“赔偿权利人及其指定的部门或机构应当在调查结束后 30日内形成调查结论，提出启动索赔磋商或者终止索赔程序的意见。
启动索赔磋商的，由赔偿权利人及其指定的部门或机构根据鉴定意见、鉴定评估报告或专家意见等制作生态环境损害索赔磋商告知书，
送达赔偿义务人。” 第二款：“……应当依据鉴定意见、鉴定评估报告或者专家意见开展磋商……” So a conclusion comes after an
investigation, and a consultation after a conclusion that proposes it (not one that proposes ending the claim), on an
assessment issued by the day its notice was served (a report, an expert opinion, or the 综合认定 of 第十五条, the “等”;
one dated after the service is the date-order error of ``validation.consistency``).
Fact dates: the term's due date (``common.timing``); a conclusion without investigation, the conclusion; a
consultation without a conclusion or an assessment for it, the service of its notice.
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


@case_check
def consultation_on_assessment(ctx: CaseContext) -> Iterator[Finding]:
    a, cons = ctx.case.assessment, ctx.case.consultation
    if cons is None:
        return
    if a is not None and a.report_on is not None:
        return  # a report dated after the service is reported by the date-order check
    served = cons.notice.served_on
    what = "没有鉴定评估记录" if a is None else f"鉴定评估（{a.mode}）尚未记录报告或意见的出具日期"
    yield error(
        "art16-notice-without-assessment",
        f"磋商告知书于 {served} 送达，但{what}。磋商告知书应当根据鉴定意见、鉴定评估报告或专家意见等制作，"
        "磋商也应当依据这些意见开展。请补充 assessment（报告或意见的出具日期 report_on 不晚于告知书送达日期），"
        "或核对磋商记录。",
        ("consultation", "notice", "served_on"),
        "第十六条",
        on=served,
    )
