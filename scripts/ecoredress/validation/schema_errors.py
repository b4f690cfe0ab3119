"""Pydantic validation errors, translated into Chinese findings that say what to do."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ecoredress.model.enums import ObligorKind
from ecoredress.model.introspect import fields_at, is_date, is_money, title_at
from ecoredress.model.normalise import proposed_fix, shown
from ecoredress.model.types import CASE_ID_PATTERN, DOC_NO_PATTERN
from ecoredress.regulation.findings import Finding, error

_TAGS = {k.value for k in ObligorKind}


def schema_findings(exc: ValidationError, model: type[BaseModel]) -> Iterable[Finding]:
    for detail in exc.errors(include_url=False):
        loc = tuple(p for p in detail["loc"] if p not in _TAGS)  # drop discriminator tags
        finding = _translate(detail, loc, model)
        fix = proposed_fix(loc, detail.get("input"))
        if fix:
            finding = replace(finding, message=f"{finding.message}可运行 ecoredress fix 自动改为“{shown(fix[1])}”。")
        yield finding


def _translate(detail: ErrorDetails, loc: tuple[str | int, ...], model: type[BaseModel]) -> Finding:
    kind, ctx, value = detail["type"], detail.get("ctx") or {}, detail.get("input")
    name = _describe(loc, model)
    if kind == "missing":
        return error("missing-field", f"缺少必填字段 {name}。请在此处补充该字段。", loc)
    if kind == "extra_forbidden":
        return _unknown_key(loc, model)
    if kind.startswith("date") or (kind == "value_error" and is_date(model, loc)):
        return error(
            "invalid-date",
            f"{name} 的值“{value}”不是有效日期（日期不存在或格式不对）。请写成真实存在的 YYYY-MM-DD 日期，如 "
            "2024-04-03。",
            loc,
        )
    if kind == "value_error":
        problem = str(ctx.get("error", detail["msg"]))
        return error(_value_error_code(loc, model), f"{name}：{problem}。", loc)
    if kind.startswith("decimal"):
        return error(
            "invalid-amount",
            f"{name} 的值“{value}”不是有效金额。请只写阿拉伯数字（元），如 123456.78，不加逗号或“元”字。",
            loc,
        )
    if kind in ("enum", "literal_error"):
        return error("invalid-value", f"{name} 的值“{value}”不在可选范围内。可选值：{_choices(ctx)}。", loc)
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        return error("invalid-value", f"{name} 须写明 kind（类型）：单位 或 个人。", loc)
    if kind == "string_pattern_mismatch":
        return error("invalid-format", f"{name} 的值“{value}”格式不对。{_pattern_hint(ctx.get('pattern', ''))}", loc)
    if kind in ("too_short", "string_too_short"):
        unit = "个字" if kind == "string_too_short" else "项"
        return error("too-short", f"{name} 至少需要 {ctx.get('min_length')} {unit}。请补充内容。", loc)
    if kind in ("greater_than_equal", "greater_than"):
        return error("invalid-value", f"{name} 的值“{value}”过小，应不小于 {ctx.get('ge', ctx.get('gt'))}。", loc)
    expected = _EXPECTED.get(kind)
    if expected:
        return error(
            "wrong-type", f"{name} 应为{expected}，实际写的是“{_shown(value)}”。{_TYPE_HINTS.get(kind, '')}", loc
        )
    # A rare shape of error with no Chinese wording yet: name its type code rather than show pydantic's English.
    return error(
        "schema-error",
        f"{name} 的写法不符合要求（错误类型 {kind}）。请对照 schema/case.schema.json 中该字段的说明修改。",
        loc,
    )


_EXPECTED = {
    "string_type": "文本",
    "int_type": "整数",
    "int_parsing": "整数",
    "int_from_float": "整数",
    "bool_type": "是/否值（true 或 false）",
    "bool_parsing": "是/否值（true 或 false）",
    "list_type": "列表",
    "dict_type": "映射（“键: 值”结构）",
    "model_type": "映射（“键: 值”结构）",
    "model_attributes_type": "映射（“键: 值”结构）",
}
_TYPE_HINTS = {
    "string_type": '数字或日期形式的文本请加引号，如 "2024001"。',
    "list_type": "列表的每一项以“- ”开头另起一行。",
    "bool_type": "请写 true 或 false。",
    "bool_parsing": "请写 true 或 false。",
}


def _shown(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "…"


def _choices(ctx: dict[str, Any]) -> str:
    expected = str(ctx.get("expected", ""))
    return "、".join(re.findall(r"'([^']*)'", expected)) or expected


def _pattern_hint(pattern: str) -> str:
    if pattern == CASE_ID_PATTERN:
        return (
            "案件编号应为“权利人代码-年份-三位序号”，如 YC-2024-001"
            "（NX 自治区，YC 银川，SZS 石嘴山，WZ 吴忠，GY 固原，ZW 中卫）。"
        )
    if pattern == DOC_NO_PATTERN:
        return "发文字号应为“机关代字〔年份〕序号号”，如 宁环赔〔2024〕3号：年份用六角括号〔〕，序号不加 0，不写“第”。"
    return f"应符合格式 {pattern}。"


def _value_error_code(loc: tuple[str | int, ...], model: type[BaseModel]) -> str:
    last = next((p for p in reversed(loc) if isinstance(p, str)), "")
    if last in ("credit_code", "id_number"):
        return f"invalid-{last.replace('_', '-')}"
    return "invalid-amount" if is_money(model, loc) else "invalid-value"


def _unknown_key(loc: tuple[str | int, ...], model: type[BaseModel]) -> Finding:
    key = str(loc[-1])
    allowed = fields_at(model, loc[:-1])
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if close:
        hint = f"您是否想写 {close[0]}？"
    elif allowed:
        hint = f"此处允许的字段：{'、'.join(allowed)}。"
    else:
        hint = ""
    finding = error("unknown-field", f"未知字段 {key}。{hint}请改正字段名或删除该行。", loc)
    return Finding(**{**finding.__dict__, "key": True})


def _describe(loc: tuple[str | int, ...], model: type[BaseModel]) -> str:
    """``assessment.report_on（报告或意见出具日期）``: the YAML path plus the field's Chinese title."""
    path = ".".join(f"[{p + 1}]" if isinstance(p, int) else p for p in loc).replace(".[", "[") or "（文件顶层）"
    title = title_at(model, loc)
    return f"{path}（{title}）" if title else path
