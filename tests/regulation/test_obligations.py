"""What the obligor owes in money and when it is paid (第二十条、第二十一条、第三十二条), on the base case
(协议 127.24 万元：期间服务功能损失 38.64 万、委托修复费用 80 万、鉴定评估费用 8.6 万)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ecoredress.regulation.obligations import cash_owed, payment_done, received
from scenario_runner import build_case

SPEC = {"base": "_base.yaml"}
NOT_PERFORMED = {"agreement": {"fully_performed_on": None}}


def case(**facts):
    return build_case(SPEC, {"facts": facts})


@pytest.mark.parametrize(
    ("facts", "owed"),
    [
        ({}, "472400.00"),  # 委托修复: the restoration costs are performed in kind
        ({"restoration": {"mode": "自行修复"}}, "472400.00"),
        ({"restoration": {"mode": "权利人以赔偿资金组织修复"}}, "1272400.00"),  # the department restores with the money
        ({"restoration": {"mode": "无法修复，赔偿损失"}}, "1272400.00"),
        ({"restoration": None}, "1272400.00"),
        # 替代修复 as a payment mode: the interim and permanent losses and the restoration costs are made good in kind
        ({"agreement": {"payment_modes": ["替代修复"]}, "restoration": None}, "86000.00"),
        ({"agreement": {"payment_modes": ["替代修复"]}}, "86000.00"),
    ],
)
def test_cash_owed_leaves_out_what_is_performed_in_kind(facts, owed):
    assert cash_owed(case(**facts)) == Decimal(owed)


JUDGMENT = {"ground": "磋商终止", "filed_on": "2023-11-01", "court": "银川市中级人民法院", "claim_amount": 1272400}


def test_a_judgment_decides_over_the_agreement():
    judged = case(
        litigation={
            **JUDGMENT,
            "judgment": {
                "ruled_on": "2024-03-20",
                "case_no": "（2024）宁01民初 12 号",
                "total": 900000,
                "items": [
                    {"category": "清除污染、修复费用", "amount": 600000},
                    {"category": "期间服务功能损失", "amount": 300000},
                ],
            },
        }
    )
    assert cash_owed(judged) == Decimal("300000")  # the obligor still restores (委托修复)


def test_a_judgment_without_items_owes_its_total():
    judged = case(
        agreement=None,
        litigation={
            **JUDGMENT,
            "judgment": {"ruled_on": "2024-03-20", "case_no": "（2024）宁01民初 12 号", "total": 900000},
        },
    )
    assert cash_owed(judged) == Decimal("900000")


def test_nothing_is_owed_before_an_agreement_or_a_judgment():
    assert cash_owed(case(agreement=None)) is None
    assert not payment_done(case(agreement=None, funds=None))


def test_received_without_funds_is_zero():
    assert received(case(funds=None)) == Decimal("0")
    assert received(case()) == Decimal("472400.00")


def _receipts(*amounts):
    return {
        "receipts": [{"received_on": "2023-11-20", "amount": a, "treasury": "银川市本级国库"} for a in amounts],
        "expenditures": [],
    }


def test_a_payment_of_exactly_the_amount_owed_is_payment_in_full():
    assert payment_done(case(**NOT_PERFORMED, funds=_receipts("472400.00")))
    assert payment_done(case(**NOT_PERFORMED, funds=_receipts("236200.00", "236200.00")))
    assert not payment_done(case(**NOT_PERFORMED, funds=_receipts("472399.99")))
    assert payment_done(case(**NOT_PERFORMED, funds=_receipts("472400.01")))


def test_recorded_performance_or_completed_enforcement_is_payment_whatever_the_receipts():
    assert payment_done(case(funds=None))  # fully_performed_on recorded
    enforced = {
        "fully_performed_on": None,
        "non_performance": True,
        "enforcement": {"basis": "经司法确认的赔偿协议", "applied_on": "2024-01-10", "concluded_on": "2024-05-10"},
    }
    assert payment_done(
        case(agreement={**enforced, "enforcement": {**enforced["enforcement"], "outcome": "执行完毕"}}, funds=None)
    )
    # 终结本次执行 is not payment: the debt stands until property is found
    assert not payment_done(
        case(agreement={**enforced, "enforcement": {**enforced["enforcement"], "outcome": "终结本次执行"}}, funds=None)
    )
    assert not payment_done(case(agreement=enforced, funds=None))
