"""What the obligor owes in money and when it is paid (第十九条–第二十一条、第二十五条、第三十二条), on the base case
(协议 127.24 万元，经司法确认：期间服务功能损失 38.64 万、委托修复费用 80 万、鉴定评估费用 8.6 万).

Each scenario reads as a lawyer would put it: the facts that differ from the base case, and what is owed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ecoredress.regulation.obligations import (
    Instrument,
    agreed,
    cash_owed,
    decided,
    decided_in_money,
    decision,
    judged,
    money_in_year,
    outstanding,
    overdue,
    payment_done,
    payment_term,
    received,
    spent,
    termination_payment,
)
from scenario_runner import build_case, finding_codes

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


# -- which instrument decides what is owed (第十九条、第二十条、第三十二条) ------------------------------------

UNCONFIRMED = {"judicial_confirmation": None}
REFUSED = {"judicial_confirmation": {"confirmed": False}}
NOT_PERFORMED_UNCONFIRMED = {**UNCONFIRMED, "fully_performed_on": None, "non_performance": True}


def _judgment(total, items=None):
    judgment = {"ruled_on": "2024-03-20", "effective_on": "2024-04-10", "case_no": "（2024）宁01民初 12 号"}
    return {**judgment, "total": total, "items": items or []}


def _lawsuit(ground, judgment):
    return {**JUDGMENT, "ground": ground, "judgment": judgment}


def test_an_agreement_alone_decides_confirmed_or_not():
    confirmed = case()
    assert decision(confirmed).instrument is Instrument.CONFIRMED_AGREEMENT == "经司法确认的赔偿协议"
    assert decided(confirmed) == agreed(confirmed) == Decimal("1272400.00")
    unconfirmed = case(agreement=UNCONFIRMED)
    assert decision(unconfirmed).instrument is Instrument.AGREEMENT == "赔偿协议"
    assert decided(unconfirmed) == Decimal("1272400.00")  # 司法确认 makes it enforceable, it does not change the sum


def test_a_refused_confirmation_leaves_the_signed_agreement_deciding():
    refused = case(agreement=REFUSED)
    assert decision(refused).instrument is Instrument.AGREEMENT
    assert decided(refused) == Decimal("1272400.00") and cash_owed(refused) == Decimal("472400.00")


def test_after_an_unconfirmed_agreement_is_not_performed_the_judgment_decides_not_the_agreement():
    """第十九条第二款: the lawsuit is about the unperformed agreement; the court's sum replaces the agreed one."""
    sued = case(
        agreement=NOT_PERFORMED_UNCONFIRMED,
        litigation=_lawsuit("不履行未经司法确认的赔偿协议", _judgment(1000000)),
        funds=None,
    )
    assert agreed(sued) == Decimal("1272400.00") and judged(sued) == Decimal("1000000")
    assert decision(sued).instrument is Instrument.JUDGMENT == "判决"
    assert decided(sued) == Decimal("1000000")
    assert cash_owed(sued) == Decimal("1000000")  # a judgment without items is owed in money as a whole
    assert outstanding(sued) == Decimal("1000000") and not payment_done(sued)
    assert "art19-lawsuit-ground-unsupported" not in finding_codes(sued, dt.date(2024, 6, 1))


def test_a_judgment_beside_a_confirmed_agreement_still_decides_and_check_reports_the_lawsuit():
    """A confirmed agreement is enforced, not sued on (第十九条第三款): check says so; the figures follow the court."""
    sued = case(
        agreement={"fully_performed_on": None, "non_performance": True},
        litigation=_lawsuit("不履行未经司法确认的赔偿协议", _judgment(1500000)),
        funds=None,
    )
    assert decided(sued) == Decimal("1500000") and agreed(sued) == Decimal("1272400.00")
    assert "art19-lawsuit-ground-unsupported" in finding_codes(sued, dt.date(2024, 6, 1))


def test_a_judgment_binds_from_its_taking_effect_or_from_its_ruling_when_that_is_not_recorded():
    judgment = _judgment(900000)
    sued = case(agreement=None, litigation=_lawsuit("磋商终止", judgment))
    assert (decision(sued).decided_on, decision(sued).binding_from) == (dt.date(2024, 3, 20), dt.date(2024, 4, 10))
    unrecorded = case(agreement=None, litigation=_lawsuit("磋商终止", {**judgment, "effective_on": None}))
    assert decision(unrecorded).binding_from == dt.date(2024, 3, 20)
    assert decision(case()).binding_from == decision(case()).decided_on == dt.date(2023, 9, 12)


def test_a_claim_is_not_a_debt():
    claimed = case(agreement=None, litigation=JUDGMENT, funds=None)
    assert decision(claimed) is None and decided(claimed) is None and judged(claimed) is None
    assert cash_owed(claimed) is None and outstanding(claimed) is None and not payment_done(claimed)


# -- ending the restoration (第二十五条) -------------------------------------------------------------------

ENDED = {"applied_on": "2024-05-06", "ground": "已修复至生态环境风险可接受水平", "payment": 150000}


