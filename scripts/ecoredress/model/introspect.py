"""Reading the case model along a YAML path: which field, which type, which Chinese title."""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from ecoredress.model.types import is_withheld

Loc = tuple[str | int, ...]


def annotation_at(model: type[BaseModel], loc: Loc) -> Any:
    """Type annotation of the value at ``loc`` (list indexes are stepped over), or None if unknown."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        cls = as_model(current, part)
        if cls is None or part not in cls.model_fields:
            return None
        current = cls.model_fields[part].annotation
    return current


def as_model(annotation: Any, next_key: str | None) -> type[BaseModel] | None:
    """Unwrap Optional/list/Union/Annotated down to a model (for a union, the one that has ``next_key``)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return as_model(typing.get_args(annotation)[0], next_key)
    if origin in (list, typing.Union, types.UnionType):
        candidates = [m for a in typing.get_args(annotation) if (m := as_model(a, next_key))]
        matching = [c for c in candidates if next_key is None or next_key in c.model_fields]
        return next(iter(matching or candidates), None)
    return None


def fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    holder = as_model(annotation_at(model, loc), None)
    return list(holder.model_fields) if holder else []


def title_at(model: type[BaseModel], loc: Loc) -> str | None:
    """The Chinese title of the field at ``loc``."""
    last = next((i for i in range(len(loc) - 1, -1, -1) if isinstance(loc[i], str)), None)
    if last is None:
        return None
    holder = as_model(annotation_at(model, loc[:last]), str(loc[last]))
    info = holder.model_fields.get(str(loc[last])) if holder else None
    return info.title if info else None


def _is(model: type[BaseModel], loc: Loc, kind: type) -> bool:
    annotation = annotation_at(model, loc)
    members = (
        typing.get_args(annotation)
        if typing.get_origin(annotation) in (typing.Union, types.UnionType)
        else (annotation,)
    )
    # Optional[Money] is Optional[Annotated[Decimal, ...]]: look through the Annotated wrapper.
    return any(
        m is kind or (typing.get_origin(m) is typing.Annotated and typing.get_args(m)[0] is kind) for m in members
    )


def is_date(model: type[BaseModel], loc: Loc) -> bool:
    return _is(model, loc, dt.date)


def is_money(model: type[BaseModel], loc: Loc) -> bool:
    return _is(model, loc, Decimal)


def public_strings(value: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """(location, text) of every string of ``value`` in a field that is published (not private or internal)."""
    if isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            if not is_withheld(info):
                yield from public_strings(getattr(value, name), (*loc, name))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from public_strings(item, (*loc, index))
    elif isinstance(value, str) and not isinstance(value, enum.Enum):
        yield loc, value
