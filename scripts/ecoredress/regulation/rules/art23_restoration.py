"""第二十三条–第二十五条 修复: plan → expert review → 备案 → implementation → effect evaluation;
failed evaluation → rectification; major changes re-reviewed; termination needs approval and payment.
The order itself (e.g. implementation before filing) is checked in ``transitions``.

第二十三条：“（一）编制生态环境损害修复方案，经专家论证通过后，报赔偿权利人及其指定的部门或机构组织备案；（二）按照备案的
生态环境损害修复方案对受损的生态环境开展修复……（三）修复实施完成后，赔偿权利人及其指定的部门或机构组织对生态环境修复的效果
进行评估。” 第二十四条：“对赔偿义务人在修复过程中提出的重大变更申请，应当重新组织论证；对评估未通过的，
应当要求赔偿义务人
限期整改，直至达到规定的修复目标。” 第二十五条：“……经赔偿权利人或其指定的部门、机构评估同意后终止修复，
并依法缴纳赔偿资金。”
Fact dates: the restoration's completion, the failed evaluation, the rectification (its due date, ``common.timing``; its
completion), the change applied for, the approval to end restoration.
"""

from __future__ import annotations

from collections.abc import Iterator

from ecoredress.regulation.findings import Finding, error, info, warning
from ecoredress.regulation.rules.common import term_of, timing
from ecoredress.regulation.rules.registry import CaseContext, case_check


@case_check
def evaluation_after_completion(ctx: CaseContext) -> Iterator[Finding]:
    r = ctx.case.restoration
    if r is None or r.implementation is None or r.implementation.completed_on is None or r.evaluations or r.end:
        return
    yield info(
        "art23-evaluation-pending",
        f"修复已于 {r.implementation.completed_on} 完工，尚无效果评估记录。赔偿权利人应组织对修复效果进行评估。",
        ("restoration", "implementation", "completed_on"),
        "第二十三条第三项",
        on=r.implementation.completed_on,
    )


@case_check
def failed_evaluation(ctx: CaseContext) -> Iterator[Finding]:
    r = ctx.case.restoration
    if r is None:
        return
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
    for term in term_of(ctx, "rectification"):
        yield from timing(
            term,
            ctx,
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


@case_check
def major_changes(ctx: CaseContext) -> Iterator[Finding]:
    r = ctx.case.restoration
    if r is None:
        return
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
    r = ctx.case.restoration
    if r is None or r.end is None:
        return
    if r.end.approved_on and not (ctx.case.funds and ctx.case.funds.receipts):
        yield warning(
            "art25-funds-missing",
            f"修复已于 {r.end.approved_on} 经同意终止，但没有缴纳赔偿资金的记录。终止修复后义务人应依法缴纳赔偿资金，"
            "请记录 funds.receipts。",
            ("restoration", "end", "approved_on"),
            "第二十五条",
            on=r.end.approved_on,
        )
