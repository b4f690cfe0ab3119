"""Hostile text for the portal: a payload corpus, and cases that carry text in every public string field.

The fields come from the case model (every string field not withheld from publication, however deep), not
from a list kept by hand: a field added to the model is filled too, or the coverage test names it.
"""

from __future__ import annotations

import copy
import enum
import types
import typing
from collections.abc import Callable, Iterator
from functools import cache
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from ecoredress.model import Case
from ecoredress.model.enums import PublicItem
from ecoredress.presentation.masking import is_withheld

FENCE = "```{ tabindex=1 autofocus=1 onfocus=alert(document.domain) }\nx\n```"  # issue 9, finding 1
# One payload a line, so that every block construct starts at the beginning of a line.
CORPUS = (
    FENCE,
    "~~~{: onclick=alert(1) }\ny\n~~~",
    "``` {.python #fence onmouseover=alert(1)}\nz\n```",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg/onload=alert(1)>',
    "'\"><iframe src=javascript:alert(1)></iframe>",
    '<a href="javascript:alert(1)">链接</a>',
    "javascript:alert(1)",
    "[点我](javascript:alert(1))",
    '[x](javascript:alert(1) "t") [y](<javascript:alert(1)>)',
    '![x](y) ![图](x" onerror="alert(1))',
    "[x][ref] [TOC]\n[ref]: javascript:alert(1)",
    "<http://example.invalid/> <mail@example.invalid>",
    "{{ 7*7 }} {% raw %} {# c #} {%- if true -%} ${7*7} #{7*7}",
    "{: onclick=alert(1) } { #id .cls onmouseover=alert(1) }",
    "# 标题 {#x onclick=alert(1)}",
    "## Heading 标题\nSetext 标题\n===\nSub 子标题\n---",
    "- 列表\n* 列表\n+ 列表\n1. 列表\n2) 列表",
    "> 引用 {: onclick=alert(1) }",
    "| a | b |\n|---|---|\n| 1 | <b>2</b> |",
    "    indented 缩进代码\n\ttab 制表符代码",
    "**粗体** __粗体__ *斜体* _斜体_ `代码` ``co`de`` ~~删除~~ ==标记== ^^上^^",
    "&lt;script&gt;alert(1)&lt;/script&gt; &#60;b&#62; &#x3C;i&#x3E; &amp; &nbsp; &copy",
    "[^1] 脚注\n[^1]: 脚注内容\n*[HTML]: 缩写\nTerm\n: 定义",
    "<!-- 注释 --> <![CDATA[x]]> <?php ?> \\<b\\> \\`",
    "***\n___\n- - -",
    '<div markdown="1">*x*</div> <details open ontoggle=alert(1)>',
    "jaVasCript:/*-/*`/*\\`/*'/*\"/**/(/* */oNcliCk=alert() "
    ")//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=alert()//>\\x3e",
    "＜script＞alert(1)＜/script＞x｀｀｀x［x］（javascript:alert(1)） full-width",
    "行\u2028<script>alert(1)</script>\u2029段\x85下一行",
    "\u202eRTL override\u202c \u200b零宽\u200d \ufeffBOM",
)
CORPUS_TEXT = "\n".join(CORPUS)
# Payloads with no space between them, for fields whose pattern allows none before the value (发文字号
# "\S+〔2024〕3号").
COMPACT = "<img/src=x/onerror=alert(1)>```{onfocus=alert(1)}[x](javascript:alert(1))<script>alert(1)</script>{{7*7}}"

Loc = tuple[str | int, ...]


def public_text_fields(model: type[BaseModel] = Case, prefix: str = "") -> set[str]:
    """Dotted paths (list items stepped over) of every string field of ``model`` that may be published."""
    found: set[str] = set()
    for name, info in model.model_fields.items():
        if not is_withheld(info):
            found |= _text_fields(info.annotation, f"{prefix}{name}")
    return found


def _text_fields(annotation: Any, path: str) -> set[str]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return public_text_fields(annotation, f"{path}.")
    if annotation is str:
        return {path}
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return _text_fields(args[0], path)
    if origin in (typing.Union, types.UnionType, list):
        return set().union(*(_text_fields(a, path) for a in args))
    return set()


