"""A case made by `ecoredress new` and never filled in: its "（待补充）" texts are warnings, errors once published."""

from __future__ import annotations

import datetime as dt
import shutil

from ecoredress.editing.scaffold import create_case_file, holder_from_text
from ecoredress.project import find_project
from ecoredress.regulation.findings import Severity
from ecoredress.validation.checker import check_files
from tests.conftest import ROOT


def _new_case(tmp_path):
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    shutil.copytree(ROOT / "templates" / "case", tmp_path / "templates" / "case")
    project = find_project(tmp_path)
    return project, create_case_file(project, holder_from_text("银川"), dt.date(2026, 11, 20), None)


def _placeholders(project, path):
    report = check_files([path], base=project.root, as_of=dt.date(2026, 11, 29), project=project)
    return report, sorted((f.pointer, f.severity) for f in report.findings if f.code == "placeholder-left")


def test_unfilled_new_case_warns_at_every_placeholder(tmp_path):
    project, path = _new_case(tmp_path)
    report, found = _placeholders(project, path)
    pointers = ["/clue/description", "/damage/description", "/damage/site", "/summary", "/title"]
    assert found == [(p, Severity.WARNING) for p in pointers]
    assert report.valid  # warnings only: staff fill the case in as it goes
    title = next(f for f in report.findings if f.pointer == "/title")
    assert title.line == 8 and "案件名称仍含新建案件时的占位文字“（待补充）”" in title.message


def test_publishing_an_unfilled_case_is_an_error(tmp_path):
    project, path = _new_case(tmp_path)
    text = path.read_text(encoding="utf-8").replace("  publish: false", "  publish: true\n  decided_on: 2026-11-25")
    path.write_text(text, encoding="utf-8")
    report, found = _placeholders(project, path)
    assert len(found) == 5 and {severity for _, severity in found} == {Severity.ERROR}
    assert not report.valid
    assert "占位文字会原样出现在公开网站上" in report.findings[0].message
