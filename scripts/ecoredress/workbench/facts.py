"""Every fact of a case as labelled rows, for the internal case page: nothing left out, nothing masked.

The rows follow the model field by field with the model's Chinese titles, so a field added to the model shows
on the page without a template change. Personal and internal fields are marked, not hidden: the internal site
is where staff read them.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from ecoredress.model.types import INTERNAL, PRIVATE, yuan

BASIC = "基本信息"


@dataclass(frozen=True)
class Fact:
    level: int  # nesting below the section: 0 for a field of the section itself
    label: str
    value: str | None  # None for the heading of a nested part or a list item
    mark: str | None = None  # 个人信息 / 内部信息


@dataclass(frozen=True)
class Part:
    title: str
    facts: list[Fact]


def case_sections(case: BaseModel) -> list[Part]:
    """The case's top-level scalar fields under 基本信息, then one section per part that holds anything."""
    basic: list[Fact] = []
    sections: list[Part] = []
    for title, info, value, nested in _filled(case):
        if nested:
            sections.append(Part(title, list(_rows(value, 0))))
        else:
            basic.append(Fact(0, title, text(value), _mark(info)))
    return [Part(BASIC, basic), *sections]


def _filled(model: BaseModel) -> Iterator[tuple[str, Any, Any, bool]]:
    """The fields of ``model`` that hold something: title, field info, value, and whether it holds parts."""
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        if not _empty(value):
            yield info.title or name, info, value, isinstance(value, BaseModel) or _models(value)


def _rows(value: Any, level: int) -> Any:
    if isinstance(value, BaseModel):
        for label, info, child, nested in _filled(value):
            if nested:
                yield Fact(level, label, None, _mark(info))
                yield from _rows(child, level + 1)
            else:
                yield Fact(level, label, text(child), _mark(info))
    else:  # a list of parts: one numbered heading per item
        for number, item in enumerate(value, start=1):
            yield Fact(level, f"第 {number} 项", None)
            yield from _rows(item, level + 1)


def text(value: Any) -> str:
    """A value as the page shows it: amounts in yuan with two decimals, dates as written in the file."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return yuan(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, (list, tuple)):
        return "、".join(text(v) for v in value)
    return str(value)


def _models(value: Any) -> bool:
    return isinstance(value, list) and any(isinstance(v, BaseModel) for v in value)


def _empty(value: Any) -> bool:
    return value is None or value == [] or value == ""


def _mark(info: Any) -> str | None:
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    return "个人信息" if extra.get(PRIVATE) else ("内部信息" if extra.get(INTERNAL) else None)
