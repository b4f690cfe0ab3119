"""`ecoredress fix`: loosely typed values become standard, and nothing else in the file changes."""

from __future__ import annotations

from tests.conftest import CASES, run_cli

SAMPLE = CASES / "YC-2023-002.yaml"
LOOSE = {  # standard form in the sample → how staff often type it
    "    doc_no: 银环赔〔2023〕5号\n    reply_due_on": "    doc_no: 银环赔[2023]第05号  # 待核\n    reply_due_on",
    "  found_on: 2023-03-14": "  found_on: 2023年3月14日",
    "  total: 1272400.00": '  total: "1,272,400.00"',
    "  damage_amount: 1186400.00": "  damage_amount: 118.64万元",
    "credit_code: 91640100MA76XK3Q29": "credit_code: ９１６４０１００ma76xk3q29",
}


def loose_copy(tmp_path, newline="\n", bom=False):
    text = SAMPLE.read_text(encoding="utf-8")
    for standard, loose in LOOSE.items():
        assert text.count(standard) == 1, standard
        text = text.replace(standard, loose)
    path = tmp_path / SAMPLE.name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.replace("\n", newline).encode("utf-8"))
    return path


def test_check_names_the_fix(tmp_path):
    result = run_cli("check", str(loose_copy(tmp_path)), "--as-of", "2026-11-29")
    assert result.code == 1
    assert "可运行 ecoredress fix 自动改为“银环赔〔2023〕5号”" in result.out
    assert "可运行 ecoredress fix 自动改为“2023-03-14”" in result.out
    assert "可运行 ecoredress fix 自动改为“1272400.00”" in result.out


def test_fix_restores_the_standard_forms_and_keeps_everything_else(tmp_path):
    path = loose_copy(tmp_path)
    result = run_cli("fix", str(path))
    assert result.code == 0 and "已在 1 个文件中改正 5 处" in result.out
    assert f"{path}:60:13: 已改正 发文字号：银环赔[2023]第05号 → 银环赔〔2023〕5号" in result.out
    fixed = path.read_text(encoding="utf-8")
    expected = SAMPLE.read_text(encoding="utf-8").replace(
        "    doc_no: 银环赔〔2023〕5号\n    reply_due_on", "    doc_no: 银环赔〔2023〕5号    # 待核\n    reply_due_on"
    )
    assert fixed == expected  # comments, order, quoting and every other line untouched
    assert run_cli("check", str(path), "--as-of", "2026-11-29").code == 0
    again = run_cli("fix", str(path))
    assert "改正 0 处" in again.out and path.read_text(encoding="utf-8") == fixed


def test_check_mode_lists_without_writing(tmp_path):
    path = loose_copy(tmp_path)
    before = path.read_bytes()
    result = run_cli("fix", "--check", str(path))
    assert result.code == 1 and result.out.count("可改正") == 5
    assert path.read_bytes() == before


def test_line_endings_and_bom_survive(tmp_path):
    path = loose_copy(tmp_path, newline="\r\n", bom=True)
    run_cli("fix", str(path))
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\r\n") == raw.count(b"\n")
    assert "found_on: 2023-03-14" in raw.decode("utf-8-sig")


def test_values_that_are_not_a_known_variant_are_left_alone(tmp_path):
    path = tmp_path / SAMPLE.name
    original = SAMPLE.read_text(encoding="utf-8")
    text = original.replace("  found_on: 2023-03-14", "  found_on: 2023-02-30").replace(
        "  total: 1272400.00", "  total: 约127万"
    )
    path.write_text(text, encoding="utf-8")
    assert "改正 0 处" in run_cli("fix", str(path)).out and path.read_text(encoding="utf-8") == text
    # With a fixable value in the same file, the impossible date and the vague amount still go back as written.
    path.write_text(text.replace("  reply_due_on: 2023-07-31", "  reply_due_on: 2023年7月31日"), encoding="utf-8")
    assert "改正 1 处" in run_cli("fix", str(path)).out and path.read_text(encoding="utf-8") == text


def test_unparsable_file_is_skipped_with_a_chinese_message(tmp_path):
    path = tmp_path / "YC-2023-002.yaml"
    path.write_text("id: [\n", encoding="utf-8")
    result = run_cli("fix", str(path))
    assert result.code == 1 and "YC-2023-002.yaml:2:1: 错误 yaml-syntax" in result.err and "已跳过" in result.err
    assert "Traceback" not in result.err
    assert path.read_text(encoding="utf-8") == "id: [\n"


def test_edge_cases_keep_the_file_as_written():
    from ecoredress.editing.fix import fix_text

    text = '---\n# 注释\nclue:\n  screening_ref: "2025/3/3"\ndamage:\n  estimated_amount: "600,000"\n'
    fixed, fixes = fix_text(text)
    assert [f.what for f in fixes] == ["金额"]  # screening_ref is no date field: left alone
    assert fixed == text.replace('estimated_amount: "600,000"', "estimated_amount: 600000")  # plain int, "---" kept
