"""Money, dates, 发文字号 and Markdown escaping as documents write them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ecoredress.model.normalise import doc_number, normalise_doc_number
from ecoredress.presentation.formatting import cn_date, money, money_capitals, money_figures
from ecoredress.presentation.markdown import escape_markdown


@pytest.mark.parametrize(
    ("amount", "capitals"),
    [
        ("1234567.89", "人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分"),
        ("1000000", "人民币壹佰万元整"),
        ("1272400.00", "人民币壹佰贰拾柒万贰仟肆佰元整"),
        ("100.05", "人民币壹佰元零伍分"),
        ("1001", "人民币壹仟零壹元整"),
        # cn2an truncates a third decimal; we round half up to the fen first.
        ("0.005", "人民币壹分"),
        ("1234567.885", "人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分"),
        ("19.994", "人民币壹拾玖元玖角玖分"),
    ],
)
def test_money_capitals(amount, capitals):
    assert money_capitals(Decimal(amount)) == capitals


def test_money_is_written_twice():
    assert money(Decimal("1234567.89")) == "人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分（¥1,234,567.89）"
    assert money(500000) == "人民币伍拾万元整（¥500,000.00）"
    assert money_figures(Decimal("0.5")) == "¥0.50"


def test_dates_and_document_numbers():
    assert cn_date(dt.date(2024, 4, 3)) == "2024年4月3日"
    assert cn_date(dt.date(2023, 11, 20)) == "2023年11月20日"
    assert doc_number("宁环赔", 2024, 3) == "宁环赔〔2024〕3号"
    assert normalise_doc_number("宁环赔[2024]第03号") == "宁环赔〔2024〕3号"
    assert normalise_doc_number("银环赔（2023）005号") == "银环赔〔2023〕5号"
    assert normalise_doc_number("（2023）宁01民特 88 号") == "（2023）宁01民特 88 号"  # a court case number is kept


def test_escaping_keeps_markdown_characters_literal():
    assert escape_markdown("a*b #c | d <e> [x](y) $z$") == r"a\*b \#c \| d \<e\> \[x\]\(y\) \$z\$"
    assert escape_markdown("2024. 开头\n\n- 列表") == r"2024\. 开头 \- 列表"
    assert escape_markdown("¥1,234.50，含 50% 的费用；可行?") == "¥1,234.50，含 50% 的费用；可行?"
