"""Commands on the sample repository: deadlines (json/ics), ledger and annual report (xlsx), screening."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import icalendar
import openpyxl

AS_OF = "2026-11-29"
CASES = Path(__file__).resolve().parents[2] / "cases"


def test_deadlines_json(cli):
    result = cli("deadlines", "--as-of", AS_OF, "--format", "json")
    assert result.code == 0
    payload = json.loads(result.out)
    assert payload["as_of"] == AS_OF
    duties = payload["duties"]
    assert duties, "the open sample cases have open duties"
    assert all(d["article"].startswith("第") and d["uid"].endswith("@ecoredress") for d in duties)
    assert len({d["uid"] for d in duties}) == len(duties)
    dues = [d["due"] for d in duties if d["due"]]
    assert dues == sorted(dues)
    assessment = next(d for d in duties if d["uid"] == "YC-2026-001-assessment@ecoredress")
    assert (assessment["due"], assessment["days_left"], assessment["article"]) == ("2026-12-07", 8, "第十四条第二款")


def test_deadlines_within_filters(cli):
    all_duties = json.loads(cli("deadlines", "--as-of", AS_OF, "--format", "json").out)["duties"]
    soon = json.loads(cli("deadlines", "--as-of", AS_OF, "--within", "10", "--format", "json").out)["duties"]
    assert soon and len(soon) < len(all_duties)
    assert all(d["days_left"] <= 10 for d in soon)


def test_deadlines_ics_parses_with_stable_uids(cli):
    first = cli("deadlines", "--as-of", AS_OF, "--format", "ics")
    assert first.code == 0
    cal = icalendar.Calendar.from_ical(first.out)
    events = list(cal.walk("VEVENT"))
    dated = [d for d in json.loads(cli("deadlines", "--as-of", AS_OF, "--format", "json").out)["duties"] if d["due"]]
    assert sorted(str(e["UID"]) for e in events) == sorted(d["uid"] for d in dated)
    event = next(e for e in events if str(e["UID"]) == "YC-2026-001-assessment@ecoredress")
    assert event.decoded("DTSTART").isoformat() == "2026-12-07" and "第十四条第二款" in str(event["DESCRIPTION"])
    assert cli("deadlines", "--as-of", AS_OF, "--format", "ics").out == first.out  # deterministic


def test_ledger_opens_with_expected_rows(cli, tmp_path):
    out = tmp_path / "台账.xlsx"
    assert cli("ledger", "--as-of", AS_OF, "--out", str(out)).code == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["重大案件台账", "全部案件", "线索筛查记录", "季度筛查合规"]
    all_cases = wb["全部案件"]
    assert [c.value for c in all_cases[1]][:3] == ["案件编号", "案件名称", "赔偿权利人"]
    ids = [row[0].value for row in all_cases.iter_rows(min_row=2)]
    assert ids == sorted(p.stem for p in CASES.glob("*.yaml"))
    major_ids = [row[0].value for row in wb["重大案件台账"].iter_rows(min_row=2)]
    assert major_ids and set(major_ids) < set(ids)
    row = next(r for r in all_cases.iter_rows(min_row=2, values_only=True) if r[0] == "YC-2023-002")
    assert row[8] == "结案"
    gaps = [r for r in wb["季度筛查合规"].iter_rows(min_row=2, values_only=True) if r[6] != "是"]
    assert [(r[0], r[1], r[2]) for r in gaps] == [("固原市人民政府", 2025, "第3季度")]
    again = tmp_path / "again.xlsx"
    cli("ledger", "--as-of", AS_OF, "--out", str(again))
    assert again.read_bytes() == out.read_bytes()


def test_annual_report(cli, tmp_path):
    assert cli("report", "annual", "--year", "2024", "--out", str(tmp_path)).code == 0
    md = (tmp_path / "年度工作情况-2024.md").read_text(encoding="utf-8")
    assert md.startswith("# 2024 年度生态环境损害赔偿工作情况（数据）")
    for heading in ("## 按阶段", "## 按设区市", "## 按损害类型", "## 金额", "## 按期率", "## 季度筛查合规"):
        assert heading in md
    wb = openpyxl.load_workbook(tmp_path / "年度工作情况-2024.xlsx")
    assert wb.sheetnames == ["概况", "按阶段", "按设区市", "按损害类型", "金额", "按期率", "季度筛查合规"]
    amounts = {r[0]: r[1] for r in wb["金额"].iter_rows(min_row=2, values_only=True)}
    assert set(amounts) == {"索赔金额", "协议金额", "判决金额", "资金入库", "资金使用"}
    stages = sum(r[1] for r in wb["按阶段"].iter_rows(min_row=2, values_only=True))
    overview = {r[0]: r[1] for r in wb["概况"].iter_rows(min_row=2, values_only=True)}
    assert stages == overview["案件总数（截至年末）"]
    first = (tmp_path / "年度工作情况-2024.xlsx").read_bytes()
    cli("report", "annual", "--year", "2024", "--out", str(tmp_path))
    assert (tmp_path / "年度工作情况-2024.xlsx").read_bytes() == first


def test_screening_compliance_reports_the_missing_quarter(cli):
    result = cli("screening", "--as-of", AS_OF)
    assert result.code == 1
    assert result.out.count("art9-screening-missing") == 1
    assert "固原市人民政府 2025 年第 3 季度" in result.out
    assert cli("screening", "--as-of", AS_OF, "--year", "2024").code == 0


def test_unknown_screening_reference_is_reported(cli, tmp_path):
    shutil.copytree(CASES / "screening", tmp_path / "screening")
    text = (
        (CASES / "YC-2023-002.yaml")
        .read_text(encoding="utf-8")
        .replace("screening_ref: YC-2023-Q1", "screening_ref: YC-2023-Q9")
    )
    (tmp_path / "YC-2023-002.yaml").write_text(text, encoding="utf-8")
    result = cli("check", str(tmp_path / "YC-2023-002.yaml"), "--as-of", AS_OF)
    assert "art9-screening-ref-unknown" in result.out and "YC-2023-Q9" in result.out


def test_a_broken_screening_log_is_reported_not_a_traceback(tmp_path, cli):
    import shutil

    from tests.conftest import ROOT, run_cli

    shutil.copytree(ROOT / "cases", tmp_path / "cases")
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    log = tmp_path / "cases" / "screening" / "YC-2024.yaml"
    log.write_text(
        log.read_text(encoding="utf-8").replace("screened_on: 2024-0", "screened_on: 2024-02-3", 1), encoding="utf-8"
    )
    (tmp_path / "cases" / "screening" / "YC-2099.yaml").write_text("rights_holder: [\n", encoding="utf-8")
    checked = run_cli("--project", str(tmp_path), "check", str(tmp_path / "cases"), "--as-of", AS_OF)
    assert checked.code == 1 and "Traceback" not in checked.err
    assert "screening/YC-2099.yaml:2:1: 错误 yaml-syntax" in checked.out
    assert "screening/YC-2024.yaml:" in checked.out and "invalid-date" in checked.out
    screening = run_cli("--project", str(tmp_path), "screening", "--as-of", AS_OF)
    assert screening.code == 1 and "未判断季度筛查是否合规" in screening.out and "Traceback" not in screening.err


def _copied_repository(tmp_path: Path) -> Path:
    from tests.conftest import ROOT

    shutil.copytree(ROOT / "cases", tmp_path / "cases")
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    return tmp_path


GY_2025_Q3 = """  - id: GY-2025-Q3
    screened_on: 2025-09-18
    department: 固原市生态环境局
    channels: [{channels}]
    items_screened: 12
    clues_found: 0
