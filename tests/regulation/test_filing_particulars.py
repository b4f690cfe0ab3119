"""The department's particulars on its court filings come from the repository's settings: `check` warns, at the
case, when the department that files is not set up (the scenarios are in scenarios/court_filings.yaml)."""

from __future__ import annotations

import datetime as dt
import re
import shutil

from ecoredress.regulation.statutes import complaint_defendant_article, complaint_plaintiff_article
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


def test_the_defendants_article_is_the_one_in_force_on_the_complaints_date():
    """Item (二), the defendant's 名称（姓名）and 住所, renumbered with the article."""
    assert complaint_defendant_article(dt.date(2021, 12, 31)) == "《中华人民共和国民事诉讼法》第一百二十一条第二项"
    assert complaint_defendant_article(dt.date(2022, 1, 1)) == "《中华人民共和国民事诉讼法》第一百二十四条第二项"


def test_check_warns_at_the_obligor_whose_address_a_court_filing_lacks(tmp_path):
    """SZS-2022-001 (a complaint filed 2022-10-18, an enforcement application) with its obligor's 住所 removed: `check`
    warns at that obligor in the case file, naming it, the key and the article of the complaint's date."""
    (tmp_path / "cases").mkdir()
    text = (ROOT / "cases" / "SZS-2022-001.yaml").read_text(encoding="utf-8")
    address = "    address: 石嘴山市惠农区虚构工业园区 12 号\n"
    assert text.count(address) == 1
    (tmp_path / "cases" / "SZS-2022-001.yaml").write_text(text.replace(address, ""), encoding="utf-8")
    shutil.copy(ROOT / "pyproject.toml", tmp_path)

    result = run_cli("--project", str(tmp_path), "check", str(tmp_path / "cases"), "--as-of", "2026-11-29")

    (line,) = [line for line in result.out.splitlines() if "defendant-address-missing" in line]
    assert result.code == 0 and ": 警告 " in line
    assert "SZS-2022-001.yaml:23:" in line  # at the obligor in the case file
    assert "宁夏虚构冶金有限公司" in line and "obligors[0].address" in line
    assert line.endswith("（依据：《中华人民共和国民事诉讼法》第一百二十四条第二项）")
