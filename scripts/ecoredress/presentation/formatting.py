"""How documents write money and dates (GB/T 9704; domain §6). Document numbers: ecoredress.model.normalise."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ecoredress.model.types import to_fen


def money_figures(amount: Decimal | int | str) -> str:
    """¥1,234,567.89: money in figures as documents write it, after the capitals or in a table (filter ``figures``)."""
    return f"¥{to_fen(amount):,.2f}"


def money_capitals(amount: Decimal | int | str) -> str:
    """人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分 (元整 when there are no jiao or fen)."""
    import cn2an  # imported when first needed: it takes 0.3 s, more than the rest of a command's start-up

    capitals: str = cn2an.an2cn(f"{to_fen(amount):f}", "rmb")  # cn2an truncates extra places: round first
    return "人民币" + capitals


def money(amount: Decimal | int | str) -> str:
    """Amount written twice, as agreements do: 人民币壹佰元整（¥100.00）."""
    return f"{money_capitals(amount)}（{money_figures(amount)}）"


def cn_date(day: dt.date) -> str:
    """2024年4月3日: Arabic numerals, no zero padding (GB/T 9704 §7.3.5.2)."""
    return f"{day.year}年{day.month}月{day.day}日"


def cn_number(n: int) -> str:
    """2 -> 二, 12 -> 十二: ordinals in running text (第二次磋商会议, 乙方二)."""
    import cn2an

    numeral: str = cn2an.an2cn(int(n))
    return numeral
