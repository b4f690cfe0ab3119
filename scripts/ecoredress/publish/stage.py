"""The stage shown for a published case: the lifecycle's own answer (第九条–第二十五条)."""

from __future__ import annotations

from ecoredress.model import Case
from ecoredress.regulation.lifecycle import derive_stage


def case_stage(case: Case) -> str:
    return derive_stage(case).value
