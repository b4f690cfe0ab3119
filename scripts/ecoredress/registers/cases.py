"""The valid cases of a case repository, for registers and reports (invalid files are skipped with a notice)."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from ecoredress.loading.discovery import discover_case_files
from ecoredress.model import Case
from ecoredress.project import Project
from ecoredress.regulation.asof import case_as_of
from ecoredress.regulation.calendar import Calendar, load_calendar
from ecoredress.regulation.profile import Profile, load_profile
from ecoredress.validation.checker import load_case


@dataclass(frozen=True)
class Repository:
    project: Project
    cases: list[Case]
    profile: Profile
    calendar: Calendar


def open_repository(project: Project) -> Repository:
    cases = []
    for path in discover_case_files([project.cases_dir]):
        checked = load_case(path, path.name)
        if checked.case is None:
            print(f"提示：跳过无效的案件文件 {path.name}（运行 ecoredress check 查看原因）。", file=sys.stderr)
            continue
        cases.append(checked.case)
    cases.sort(key=lambda c: c.id)
    return Repository(project, cases, load_profile(project_root=project.root), load_calendar(project.root))


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