def text_locations(model: BaseModel, loc: Loc = (), path: str = "") -> Iterator[tuple[Loc, str, str]]:
    """(location, dotted field path, value) of every string in a field of ``model`` that may be published."""
    for name, info in type(model).model_fields.items():
        if not is_withheld(info):
            yield from _located(getattr(model, name), (*loc, name), f"{path}{name}")


def _located(value: Any, loc: Loc, path: str) -> Iterator[tuple[Loc, str, str]]:
    if isinstance(value, BaseModel):
        yield from text_locations(value, loc, f"{path}.")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _located(item, (*loc, index), path)
    elif isinstance(value, str) and not isinstance(value, enum.Enum):
        yield loc, path, value


def _absent(model: BaseModel, loc: Loc = ()) -> Iterator[tuple[Loc, Any]]:
    """(location, type) of every optional public field of ``model`` left empty: a string, or a section inside a
    recorded one (a whole stage added to a case would contradict its dates)."""
    for name, info in type(model).model_fields.items():
        if is_withheld(info):
            continue
        value = getattr(model, name)
        if value is None:
            filled = [a for a in typing.get_args(info.annotation) if a is not type(None)]
            if len(filled) == 1 and (filled[0] is str or loc):
                yield (*loc, name), filled[0]
        for index, child in enumerate(value if isinstance(value, list) else [value]):
            if isinstance(child, BaseModel):
                yield from _absent(child, (*loc, name, index) if isinstance(value, list) else (*loc, name))


def sections(cases: list[Case]) -> dict[type, dict[str, Any]]:
    """One recorded instance of every kind of section found in ``cases``, to fill a case that lacks it."""
    found: dict[type, dict[str, Any]] = {}

    def walk(value: Any) -> None:
        if isinstance(value, BaseModel):
            found.setdefault(type(value), value.model_dump())
            for name in type(value).model_fields:
                walk(getattr(value, name))
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for case in cases:
        walk(case)
    return found


@cache
def _field_adapter(model: type[BaseModel], name: str) -> TypeAdapter:
    info = model.model_fields[name]
    return TypeAdapter(Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation)


def _model_at(case: BaseModel, loc: Loc) -> BaseModel:
    holder: Any = case
    for part in loc[:-1]:
        holder = holder[part] if isinstance(part, int) else getattr(holder, part)
    return holder


def _accepts(case: BaseModel, loc: Loc, value: str) -> bool:
    """Whether the field at ``loc`` accepts ``value`` (its type, pattern and validators; list items one by one)."""
    last = max(i for i, part in enumerate(loc) if isinstance(part, str))
    name, holder = loc[last], _model_at(case, loc[: last + 1])
    old = getattr(holder, name)
    new = value if not isinstance(old, list) else [value if i == loc[-1] else v for i, v in enumerate(old)]
    try:
        _field_adapter(type(holder), name).validate_python(new)
    except ValidationError:
        return False
    return True


def _set(data: Any, loc: Loc, value: Any) -> None:
    for part in loc[:-1]:
        data = data[part]
    data[loc[-1]] = value


def with_text(
    case: Case, text: Callable[[str, str], tuple[str, ...]], filling: dict[type, dict[str, Any]]
) -> tuple[Case, set[str]]:
    """``case`` published with every item, each empty optional section or string filled (sections from
    ``filling``), and every public string ``value`` of field ``path`` replaced by the first of ``text(value,
    path)`` that the field accepts. Returns the case and the fields that accepted none."""
    data = case.model_dump()
    data["disclosure"] = {**data["disclosure"], "publish": True, "items": list(PublicItem)}
    if data["disclosure"]["decided_on"] is None:
        data["disclosure"]["decided_on"] = case.clue.found_on
    for loc, kind in _absent(case):
        if kind is str or kind in filling:
            _set(data, loc, "" if kind is str else copy.deepcopy(filling[kind]))
            try:
                Case.model_validate(data)
            except ValidationError:
                _set(data, loc, None)
    filled = Case.model_validate(data)
    refused = set()
    for loc, path, value in text_locations(filled):
        for candidate in text(value, path):
            if _accepts(filled, loc, candidate):
                _set(data, loc, candidate)
                break
        else:
            refused.add(path)
    return Case.model_validate(data), refused
