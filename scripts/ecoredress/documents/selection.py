"""Resolve the command line: which case files, which document kinds."""

from __future__ import annotations

from pathlib import Path

from ecoredress.documents.annual import ANNUAL_KEY, ANNUAL_NAME
from ecoredress.documents.kinds import BY_KEY, BY_NAME
from ecoredress.errors import UserError
from ecoredress.loading.discovery import discover_case_files
from ecoredress.model import Case
from ecoredress.model.types import CASE_ID_RE
from ecoredress.project import Project
from ecoredress.validation.checker import load_case


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


def load_cases(project: Project, arguments: list[str]) -> list[Case]:
    """Schema-valid cases; an invalid file stops the run (documents are never issued from a broken file)."""
    cases = []
    for path in discover_case_files(_paths(project, arguments)):
        checked = load_case(path, str(path))
        if checked.case is None:
            first = checked.findings[0]
            raise UserError(
                f"案件文件 {path} 未通过校验（{first.message}），不能据此出具文书。请先运行 `ecoredress check {path}` 并修正。"
            )
        cases.append(checked.case)
    if not cases:
        raise UserError("没有找到案件文件。")
    return cases
