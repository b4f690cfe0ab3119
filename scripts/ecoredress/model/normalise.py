"""Loosely typed values staff write, and their standard form: used by `ecoredress fix` and by the
hints `check` gives. Each function returns None when the text is not a recognisable variant."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any

from ecoredress.model.case import Case
from ecoredress.model.introspect import Loc, is_date, is_money

_DOC_NO = re.compile(
    r"^\s*(?P<code>[^\s〔\[(（［]+?)\s*[〔\[(（［]\s*(?P<year>\d{4})\s*[〕\])）］]\s*第?\s*(?P<seq>\d+)\s*号\s*$"
)
_CN_DATE = re.compile(r"^\s*(\d{4})\s*(?:年|[./-])\s*(\d{1,2})\s*(?:月|[./-])\s*(\d{1,2})\s*日?\s*$")
_AMOUNT = re.compile(
    r"^\s*(?:人民币|¥|￥)?\s*(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<wan>万)?\s*元?\s*$"
)


def doc_number(code: str, year: int, seq: int) -> str:
    """宁环赔〔2024〕3号: year in 六角括号, no leading zeros, no 第 (GB/T 9704)."""
    return f"{code}〔{year}〕{int(seq)}号"


def normalise_doc_number(text: str) -> str:
    """Rewrite a loosely typed 发文字号 (宁环赔[2024]第03号) in the standard form; other text is kept."""
    found = _DOC_NO.match(unicodedata.normalize("NFKC", text).replace("[", "〔").replace("]", "〕")) or _DOC_NO.match(
        text
    )
    if not found:
        return text
    return doc_number(found["code"], int(found["year"]), int(found["seq"]))


def date_from_text(text: str) -> dt.date | None:
    """2024年4月3日, 2024/4/3, 2024.04.03 → a date; None if it is not one of these or not a real day."""
    found = _CN_DATE.match(unicodedata.normalize("NFKC", text))
    if not found:
        return None
    try:
        return dt.date(*(int(g) for g in found.groups()))
    except ValueError:
        return None


def amount_from_text(text: str) -> Decimal | None:
    """1,272,400.00 / ¥1272400 / 127.24万元 → Decimal yuan; None if not such a text or finer than a fen."""
    found = _AMOUNT.match(unicodedata.normalize("NFKC", text).replace("￥", "¥"))
    if not found:
        return None
    try:
        value = Decimal(found["number"].replace(",", ""))
    except InvalidOperation:
        return None
    if found["wan"]:
        value *= 10000
    if value != value.quantize(Decimal("0.01")):
        return None
    return value.quantize(Decimal("0.01")) if found["wan"] or "." in found["number"] else value


def identifier_from_text(text: str) -> str:
    """统一社会信用代码 / 身份证号码 as typed → half-width, upper case, no spaces."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).upper()


_DOC_NUMBER_KEYS = frozenset({"doc_no", "letter_no", "reply_no"})
_IDENTIFIER_KEYS = frozenset({"credit_code", "id_number"})


def proposed_fix(loc: Loc, value: Any) -> tuple[str, Any] | None:
    """(what, standard value) for a loosely typed value at ``loc``, or None if there is nothing to rewrite."""
    if not isinstance(value, str) or not loc or not isinstance(loc[-1], str):
        return None
    key = loc[-1]
    if key in _DOC_NUMBER_KEYS and (number := normalise_doc_number(value)) != value:
        return "发文字号", number
    if key in _IDENTIFIER_KEYS and (identifier := identifier_from_text(value)) != value:
        return "证件号码", identifier
    if is_date(Case, loc) and (day := date_from_text(value)) is not None:
        return "日期", day
    if is_money(Case, loc) and (amount := amount_from_text(value)) is not None:
        return "金额", amount
    return None


def shown(value: Any) -> str:
    return (
        value.isoformat()
        if isinstance(value, dt.date)
        else format(value, "f")
        if isinstance(value, Decimal)
        else str(value)
    )