"""


def test_a_screening_added_while_the_process_runs_is_counted(tmp_path):
    # A preview server (site serve, cms serve) runs for hours in one process: a log saved meanwhile is read again.
    from tests.conftest import run_cli

    repo = _copied_repository(tmp_path)
    before = run_cli("--project", str(repo), "screening", "--as-of", AS_OF)
    assert before.code == 1 and "固原市人民政府 2025 年第 3 季度" in before.out
    with (repo / "cases" / "screening" / "GY-2025.yaml").open("a", encoding="utf-8") as log:
        log.write(GY_2025_Q3.format(channels="行政处罚案件"))
    after = run_cli("--project", str(repo), "screening", "--as-of", AS_OF)
    assert after.code == 0 and "art9-screening-missing" not in after.out, after.out


def test_screening_logs_are_read_under_the_projects_limits(tmp_path):
    # A log that the project's raised limit admits (check passes it) is counted, not skipped as over the default.
    from tests.conftest import run_cli

    repo = _copied_repository(tmp_path)
    pyproject = repo / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text(encoding="utf-8") + "\n[tool.ecoredress.limits]\nmax_values = 30000\n", encoding="utf-8"
    )
    with (repo / "cases" / "screening" / "GY-2025.yaml").open("a", encoding="utf-8") as log:
        log.write(GY_2025_Q3.format(channels=", ".join(["行政处罚案件"] * 21_000)))  # over the default 20,000 values
    assert run_cli("--project", str(repo), "check", str(repo / "cases" / "screening"), "--as-of", AS_OF).code == 0
    screening = run_cli("--project", str(repo), "screening", "--as-of", AS_OF)
    assert screening.code == 0 and "art9-screening-missing" not in screening.out, screening.out
    ledger = run_cli("--project", str(repo), "ledger", "--out", str(tmp_path / "ledger.xlsx"), "--as-of", AS_OF)
    assert ledger.code == 0, ledger.err
    sheet = openpyxl.load_workbook(tmp_path / "ledger.xlsx")["线索筛查记录"]
    assert "GY-2025-Q3" in {row[0].value for row in sheet.iter_rows()}
