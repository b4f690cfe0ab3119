"""Every consumer of a money figure takes it from regulation.obligations: the published projection and open data,
the ledger, both annual reports and the documents. Each test fails if a consumer computes a figure its own way,
on the sample cases and on generated ones (judgments beside agreements, confirmed or not, ended restorations…)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ecoredress.documents.annual import annual_figures
from ecoredress.documents.context import document_context
from ecoredress.model.enums import ClaimCategory, PaymentMode, PublicItem, RestorationMode, RightsHolder
from ecoredress.model.types import to_fen
from ecoredress.project import find_project
from ecoredress.publish.opendata import cases_csv
from ecoredress.publish.projection import publish_case
from ecoredress.registers.annual import build_annual
from ecoredress.registers.cases import Repository
from ecoredress.registers.ledger import all_cases, major_ledger
from ecoredress.regulation import obligations
from ecoredress.regulation.asof import case_as_of
from ecoredress.regulation.calendar import load_calendar
from ecoredress.regulation.document_kinds import SPECS
from ecoredress.regulation.profile import load_profile
from scenario_runner import build_case

PROFILE, CALENDAR = load_profile("ningxia-2024"), load_calendar(None)
ROOT = Path(__file__).resolve().parents[2]
SPEC = {"base": "_base.yaml"}


def _expected_public_amount(case):
    """The amount the portal shows, as a lawyer states it: the judgment's total if there is a judgment, else the
    agreement's; shown only while the disclosure decision lists that instrument's item (第三十三条)."""
    items = case.disclosure.items
    judgment = case.litigation.judgment if case.litigation else None
    if judgment is not None:
        return judgment.total if PublicItem.JUDGMENT in items else None
    if case.agreement is not None:
        return case.agreement.total if PublicItem.AGREEMENT in items else None
    return None


def _check_publication(case):
    published = publish_case(case)
    if published is None:
        return
    assert published.amount == _expected_public_amount(case)
    if published.amount is not None:
        assert published.amount == obligations.decided(case)
    row = next(csv.DictReader(io.StringIO(cases_csv([published]))))
    assert row["amount"] == ("" if published.amount is None else str(to_fen(published.amount)))
    if PublicItem.FUND_USE in case.disclosure.items and case.funds is not None:
        assert Decimal(row["funds_received"]) == obligations.received(case)
        assert Decimal(row["funds_spent"]) == obligations.spent(case)


def _check_obligations(case):
    """The definitions agree with each other and with the law's arithmetic."""
    found = obligations.decision(case)
    owed, got = obligations.cash_owed(case), obligations.received(case)
    if found is None:
        assert obligations.decided(case) is None
    else:
        performed = obligations.in_kind(case)
        in_kind = sum((i.amount for i in found.items if i.category in performed), Decimal("0"))
        assert owed == found.total - in_kind + obligations.termination_payment(case)
    assert obligations.outstanding(case) == (None if owed is None else max(owed - got, Decimal("0")))


def test_the_sample_cases_publish_the_decided_amount(sample_cases):
    for case in sample_cases:
        _check_publication(case)
        _check_obligations(case)


def _repository(cases):
    return Repository(find_project(ROOT), list(cases), PROFILE, CALENDAR)


def test_the_ledger_shows_the_figures_of_obligations(sample_cases):
    repo = _repository(sample_cases)
    columns = {
        "协议金额（元）": obligations.agreed,
        "判决金额（元）": obligations.judged,
        "赔偿金额（元，有判决的以判决为准）": obligations.decided,
        "应缴资金（元，不含以修复履行的项目）": obligations.cash_owed,
        "已入库（元）": obligations.received,
        "已支出（元）": obligations.spent,
        "尚欠（元）": obligations.outstanding,
    }
    columns["赔偿金额依据"] = lambda case: found.instrument if (found := obligations.decision(case)) else None
    by_id = {c.id: c for c in sample_cases}
    for table in (major_ledger(repo), all_cases(repo)):
        assert set(columns) <= set(table.headers), table.title
        for row in table.rows:
            values = dict(zip(table.headers, row, strict=True))
            case = by_id[values["案件编号"]]
            assert {h: values[h] for h in columns} == {h: f(case) for h, f in columns.items()}, case.id


def test_both_annual_reports_give_the_money_of_obligations_and_the_receipts_of_the_year(sample_cases):
    repo = _repository(sample_cases)
    for year in range(2022, 2027):
        end = dt.date(year, 12, 31)
        snapshots = [v.case for c in sample_cases if (v := case_as_of(c, end, PROFILE, CALENDAR))]
        money = obligations.money_in_year(snapshots, year)
        # Independent of both: the receipts and expenditures dated in the year, straight from the case files.
        assert money.received == sum(
            (r.amount for c in sample_cases if c.funds for r in c.funds.receipts if r.received_on.year == year),
            Decimal("0"),
        )
        assert money.spent == sum(
            (e.amount for c in sample_cases if c.funds for e in c.funds.expenditures if e.spent_on.year == year),
            Decimal("0"),
        )
        table = next(t for t in build_annual(repo, year, 3).tables if t.title == "金额")
        register = {row[0]: row[1] for row in table.rows}
        assert register == {
            "索赔金额": money.claimed,
            "协议金额": money.agreed,
            "判决金额": money.judged,
            "资金入库": money.received,
            "资金使用": money.spent,
        }
        reports = [
            annual_figures(sample_cases, holder, year, dt.date(year, 12, 31), PROFILE, CALENDAR)
            for holder in RightsHolder
        ]
        assert sum(r["agreements"] for r in reports) == money.agreements
        for key, figure in (("agreed_total", money.agreed), ("received", money.received), ("spent", money.spent)):
            assert sum((r[key] for r in reports), Decimal("0")) == figure, (year, key)