def test_an_approved_end_of_restoration_adds_its_payment_to_what_is_owed_in_money():
    ended = case(**NOT_PERFORMED, restoration={"end": {**ENDED, "approved_on": "2024-07-20"}})
    assert termination_payment(ended) == Decimal("150000")
    assert decided_in_money(ended) == Decimal("472400.00")  # what the agreement leaves owed in money is unchanged
    assert cash_owed(ended) == Decimal("622400.00")
    assert outstanding(ended) == Decimal("150000.00") and not payment_done(ended)  # 472,400 received


def test_an_end_of_restoration_not_yet_approved_or_without_a_sum_adds_nothing():
    applied = case(**NOT_PERFORMED, restoration={"end": ENDED})
    assert termination_payment(applied) == 0 and cash_owed(applied) == Decimal("472400.00")
    no_sum = case(**NOT_PERFORMED, restoration={"end": {**ENDED, "approved_on": "2024-07-20", "payment": None}})
    assert termination_payment(no_sum) == 0 and payment_done(no_sum)


# -- received, spent, outstanding ------------------------------------------------------------------------


def test_outstanding_is_what_is_owed_in_money_less_what_was_received_never_below_zero():
    assert outstanding(case(**NOT_PERFORMED, funds=_receipts("400000.00"))) == Decimal("72400.00")
    assert outstanding(case(**NOT_PERFORMED, funds=_receipts("500000.00"))) == 0
    assert outstanding(case(**NOT_PERFORMED, funds=None)) == Decimal("472400.00")


def test_spent_adds_up_the_expenditures():
    assert spent(case()) == Decimal("150000.00") and spent(case(funds=None)) == 0


# -- the money of a year (第三十五条) ---------------------------------------------------------------------


def test_the_money_of_a_year_counts_each_figure_by_the_date_of_its_own_fact():
    base = case()  # consultation notice served 2023-07-17; agreed 2023-09-12; received 2023-11-20; spent 2024-09-10
    in_2023, in_2024 = money_in_year([base], 2023), money_in_year([base], 2024)
    assert (in_2023.claimed, in_2023.agreements, in_2023.agreed) == (Decimal("1272400.00"), 1, Decimal("1272400.00"))
    assert (in_2023.received, in_2023.spent) == (Decimal("472400.00"), 0)
    assert (in_2024.claimed, in_2024.agreements, in_2024.agreed, in_2024.received) == (0, 0, 0, 0)
    assert in_2024.spent == Decimal("150000.00")
    sued = case(
        agreement=NOT_PERFORMED_UNCONFIRMED, litigation=_lawsuit("不履行未经司法确认的赔偿协议", _judgment(900000))
    )
    in_2024 = money_in_year([base, sued], 2024)
    assert in_2024.judged == Decimal("900000")  # ruled 2024-03-20
    assert in_2024.claimed == 0  # the lawsuit was filed 2023-11-01: a claim of 2023
    assert money_in_year([sued], 2023).claimed == Decimal("1272400")  # the lawsuit's claim, not the notice's


@pytest.mark.parametrize(
    ("facts", "term"),
    [
        ({}, None),  # the base agreement records no payment deadline
        ({"agreement": {"due_on": "2023-12-31"}}, "2023-12-31"),
        (
            {
                "agreement": {
                    "instalments": [{"due_on": "2024-06-30", "amount": 1}, {"due_on": "2023-12-31", "amount": 1}]
                }
            },
            "2024-06-30",
        ),  # the last instalment
        ({"litigation": {**JUDGMENT, "judgment": {"ruled_on": "2024-03-20", "case_no": "甲", "total": 1}}}, None),
        (
            {
                "litigation": {
                    **JUDGMENT,
                    "judgment": {"ruled_on": "2024-03-20", "case_no": "甲", "total": 1, "effective_on": "2024-04-08"},
                }
            },
            "2024-04-08",
        ),  # in force, no term of its own: payable once it takes effect
        (
            {
                "litigation": {
                    **JUDGMENT,
                    "judgment": {
                        "ruled_on": "2024-03-20",
                        "case_no": "甲",
                        "total": 1,
                        "effective_on": "2024-04-08",
                        "due_on": "2024-05-08",
                    },
                }
            },
            "2024-05-08",
        ),
    ],
)
def test_the_payment_term_is_the_deciding_instruments(facts, term):
    assert payment_term(case(**facts)) == (dt.date.fromisoformat(term) if term else None)


def test_overdue_is_what_is_outstanding_once_the_term_has_passed():
    judgment = {"ruled_on": "2024-03-20", "case_no": "甲", "total": 1272400, "effective_on": "2024-04-08"}
    unpaid = case(
        agreement=None, restoration=None, litigation={**JUDGMENT, "judgment": {**judgment, "due_on": "2024-05-08"}}
    )
    assert overdue(unpaid, dt.date(2024, 5, 8)) is None  # the last day of the term is still in time
    assert overdue(unpaid, dt.date(2024, 5, 9)) == Decimal("800000.00") == outstanding(unpaid)
    paid = case(
        agreement=None,
        restoration=None,
        litigation={**JUDGMENT, "judgment": {**judgment, "due_on": "2024-05-08"}},
        funds={"receipts": [{"received_on": "2024-05-01", "amount": 1272400, "treasury": "银川市本级国库"}]},
    )
    assert overdue(paid, dt.date(2025, 1, 1)) is None
    assert overdue(case(agreement={"fully_performed_on": None}), dt.date(2030, 1, 1)) is None  # no term recorded
