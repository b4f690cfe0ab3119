"""Which files are case files, and which are quarterly screening logs."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Iterable

from ecoredress.errors import UserError

CASE_SUFFIXES = (".yaml", ".yml")
SCREENING_DIR = "screening"  # quarterly screening logs live beside the cases (第九条)


def _yaml_files(paths: Iterable[Path]) -> list[Path]:
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found.update(p for p in path.rglob("*") if p.suffix in CASE_SUFFIXES and p.is_file())
        elif path.is_file():
            found.add(path)
        else:
            raise UserError(f"找不到文件或目录：{path}。请检查路径是否正确。")
    return sorted(found)


def is_screening_log(path: Path | PurePosixPath) -> bool:
    """Screening logs sit directly in a ``screening`` folder (cases/screening/YC-2024.yaml)."""
    return path.parent.name == SCREENING_DIR


def discover_case_files(paths: Iterable[Path]) -> list[Path]:
    """Expand folders to the case files they hold, sorted; screening logs are not cases."""
    return [p for p in _yaml_files(paths) if not is_screening_log(p)]


def discover_screening_files(paths: Iterable[Path]) -> list[Path]:
    """The screening logs among ``paths`` (folders are searched, as for cases)."""
    return [p for p in _yaml_files(paths) if is_screening_log(p)]
