"""Chinese messages for a configuration file that does not fit its model (pyproject settings, rule profile).

Each problem names the file, the key path and what the value should be, with the value found, so a misspelt
key or a wrong type is fixed where it was written; pydantic's own English text never reaches the user.
"""

from __future__ import annotations

import json
import typing
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

Loc = tuple[str | int, ...]
SHOWN = 10  # problems listed; a file with more has its first ones fixed first
_INPUT_CHARS = 60

_TYPES = {
    "string_type": "应为文本（加英文双引号）",
    "int_type": "应为整数",
    "int_from_float": "应为整数",
    "int_parsing": "应为整数",
    "float_type": "应为数",
    "float_parsing": "应为数",
    "decimal_type": "应为数",
    "decimal_parsing": "应为数",
    "bool_type": "应为 true 或 false",
    "date_type": "应为 YYYY-MM-DD 格式的日期（不加引号）",
    "date_parsing": "应为 YYYY-MM-DD 格式的日期（不加引号）",
    "list_type": "应为列表",
    "tuple_type": "应为列表",
    "dict_type": "应为一组键值",
    "model_type": "应为一组键值",
    "model_attributes_type": "应为一组键值",
    "finite_number": "应为有限的数",
    "date_from_datetime_inexact": "应为 YYYY-MM-DD 格式的日期（不加引号）",
    "date_from_datetime_parsing": "应为 YYYY-MM-DD 格式的日期（不加引号）",
}


def describe(exc: ValidationError, model: type[BaseModel], where: Callable[[Loc], str], remedy: str) -> str:
    """The problems of ``exc`` one a line (``where`` turns a key path into its place in the file), then ``remedy``."""
    errors = exc.errors(include_url=False)
    lines = [f"{where(tuple(e['loc']))}：{_problem(e, model)}。" for e in errors[:SHOWN]]
    if len(errors) > SHOWN:
        lines.append(f"（另有 {len(errors) - SHOWN} 处问题未列出）")
    return "\n".join([*lines, remedy])


def _problem(error: ErrorDetails, model: type[BaseModel]) -> str:
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind == "extra_forbidden":
        known = known_keys(model, tuple(error["loc"][:-1]))
        return f"没有这一项（可用：{'、'.join(known)}），请检查拼写"
    if kind == "missing":
        return "缺少此项，请补上"
    if kind in ("literal_error", "enum"):
        text = f"应为 {_choices(str(ctx.get('expected', '')))}"
    elif kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        bound = _number(next(iter(ctx.values()), ""))
        text = {"greater_than": "应大于 {}", "greater_than_equal": "应不小于 {}", "less_than": "应小于 {}"}.get(
            kind, "应不超过 {}"
        ).format(bound)
    elif kind in ("too_short", "too_long"):
        text = f"应{'至少' if kind == 'too_short' else '至多'}有 {ctx.get('min_length', ctx.get('max_length'))} 项"
    elif kind == "string_too_short":
        text = "不能为空"
    elif kind == "string_too_long":
        text = f"应不超过 {ctx.get('max_length')} 个字"
    elif kind == "value_error":
        text = str(ctx.get("error", error["msg"]))
    else:
        text = _TYPES.get(kind, "值无效")
    return f"{text}，实为 {shown(error['input'])}"


def _number(value: Any) -> Any:
    """8.0 → 8: a bound as the user wrote it."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _choices(expected: str) -> str:
    """pydantic's "'a', 'b' or 'c'" as "a、b 或 c"."""
    return expected.replace("'", "").replace(", ", "、").replace(" or ", " 或 ")


def shown(value: Any) -> str:
    """A value as written in TOML/YAML, cut short: a huge value must not flood the terminal."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= _INPUT_CHARS else text[: _INPUT_CHARS - 1] + "…"


def known_keys(model: type[BaseModel], loc: Loc) -> list[str]:
    """The keys the model accepts at ``loc`` (as written in the file: aliases where a field has one), each with
    its Chinese name where the field has one (``address（住所）``). Below a table of named tables (a department's
    name) the name is passed over: the same model holds for every name."""
    holder: type[BaseModel] | None = model
    named = False  # the next part of ``loc`` is a name the user chose
    for part in loc:
        if isinstance(part, int) or named:
            named = False
            continue
        by_key = {info.alias or name: info for name, info in holder.model_fields.items()} if holder else {}
        if part not in by_key:
            return []
        annotation = by_key[part].annotation
        named = typing.get_origin(annotation) is dict
        holder = _model_in(annotation)
    if holder is None or named:
        return []
    return [
        f"{info.alias or name}（{info.title}）" if info.title else info.alias or name
        for name, info in holder.model_fields.items()
    ]


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model inside an annotation (X | None, tuple[X, ...], Annotated[X, ...]), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next((found for arg in typing.get_args(annotation) if (found := _model_in(arg))), None)
