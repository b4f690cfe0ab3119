"""What several articles ask alike: timeliness of a dated duty (and missing calendar data), and the two conditions
of a simplified procedure (第十五条、第十七条)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal

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


def timing_of(ctx: CaseContext, duty: str, code: str, late_remedy: str, overdue_remedy: str) -> Iterator[Finding]:
    """``timing`` of each of the case's terms of ``duty`` (see ``term_of``)."""
    for term in term_of(ctx, duty):
        yield from timing(term, ctx, code, late_remedy, overdue_remedy)


def term_of(ctx: CaseContext, duty: str) -> list[Term]:
    """The case's terms whose duty code is ``duty`` or starts with ``duty-``."""
    return [
        t for t in case_terms(ctx.case, ctx.profile, ctx.calendar) if t.duty == duty or t.duty.startswith(f"{duty}-")
    ]


def within_ceiling(
    amount: Decimal | None, ceiling: Decimal, unrecorded: Finding, over: Callable[[Decimal], Finding]
) -> Iterator[Finding]:
    """The first condition of a simplified procedure (第十五条第一款, 第十七条): an amount at most the ceiling (“以下”
    includes the ceiling). ``unrecorded`` when the file has no amount, ``over`` when it is more."""
    if amount is None:
        yield unrecorded
    elif amount > ceiling:
        yield over(amount)


def consented(agreed: bool | None, refused: Finding, unrecorded: Finding) -> Iterator[Finding]:
    """The second condition of a simplified procedure (第十五条第一款, 第十七条): the obligor's consent (协商一致).
    ``refused`` when the obligor said no, ``unrecorded`` when the file does not say."""
    if agreed is False:
        yield refused
    elif agreed is None:
        yield unrecorded
