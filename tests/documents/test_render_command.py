"""The render command line."""

from __future__ import annotations

import json
from datetime import date

import pytest


def test_render_one_case_to_docx(cli, tmp_path):
    result = cli("render", "YC-2023-002", "--to", "docx", "--out", str(tmp_path), "--jobs", "1")
    assert result.code == 0, result.err
    assert "未变化已跳过" in result.out
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    stems = {d["stem"] for d in manifest["documents"]}
    assert {"YC-2023-002/agreement", "YC-2023-002/agreement-public", "YC-2023-002/consultation-notice"} <= stems
    assert all(f["name"].endswith(".docx") for d in manifest["documents"] for f in d["files"])
    again = cli("render", "YC-2023-002", "--to", "docx", "--out", str(tmp_path))
    assert "生成 0 个文件" in again.out


def test_kind_filter_and_annual_report(cli, tmp_path):
    result = cli("render", "--kind", "赔偿协议,annual-report", "--year", "2024", "--to", "docx", "--out", str(tmp_path))
    assert result.code == 0, result.err
    stems = {d["stem"] for d in json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))["documents"]}
    assert "annual/2024-YC" in stems
    assert {s.split("/")[1].removesuffix("-public") for s in stems if not s.startswith("annual/")} == {"agreement"}


def test_bad_arguments_are_chinese_errors(cli, tmp_path):
    unknown = cli("render", "--kind", "no-such-kind", "--out", str(tmp_path))
    assert unknown.code == 2 and "未知的文书种类" in unknown.err
    no_year = cli("render", "--kind", "annual-report", "--out", str(tmp_path))
    assert no_year.code == 2 and "--year" in no_year.err
    bad_format = cli("render", "--to", "odt", "--out", str(tmp_path))
    assert bad_format.code == 2 and "格式只能是" in bad_format.err


def test_a_case_with_nothing_to_issue_yet_is_not_an_error(cli, tmp_path):
    # A case just scaffolded by `ecoredress new` calls for no document, and CI renders every changed case.
    from ecoredress.editing.scaffold import holder_from_text, render_new_case
    from ecoredress.project import find_project

    project = find_project()
    fresh = tmp_path / "YC-2026-009.yaml"
    fresh.write_text(
        render_new_case(project, holder_from_text("YC"), date(2026, 11, 20), None, "YC-2026-009"), encoding="utf-8"
    )
    nothing = cli("render", str(fresh), "--out", str(tmp_path / "out"))
    assert nothing.code == 0 and "目前没有需要出具的文书" in nothing.out
    wrong_kind = cli("render", str(fresh), "--kind", "赔偿协议", "--out", str(tmp_path / "out"))
    assert wrong_kind.code == 2 and "不适用于所选案件" in wrong_kind.err


def test_help_lists_every_kind_whole_on_its_own_line(capsys):
    from ecoredress.cli import main
    from ecoredress.regulation.document_kinds import SPECS

    with pytest.raises(SystemExit):
        main(["render", "--help"])
    lines = [line.split(maxsplit=1) for line in capsys.readouterr().out.splitlines()]
    listed = {words[0]: words[1] for words in lines if len(words) == 2}
    for spec in SPECS:
        assert listed[spec.key].startswith(spec.kind.value), spec.key
    assert "annual-report" in listed
