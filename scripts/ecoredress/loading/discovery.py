"""Which files are case files."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from ecoredress.errors import UserError

CASE_SUFFIXES = (".yaml", ".yml")
NON_CASE_DIRS = frozenset({"screening"})  # quarterly screening logs live beside the cases (第九条)


def discover_case_files(paths: Iterable[Path]) -> list[Path]:
    """Expand folders to the case files they hold, sorted; explicit files are taken as given."""
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found.update(
                p
                for p in path.rglob("*")
                if p.suffix in CASE_SUFFIXES and p.is_file() and not NON_CASE_DIRS & set(p.relative_to(path).parts[:-1])
            )
        elif path.is_file():
            found.add(path)
        else:
            raise UserError(f"找不到文件或目录：{path}。请检查路径是否正确。")
    return sorted(found)
