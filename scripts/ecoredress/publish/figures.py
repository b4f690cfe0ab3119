"""Aggregate figures of the published cases: headline numbers, statistics and fund use (第三十二条、第三十三条).

Computed from published projections only, so a figure can never reveal a withheld item.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from statistics import median

from ecoredress.model.enums import City, DamageType
from ecoredress.publish.projection import PublishedCase

ZERO = Decimal("0")


@dataclass(frozen=True)
class Series:
    """One chart: labelled values, in display order."""

    title: str
    unit: str
    rows: list[tuple[str, Decimal]]


def received(case: PublishedCase) -> Decimal:
    """obligations.received, from the published receipts: the case's own while its fund use is disclosed."""
    return sum((r.amount for r in case.funds.receipts), ZERO) if case.funds else ZERO


def spent(case: PublishedCase) -> Decimal:
    """obligations.spent, from the published expenditures."""
    return sum((e.amount for e in case.funds.expenditures), ZERO) if case.funds else ZERO


def restoration_passed(case: PublishedCase) -> bool | None:
    """The latest effect evaluation's result, or None if none is published."""
    if case.restoration is None or not case.restoration.evaluations:
        return None
    return bool(case.restoration.evaluations[-1].passed)


def days_to_agreement(case: PublishedCase) -> int | None:
    if case.agreement is None:
        return None
    days: int = (case.agreement.signed_on - case.clue.found_on).days
    return days


@dataclass(frozen=True)
class Headline:
    cases: int
    amount: Decimal  # the published cases' 赔偿金额 (projection.published_amount: judgment, else agreement)
    received: Decimal
    spent: Decimal
    restored: int


def headline(cases: list[PublishedCase]) -> Headline:
    return Headline(
        cases=len(cases),
        amount=sum((c.amount or ZERO for c in cases), ZERO),
        received=sum((received(c) for c in cases), ZERO),
        spent=sum((spent(c) for c in cases), ZERO),
        restored=sum(1 for c in cases if restoration_passed(c)),
    )


def _count(
    cases: Iterable[PublishedCase], keys: Callable[[PublishedCase], Iterable[str]], order: list[str] | None = None
) -> list[tuple[str, Decimal]]:
    counter: Counter[str] = Counter()
    for case in cases:
        counter.update(set(keys(case)))
    labels = [k for k in order if k in counter] if order else sorted(counter)
    return [(label, Decimal(counter[label])) for label in labels]


def _sum_by_year(
    cases: Iterable[PublishedCase], value: Callable[[PublishedCase], Decimal]
) -> list[tuple[str, Decimal]]:
    totals: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for case in cases:
        totals[case.year] += value(case)
    return [(f"{year}年", totals[year]) for year in sorted(totals)]


def statistics(cases: list[PublishedCase]) -> list[Series]:
    days_by_year: dict[int, list[int]] = defaultdict(list)
    for case in cases:
        if (days := days_to_agreement(case)) is not None:
            days_by_year[case.year].append(days)
    return [
        Series("按年份的案件数", "件", _count(cases, lambda c: [f"{c.year}年"])),
        Series(
            "按设区市的案件数",
            "件",
            _count(cases, lambda c: [str(x) for x in c.damage.cities], [c.value for c in City]),
        ),
        Series(
            "按损害类型的案件数",
            "件",
            _count(cases, lambda c: [str(t) for t in c.damage.types], [t.value for t in DamageType]),
        ),
        Series(
            "按年份的赔偿金额", "万元", [(k, v / 10000) for k, v in _sum_by_year(cases, lambda c: c.amount or ZERO)]
        ),
        Series(
            "从发现线索到签署协议的天数（中位数）",
            "天",
            [(f"{year}年", Decimal(median(days))) for year, days in sorted(days_by_year.items())],
        ),
    ]


def funds_by_year(cases: list[PublishedCase]) -> list[tuple[str, Decimal, Decimal]]:
    """(year, received, spent) by the year money moved, not the case year."""
    moved: dict[int, list[Decimal]] = defaultdict(lambda: [ZERO, ZERO])
    for case in cases:
        if case.funds is None:
            continue
        for receipt in case.funds.receipts:
            moved[receipt.received_on.year][0] += receipt.amount
        for expense in case.funds.expenditures:
            moved[expense.spent_on.year][1] += expense.amount
    return [(f"{year}年", moved[year][0], moved[year][1]) for year in sorted(moved)]