def test_documents_demand_what_obligations_says_is_owed(sample_cases):
    """A payment notice demands what the deciding instrument leaves owed in money; an enforcement application and a
    closing report state what obligations computes on their own dates."""
    seen = set()
    for case in sample_cases:
        for spec in SPECS:
            if spec.key not in ("payment-notice", "enforcement-application", "closing-report"):
                continue
            for subject in spec.subjects(case):
                context = document_context(case, spec, subject, PROFILE, CALENDAR, public=False)
                seen.add(spec.key)
                if spec.key == "payment-notice":
                    assert subject.item is obligations.decision(case).record
                    assert context["owed"] == obligations.decided_in_money(case), case.id
                else:
                    owed, paid = context["owed"], context["paid"]
                    assert context["outstanding"] == (None if owed is None else max(owed - paid, Decimal("0")))
                if spec.key == "closing-report":  # closed: every fact is in, so the figures are today's
                    assert (owed, paid) == (obligations.cash_owed(case), obligations.received(case)), case.id
    assert seen == {"payment-notice", "enforcement-application", "closing-report"}


# -- generated cases ------------------------------------------------------------------------------------

AMOUNTS = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)
ITEMS = st.lists(st.tuples(st.sampled_from(list(ClaimCategory)), AMOUNTS), min_size=1, max_size=4)


def _items(drawn):
    return [{"category": category.value, "amount": amount} for category, amount in drawn]


@st.composite
def money_facts(draw):
    """Facts over the base case: any mix of agreement (confirmed, refused, unconfirmed), judgment, restoration
    mode, 替代修复, an ended restoration, receipts and disclosure."""
    facts = {}
    confirmation = draw(st.sampled_from(["confirmed", "refused", "none", "no agreement"]))
    if confirmation == "no agreement":
        facts["agreement"] = None
    else:
        items = _items(draw(ITEMS))
        modes = draw(st.lists(st.sampled_from(list(PaymentMode)), min_size=1, max_size=2, unique=True))
        facts["agreement"] = {
            "items": items,
            "total": sum((i["amount"] for i in items), Decimal("0")),
            "payment_modes": [m.value for m in modes],
            "fully_performed_on": None,
            "judicial_confirmation": None if confirmation == "none" else {"confirmed": confirmation == "confirmed"},
        }
    if draw(st.booleans()):
        judged = _items(draw(st.lists(st.tuples(st.sampled_from(list(ClaimCategory)), AMOUNTS), max_size=3)))
        total = sum((i["amount"] for i in judged), Decimal("0")) if judged else draw(AMOUNTS)
        facts["litigation"] = {
            "ground": "不履行未经司法确认的赔偿协议",
            "filed_on": "2023-12-01",
            "court": "银川市中级人民法院",
            "claim_amount": draw(AMOUNTS),
            "judgment": {"ruled_on": "2024-03-20", "case_no": "（2024）宁01民初 1 号", "total": total, "items": judged},
        }
    mode = draw(st.sampled_from([*RestorationMode, None]))
    facts["restoration"] = None if mode is None else {"mode": mode.value}
    if mode is not None and draw(st.booleans()):
        facts["restoration"]["end"] = {
            "applied_on": "2024-05-06",
            "approved_on": draw(st.sampled_from(["2024-07-20", None])),
            "ground": "已修复至生态环境风险可接受水平",
            "payment": draw(st.none() | AMOUNTS),
        }
    receipts = draw(st.lists(AMOUNTS, max_size=3))
    facts["funds"] = {
        "receipts": [{"received_on": "2024-08-01", "amount": a, "treasury": "银川市本级国库"} for a in receipts],
        "expenditures": [],
    }
    public = draw(st.lists(st.sampled_from(list(PublicItem)), unique=True))
    facts["disclosure"] = {"items": [item.value for item in public]}
    return facts


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(money_facts())
def test_generated_cases_publish_and_owe_what_obligations_defines(facts):
    case = build_case(SPEC, {"facts": facts})
    _check_publication(case)
    _check_obligations(case)
    if case.litigation is not None and case.litigation.judgment is not None:
        assert obligations.decided(case) == case.litigation.judgment.total  # the judgment decides (第十九条第二款)
    elif case.agreement is not None:
        assert obligations.decided(case) == case.agreement.total
