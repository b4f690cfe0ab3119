"""第二十三条–第二十五条 修复: plan → expert review → 备案 → implementation → effect evaluation, in that order;
failed evaluation → rectification; major changes re-reviewed; termination needs an evaluation, approval and payment.

第二十三条 and 第二十四条 govern restoration by the obligor: 第二十三条：“赔偿义务人开展生态环境损害修复的，
应按照以下程序执行：……”; 第二十四条 answers the obligor's change applications and tells the obligor to rectify. They
are not checked where the rights-holder restores with the money (权利人以赔偿资金组织修复, ``obligor_restores``).
第二十三条：“（一）编制生态环境损害修复方案，经专家论证通过后，报赔偿权利人及其指定的部门或机构组织备案；（二）按照备案的
生态环境损害修复方案对受损的生态环境开展修复……（三）修复实施完成后，赔偿权利人及其指定的部门或机构组织对生态环境修复的效果
进行评估。” 第二十四条：“对赔偿义务人在修复过程中提出的重大变更申请，应当重新组织论证；对评估未通过的，
应当要求赔偿义务人
限期整改，直至达到规定的修复目标。” 第二十五条：“……经赔偿权利人或其指定的部门、机构评估同意后终止修复，
并依法缴纳赔偿资金。”
Fact dates: a step taken before the one that must precede it, that step (the filing, the start of work, the first
evaluation); the restoration's completion, the failed evaluation, the rectification (its due date, ``common.timing``;
its completion), the change applied for, the approval to end restoration (both for a missing evaluation and for
missing payment).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import wraps

from ecoredress.model.outcome import Restoration
from ecoredress.regulation.findings import Finding, error, info, warning
from ecoredress.regulation.obligations import obligor_restores
from ecoredress.regulation.rules.common import timing_of
from ecoredress.regulation.rules.registry import CaseCheck, CaseContext, case_check


def restoration_check(check: Callable[[CaseContext, Restoration], Iterator[Finding]]) -> CaseCheck:
    """Register a check of 第二十三条 or 第二十四条: it judges the restoration of a case whose obligor restores."""

    @wraps(check)
    def on_case(ctx: CaseContext) -> Iterator[Finding]:
        if ctx.case.restoration is not None and obligor_restores(ctx.case):
            yield from check(ctx, ctx.case.restoration)

    return case_check(on_case)


@restoration_check
def filing_after_review(ctx: CaseContext, r: Restoration) -> Iterator[Finding]:
    plan = r.plan
    if plan and plan.filed_on and plan.review_passed is not True:
        yield error(
            "art23-filing-before-review",
            "修复方案已备案，但没有专家论证通过的记录。方案须经专家论证通过后备案，请补充论证日期和结论。",
            ("restoration", "plan", "filed_on"),
            "第二十三条第一项",
            on=plan.filed_on,
        )


@restoration_check
def implementation_after_filing(ctx: CaseContext, r: Restoration) -> Iterator[Finding]:
    if r.implementation is None:
        return
    work, filed_on = r.implementation, r.plan.filed_on if r.plan else None
    loc: tuple[str, ...]
    if filed_on is None:
        loc = ("restoration", "implementation")
        problem = "修复已开工，但修复方案没有备案记录。应按经专家论证并备案的方案实施修复，请补充方案论证和备案信息。"
    elif work.started_on < filed_on:
        loc = ("restoration", "implementation", "started_on")
        problem = (
            f"修复开工日期（{work.started_on}）早于方案备案日期（{filed_on}）。应按备案的方案开展修复，请核对日期。"
        )
    else:
        return
    yield error("art23-implementation-before-filing", problem, loc, "第二十三条第一项、第二项", on=work.started_on)


@restoration_check
def evaluation_after_completion(ctx: CaseContext, r: Restoration) -> Iterator[Finding]:
    completed_on = r.implementation.completed_on if r.implementation else None
    if r.evaluations and completed_on is None:
        yield error(
            "art23-evaluation-without-restoration",
            "记录了修复效果评估，但修复实施没有完工。效果评估在修复实施完成后进行，请补充修复实施及完工日期。",
            ("restoration", "evaluations"),
            "第二十三条第三项",
            on=r.evaluations[0].evaluated_on,
        )
    elif completed_on and not r.evaluations and not r.end:
        yield info(
            "art23-evaluation-pending",
            f"修复已于 {completed_on} 完工，尚无效果评估记录。赔偿权利人应组织对修复效果进行评估。",
            ("restoration", "implementation", "completed_on"),
            "第二十三条第三项",
            on=completed_on,
        )


@restoration_check
def failed_evaluation(ctx: CaseContext, r: Restoration) -> Iterator[Finding]:
    for i, ev in enumerate(r.evaluations):
        if not ev.passed and ev.rectification is None:
            yield error(
                "art24-rectification-missing",
                f"{ev.evaluated_on} 的修复效果评估未通过，但没有要求限期整改的记录。"
                "应要求赔偿义务人限期整改直至达到修复目标，"
                "请填写 rectification（通知日期、整改期限）。",
                ("restoration", "evaluations", i, "passed"),
                "第二十四条",
                on=ev.evaluated_on,
            )
    yield from timing_of(
        ctx,
        "rectification",
        "art24-rectification",
        "请核对整改完成日期，并组织重新评估。",
        "请督促赔偿义务人完成整改；逾期不整改的，依协议或判决追究责任。",
    )
    last = r.evaluations[-1] if r.evaluations else None
    if last and not last.passed and last.rectification and last.rectification.completed_on:
        yield info(
            "art24-re-evaluation-due",
            f"整改已于 {last.rectification.completed_on} 完成，请组织重新评估修复效果。",
            ("restoration", "evaluations", len(r.evaluations) - 1, "rectification", "completed_on"),
            "第二十四条",
            on=last.rectification.completed_on,
        )


@restoration_check
def major_changes(ctx: CaseContext, r: Restoration) -> Iterator[Finding]:
    for i, change in enumerate(r.changes):
        if change.major and change.re_reviewed_on is None:
            yield error(
                "art24-change-not-reviewed",
                f"{change.applied_on} 申请的修复方案重大变更（{change.description}）没有重新论证的记录。"
                "重大变更应当重新组织论证，"
                "请填写 re_reviewed_on。",
                ("restoration", "changes", i, "major"),
                "第二十四条",
                on=change.applied_on,
            )


@case_check
def termination(ctx: CaseContext) -> Iterator[Finding]:
    # 第二十五条: the obligor applies, whoever restores; ending is approved only after an evaluation agreed to it.
    end = ctx.case.restoration.end if ctx.case.restoration else None
    if end is None or end.approved_on is None:
        return
    if not end.approved_after_evaluation:
        evaluation = end.evaluation
        late = f"，而评估日期（{evaluation.evaluated_on}）晚于同意日期" if evaluation else "，但没有评估记录"
        yield error(
            "art25-approval-without-evaluation",
            f"修复已于 {end.approved_on} 经同意终止{late}。终止修复应当经赔偿权利人或其指定的部门、机构评估同意，"
            "请在 restoration.end.evaluation 中记录评估日期（不晚于同意日期）、评估单位和评估结论。",
            ("restoration", "end", "evaluation" if evaluation else "approved_on"),
            "第二十五条",
            on=end.approved_on,
        )
    if end.evaluation and end.evaluation.conclusion is not end.ground:
        yield error(
            "art25-ground-not-evaluated",
            f"修复已于 {end.approved_on} 以“{end.ground.statutory}”为由经同意终止，但评估结论是"
            f"“{end.evaluation.conclusion.statutory}”。终止修复应当以评估认定的情形为依据，"
            "请核对 restoration.end.ground 与 restoration.end.evaluation.conclusion。",
            ("restoration", "end", "ground"),
            "第二十五条",
            on=end.approved_on,
        )
    if not (ctx.case.funds and ctx.case.funds.receipts):
        yield warning(
            "art25-funds-missing",
            f"修复已于 {end.approved_on} 经同意终止，但没有缴纳赔偿资金的记录。终止修复后义务人应依法缴纳赔偿资金，"
            "请记录 funds.receipts。",
            ("restoration", "end", "approved_on"),
            "第二十五条",
            on=end.approved_on,
        )
