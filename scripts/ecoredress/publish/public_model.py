"""Derive the public twin of a model class: the same fields minus those marked private or internal.

The published projection's JSON Schema therefore cannot even describe a withheld field, and a new
private field added to the case model disappears from publication without touching this package.
Constraints on the length or form of a string are left behind: they check what the author typed, and masking
may shorten a text below its minimum (a title that was mostly a name) without making the case unpublishable.
"""

from __future__ import annotations

import types
import typing
from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin

from annotated_types import MaxLen, MinLen
from pydantic import BaseModel, ConfigDict, Field, create_model

from ecoredress.model.types import is_withheld

PUBLIC_CONFIG = ConfigDict(extra="forbid", frozen=True)


class PublicSection(BaseModel):
    model_config = PUBLIC_CONFIG


@cache
def public_model(model: type[BaseModel]) -> type[BaseModel]:
    """``Public<Name>``: the fields of ``model`` that may be published, with nested models made public too."""
    fields: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if is_withheld(info):
            continue
        annotation = _public_type(info.annotation)
        if kept := [m for m in info.metadata if not _string_constraint(m)]:
            annotation = Annotated[(annotation, *kept)]
        options: dict[str, Any] = {"title": info.title, "description": info.description}
        if info.default_factory is not None:
            options["default_factory"] = info.default_factory
        elif not info.is_required():
            options["default"] = info.default
        fields[name] = (annotation, Field(**options))
    return create_model(f"Public{model.__name__}", __base__=PublicSection, __doc__=model.__doc__, **fields)


def _string_constraint(metadata: Any) -> bool:
    return isinstance(metadata, (MinLen, MaxLen)) or getattr(metadata, "pattern", None) is not None


def _public_type(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return public_model(annotation)
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is None or not args:
        return annotation
    if origin is typing.Annotated:
        return Annotated[(_public_type(args[0]), *annotation.__metadata__)]
    if origin in (Union, types.UnionType):
        return Union[tuple(_public_type(a) for a in args)]  # noqa: UP007 - built at run time
    if origin is list:
        return list[_public_type(args[0])]  # type: ignore[misc]
    if origin is typing.Literal:
        return annotation
    raise TypeError(f"public_model: unsupported annotation {annotation!r}")
