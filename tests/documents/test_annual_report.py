"""The annual report (第三十五条) tells each case as it stood on the report's date: the end of the year, or of the
reporting month set in pyproject.toml."""

from __future__ import annotations

import datetime as dt

import docx
import pytest

from document_samples import sample_calendar, sample_cases, sample_logs, sample_profile, sample_templates
from ecoredress.documents.annual import annual_jobs
from ecoredress.documents.renderer import render_documents
from ecoredress.documents.settings import document_settings
from ecoredress.model.enums import HOLDER_CODES
from ecoredress.regulation.profile import load_profile
from tests.conftest import ROOT, case_repository, run_cli
from tests.documents.pages import pdf_lines


def _report(year: int, holder: str) -> str:
    jobs = annual_jobs(
        list(sample_cases()), sample_logs(), year, sample_profile(), sample_calendar(), sample_templates()
    )
    return next(job for job in jobs if job.case_id == holder).markdown


def test_a_case_whose_restoration_was_completed_in_the_year_is_counted_with_its_stage_at_year_end():
    report = _report(2025, "NX")
    # NX-2023-001: works finished 2025-09-30, evaluated only on 2026-06-18 (结案 today, 效果评估 on 2025-12-31).
    assert (
        "| NX\\-2023\\-001 | 宁夏虚构矿业有限公司在贺兰山自然保护区违规采矿破坏生态环境损害赔偿案 | 效果评估 |"
        in report
    )
    assert "完成修复工程1项" in report and "| 结案 |" not in report


def test_a_case_finished_before_the_year_with_nothing_in_it_is_left_out():
    report = _report(2025, "YC")
    assert "YC\\-2023\\-002" not in report  # closed in 2024, nothing happened in 2025
    assert "YC\\-2024\\-001" in report and "YC\\-2026\\-001" not in report  # the latter's clue came in 2026


@pytest.fixture(scope="module")
def reports_2025(project, tmp_path_factory):
    jobs = annual_jobs(
        list(sample_cases()), sample_logs(), 2025, sample_profile(), sample_calendar(), sample_templates()
    )
    out = tmp_path_factory.mktemp("annual")
    render_documents(jobs, document_settings(project), sample_templates(), out, formats=("pdf",), workers=2)
    return out, jobs


def test_the_case_table_headings_stay_on_one_line(reports_2025):
    out, jobs = reports_2025
    for job in jobs:
        lines = {line.text for line in pdf_lines(out / f"{job.stem}.pdf")}
        assert {"序号", "案件编号", "案件名称", "年末所处阶段"} <= lines, job.stem


def test_a_report_due_before_december_tells_the_year_only_up_to_its_own_date():
    # pyproject.toml `annual_report_month = 6`: the 2025 report is dated 2025-06-30. NX-2023-001's works were
    # finished on 2025-09-30 — after the report, so neither counted nor its stage told.
    jobs = annual_jobs(
        list(sample_cases()), sample_logs(), 2025, sample_profile(), sample_calendar(), sample_templates(), 6
    )
    report = next(job for job in jobs if job.case_id == "NX").markdown
    assert "均以2025年6月30日的情况为准" in report and "2025年6月30日" in report.split(":::")[-2]
    assert "完成修复工程0项" in report
    assert "| NX\\-2023\\-001 | 宁夏虚构矿业有限公司在贺兰山自然保护区违规采矿破坏生态环境损害赔偿案 | 修复 |" in report
    assert "12月31日" not in report


def test_the_projects_reporting_month_reaches_the_document(tmp_path):
    repo = case_repository(tmp_path / "repo", ["NX-2023-001"])
    settings = repo / "pyproject.toml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace("annual_report_month = 12", "annual_report_month = 6"),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = run_cli(
        "--project", str(repo), "render", "--kind", "annual-report", "--year", "2025", "--to", "docx", "--out", str(out)
    )
    assert result.code == 0, result.err
    reports = [p for p in sorted(out.rglob("*.docx")) if p.name != "reference.docx"]  # pandoc's styles
    assert reports
    for report in reports:
        text = "".join(p.text for p in docx.Document(str(report)).paragraphs)
        assert "2025年6月30日" in text and "12月31日" not in text, report.name


def _screenings(holder: str, year: int, until: dt.date) -> list:
    return [
        s
        for log in sample_logs()
        if HOLDER_CODES[log.rights_holder] == holder
        for s in log.screenings
        if s.screened_on.year == year and s.screened_on <= until
    ]


@pytest.mark.parametrize(("month", "until"), [(12, dt.date(2025, 12, 31)), (6, dt.date(2025, 6, 30))])
def test_the_report_tells_the_years_screening_from_the_logs_up_to_its_date(month, until):
    # 第三十五条 asks for 筛查情况: GY's logs hold no screening in the third quarter of 2025 (第九条: one a quarter).
    jobs = annual_jobs(
        list(sample_cases()), sample_logs(), 2025, sample_profile(), sample_calendar(), sample_templates(), month
    )
    report = next(job for job in jobs if job.case_id == "GY").markdown
    held = _screenings("GY", 2025, until)
    items, clues = sum(s.items_screened for s in held), sum(s.clues_found for s in held)
    assert f"线索筛查{len(held)}次，筛查案件或信息{items}件，发现线索{clues}条" in report
    assert ("第三季度无筛查记录" in report) is (month == 12)  # by 30 June the third quarter had not ended


def test_the_screening_duty_the_report_measures_against_is_the_profiles(tmp_path):
    # A profile that asks for two screenings a quarter: every quarter of GY 2025 falls short, each with its count.
    text = (ROOT / "scripts/ecoredress/regulation/profiles/ningxia-2024.yaml").read_text(encoding="utf-8")
    marker = "{value: 1, effective: 2024-04-03, article: 第九条"
    assert text.count(marker) == 1
    (tmp_path / "two.yaml").write_text(
        text.replace(marker, "{value: 2, effective: 2024-04-03, article: 第九条"), "utf-8"
    )
    jobs = annual_jobs(
        list(sample_cases()),
        sample_logs(),
        2025,
        load_profile(str(tmp_path / "two.yaml")),
        sample_calendar(),
        sample_templates(),
    )
    report = next(job for job in jobs if job.case_id == "GY").markdown
    for quarter, count in (("一", 1), ("二", 1), ("四", 1)):
        assert f"第{quarter}季度筛查{count}次，未达到第九条每季度不少于2次的要求" in report
    assert "第三季度无筛查记录，未达到第九条每季度不少于2次的要求" in report
