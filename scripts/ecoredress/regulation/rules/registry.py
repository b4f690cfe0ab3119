"""The register of case checks: what a check sees (``CaseContext``) and the decorator every check is listed by.

The rules of ``regulation/rules/art*.py`` register here when ``register_all`` imports them, and so do the
cross-checks of ``validation`` when it is imported; ``validation.checker`` runs them all."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ecoredress.model import Case
from ecoredress.regulation.calendar import Calendar
from ecoredress.regulation.findings import Finding
from ecoredress.regulation.profile import Profile
from ecoredress.settings import DepartmentSettings


@dataclass(frozen=True)
class CaseContext:
    """What a cross-check or rule sees: the validated case, when "today" is, and the rule profile, calendar,
    screening ids and department particulars of the case's repository (loaded once per run)."""

    case: Case
    path: Path
    as_of: dt.date
    profile: Profile
    calendar: Calendar
    screening_ids: frozenset[str] | None = None  # of the logs in the screening folder beside the case; None: no folder
    # [tool.ecoredress.departments]: each department's particulars, by its name as the cases record it
    departments: Mapping[str, DepartmentSettings] = field(default_factory=dict)


CaseCheck = Callable[[CaseContext], Iterable[Finding]]
_CHECKS: list[CaseCheck] = []


def case_check(fn: CaseCheck) -> CaseCheck:
    """Register a check that runs on every schema-valid case."""
    _CHECKS.append(fn)
    return fn


def registered_checks() -> list[CaseCheck]:
    """Every check registered so far, in the order they registered."""
    return list(_CHECKS)
