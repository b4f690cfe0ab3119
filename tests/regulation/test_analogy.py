"""Non-retroactivity (validation/analogy.py): a finding about a fact before 宁环规发〔2024〕4号 took effect is
checked by analogy (参照), never an error, and cites the earlier instrument only where a counterpart is verified."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given
from hypothesis import strategies as st

from ecoredress.regulation.findings import Finding, Severity, error, info, warning
from ecoredress.regulation.profile import load_profile
from ecoredress.validation.analogy import UNDATED, in_time, verified_counterpart
from scenario_runner import load_file, run

PROFILE = load_profile("ningxia-2024")
NATIONAL = "《生态环境损害赔偿管理规定》（环法规〔2022〕31号）"


def test_the_chain_of_instruments():
    assert PROFILE.in_force_from == dt.date(2024, 4, 3)
    assert [i.effective for i in PROFILE.instruments] == [
        dt.date(2018, 1, 1),
        dt.date(2022, 4, 26),
        dt.date(2024, 4, 3),
    ]


def test_a_fact_before_any_instrument_is_checked_by_analogy_and_says_there_was_none():
    found = in_time(
        error("art12-claim-end-in-red-line", "不得终止索赔。", (), "第十二条", on=dt.date(2017, 12, 31)), PROFILE
    )
    assert (found.severity, found.article, found.analogy) == (Severity.WARNING, "第十二条", "第十二条")
    assert found.message == (
        "不得终止索赔。（参照：该事实发生于 2017-12-31，早于宁环规发〔2024〕4号施行日 2024-04-03，"
        "当时尚无生态环境损害赔偿的专门规定；"
        "依不溯及既往原则（立法法第一百零四条），仅参照宁环规发〔2024〕4号第十二条检查，不作为错误。）"
    )
    assert found.basis == "参照：第十二条"


def test_the_reform_plan_has_no_articles_so_the_profile_article_is_applied_by_analogy():
    found = in_time(error("x", "m", (), "第十二条", on=dt.date(2022, 4, 25)), PROFILE)
    assert (found.article, found.analogy) == ("第十二条", "第十二条")
    assert "当时施行《生态环境损害赔偿制度改革方案》（中办发〔2017〕68号）；" in found.message


def test_a_verified_counterpart_is_cited_from_the_day_its_instrument_took_effect():
    found = in_time(error("x", "m", (), "第十二条", on=dt.date(2022, 4, 26)), PROFILE)
    assert (found.severity, found.article, found.analogy) == (Severity.WARNING, f"{NATIONAL}第十八条", "第十二条")
    assert found.basis == f"依据：{NATIONAL}第十八条；参照：第十二条"
    assert found.as_dict()["analogy"] is True and found.as_dict()["analogy_of"] == "第十二条"
    assert found.as_dict()["fact_on"] == "2022-04-26"


def test_every_part_of_a_citation_must_be_verified_before_the_earlier_instrument_is_cited():
    on = dt.date(2023, 1, 1)
    assert verified_counterpart(PROFILE, "第十五条第一款、第十五条第二款", on) == f"{NATIONAL}第二十条第二款"
    assert verified_counterpart(PROFILE, "第十五条第一款、第四款", on) is None  # 第四款: no verified counterpart
    assert verified_counterpart(PROFILE, "第十五条第三款", on) is None
    # parts with different counterparts cite each of them, in order, as one citation
    assert verified_counterpart(PROFILE, "第十二条、第十五条第一款", on) == f"{NATIONAL}第十八条、第二十条第二款"
    assert verified_counterpart(PROFILE, "第十二条", dt.date(2021, 6, 1)) is None  # the reform plan has no articles
    assert verified_counterpart(PROFILE, "第十二条", dt.date(2017, 6, 1)) is None  # nothing governed


def test_warnings_and_hints_keep_their_level_and_findings_without_a_date_or_article_are_untouched():
    early = dt.date(2023, 1, 1)
    assert in_time(warning("x", "m", (), "第五条", on=early), PROFILE).severity is Severity.WARNING
    assert in_time(info("x", "m", (), "第五条", on=early), PROFILE).severity is Severity.INFO
    for finding in (error("x", "m", (), "第五条"), error("x", "m", (), None, on=early)):
        assert in_time(finding, PROFILE) is finding


@given(st.dates(dt.date(2015, 1, 1), dt.date(2030, 12, 31)), st.sampled_from(list(Severity)))
def test_never_an_error_before_the_regulation_and_unchanged_from_its_first_day(day, severity):
    finding = Finding("x", severity, "m", (), "第五条第一款", fact_on=day)
    found = in_time(finding, PROFILE)
    if day >= dt.date(2024, 4, 3):
        assert found is finding and found.analogy is None
    else:
        assert found.severity is not Severity.ERROR and found.analogy == "第五条第一款" and "参照" in found.message


def test_every_rule_finding_of_every_scenario_is_dated_or_says_why_not():
    """Each finding that cites an article carries the date of its fact; the few that judge no dated fact are
    listed, with the reason, in ``UNDATED`` (and then carry no date)."""
    from test_rule_scenarios import FILES

    seen = set()
    for path in FILES:
        spec = load_file(path)
        for scenario in spec["scenarios"]:
            for f in run(spec, scenario):
                if f.article is None:
                    continue
                assert (f.fact_on is None) == (f.code in UNDATED), (path.name, scenario["name"], f.code)
                seen.add(f.code)
    assert set(UNDATED) <= seen


def test_check_json_marks_a_sample_fact_before_the_regulation(cli):
    """WZ-2023-001's extension was notified late on 2023-05-15: checked by analogy, a warning."""
    payload = json.loads(cli("check", "cases/WZ-2023-001.yaml", "--as-of", "2026-11-29", "--format", "json").out)
    (late,) = payload["findings"]
    assert (late["code"], late["severity"], late["analogy"], late["analogy_of"], late["fact_on"]) == (
        "art14-extension-notice-late",
        "warning",
        True,
        "第十四条第二款",
        "2023-05-15",
    )
    text = cli("check", "cases/WZ-2023-001.yaml", "--as-of", "2026-11-29").out
    assert "（参照：第十四条第二款）" in text and "仅参照宁环规发〔2024〕4号第十四条第二款检查" in text
