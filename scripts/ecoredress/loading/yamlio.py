"""YAML parsing with ruamel.yaml.

Every text is first screened by ``loading/guarded.py`` (size, depth, number of values, anchors and aliases,
tags, control characters): both parsers below build documents recursively and expand aliases, so they only
ever see a text that passed. Two parsers, one job each:
- ``load_data``: the fast path (libyaml via ruamel.yaml.clib) used to validate every file.
  Floats become ``Decimal`` so money is never binary floating point; a date-shaped value that
  is not a real date (2024-02-30) stays a string, so the schema reports it at its position.
- ``roundtrip``: the slow path that keeps comments, key order and line/column marks; used only
  to locate findings and to edit files.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import RoundTripConstructor, SafeConstructor
from ruamel.yaml.error import YAMLError
from ruamel.yaml.events import (
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.resolver import VersionedResolver

from ecoredress.errors import UserError
from ecoredress.loading.guarded import (
    DEFAULT_LIMITS,
    InputRejected,
    Limits,
    read_case_bytes,
    screen,
    screened_events,
)


class _CaseConstructor(SafeConstructor):
    def construct_yaml_float(self, node: Any) -> Any:
        text = str(self.construct_scalar(node)).replace("_", "")
        try:
            return Decimal(text)
        except InvalidOperation:  # .inf / .nan: let the schema reject them
            return super().construct_yaml_float(node)

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        try:
            return super().construct_yaml_timestamp(node, values)
        except ValueError:
            return str(self.construct_scalar(node))


_CaseConstructor.add_constructor("tag:yaml.org,2002:float", _CaseConstructor.construct_yaml_float)
_CaseConstructor.add_constructor("tag:yaml.org,2002:timestamp", _CaseConstructor.construct_yaml_timestamp)


class _Yaml12Resolver(VersionedResolver):
    # Case files are YAML 1.2; fixing the version skips a per-scalar lookup that costs ~40% of load time.
    @property
    def processing_version(self) -> tuple[int, int]:
        return (1, 2)


def _fast_yaml() -> YAML:
    yaml = YAML(typ="safe", pure=False)
    yaml.Constructor = _CaseConstructor
    yaml.Resolver = _Yaml12Resolver
    return yaml


_FAST = _fast_yaml()


def load_data(text: str, limits: Limits = DEFAULT_LIMITS) -> Any:
    """Parse YAML text to plain Python data (dict, list, str, int, Decimal, date, bool, None); InputRejected
    for a text over ``limits`` or holding what case files never hold."""
    built = _Built()
    for event in screened_events(text, limits):
        built.add(event)
    if built.unusual:  # what such a file holds, or which error it raises, is ruamel's to say
        try:
            return _dates_only(_FAST.load(text))
        except _VALUE_ERRORS:
            raise unreadable_value(text, limits) from None
    return built.data


# What ruamel's constructors raise, instead of a YAMLError, for a value they cannot make: 0x_, !!int x, !!bool x.
_VALUE_ERRORS = (ValueError, KeyError, IndexError, TypeError, OverflowError)
_KINDS = {"int": "整数", "float": "数字", "bool": "是非值", "null": "空值", "timestamp": "日期"}


def unreadable_value(text: str, limits: Limits = DEFAULT_LIMITS) -> InputRejected:
    """The first scalar of ``text`` (already screened under ``limits``) that the constructor cannot make, located;
    ruamel said only which Python error it met."""
    for event in screened_events(text, limits):
        if type(event) is not ScalarEvent:
            continue
        tag = event.tag or (_resolved(event.value) if event.implicit[0] else _STR)
        make = _MAKERS.get(tag)
        if tag == _STR or make is None:
            continue
        try:
            make(_CONSTRUCTOR, ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style))
        except _VALUE_ERRORS:
            kind = _KINDS.get(tag.rsplit(":", 1)[-1], tag)
            shown = event.value if len(event.value) <= 40 else event.value[:40] + "…"
            mark = event.start_mark
            return InputRejected(
                "unreadable-value",
                f"值“{shown}”不能作为{kind}读取。请写成普通的数字、日期或文字（文字可加引号）；"
                "不要在值前加 !!int、!!float 等类型标记。",
                mark.line + 1,
                mark.column + 1,
            )
    return InputRejected("unreadable-value", "文件中有无法读取的值。请检查各项的写法，不要使用 !!int 等类型标记。")


class _Built:
    """The data ruamel's ``_FAST.load`` builds, built from the libyaml events the screen has read anyway, for a file
    of mappings with string keys, lists and untagged scalars in one document: the file is parsed once, not a second
    time for ruamel's node graph and constructor, which cost more than all the rules of ``check`` (issue 14).
    Each scalar is resolved by the resolver's own table and made by the constructor's own method. Anything else (a
    tag, a key that is no string, a key used twice, a second document, a value the constructor refuses) makes the
    file ``unusual``: ruamel then builds it, or raises its own error, as it always did; so does a screen that fails
    after such a value."""

    def __init__(self) -> None:
        self.data: Any = None
        self.unusual = False
        self._documents = 0
        self._open: list[Any] = []  # the mappings and lists being filled, the innermost last
        self._key: list[Any] = []  # for each of them, the key whose value comes next (_NO_KEY: a key comes next)

    def add(self, event: Any) -> None:
        kind = type(event)
        if self.unusual:
            return
        if kind is ScalarEvent:
            if event.tag is not None:
                self.unusual = True
            else:
                self._put(event.value, _resolved(event.value) if event.implicit[0] else _STR, event)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.tag is not None:
                self.unusual = True
            else:
                container: Any = {} if kind is MappingStartEvent else []
                self._put(container, None, event)
                self._open.append(container)
                self._key.append(_NO_KEY)
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            self._open.pop()
            self._key.pop()
        elif kind is DocumentStartEvent:
            self._documents += 1
            self.unusual = self._documents > 1  # ruamel: expected a single document

    def _put(self, value: Any, tag: str | None, event: Any) -> None:
        if tag is not None and tag != _STR:
            value = self._made(tag, value, event)
        if not self._open:
            self.data = value
            return
        container = self._open[-1]
        if type(container) is list:
            container.append(value)
        elif self._key[-1] is not _NO_KEY:
            container[self._key[-1]] = value
            self._key[-1] = _NO_KEY
        elif tag != _STR or value in container:  # a key that is no string, or one the mapping already has
            self.unusual = True
        else:
            self._key[-1] = value

    def _made(self, tag: str, value: str, event: Any) -> Any:
        make = _MAKERS.get(tag)
        if make is None:
            self.unusual = True
            return None
        try:
            made = make(_CONSTRUCTOR, ScalarNode(tag, value, event.start_mark, event.end_mark, event.style))
        except Exception:  # noqa: BLE001 - ruamel raises it again when it builds the file
            self.unusual = True
            return None
        return made.isoformat() if isinstance(made, dt.datetime) else made  # as _dates_only


_NO_KEY = object()
_STR = "tag:yaml.org,2002:str"
_CONSTRUCTOR = _FAST.constructor
_MAKERS = type(_CONSTRUCTOR).yaml_constructors


def _implicit_resolvers() -> dict[str | None, list[tuple[str, re.Pattern[str]]]]:
    """ruamel's table of implicit tags for the YAML version of case files, by first character, each list followed by
    the resolvers for any character (as Resolver.resolve reads it), the patterns compiled."""
    table = _FAST.resolver.versioned_resolver
    anywhere = table.get(None, [])
    return {
        first: [(str(tag), pattern.lazy_self()) for tag, pattern in [*pairs, *anywhere]]
        for first, pairs in [*table.items(), (None, [])]
    }


_IMPLICIT = _implicit_resolvers()


def _resolved(plain: str) -> str:
    """The tag ruamel's resolver gives a plain scalar (Resolver.resolve, without its Tag object)."""
    for tag, pattern in _IMPLICIT.get(plain[0] if plain else "", _IMPLICIT[None]):
        if pattern.match(plain):
            return tag
    return _STR


