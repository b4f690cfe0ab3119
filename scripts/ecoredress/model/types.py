"""Shared field types: money, case ids, document numbers, and the field helper that carries Chinese titles."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator

PRIVATE = "x-private"  # personal information: never published (domain §5)
# Date fields that name a term fixed in advance (答复期限, 分期应付日期, 整改期限), not an event that happened.
TERM_FIELDS = frozenset({"reply_due_on", "due_on"})
INTERNAL = "x-internal"  # internal working data: never leaves the repository (domain §5)
# Free text written once and updated as the case goes on: it may tell of steps taken after any given day,
# so a legal document (true as of its own date) never prints it; documents tell the facts from their dates.
UNDATED = "x-undated"
PARAMETER = "x-parameter"  # the profile parameter a field's description speaks of (filled in by the schema command)
# What `ecoredress new` writes where staff must fill in a text; `check` reports any left behind.
PLACEHOLDER = "（待补充）"


def field(
    title: str,
    description: str = "",
    *,
    private: bool = False,
    internal: bool = False,
    undated: bool = False,
    parameter: str | None = None,
    **kwargs: Any,
) -> Any:
    """A pydantic Field with a Chinese title and description; optionally marked private, internal or undated.
    ``parameter`` names the rule-profile parameter the description speaks of: the schema states its values,
    with their articles and dates, from the repository's profile (regulation/case_schema.py)."""
    extra: dict[str, Any] = {}
    if parameter:
        extra[PARAMETER] = parameter
    if private:
        extra[PRIVATE] = True
    if internal:
        extra[INTERNAL] = True
    if undated:
        extra[UNDATED] = True
    return Field(title=title, description=description or title, json_schema_extra=extra or None, **kwargs)


def is_withheld(info: Any) -> bool:
    """Whether a pydantic field is marked private or internal: such a field never leaves the repository."""
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    return bool(extra.get(PRIVATE) or extra.get(INTERNAL))


# CJK characters and full-width punctuation: Chinese text has no spaces between them.
CJK_CHAR = r"[\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]"
_FOLDED_BREAK = re.compile(rf"(?<={CJK_CHAR})[ \t\n]+(?={CJK_CHAR})")


def join_folded_cjk(text: str) -> str:
    """Undo the space a YAML folded block (``>``) puts where a Chinese sentence was wrapped."""
    return _FOLDED_BREAK.sub("", text)


class Section(BaseModel):
    """Base of every part of a case: unknown keys are errors, values are not coerced across types."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False, validate_default=False)

    @model_validator(mode="before")
    @classmethod
    def _join_wrapped_chinese_lines(cls, data: Any) -> Any:
        if isinstance(data, dict):
            return {k: join_folded_cjk(v) if isinstance(v, str) else v for k, v in data.items()}
        return data


def _reject_float(value: Any) -> Any:
    # YAML floats are loaded as Decimal (see loading.yamlio); a Python float here would already be imprecise.
    if isinstance(value, float):
        raise ValueError("金额不能是二进制浮点数，请写成数字或带引号的字符串，例如 12345.67")
    if isinstance(value, bool):
        raise ValueError("金额应为数字，不能是是/否值")
    return value


_MONEY_CEILING = Decimal(10) ** 16
FEN = Decimal("0.01")


def _two_places(value: Decimal) -> Decimal:
    if not value.is_finite():
        raise ValueError("金额必须是有限数值")
    if value.as_tuple().exponent < -2:  # type: ignore[operator]
        raise ValueError("金额以元为单位，最多保留两位小数（到分）")
    if value < 0:
        raise ValueError("金额不能为负数")
    if value >= _MONEY_CEILING:  # 1e99999999 is finite, and written out in full it would never end
        raise ValueError("金额超出合理范围（应小于 1 亿亿元），请核对")
    return value


def to_fen(amount: Decimal | int | str) -> Decimal:
    """An amount rounded to the fen (分), half up as in accounting: the exact number open data and tables carry."""
    return Decimal(amount).quantize(FEN, rounding=ROUND_HALF_UP)


def yuan(amount: Decimal | int) -> str:
    """The one way text writes an amount: 1,272,400.00 元 (site pages, messages, the workbench). Documents write money
    in figures and capitals (presentation.formatting.money), headline figures in 万元 (publish.pages.wan)."""
    return f"{to_fen(amount):,.2f} 元"


Money = Annotated[
    Decimal,
    BeforeValidator(_reject_float),
    AfterValidator(_two_places),
    WithJsonSchema(
        {
            "anyOf": [{"type": "number", "minimum": 0}, {"type": "string", "pattern": r"^\d+(\.\d{1,2})?$"}],
            "x-unit": "元",
        }
    ),
]
"""An amount in yuan (元), exact, non-negative, at most two decimal places."""

CASE_ID_PATTERN = r"^(NX|YC|SZS|WZ|GY|ZW)-(\d{4})-(\d{3})$"
CaseId = Annotated[str, Field(pattern=CASE_ID_PATTERN, examples=["YC-2024-001"])]
"""Case id: rights-holder code, year, three-digit sequence. The file is named after it."""

DOC_NO_PATTERN = r"^\S+〔(19|20)\d{2}〕[1-9]\d*号$"
DocNo = Annotated[str, Field(pattern=DOC_NO_PATTERN, examples=["宁环赔〔2024〕3号"])]
"""发文字号 (GB/T 9704): agency code, year in 〔〕, sequence without leading zeros, no 第."""

CASE_ID_RE = re.compile(CASE_ID_PATTERN)
