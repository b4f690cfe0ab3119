"""Which files are case files, and which are quarterly screening logs."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath

from ecoredress.errors import UserError

CASE_SUFFIXES = (".yaml", ".yml")
SCREENING_DIR = "screening"  # quarterly screening logs live beside the cases (第九条)


def _yaml_files(paths: Iterable[Path]) -> list[Path]:
    found: set[Path] = set()
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            found.update(_entries(path))
        elif os.path.lexists(path):
            found.add(path)  # a file, or a link or special file the reader refuses with a located error
        else:
            raise UserError(f"找不到文件或目录：{path}。请检查路径是否正确。")
    return sorted(found)


def _entries(folder: Path) -> Iterator[Path]:
    """Case files under ``folder``, walked without following links. Linked folders, and links or special files
    named like case files, are listed too: reading them reports them instead of skipping them silently."""
    for parent, folders, files in os.walk(folder, onerror=_unreadable):
        here = Path(parent)
        yield from (here / name for name in folders if (here / name).is_symlink())
        yield from (here / name for name in files if Path(name).suffix in CASE_SUFFIXES)


def _unreadable(exc: OSError) -> None:
    raise UserError(f"无法读取目录 {exc.filename}（{exc.strerror}）。请检查目录权限。")


def is_screening_log(path: Path | PurePosixPath) -> bool:
    """Screening logs sit directly in a ``screening`` folder (cases/screening/YC-2024.yaml)."""
    return path.parent.name == SCREENING_DIR


def discover_case_files(paths: Iterable[Path]) -> list[Path]:
    """Expand folders to the case files they hold, sorted; screening logs are not cases."""
    return [p for p in _yaml_files(paths) if not is_screening_log(p)]


def discover_screening_files(paths: Iterable[Path]) -> list[Path]:
    """The screening logs among ``paths`` (folders are searched, as for cases)."""
    return [p for p in _yaml_files(paths) if is_screening_log(p)]
