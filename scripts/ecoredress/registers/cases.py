"""The valid cases of a case repository, for registers and reports (invalid files are skipped with a notice)."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from ecoredress.loading.discovery import discover_case_files
from ecoredress.model import Case
from ecoredress.project import Project
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


def output_path(project: Project, given: Path | None, default_name: str) -> Path:
    """``given`` or ``build/<default_name>`` under the repository root; parent folders are created."""
    path = given if given is not None else project.root / "build" / default_name
    path.parent.mkdir(parents=True, exist_ok=True)
    return path
