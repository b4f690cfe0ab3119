"""The one guarded way into the repository's YAML: bounded size, depth and number of values; no anchors or
aliases, no tags beyond YAML's core ones, no control characters.

Case files come from staff, from the form editor and from merge requests opened by outsiders, so each may be
huge, deeply nested or an alias bomb. The parsers behind ``loading/yamlio.py`` build the whole document
recursively (a 5,000-level file overflows Python's stack) and expand every alias (nine levels of nine
aliases make a billion values). So before any of them runs, ``screen`` reads libyaml's event stream, which is
produced iteratively, and stops at the first event over a limit: nothing beyond it is parsed, and no
recursive step ever sees a file that is too deep or aliased. ``read_case_bytes`` refuses a file larger than
the limit from its size on the open descriptor, before reading it.

Anchors and aliases are refused outright rather than capped: staff never write them and the form editor never
produces them, while an expanded alias is shared data that `ecoredress fix` could not rewrite in one place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ruamel.yaml import YAML
from ruamel.yaml.events import (
    AliasEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from ecoredress.confined import OversizedFile, read_file
from ecoredress.errors import UserError
from ecoredress.settings import CEILING_DEPTH, CEILING_FILE_MB, CEILING_VALUES

if TYPE_CHECKING:
    from ecoredress.project import Project

MB = 1024 * 1024
SETTINGS = "limits"  # [tool.ecoredress.limits] in pyproject.toml


@dataclass(frozen=True)
class Limits:
    """How large one repository YAML file may be. The defaults leave a real case (about 40 KB, five levels,
    under 1,000 values) a wide margin; the ceilings keep a raised limit within what a build machine bears."""

    file_bytes: int = 2 * MB
    depth: int = 20
    values: int = 20_000


DEFAULT_LIMITS = Limits()
CEILINGS = Limits(file_bytes=CEILING_FILE_MB * MB, depth=CEILING_DEPTH, values=CEILING_VALUES)
_CORE_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq"))


class InputRejected(UserError):
    """A repository file over a limit or holding what case files never hold, with its 1-based position."""

    exit_code = 1

    def __init__(self, code: str, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.code, self.line, self.column = code, line, column

    def located(self, display: str) -> str:
        return f"{display}:{self.line}:{self.column}: {self}"


def limits_from(project: Project | None) -> Limits:
    """The limits set in ``[tool.ecoredress.limits]`` (keys max_file_mb, max_depth, max_values; their ceilings
    are checked with the settings)."""
    if project is None:
        return DEFAULT_LIMITS
    chosen = project.settings.limits
    return Limits(
        file_bytes=DEFAULT_LIMITS.file_bytes if chosen.max_file_mb is None else int(chosen.max_file_mb * MB),
        depth=chosen.max_depth or DEFAULT_LIMITS.depth,
        values=chosen.max_values or DEFAULT_LIMITS.values,
    )


def read_case_bytes(path: Path, limits: Limits = DEFAULT_LIMITS, root: Path | None = None) -> bytes:
    """The bytes of a repository file, read without following links (confined.read_file); a file over the
    size limit is refused before it is read."""
    try:
        return read_file(path, root, limit=limits.file_bytes)
    except OversizedFile as exc:
        raise _too_large(exc.size, limits) from None


def screen(text: str, limits: Limits = DEFAULT_LIMITS) -> None:
    """Raise InputRejected at the first thing in ``text`` that no case file holds or that is over a limit.
    Syntax errors are left to the parser that follows (ruamel's YAMLError)."""
    for _ in screened_events(text, limits):
        pass


def screened_events(text: str, limits: Limits = DEFAULT_LIMITS) -> Iterator[Event]:
    """libyaml's events of ``text``, each handed on once it is screened: InputRejected at the first thing no case
    file holds or that is over a limit, ruamel's YAMLError at a syntax error, and nothing after either."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > limits.file_bytes:
        raise _too_large(size, limits)
    if raw := _RAW_FORBIDDEN.search(text):  # written as such: located exactly (escapes are found in the values below)
        line = text.count("\n", 0, raw.start()) + 1
        raise InputRejected(
            "control-character", _control_message(raw.group()), line, raw.start() - text.rfind("\n", 0, raw.start())
        )
    depth = values = 0
    for event in _EVENTS.parse(text):
        kind = type(event)
        if kind is ScalarEvent:
            values += 1
            if values > limits.values:
                raise _rejected(event, "too-many-values", _VALUES_MESSAGE.format(limit=limits.values))
            # Raw characters were found above: only a double-quoted scalar's escapes can add one.
            if event.style == '"' and (bad := _VALUE_FORBIDDEN.search(event.value)):
                raise _rejected(event, "control-character", _control_message(bad.group()))
            if not event.style and _too_big(event.value):
                raise _rejected(event, "number-too-large", _NUMBER_MESSAGE.format(digits=MAX_DIGITS))
        elif kind in _OPENING:
            depth += 1
            if depth > limits.depth:
                raise _rejected(event, "too-deep", _DEPTH_MESSAGE.format(limit=limits.depth))
        elif kind in _CLOSING:
            depth -= 1
            yield event
            continue
        elif kind is AliasEvent:
            raise _rejected(event, "yaml-alias", _ALIAS_MESSAGE)
        else:
            yield event
            continue
        if event.anchor:
            raise _rejected(event, "yaml-alias", _ALIAS_MESSAGE)
        if event.tag is not None and event.tag not in _CORE_TAGS and event.tag != "!":
            raise _rejected(event, "yaml-tag", _TAG_MESSAGE.format(tag=event.tag))
        yield event


# Control characters (C0, DEL, C1), lone surrogates and the two noncharacters XML refuses: each makes feed.xml
# invalid, hides text in HTML and spreadsheets, or cannot be written as UTF-8 at all. Tab and newline are text;
# raw line breaks (CR, NEL) are YAML's business: the parser turns them into newlines inside values.
_RAW_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_VALUE_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
MAX_DIGITS = 16  # 1,000 万亿: more than any amount, period or count a case holds
_NUMBER = re.compile(
    r"[-+]?(?:(?P<based>0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+)|(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9_]*[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)?)"
)
_OPENING = (MappingStartEvent, SequenceStartEvent)
_CLOSING = (MappingEndEvent, SequenceEndEvent)
_EVENTS = YAML(typ="safe", pure=False)  # libyaml: events come one at a time, without recursion


def _too_big(plain: str) -> bool:
    """Whether a plain scalar is a number of more than MAX_DIGITS integer digits: Python refuses to convert
    one of over 4,300 digits (a ValueError deep in the parser), and 1e99999999 would be written out in full."""
    number = _NUMBER.fullmatch(plain)
    if number is None:
        return False
    if number.group("based"):
        return len(plain.lstrip("+-").replace("_", "")) - 2 > MAX_DIGITS
    return Decimal(plain.replace("_", "")).adjusted() >= MAX_DIGITS


def _rejected(event: Any, code: str, message: str) -> InputRejected:
    mark = event.start_mark
    return InputRejected(code, message, mark.line + 1, mark.column + 1)


def _too_large(size: int, limits: Limits) -> InputRejected:
    return InputRejected(
        "file-too-large",
        f"文件有 {size / MB:.1f} MB，超过单个文件 {limits.file_bytes / MB:g} MB 的上限，未读取。"
        "一个案件文件通常只有几十 KB：请检查是否误粘贴了大段内容或二进制数据，把附件放在案卷中、"
        "只在案件文件中写其名称；"
        f"确需更大的文件时，在 pyproject.toml 的 [tool.ecoredress.{SETTINGS}] 中设置 max_file_mb（不超过 "
        f"{CEILINGS.file_bytes // MB}）。",
    )


def _control_message(char: str) -> str:
    name = _CONTROL_NAMES.get(char)
    return (
        f"值中含有控制字符 U+{ord(char):04X}{f'（{name}）' if name else ''}。除制表符和换行外，"
        "仓库的 YAML 文件（案件、节假日、规则配置）中不能有控制字符："
        "它们会使更新订阅（XML）无效，在网页和表格中隐藏或截断文字。请删除该字符；在双引号值中也不要写 \\0、\\x01、"
        "\\v、\\u0000 之类的转义。"
    )


_CONTROL_NAMES = {
    "\x00": "空字符",
    "\x0b": "垂直制表符",
    "\x0c": "换页符",
    "\r": "回车符",
    "\x1b": "转义符",
    "\x7f": "删除符",
}
_ALIAS_MESSAGE = (
    "仓库的 YAML 文件中不能使用锚点和别名（&名称、*名称）：别名会被展开成大量数据（“别名炸弹”），"
    "表单编辑器和 ecoredress fix 也无法单独修改被共享的值。请把被引用的内容直接写在每一处。"
)
_DEPTH_MESSAGE = (
    "嵌套超过 {limit} 层。案件等文件只有几层结构，这么深的嵌套通常是缩进错乱或成串的“[”“{{”。"
    "请检查此处的缩进和括号；确需更深的结构时，"
    "在 pyproject.toml 的 [tool.ecoredress.limits] 中设置 max_depth（不超过 100）。"
)
_VALUES_MESSAGE = (
    "文件中的值超过 {limit} 个。一个案件通常只有几百个值：请检查是否误粘贴了大量数据；"
    "确需更多时，在 pyproject.toml 的 [tool.ecoredress.limits] 中设置 max_values（不超过 200000）。"
)
_NUMBER_MESSAGE = (
    "数值超过 {digits} 位整数，超出合理范围：金额、期限和数量都不会这么大。请核对该数值；"
    "若它是编号、账号等文字，请加引号。"
)
_TAG_MESSAGE = (
    "仓库的 YAML 文件中不能使用标签“{tag}”。只能写普通的值（文字、数字、日期、是/否）、列表和映射；"
    "请删除以“!”开头的标签，需要文字时给值加引号。"
)
