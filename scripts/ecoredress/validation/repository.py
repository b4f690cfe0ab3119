"""The cases of a repository, for every command that uses them besides `check`: one policy for a file that
cannot be used.

A case file that cannot be read, parsed or validated against the case model (a link, a file over a limit, an
alias, a control character, a syntax or schema error), or whose case number an earlier file already has
(two documents or pages would be written to one place), is skipped: each of its located findings goes to stderr
with its remedy, the command does its work with the other cases, and it exits with code 1, so that a script
or CI never takes the incomplete output for a complete one. Nothing is ever produced from a broken file.
`check` reports the same files as errors, and `build` stops on any error before producing anything.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from ecoredress.loading.discovery import discover_case_files
from ecoredress.loading.guarded import limits_from
from ecoredress.model import Case
from ecoredress.project import Project
from ecoredress.validation.checker import (
    CheckedFile,
    display_path,
    duplicate_id,
    load_case,
    place,
)
from ecoredress.validation.report import text_line


@dataclass(frozen=True)
class LoadedCases:
    cases: list[Case]
    skipped: list[CheckedFile]

    @property
    def exit_code(self) -> int:
        return 1 if self.skipped else 0


def load_cases(project: Project, consequence: str, paths: list[Path] | None = None) -> LoadedCases:
    """The valid cases among ``paths`` (default: the repository's cases folder), in file order; every file
    skipped is reported on stderr, ending with ``consequence`` (what the command did not do with it)."""
    limits = limits_from(project)
    cases, skipped = [], []
    seen: dict[str, str] = {}
    for path in discover_case_files(paths or [project.cases_dir]):
        checked = load_case(path, display_path(path, Path.cwd()), limits)
        if checked.case is not None and checked.case.id in seen:
            checked.findings.append(place(duplicate_id(checked.case.id, seen[checked.case.id]), checked))
        elif checked.case is not None:
            seen[checked.case.id] = checked.display
            cases.append(checked.case)
            continue
        skipped.append(checked)
    report_skipped(skipped, consequence)
    return LoadedCases(cases, skipped)


def report_skipped(files: list[CheckedFile], consequence: str, stream: TextIO | None = None) -> None:
    """Each located finding of the skipped ``files``, then one line saying what happened to them."""
    if not files:
        return
    out = stream or sys.stderr
    for checked in files:
        out.writelines(text_line(f) + "\n" for f in checked.findings)
    out.write(
        f"已跳过以上 {len(files)} 个无法使用的案件文件，{consequence}；其余案件照常处理，退出码为 1。"
        "请按提示改正后重新运行（ecoredress check 列出全部问题）。\n"
    )
