"""Money, dates, 发文字号 and Markdown escaping as documents write them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ecoredress.documents import templating
from ecoredress.model.normalise import doc_number, normalise_doc_number
from ecoredress.model.types import to_fen, yuan
from ecoredress.presentation.formatting import cn_date, money, money_capitals, money_figures
from ecoredress.presentation.markdown import escape_markdown
from ecoredress.publish import pages

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


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


AMOUNTS = st.decimals(min_value=0, max_value=10**15, places=3, allow_nan=False, allow_infinity=False)


@given(AMOUNTS)
def test_one_yuan_filter_with_one_output_in_documents_and_on_the_site(amount):
    """``yuan`` writes 1,272,400.00 元 wherever it is used; documents' ¥ form has its own name, ``figures``, and 万元
    headline figures theirs, ``wan``; all round half up to the fen."""
    documents, site = templating.environment(TEMPLATES / "documents"), pages.environment(TEMPLATES / "site")
    assert documents.filters["yuan"](amount) == site.filters["yuan"](amount) == yuan(amount)
    assert yuan(amount) == f"{to_fen(amount):,.2f} 元"
    assert documents.filters["figures"](amount) == money_figures(amount) == f"¥{to_fen(amount):,.2f}"
    assert site.filters["wan"](amount) == f"{to_fen(amount / 10000):,.2f}"
    assert "figures" not in site.filters


def test_amounts_round_half_up_to_the_fen():
    assert yuan(Decimal("1272400")) == "1,272,400.00 元"
    assert (yuan(Decimal("0.005")), yuan(Decimal("0.004"))) == ("0.01 元", "0.00 元")
    assert to_fen(Decimal("2.675")) == Decimal("2.68")  # half up, not to the even fen
    assert pages.wan(Decimal("12345")) == "1.23" and pages.wan(Decimal("12350")) == "1.24"
