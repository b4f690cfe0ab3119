"""`ecoredress check` on corrupted copies of a sample: exit codes, file:line:col, Chinese messages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import CASES, ROOT, run_cli

SAMPLE = CASES / "YC-2023-002.yaml"
REPORT_SCHEMA = json.loads((ROOT / "schema" / "check-report.schema.json").read_text(encoding="utf-8"))


def corrupt(tmp_path: Path, old: str, new: str, name: str = SAMPLE.name) -> tuple[Path, str]:
    text = SAMPLE.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"sample must contain {old!r} exactly once"
    broken = text.replace(old, new)
    target = tmp_path / name
    target.write_text(broken, encoding="utf-8")
    return target, broken


def position_of(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column where ``needle`` starts."""
    offset = text.index(needle)
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def findings_of(path: Path) -> list[dict]:
    result = run_cli("check", str(path), "--format", "json", "--as-of", "2026-11-29")
    report = json.loads(result.out)
    jsonschema.validate(report, REPORT_SCHEMA)
    assert result.code == (0 if report["valid"] else 1)
    return report["findings"]


def only_error(path: Path, code: str) -> dict:
    errors = [f for f in findings_of(path) if f["severity"] == "error"]
    assert [f["code"] for f in errors] == [code], errors
    return errors[0]


def test_samples_are_valid(cli):
    result = cli("check", "cases")
    assert result.code == 0, result.out
    assert "全部有效" in result.out or "0 个错误" in result.out


def test_yaml_syntax_error_is_located(tmp_path):
    path, text = corrupt(tmp_path, "  site: 典农河西夏区段至兴庆区段", "  site: 典农河: 西夏区段")
    finding = only_error(path, "yaml-syntax")
    line, _ = position_of(text, "site: 典农河: 西夏区段")
    assert finding["line"] == line
    assert "YAML 语法错误" in finding["message"] and "引号" in finding["message"]


# Each row: what to break in the sample, the finding code, where the finding must point (the text it starts
# at in the broken file), and what its Chinese message must say.
LOCATED = [
    pytest.param("    agreed: true", "    agreed: 也许", "wrong-type", "也许", ["true 或 false"], id="wrong type"),
    pytest.param(
        "  in_red_line: false\n",
        "",
        "missing-field",
        "damage:",
        ["damage.in_red_line", "生态保护红线"],
        id="missing field",
    ),
    pytest.param(
        "  estimated_amount: 1200000",
        "  estimated_amout: 1200000",
        "unknown-field",
        "estimated_amout",
        ["您是否想写 estimated_amount"],
        id="unknown key",
    ),
    pytest.param(
        "91640100MA76XK3Q29",
        "91640100MA76XK3Q28",
        "invalid-credit-code",
        "91640100MA76XK3Q28",
        ["校验位错误", "“9”"],
        id="credit-code checksum",
    ),
    pytest.param(
        "  report_on: 2023-05-31",
        "  report_on: 2023-04-10",
        "date-order",
        "2023-04-10",
        ["早于委托书生效日期"],
        id="dates out of order",
    ),
    pytest.param(
        "  found_on: 2023-03-14",
        "  found_on: 2023-02-30",
        "invalid-date",
        "2023-02-30",
        ["YYYY-MM-DD"],
        id="impossible date",
    ),
    pytest.param(
        "  total: 1272400.00",
        "  total: 1272400.01",
        "amount-mismatch",
        "1272400.01",
        ["1,272,400.00 元"],
        id="items do not add up",
    ),
]


@pytest.mark.parametrize(("old", "new", "code", "at", "says"), LOCATED)
def test_finding_is_located_and_explained(tmp_path, old, new, code, at, says):
    path, text = corrupt(tmp_path, old, new)
    finding = only_error(path, code)
    assert (finding["line"], finding["column"]) == position_of(text, at)
    for fragment in says:
        assert fragment in finding["message"]


def test_wrong_type_has_a_json_pointer(tmp_path):
    path, _ = corrupt(tmp_path, "    agreed: true", "    agreed: 也许")
    assert only_error(path, "wrong-type")["pointer"] == "/consultation/reply/agreed"


def test_spent_more_than_received(tmp_path):
    path, _ = corrupt(tmp_path, "      amount: 150000.00", "      amount: 500000.00")
    finding = only_error(path, "art32-spent-over-received")
    assert finding["pointer"] == "/funds/expenditures" and "超过缴入国库的合计 472,400.00 元" in finding["message"]
    assert finding["article"] == "第三十二条、第三十三条"  # the sample publishes its fund use


def test_money_keeps_every_cent(tmp_path):
    path, _ = corrupt(tmp_path, "      amount: 386400.00", "      amount: 386400.005")
    finding = only_error(path, "invalid-amount")
    assert "两位小数" in finding["message"]


def test_file_name_must_match_case_id(tmp_path):
    path, _ = corrupt(tmp_path, "summary: >-", "summary: >-", name="YC-2023-099.yaml")
    finding = only_error(path, "filename-mismatch")
    assert finding["pointer"] == "/id" and "YC-2023-002.yaml" in finding["message"]


def test_duplicate_ids_across_files(tmp_path):
    corrupt(tmp_path, "summary: >-", "summary: >-")
    (tmp_path / "copy").mkdir()
    (tmp_path / "copy" / SAMPLE.name).write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    findings = [f for f in findings_of(tmp_path) if f["code"] == "duplicate-id"]
    assert len(findings) == 1 and "已在" in findings[0]["message"]


def test_text_format_is_one_finding_a_line(tmp_path):
    path, _ = corrupt(tmp_path, "  report_on: 2023-05-31", "  report_on: 2023-04-10")
    result = run_cli("check", str(path), "--as-of", "2026-11-29")
    assert result.code == 1
    first = result.out.splitlines()[0]
    assert re.fullmatch(rf"{re.escape(str(path))}:\d+:\d+: 错误 date-order .+", first)


def test_github_annotations(tmp_path):
    path, text = corrupt(tmp_path, "91640100MA76XK3Q29", "91640100MA76XK3Q28")
    result = run_cli("check", str(path), "--format", "github", "--as-of", "2026-11-29")
    line, col = position_of(text, "91640100MA76XK3Q28")
    assert result.code == 1
    assert result.out.startswith(f"::error file={path},line={line},col={col},title=invalid-credit-code::")


@pytest.mark.parametrize("args", [["check", "--format", "xml"], ["check", "--as-of", "2024-13-01"], ["nonsense"]])
def test_usage_errors_exit_2(args):
    result = run_cli(*args)
    assert result.code == 2
    assert "用法错误" in result.err and "Traceback" not in result.err


def test_missing_path_is_a_chinese_error():
    result = run_cli("check", "no/such/dir")
    assert result.code == 2 and "找不到文件或目录" in result.err


def test_not_a_mapping(tmp_path):
    (tmp_path / "x.yaml").write_text("- 1\n- 2\n", encoding="utf-8")
    assert only_error(tmp_path / "x.yaml", "not-a-case")["line"] == 1
