"""Resolve the command line: which case files, which document kinds."""

from __future__ import annotations

from pathlib import Path

from ecoredress.documents.annual import ANNUAL_KEY, ANNUAL_NAME
from ecoredress.errors import UserError
from ecoredress.model.types import CASE_ID_RE
from ecoredress.project import Project
from ecoredress.regulation.document_kinds import BY_KEY, BY_NAME
from ecoredress.validation.repository import LoadedCases, load_cases


def parse_kinds(values: list[str] | None) -> tuple[set[str] | None, bool]:
    """(case document keys or None for "what each case calls for", whether the annual report is asked for)."""
    if not values:
        return None, False
    names = [part.strip() for value in values for part in value.split(",") if part.strip()]
    keys: set[str] = set()
    annual = False
    for name in names:
        if name in (ANNUAL_KEY, ANNUAL_NAME):
            annual = True
        elif name in BY_KEY or name in BY_NAME:
            keys.add(BY_KEY[name].key if name in BY_KEY else BY_NAME[name].key)
        else:
            known = "、".join([*BY_KEY, ANNUAL_KEY])
            raise UserError(f"未知的文书种类“{name}”。可选：{known}（也可写中文名称）。")
    return keys, annual


def _paths(project: Project, arguments: list[str]) -> list[Path]:
    if not arguments:
        return [project.cases_dir]
    paths = []
    for argument in arguments:
        path = Path(argument)
        if not path.exists() and CASE_ID_RE.match(argument):
            path = project.cases_dir / f"{argument}.yaml"
        if not path.exists():
            raise UserError(f"找不到案件“{argument}”：既不是文件或目录，也没有 {path}。")
        paths.append(path)
    return paths


def selected_cases(project: Project, arguments: list[str]) -> LoadedCases:
    """The valid cases named by ``arguments`` (default: all); a file that cannot be used is skipped and
    reported (validation/repository.py): no document is ever issued from it."""
    loaded = load_cases(project, "不能据此出具文书", _paths(project, arguments))
    if not loaded.cases and not loaded.skipped:
        raise UserError("没有找到案件文件。")
    return loaded
