"""The department's particulars on its court filings come from the repository's settings: `check` warns, at the
case, when the department that files is not set up (the scenarios are in scenarios/court_filings.yaml)."""

from __future__ import annotations

import datetime as dt
import re
import shutil

from ecoredress.regulation.statutes import complaint_plaintiff_article
from tests.conftest import ROOT, run_cli


def test_the_article_cited_is_the_one_in_force_on_the_complaints_date():
    """The amendment of 2021-12-24 (in force 2022-01-01) renumbered 第一百二十一条 as 第一百二十四条."""
    assert complaint_plaintiff_article(dt.date(2021, 12, 31)) == "《中华人民共和国民事诉讼法》第一百二十一条第一项"
    assert complaint_plaintiff_article(dt.date(2022, 1, 1)) == "《中华人民共和国民事诉讼法》第一百二十四条第一项"


def test_check_warns_at_the_case_when_the_repository_lacks_the_departments_particulars(tmp_path):
    """The sample repository with 石嘴山市生态环境局's table removed: its complaint and enforcement application
    (SZS-2022-001) would leave blanks, so `check` warns, naming the department, the keys, the article and the
    table to add; a warning, not an error (exit code 0)."""
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    table = re.search(r'\[tool\.ecoredress\.departments\."石嘴山市生态环境局"\]\n(?:[a-z_]+ = .*\n)+', pyproject)
    assert table is not None
    (tmp_path / "pyproject.toml").write_text(pyproject.replace(table.group(), ""), encoding="utf-8")
    (tmp_path / "cases").mkdir()
    shutil.copy(ROOT / "cases" / "SZS-2022-001.yaml", tmp_path / "cases")

    result = run_cli("--project", str(tmp_path), "check", str(tmp_path / "cases"), "--as-of", "2026-11-29")

    (line,) = [line for line in result.out.splitlines() if "department-particulars-missing" in line]
    assert result.code == 0 and ": 警告 " in line
    assert "SZS-2022-001.yaml:12:" in line  # at the department in the case file
    assert "石嘴山市生态环境局" in line and "address、head、head_title、phone" in line
    assert '新建 [tool.ecoredress.departments."石嘴山市生态环境局"] 一节' in line
    assert line.endswith("（依据：《中华人民共和国民事诉讼法》第一百二十四条第一项）")