def _dates_only(value: Any) -> Any:
    # libyaml timestamps with a time part become datetime; cases hold dates only, keep the text form for the schema.
    if isinstance(value, dict):
        return {k: _dates_only(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates_only(v) for v in value]
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return value


class _RawTimestamp(str):
    """A date-shaped scalar that is no real date (2024-02-30): kept as written for `check` to report."""


class _CaseRoundTripConstructor(RoundTripConstructor):
    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        try:
            return super().construct_yaml_timestamp(node, values)
        except ValueError:
            return _RawTimestamp(node.value)


_CaseRoundTripConstructor.add_constructor(
    "tag:yaml.org,2002:timestamp", _CaseRoundTripConstructor.construct_yaml_timestamp
)


class _CaseRepresenter(RoundTripRepresenter):
    pass


def _represent_decimal(representer: RoundTripRepresenter, amount: Decimal) -> Any:
    # Amounts written back by `ecoredress fix` are plain YAML numbers with every digit kept: 600000 or 1272400.00.
    tag = "tag:yaml.org,2002:int" if amount.as_tuple().exponent >= 0 else "tag:yaml.org,2002:float"  # type: ignore[operator]
    return representer.represent_scalar(tag, format(amount, "f"))


_CaseRepresenter.add_representer(Decimal, _represent_decimal)
# An impossible date goes back exactly as it came, unquoted.
_CaseRepresenter.add_representer(_RawTimestamp, lambda r, d: r.represent_scalar("tag:yaml.org,2002:timestamp", str(d)))


def roundtrip() -> YAML:
    """A round-trip YAML instance that keeps comments, key order and quoting."""
    yaml = YAML(typ="rt")
    yaml.Constructor = _CaseRoundTripConstructor
    yaml.Representer = _CaseRepresenter
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap long Chinese lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def load_roundtrip(text: str, limits: Limits = DEFAULT_LIMITS) -> Any:
    screen(text, limits)
    try:
        return roundtrip().load(text)
    except _VALUE_ERRORS:
        raise unreadable_value(text, limits) from None


def dump_roundtrip(data: Any, explicit_start: bool = False) -> str:
    yaml = roundtrip()
    yaml.explicit_start = explicit_start  # keep a leading "---" the file had
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue()


def load_file(path: Path, root: Path | None = None) -> Any:
    """A repository settings file (local calendar, local rule profile) read and parsed like a case file, without
    following links below ``root``; every problem is a UserError naming the file, line and column. A missing file
    raises FileNotFoundError."""
    try:
        return load_data(read_case_bytes(path, DEFAULT_LIMITS, root).decode("utf-8-sig"))
    except InputRejected as exc:
        raise UserError(exc.located(str(path)), exit_code=1) from None
    except UnicodeDecodeError as exc:
        raise UserError(f"{path}: 文件不是 UTF-8 编码（第 {exc.start} 字节）。请用 UTF-8 另存。", exit_code=1) from None
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        problem = str(exc).splitlines()[0]
        raise UserError(
            f"{where}: YAML 语法错误（{problem}）。请检查缩进（用空格，不用 Tab）、冒号后的空格和引号是否成对。",
            exit_code=1,
        ) from None


def read_text(path: Path, limits: Limits = DEFAULT_LIMITS) -> str:
    """Read a case file as UTF-8 (a BOM is tolerated); a link or a special file is refused (RefusedFile), a
    file over the size limit too, before it is read (InputRejected)."""
    return read_case_bytes(path, limits).decode("utf-8-sig")
