"""A finding: one located, coded, Chinese message about a case file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]


@dataclass(frozen=True)
class Finding:
    """``loc`` is the path inside the case (``("assessment", "report_on")``); the checker turns it into
    ``line``/``column``. ``key`` asks for the key's position instead of the value's (unknown keys), ``excerpt``
    for the position of a piece of text inside the value.

    A rule's finding carries ``fact_on``, the date of the fact it judges (see ``validation.analogy``); one
    about a fact before the cited instrument took effect is applied by analogy (参照): ``analogy`` then
    names the profile article applied, and ``article`` is what governed on ``fact_on`` where that is verified."""

    code: str
    severity: Severity
    message: str
    loc: tuple[str | int, ...] = ()
    article: str | None = None
    path: str = ""
    line: int | None = None
    column: int | None = None
    key: bool = field(default=False, compare=False)
    # Text inside the value to point at (a suspected name in a long paragraph), with where it starts in the value.
    excerpt: tuple[str, int] | None = field(default=None, compare=False)
    fact_on: dt.date | None = None
    analogy: str | None = None

    @property
    def basis(self) -> str:
        """The citation as a reader sees it: 依据 (the article applied), 参照 (applied by analogy), or both when
        an earlier instrument's verified article governed and this profile's article is applied by analogy."""
        if self.analogy is None:
            return f"依据：{self.article}"
        if self.analogy == self.article:
            return f"参照：{self.article}"
        return f"依据：{self.article}；参照：{self.analogy}"

    @property
    def pointer(self) -> str:
        """JSON Pointer of ``loc`` (RFC 6901)."""
        return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in self.loc)

    def placed(self, path: str, line: int, column: int) -> Finding:
        return replace(self, path=path, line=line, column=column)

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "pointer": self.pointer,
            "article": self.article,
            "fact_on": self.fact_on.isoformat() if self.fact_on else None,
            "analogy": self.analogy is not None,
            "analogy_of": self.analogy,
        }


def error(
    code: str, message: str, loc: Sequence[str | int] = (), article: str | None = None, on: dt.date | None = None
) -> Finding:
    return Finding(code, Severity.ERROR, message, tuple(loc), article, fact_on=on)


def warning(
    code: str, message: str, loc: Sequence[str | int] = (), article: str | None = None, on: dt.date | None = None
) -> Finding:
    return Finding(code, Severity.WARNING, message, tuple(loc), article, fact_on=on)


def info(
    code: str, message: str, loc: Sequence[str | int] = (), article: str | None = None, on: dt.date | None = None
) -> Finding:
    return Finding(code, Severity.INFO, message, tuple(loc), article, fact_on=on)
