"""The duties dashboard: the open statutory duties of `ecoredress deadlines` (registers/duties.py), put in
the buckets staff act on (overdue, due within 7 days, within 30 days) and counted by rights-holder and
department."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from ecoredress.registers.cases import Repository
from ecoredress.registers.duties import Duty, open_duties

# (key, heading, last day left that still falls in the bucket)
BUCKETS = (
    ("overdue", "已逾期", -1),
    ("week", "7 日内到期", 7),
    ("month", "8 至 30 日内到期", 30),
    ("later", "30 日以后到期", None),
)
UNDATED = ("undated", "无法计算到期日")


@dataclass(frozen=True)
class UnitRow:
    holder: str
    department: str
    counts: dict[str, int]


@dataclass(frozen=True)
class Dashboard:
    as_of: dt.date
    buckets: list[tuple[str, str, list[Duty]]]  # (key, heading, duties due soonest first)
    units: list[UnitRow]

    def count(self, key: str) -> int:
        return next(len(duties) for k, _, duties in self.buckets if k == key)


def bucket(duty: Duty, as_of: dt.date) -> str:
    left = duty.days_left(as_of)
    if left is None:
        return UNDATED[0]
    return next(key for key, _, last in BUCKETS if last is None or left <= last)


def department(duty: Duty) -> str:
    """The department in charge: the lead department (第五条第三款), else the designated ones."""
    jurisdiction = duty.case.jurisdiction
    return jurisdiction.lead_department or "、".join(jurisdiction.designated_departments)


def dashboard(repo: Repository, as_of: dt.date) -> Dashboard:
    duties = open_duties(repo, as_of)
    keys = [key for key, _, _ in BUCKETS] + [UNDATED[0]]
    grouped = {key: [d for d in duties if bucket(d, as_of) == key] for key in keys}
    per_unit: dict[tuple[str, str], Counter[str]] = {}
    for duty in duties:
        per_unit.setdefault((str(duty.case.jurisdiction.rights_holder), department(duty)), Counter())[
            bucket(duty, as_of)
        ] += 1
    units = [
        UnitRow(holder, dept, {key: counts[key] for key in keys}) for (holder, dept), counts in sorted(per_unit.items())
    ]
    headings = [(key, heading) for key, heading, _ in BUCKETS] + [UNDATED]
    return Dashboard(as_of, [(key, heading, grouped[key]) for key, heading in headings], units)
