"""Shared wording of rule findings: timeliness of a dated duty, missing calendar data."""

from __future__ import annotations

from collections.abc import Iterator

from ecoredress.regulation.deadlines import Term, case_terms
from ecoredress.regulation.findings import Finding, warning
from ecoredress.regulation.rules.registry import CaseContext


def timing(term: Term, ctx: CaseContext, code: str, late_remedy: str, overdue_remedy: str) -> Iterator[Finding]:
    """``<code>-late`` when the duty was done after its due date, ``<code>-overdue`` when it is still open past it."""
    if term.problem:
        yield warning(
            "art39-calendar-year-missing", f"无法计算“{term.title}”的期限：{term.problem}", term.loc, "第三十九条"
        )
        return
    # The fact a timing finding judges is the duty still undone when its period ran out: the due date.
    if term.late:
        yield warning(
            f"{code}-late",
            f"{term.title}的期限为 {term.due}（{term.basis}），实际于 {term.done_on} 完成，逾期 "
            f"{term.days_late(ctx.as_of)} 日。{late_remedy}",
            term.loc,
            term.article,
            on=term.due,
        )
    elif term.overdue(ctx.as_of):
        yield warning(
            f"{code}-overdue",
            f"{term.title}的期限为 {term.due}（{term.basis}），截至 {ctx.as_of} 尚未完成，已逾期 "
            f"{term.days_late(ctx.as_of)} 日。{overdue_remedy}",
            term.loc,
            term.article,
            on=term.due,
        )


def term_of(ctx: CaseContext, duty: str) -> list[Term]:
    """The case's terms whose duty code is ``duty`` or starts with ``duty-``."""
    return [
        t for t in case_terms(ctx.case, ctx.profile, ctx.calendar) if t.duty == duty or t.duty.startswith(f"{duty}-")
    ]
