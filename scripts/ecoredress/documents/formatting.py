"""How documents write money, dates and document numbers (GB/T 9704; domain §6)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

import cn2an

CENT = Decimal("0.01")


def _cents(amount: Decimal | int | str) -> Decimal:
    # cn2an truncates extra places; round to the fen first, half up as in accounting.
    return Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)


def money_figures(amount: Decimal | int | str) -> str:
    """¥1,234,567.89"""
    return f"¥{_cents(amount):,.2f}"


def money_capitals(amount: Decimal | int | str) -> str:
    """人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分 (元整 when there are no jiao or fen)."""
    return "人民币" + cn2an.an2cn(f"{_cents(amount):f}", "rmb")


def money(amount: Decimal | int | str) -> str:
    """Amount written twice, as agreements do: 人民币壹佰元整（¥100.00）."""
    return f"{money_capitals(amount)}（{money_figures(amount)}）"


def cn_date(day: dt.date) -> str:
    """2024年4月3日: Arabic numerals, no zero padding (GB/T 9704 §7.3.5.2)."""
    return f"{day.year}年{day.month}月{day.day}日"


_DOC_NO = re.compile(r"^\s*(?P<code>[^\s〔\[(（［]+?)\s*[〔\[(（［]\s*(?P<year>\d{4})\s*[〕\])）］]\s*第?\s*(?P<seq>\d+)\s*号\s*$")


def doc_number(code: str, year: int, seq: int) -> str:
    """宁环赔〔2024〕3号: year in 六角括号, no leading zeros, no 第."""
    return f"{code}〔{year}〕{int(seq)}号"


def normalise_doc_number(text: str) -> str:
    """Rewrite a loosely typed 发文字号 (宁环赔[2024]第03号) in the standard form; other text is kept."""
    found = _DOC_NO.match(text)
    if not found:
        return text
    return doc_number(found["code"], int(found["year"]), int(found["seq"]))
