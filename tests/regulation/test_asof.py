"""A case as of a day (``case_as_of``): the facts, stage and open duties of that day, used by check and deadlines."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ecoredress.regulation.asof import case_as_of
from ecoredress.regulation.calendar import load_calendar
from ecoredress.regulation.lifecycle import Stage
from ecoredress.regulation.profile import load_profile

D = dt.date.fromisoformat
PROFILE, CALENDAR = load_profile("ningxia-2024"), load_calendar(None)
CASES = Path(__file__).resolve().parents[2] / "cases"


def test_stage_and_duties_of_a_past_day(sample_cases):
    case = next(
        c for c in sample_cases if c.id == "NX-2023-001"
    )  # restoration works finished 2025-09-30, evaluated 2026-06-18
    view = case_as_of(case, D("2025-12-31"), PROFILE, CALENDAR)
    assert view.stage is Stage.EVALUATION and view.case.restoration.evaluations == []
    assert view.case.agreement.fully_performed_on is None and view.case.funds.expenditures == []
    assert view.next_step.action == "组织修复效果评估"
    early = case_as_of(case, D("2023-06-01"), PROFILE, CALENDAR)
    assert early.stage is Stage.ASSESSMENT
    assert [(t.duty, t.due) for t in early.open_duties] == [("assessment", D("2023-07-20"))]
    assert case_as_of(case, D("2023-03-05"), PROFILE, CALENDAR) is None  # the clue came on 2023-03-06


def test_deadlines_as_of_lists_duties_done_only_later(cli):
    result = json.loads(cli("deadlines", "--as-of", "2023-06-01", "--format", "json").out)
    # Only NX-2023-001's assessment was open that day (its report came on 2023-07-07); later cases did not exist.
    assert [(d["case"], d["duty"], d["due"]) for d in result["duties"]] == [("NX-2023-001", "assessment", "2023-07-20")]


def test_check_as_of_sees_the_case_of_that_day(cli):
    result = cli("check", "cases/NX-2023-001.yaml", "--as-of", "2023-06-01", "--format", "json")
    assert result.code == 0 and json.loads(result.out)["findings"] == [], result.out  # no later date is "in the future"


def test_check_as_of_locates_findings_in_the_file_after_dropped_list_items(cli, tmp_path):
    text = (CASES / "GY-2024-001.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "referrals:\n",
        "referrals:\n  - direction: 移送检察机关\n    procuratorate: 固原市人民检察院\n    referred_on: 2026-10-20\n",
    ).replace("    reply_on: 2026-09-18\n    reply_no: 固林草函〔2026〕27号\n", "")
    path = tmp_path / "GY-2024-001.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("check", str(path), "--as-of", "2026-10-10", "--format", "json")
    findings = json.loads(result.out)["findings"]
    assert "date-in-future" not in {f["code"] for f in findings}  # the referral of 2026-10-20 had not happened yet
    overdue = [f for f in findings if f["code"].startswith("art26-reply")]
    closed_line = text.splitlines().index("    closed_on: 2026-09-08  # 第二次效果评估通过，案件办结") + 1
    assert [(f["line"], f["pointer"]) for f in overdue] == [(closed_line, "/referrals/1/closed_on")]


def test_deadlines_as_of_2024_05_01_lists_no_duty_of_a_later_case_or_a_later_fact(cli, sample_cases):
    """Issue 11 item 4: as of 2024-05-01, no duty of a case whose clue was found later (YC-2026-001, 2026), and
    no duty whose period starts with a fact dated after that day."""
    from ecoredress.regulation.asof import fact_dates, facts_as_of

    day = D("2024-05-01")
    duties = json.loads(cli("deadlines", "--as-of", day.isoformat(), "--format", "json").out)["duties"]
    by_id = {c.id: c for c in sample_cases}
    assert duties and all(by_id[d["case"]].clue.found_on <= day for d in duties)
    assert not any(d["case"].endswith(("-2025-001", "-2026-001")) for d in duties)
    for d in duties:
        assert max(fact_dates(facts_as_of(by_id[d["case"]], day))) <= day


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dates(D("2022-01-01"), D("2026-12-31")))
def test_open_duties_on_any_day_come_from_the_facts_of_that_day(sample_cases, day):
    """Each duty listed as of ``day`` belongs to a case that existed then, is undone on that day, and is one of
    the terms of the case as it stood then (not of a later fact)."""
    from ecoredress.project import find_project
    from ecoredress.registers.cases import Repository, repository_as_of
    from ecoredress.registers.duties import open_duties
    from ecoredress.regulation.deadlines import case_terms

    repo = Repository(find_project(CASES.parent), list(sample_cases), PROFILE, CALENDAR)
    past = repository_as_of(repo, day)
    assert {c.id for c in past.cases} == {c.id for c in sample_cases if c.clue.found_on <= day}
    then = {c.id: c for c in past.cases}
    for duty in open_duties(repo, day):
        terms = case_terms(then[duty.case.id], PROFILE, CALENDAR)
        assert duty.term in terms and duty.term.done_on is None
