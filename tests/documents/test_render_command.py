"""The render command line."""

from __future__ import annotations

import json


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
