from decimal import Decimal

from ecoredress.publish.charts import format_number
from ecoredress.publish.pages import wan, yuan


def test_headline_figures_in_wan_keep_two_decimals_and_round_half_up():
    assert wan(Decimal("63079000.00")) == "6,307.90"
    assert wan(Decimal("15091650.00")) == "1,509.17"  # 1509.165 万元: half up, not half even
    assert wan(Decimal("0")) == "0.00"


def test_chart_numbers_drop_trailing_zeros_and_round_half_up():
    assert format_number(Decimal("12.50")) == "12.5"
    assert format_number(Decimal("3")) == "3"
    assert format_number(Decimal("0.125")) == "0.13"
    assert format_number(Decimal("1234567.891")) == "1,234,567.89"


def test_yuan_amounts():
    assert yuan(Decimal("1272400")) == "1,272,400.00 元"
