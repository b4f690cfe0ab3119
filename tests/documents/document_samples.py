"""The sample cases and what renders them, for tests that parametrize over every sample document at collection."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ecoredress.documents.plan import DocumentJob, plan_jobs
from ecoredress.loading.discovery import SCREENING_DIR, discover_case_files
from ecoredress.loading.guarded import DEFAULT_LIMITS
from ecoredress.model import Case
from ecoredress.model.screening import ScreeningLog
from ecoredress.project import find_project
from ecoredress.regulation.calendar import Calendar, load_calendar
from ecoredress.regulation.profile import Profile, load_profile
from ecoredress.regulation.screening import load_logs
from ecoredress.validation.checker import load_case

ROOT = Path(__file__).resolve().parents[2]


@lru_cache(maxsize=1)
def sample_cases() -> tuple[Case, ...]:
    cases = []
    for path in discover_case_files([ROOT / "cases"]):
        checked = load_case(path, path.name)
        assert checked.case is not None, [f.message for f in checked.findings]
        cases.append(checked.case)
    return tuple(cases)


def sample_logs() -> list[ScreeningLog]:
    return load_logs(ROOT / "cases" / SCREENING_DIR, DEFAULT_LIMITS)


def sample_profile() -> Profile:
    return load_profile(project_root=ROOT)


def sample_calendar() -> Calendar:
    return load_calendar(ROOT)


def sample_templates() -> Path:
    return find_project(ROOT).templates_dir / "documents"


@lru_cache(maxsize=1)
def sample_jobs() -> tuple[DocumentJob, ...]:
    """Every document every sample case calls for."""
    departments = find_project(ROOT).settings.departments
    return tuple(plan_jobs(sample_cases(), sample_profile(), sample_calendar(), sample_templates(), None, departments))
