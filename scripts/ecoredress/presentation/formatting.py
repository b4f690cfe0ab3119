"""How documents write money and dates (GB/T 9704; domain §6). Document numbers: ecoredress.model.normalise."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from ecoredress.model.types import CJK_CHAR, to_fen

# Spaces a writer types around figures and Latin letters or inside figures: "2024 年", "第 9 号",
# "约 2.6 公顷", "50% 承担", "B 区", "pH 升高", "1 200 000". A document sets figures and letters against
# Chinese with no space (GB/T 9704; the docx and pdf renderers add none either), and a figure is one unbroken
# group. Spaces between Latin words stay, and so do ideographic spaces (U+3000), Chinese text's own blanks.
# A line break there goes too: a paragraph is one line.
_GAP = "[ \u00a0\u2002-\u200a\u202f]+"
_BREAK = "[ \t\r\n\u00a0\u2002-\u200a\u202f]+"
_BESIDE_CHINESE = re.compile(rf"(?<={CJK_CHAR}){_BREAK}(?=[0-9A-Za-z])|(?<=[0-9A-Za-z%‰]){_BREAK}(?={CJK_CHAR})")
_GROUPED_THOUSANDS = re.compile(rf"(?<![0-9.,])[0-9]{{1,3}}(?:{_GAP}[0-9]{{3}})+(?![0-9])")


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


def close_spacing(text: str) -> str:
    """Case text as a document prints it: no space between Chinese and a figure or a Latin letter, none inside a figure
    grouped in thousands ("罚款 1 200 000 元" → "罚款1200000元"); every other character kept."""
    joined = _GROUPED_THOUSANDS.sub(lambda m: re.sub(_GAP, "", m.group()), text)
    return _BESIDE_CHINESE.sub("", joined)
