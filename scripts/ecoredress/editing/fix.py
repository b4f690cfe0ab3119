"""`ecoredress fix`: rewrite loosely typed values in their standard form, touching nothing else.

Only unambiguous rewrites are made, each decided by the field's type in the case model:
发文字号 (宁环赔[2024]第03号 → 宁环赔〔2024〕3号), dates (2024年4月3日 → 2024-04-03), amounts
(1,272,400.00 / 127.24万元 → 1272400.00) and identifiers (full-width or lower-case → standard).
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ecoredress.loading.guarded import DEFAULT_LIMITS, Limits, read_case_bytes
from ecoredress.loading.yamlio import dump_roundtrip, load_roundtrip
from ecoredress.model.introspect import Loc
from ecoredress.model.normalise import proposed_fix, shown


@dataclass(frozen=True)
class Fix:
    line: int
    column: int
    what: str
    before: str
    after: str


def fix_text(text: str, limits: Limits = DEFAULT_LIMITS) -> tuple[str, list[Fix]]:
    """The file with every fix applied (unchanged text if none), and the fixes with their positions. A text
    over ``limits``, or with an alias (whose shared value one rewrite would change everywhere), is refused
    before it is parsed (InputRejected)."""
    data = load_roundtrip(text, limits)
    fixes: list[Fix] = []
    _walk(data, (), fixes)
    explicit_start = text.lstrip("\ufeff").startswith("---")
    return (dump_roundtrip(data, explicit_start) if fixes else text), fixes


def _walk(node: Any, loc: Loc, fixes: list[Fix]) -> None:
    if isinstance(node, CommentedMap):
        for key in list(node):
            value = node[key]
            if found := proposed_fix((*loc, key), value):
                line, column = node.lc.value(key)
                fixes.append(Fix(line + 1, column + 1, found[0], value, shown(found[1])))
                node[key] = found[1]
            else:
                _walk(value, (*loc, key), fixes)
    elif isinstance(node, CommentedSeq):
        for index, item in enumerate(node):
            _walk(item, (*loc, index), fixes)


def fix_file(path: Path, write: bool, limits: Limits = DEFAULT_LIMITS) -> list[Fix]:
    """Fix one file; with ``write`` the file is replaced atomically, keeping its BOM and line endings."""
    raw = read_case_bytes(path, limits)  # a link, a special file or a file over the limit is refused unread
    bom = raw.startswith(b"\xef\xbb\xbf")
    newline = "\r\n" if b"\r\n" in raw else "\n"
    text = raw.decode("utf-8-sig").replace("\r\n", "\n")
    fixed, fixes = fix_text(text, limits)
    if fixes and write:
        _replace(path, fixed.replace("\n", newline), bom)
    return fixes


def _replace(path: Path, text: str, bom: bool) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as out:
            out.write(text)
        os.chmod(temporary, path.stat().st_mode & 0o777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
