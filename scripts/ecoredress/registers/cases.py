"""The valid cases of a case repository, for registers and reports (a file that cannot be used is skipped and
reported, validation/repository.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from ecoredress.model import Case
from ecoredress.project import Project
from ecoredress.regulation.asof import case_as_of
from ecoredress.regulation.calendar import Calendar, load_calendar
from ecoredress.regulation.profile import Profile, project_profile
from ecoredress.validation.repository import load_cases


@dataclass(frozen=True)
class Repository:
    project: Project
    cases: list[Case]
    profile: Profile
    calendar: Calendar
    skipped: int = 0  # case files that could not be used: the command exits with 1

    @property
    def exit_code(self) -> int:
        return 1 if self.skipped else 0


def open_repository(project: Project) -> Repository:
    loaded = load_cases(project, "其中的案件未计入本次输出")
    cases = sorted(loaded.cases, key=lambda c: c.id)
    return Repository(project, cases, project_profile(project), load_calendar(project.root), len(loaded.skipped))


def repository_as_of(repo: Repository, day: dt.date) -> Repository:
    """The repository as it stood on ``day``: a case whose clue came later did not exist, the others hold only
    the facts of that day (``case_as_of``), so stages, next steps and duties are those of the day."""
    views = (case_as_of(case, day, repo.profile, repo.calendar) for case in repo.cases)
    return replace(repo, cases=[view.case for view in views if view is not None])


def output_path(project: Project, given: Path | None, default_name: str) -> Path:
    """``given`` or ``build/<default_name>`` under the repository root; parent folders are created."""
    path = given if given is not None else project.root / "build" / default_name
    path.parent.mkdir(parents=True, exist_ok=True)
    return path
