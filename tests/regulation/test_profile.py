"""The rule profile: dated, article-cited values; a second profile changes a threshold without code."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from ecoredress.errors import UserError
from ecoredress.regulation.profile import load_profile
from scenario_runner import SCENARIOS, build_case, finding_codes, load_file

STRICT = Path(__file__).parent / "profiles" / "test-strict.yaml"


def test_default_profile_values_cite_articles():
    profile = load_profile("ningxia-2024")
    assert profile.get("assessment.workdays") == 30
    assert profile.get("assessment.complex_workdays") == 60
    assert profile.get("simplified_assessment.ceiling") == 500000
    assert profile.get("consultation.days") == 90 and profile.get("consultation.rounds") == 3
    for key, param in profile.parameters.items():
        for value in param.values:
            assert value.article.startswith("第") and value.reference == "宁环规发〔2024〕4号", key
            assert isinstance(value.effective, dt.date), key


@pytest.mark.parametrize(
    ("day", "article", "cited"),
    [
        ("2017-12-31", "第十六条第一款", None),  # before the reform scheme's nationwide trial: nothing to cite
        ("2018-01-01", "第十六条第一款", "《生态环境损害赔偿制度改革方案》（中办发〔2017〕68号）"),
        (
            "2022-04-25",
            "第十二条",
            "《生态环境损害赔偿制度改革方案》（中办发〔2017〕68号）",
        ),  # the scheme has no articles
        ("2022-04-26", "第十二条、第十六条", "《生态环境损害赔偿管理规定》（环法规〔2022〕31号）第十八条"),
        ("2023-05-20", "第十五条第二款第一项", "《生态环境损害赔偿管理规定》（环法规〔2022〕31号）第二十条第二款"),
        (
            "2024-04-02",
            "第十六条第一款",
            "《生态环境损害赔偿管理规定》（环法规〔2022〕31号）",
        ),  # no counterpart checked
        (
            "2024-04-03",
            "第十六条第一款",
            "《宁夏回族自治区生态环境损害赔偿管理工作规定》（宁环规发〔2024〕4号）第十六条第一款",
        ),
    ],
)
def test_citation_is_the_instrument_in_force_on_the_day(day, article, cited):
    citation = load_profile("ningxia-2024").citation(article, dt.date.fromisoformat(day))
    assert (citation.text if citation else None) == cited


def test_a_profile_without_a_chain_cites_itself_from_its_issue_date():
    strict = load_profile(str(STRICT))
    assert [i.reference for i in strict.instruments] == ["宁环规发〔2024〕4号"]
    assert strict.citation("第十八条", dt.date(2024, 4, 3)).article == "第十八条"
    assert strict.citation("第十八条", dt.date(2024, 4, 2)) is None


def test_a_value_is_in_force_only_from_its_effective_date():
    profile = load_profile("ningxia-2024")
    assert profile.in_force("consultation.days", dt.date(2024, 4, 2)) is None
    assert profile.in_force("consultation.days", dt.date(2024, 4, 3)) == 90


def test_project_setting_chooses_the_profile(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text(f'[tool.ecoredress]\nprofile = "{STRICT}"\n', encoding="utf-8")
    assert load_profile(project_root=tmp_path).id == "test-strict"
    monkeypatch.chdir(tmp_path)  # the working folder is not a repository given: the shipped default
    assert load_profile().id == "ningxia-2024"


def test_unknown_profile_is_a_clear_error():
    with pytest.raises(UserError) as exc:
        load_profile("guangdong-2030")
    assert "未知的规则配置“guangdong-2030”" in str(exc.value) and "ningxia-2024" in str(exc.value)


def test_value_in_force_on_a_date(tmp_path):
    text = STRICT.read_text(encoding="utf-8").replace(
        "      - {value: 90, effective: 2024-04-03, article: 第十八条, reference: 宁环规发〔2024〕4号}",
        "      - {value: 90, effective: 2024-04-03, article: 第十八条, reference: 宁环规发〔2024〕4号}\n"
        "      - {value: 60, effective: 2026-01-01, article: 第十八条, reference: 假设的修订文件}",
    )
    (tmp_path / "revised.yaml").write_text(text, encoding="utf-8")
    param = load_profile(str(tmp_path / "revised.yaml")).param("consultation.days")
    assert param.at(dt.date(2025, 12, 31)) == 90 and param.at(dt.date(2026, 1, 1)) == 60
    assert param.entry(dt.date(2026, 6, 1)).reference == "假设的修订文件"


def test_stricter_profile_changes_a_finding_without_code_changes():
    spec = load_file(SCENARIOS / "art15_simplified_assessment.yaml")
    scenario = {"facts": {"damage": {"estimated_amount": 400000}}}
    case = build_case(spec, scenario)
    as_of = spec["as_of"]
    assert finding_codes(case, as_of) == []
    strict = load_profile(str(STRICT))
    assert strict.get("simplified_assessment.ceiling") == 300000
    assert finding_codes(case, as_of, profile=strict) == ["art15-simplified-over-ceiling"]


def _strict_repository(tmp_path: Path) -> tuple[Path, dt.date]:
    """A case repository whose pyproject.toml names the strict profile, with one 40万元 simplified case."""
    spec = load_file(SCENARIOS / "art15_simplified_assessment.yaml")
    case = build_case(spec, {"facts": {"damage": {"estimated_amount": 400000}}})
    (tmp_path / "pyproject.toml").write_text(f'[tool.ecoredress]\nprofile = "{STRICT.as_posix()}"\n', encoding="utf-8")
    (tmp_path / "cases").mkdir()
    path = tmp_path / "cases" / f"{case.id}.yaml"
    path.write_text(json.dumps(case.model_dump(mode="json", exclude_none=True), ensure_ascii=False), encoding="utf-8")
    return path, spec["as_of"]


def test_check_uses_the_project_profile(tmp_path):
    """A case repository that names the strict profile in pyproject.toml gets its threshold in `check`."""
    from ecoredress.project import find_project
    from ecoredress.validation.checker import check_files

    path, as_of = _strict_repository(tmp_path)
    report = check_files([path], tmp_path, as_of, project=find_project(tmp_path))
    assert [f.code for f in report.findings] == ["art15-simplified-over-ceiling"]
    assert report.findings[0].line is not None and report.findings[0].article == "第十五条第一款"


def test_project_option_chooses_the_profile_whatever_the_current_directory(tmp_path, cli):
    """`ecoredress --project DIR check` applies DIR's profile even when run from another repository."""
    path, as_of = _strict_repository(tmp_path)
    strict = cli("--project", str(tmp_path), "check", str(path), "--as-of", str(as_of), "--format", "json")
    assert [f["code"] for f in json.loads(strict.out)["findings"]] == ["art15-simplified-over-ceiling"]
    default = cli("check", str(path), "--as-of", str(as_of), "--format", "json")  # this repository: ningxia-2024
    assert json.loads(default.out)["findings"] == []


