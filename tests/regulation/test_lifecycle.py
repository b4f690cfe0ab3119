"""Lifecycle: the stage and next legal step derived from a case's facts, and the case as of a date."""

from __future__ import annotations

import datetime as dt

import pytest

from ecoredress.regulation.asof import facts_as_of
from ecoredress.regulation.calendar import load_calendar
from ecoredress.regulation.lifecycle import Stage, derive_stage, next_step
from ecoredress.regulation.profile import load_profile
from scenario_runner import SCENARIOS, build_case, load_file

D = dt.date.fromisoformat
BASE = {"base": "_base.yaml"}
PROFILE, CALENDAR = load_profile("ningxia-2024"), load_calendar(None)


@pytest.mark.parametrize(
    ("day", "stage"),
    [
        ("2023-03-01", None),  # clue not yet found: the case did not exist
        ("2023-03-20", Stage.CLUE),
        ("2023-05-01", Stage.ASSESSMENT),
        ("2023-06-15", Stage.INVESTIGATION),
        ("2023-07-05", Stage.CONCLUSION),
        ("2023-08-01", Stage.CONSULTATION),
        ("2023-09-15", Stage.PERFORMANCE),
        ("2023-10-01", Stage.CONFIRMATION),
        ("2023-12-31", Stage.RESTORATION),
        ("2024-07-01", Stage.EVALUATION),
        ("2024-12-31", Stage.CLOSED),
    ],
)
def test_full_path_stage_by_date(day, stage):
    case = build_case(BASE, {})
    snapshot = facts_as_of(case, D(day))
    assert (derive_stage(snapshot) if snapshot else None) == stage


def test_stage_values_are_chinese():
    assert Stage.CONSULTATION == "索赔磋商" and Stage.CLAIM_ENDED == "终止索赔"


def test_next_step_with_due_date():
    spec = load_file(SCENARIOS / "art14_assessment.yaml")
    step = next_step(build_case(spec, {}), PROFILE, CALENDAR)
    assert step.stage is Stage.ASSESSMENT
    assert (step.action, step.article, step.due) == ("取得鉴定意见或鉴定评估报告", "第十四条第二款", D("2024-11-13"))


def test_next_step_after_failed_consultation_is_a_lawsuit():
    spec = load_file(SCENARIOS / "art18_consultation.yaml")
    case = build_case(spec, {"facts": {"consultation": {"outcome": "终止磋商", "ended_on": "2024-08-22"}}})
    step = next_step(case, PROFILE, CALENDAR)
    assert (step.stage, step.action, step.article) == (Stage.CONSULTATION, "向有管辖权的法院提起诉讼", "第十九条第二款")


def test_next_step_of_instalments_is_the_first_unpaid_one():
    spec = load_file(SCENARIOS / "art32_funds.yaml")
    scenario = next(s for s in spec["scenarios"] if s["name"] == "第二期至年底仍未缴纳")
    step = next_step(build_case(spec, scenario), PROFILE, CALENDAR)
    assert (step.stage, step.duty, step.due) == (Stage.PERFORMANCE, "instalment-2", D("2024-06-30"))
    # 第二十一条第二款 only allows instalments; paying each on its date is the obligor's 及时缴纳 (第六条第二款).
    assert step.article == "第六条第二款"


def test_closed_case_has_no_next_step():
    assert next_step(build_case({"base": "_base.yaml"}, {}), PROFILE, CALENDAR) is None


def test_claim_ended_and_no_claim():
    spec = load_file(SCENARIOS / "art12_claim_end.yaml")
    assert derive_stage(build_case(spec, spec["scenarios"][0])) is Stage.CLAIM_ENDED
    spec = load_file(SCENARIOS / "art10_preliminary_check.yaml")
    scenario = {"facts": {"preliminary_check": {"completed_on": "2024-03-15", "damage_found": False}}}
    assert derive_stage(build_case(spec, scenario)) is Stage.NO_CLAIM


def test_samples_have_a_stage(sample_cases):
    for case in sample_cases:
        assert derive_stage(case) in Stage


def test_enforcement_that_found_no_property_keeps_the_case_in_enforcement(sample_cases):
    # SZS-2022-001: 128.6万 of 281.45万 recovered, 终结本次执行. The debt stands (第十九条第三款).
    case = next(c for c in sample_cases if c.id == "SZS-2022-001")
    assert derive_stage(case) is Stage.ENFORCEMENT
    step = next_step(case, PROFILE, CALENDAR)
    assert (step.action, step.article) == ("查找义务人可供执行的财产，发现后申请恢复执行", "第十九条第三款")
    from ecoredress.model.enums import EnforcementOutcome

    enforcement = case.litigation.enforcement.model_copy(update={"outcome": EnforcementOutcome.COMPLETED})
    completed = case.model_copy(update={"litigation": case.litigation.model_copy(update={"enforcement": enforcement})})
    assert derive_stage(completed) is Stage.CLOSED


def test_judgment_paid_in_money_with_restoration_in_kind_closes_the_case(sample_cases):
    # The obligor restores the site itself: what it owes in money is the judgment less the restoration costs.
    case = next(c for c in sample_cases if c.id == "SZS-2022-001")
    litigation = case.litigation.model_copy(update={"enforcement": None})
    from ecoredress.model.enums import RestorationMode

    restoration = case.restoration.model_copy(update={"mode": RestorationMode.SELF})
    self_restored = case.model_copy(update={"litigation": litigation, "restoration": restoration})
    from ecoredress.regulation.obligations import cash_owed, received

    assert received(self_restored) < litigation.judgment.total
    assert received(self_restored) >= cash_owed(self_restored)
    assert derive_stage(self_restored) is Stage.CLOSED


def test_red_line_conclusion_to_end_the_claim_points_to_consultation():
    spec = load_file(SCENARIOS / "art12_claim_end.yaml")
    case = build_case(spec, {"facts": {"damage": {"in_red_line": True}}})
    step = next_step(case, PROFILE, CALENDAR)
    assert step.action.startswith("依法启动索赔磋商") and "第十二条" in step.article


def test_terms_fixed_in_advance_survive_an_as_of_cut(sample_cases):
    # ZW-2025-001's 4th instalment is due 2026-12-31: at 2026-11-29 it is a known term, not a future event.
    case = next(c for c in sample_cases if c.id == "ZW-2025-001")
    cut = facts_as_of(case, D("2026-11-29"))
    assert [i.due_on for i in cut.agreement.instalments] == [i.due_on for i in case.agreement.instalments]
    assert max(i.due_on for i in cut.agreement.instalments) > D("2026-11-29")