def test_duties_that_fell_due_before_the_regulation_are_checked_for_reference(tmp_path):
    """宁环规发〔2024〕4号 took effect 2024-04-03: an earlier lapse is reported, marked as checked by analogy."""
    from ecoredress.regulation.calendar import load_calendar
    from ecoredress.regulation.rules.registry import CaseContext
    from ecoredress.validation.checker import run_checks

    profile = load_profile("ningxia-2024")
    assert profile.effective_from == profile.in_force_from == dt.date(2024, 4, 3)
    spec = load_file(SCENARIOS / "art10_preliminary_check.yaml")
    late = next(s for s in spec["scenarios"] if s["name"].startswith("2024-04-02 才完成核查"))
    ctx = CaseContext(build_case(spec, late), tmp_path / "x.yaml", late["as_of"], profile, load_calendar(None))
    (finding,) = [f for f in run_checks(ctx) if f.code == "art10-preliminary-check-late"]
    assert finding.fact_on == dt.date(2024, 4, 1) and finding.analogy == finding.article == "第十条第一款"
    assert finding.message.endswith(
        "（参照：该事实发生于 2024-04-01，早于宁环规发〔2024〕4号施行日 2024-04-03，"
        "当时施行《生态环境损害赔偿管理规定》（环法规〔2022〕31号）；"
        "依不溯及既往原则（立法法第一百零四条），仅参照宁环规发〔2024〕4号第十条第一款检查。）"
    )
    assert profile.reference_note(dt.date(2024, 4, 3)) == ""


def test_the_parameter_keys_the_code_may_name_are_the_profile_parameters():
    """ParameterKey (checked by mypy where the code names a parameter) and the profile model list the same keys."""
    from typing import get_args

    from ecoredress.regulation.profile import ParameterKey

    assert list(get_args(ParameterKey)) == [key for key, _ in load_profile("ningxia-2024").parameters.items()]


def test_a_template_naming_an_unknown_parameter_is_told_which_exist():
    with pytest.raises(UserError, match="规则配置没有参数“consultation.dayz”。可用：screening.min_per_quarter"):
        load_profile("ningxia-2024").param("consultation.dayz")  # type: ignore[arg-type]


def test_profile_and_settings_survive_pickling_for_worker_processes():
    import pickle

    from ecoredress.project import find_project

    profile = load_profile("ningxia-2024")
    copied = pickle.loads(pickle.dumps(profile))
    assert copied == profile and copied.citation("第十二条", dt.date(2023, 1, 1)) == profile.citation(
        "第十二条", dt.date(2023, 1, 1)
    )
    project = find_project()
    assert pickle.loads(pickle.dumps(project)) == project
