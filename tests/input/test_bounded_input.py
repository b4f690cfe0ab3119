"""Bounded input (issue 9, findings 5–8): an alias bomb, a huge file, control characters and deep nesting are
located `check` errors that do not stop it reporting on the other files, and every other command that reads
cases skips such a file with the same located message instead of hanging, exhausting memory or crashing.

Each test runs under an alarm, so that a regression fails instead of hanging the suite. Time and memory are
measured by bench/input/, not here."""

from __future__ import annotations

import json
import re
import shutil
import signal
import xml.etree.ElementTree as ET
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml.error import YAMLError

from ecoredress.loading.guarded import CEILINGS, MB, InputRejected, Limits, limits_from
from ecoredress.loading.yamlio import load_data, load_roundtrip
from ecoredress.project import find_project
from tests.conftest import case_repository, run_cli

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "cases" / "YC-2023-002.yaml"  # published on the portal
OTHER = "NX-2023-001"
BOMB = 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)
)  # nine levels of nine aliases: 9⁹ strings once expanded


@contextmanager
def deadline(seconds: int):
    def expire(*_):
        raise TimeoutError(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    """A small case repository: the published sample, another valid case and a case with a syntax error."""
    root = case_repository(tmp_path / "repo", [SAMPLE.stem, OTHER])
    (root / "cases" / "YC-2099-002.yaml").write_text("id: YC-2099-002\ntitle: [未闭合\n", encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def variant(root: Path, case_id: str, old: str, new: str) -> Path:
    """A copy of the sample as case ``case_id`` with ``old`` replaced by ``new``."""
    text = SAMPLE.read_text(encoding="utf-8").replace("id: YC-2023-002", f"id: {case_id}", 1)
    assert old in text
    path = root / "cases" / f"{case_id}.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def check_json(*paths: str) -> tuple[int, list[dict]]:
    with deadline(60):
        result = run_cli("check", *paths, "--format", "json", "--as-of", "2026-11-29")
    assert "Traceback" not in result.err
    report = json.loads(result.out)
    findings = report["findings"]
    findings.append({"path": "", "code": "counts", **report["counts"]})  # read by assert_others_reported
    return result.code, findings


def assert_others_reported(findings: list[dict]) -> None:
    """The syntax error of the broken neighbour is reported, and both valid samples were checked in full."""
    assert any(f["path"] == "cases/YC-2099-002.yaml" and f["code"] == "yaml-syntax" for f in findings)
    counts = next(f for f in findings if f["code"] == "counts")
    assert counts["cases"] == 2 and counts["files"] == len(list(Path("cases").glob("*.yaml")))


def located(findings: list[dict], path: str, code: str) -> tuple[int, int]:
    (hit,) = [f for f in findings if f["path"] == path and f["code"] == code]
    assert hit["severity"] == "error" and re.search(r"[\u4e00-\u9fff]", hit["message"]), hit
    return hit["line"], hit["column"]


def assert_skipped_by_every_reader(root: Path, name: str, code: str, tmp_path: Path) -> None:
    """fix, render, site build, ledger, report and deadlines skip the file with its located error on stderr,
    exit 1, and still use the other cases."""
    runs = {
        "fix": ("fix", "--check"),
        "render": ("render", "--kind", "claim-start", "--to", "docx", "--out", str(tmp_path / "docs")),
        "site": ("site", "build", "--out", str(tmp_path / "public")),
        "ledger": ("ledger", "--out", str(tmp_path / "ledger.xlsx")),
        "report": ("report", "annual", "--year", "2024", "--out", str(tmp_path / "report")),
        "deadlines": ("deadlines", "--as-of", "2024-01-01"),
    }
    for what, args in runs.items():
        with deadline(120):
            result = run_cli(*args)
        assert result.code == 1, (what, result.out, result.err)
        assert "Traceback" not in result.err, what
        assert re.search(rf"cases/{re.escape(name)}:\d+:\d+: ", result.err) and "已跳过" in result.err, (
            what,
            result.err,
        )
        if what != "fix":
            assert f" {code} " in result.err, (what, result.err)
    assert (tmp_path / "public" / "cases" / "YC-2023-002" / "index.html").is_file(), "the other cases are published"
    assert (tmp_path / "ledger.xlsx").is_file()


# --- 5. Alias bomb -------------------------------------------------------------------------------------------


def test_an_alias_bomb_is_a_located_error_and_the_other_files_are_checked(repo, tmp_path):
    (repo / "cases" / "YC-2099-001.yaml").write_text(BOMB, encoding="utf-8")
    code, findings = check_json()
    assert code == 1
    assert located(findings, "cases/YC-2099-001.yaml", "yaml-alias") == (1, 4)  # the first anchor
    assert_others_reported(findings)
    assert_skipped_by_every_reader(repo, "YC-2099-001.yaml", "yaml-alias", tmp_path)


def test_an_anchor_or_alias_inside_a_valid_case_is_refused_where_it_is(repo):
    variant(repo, "YC-2099-003", "title: 宁夏", "title: &t 宁夏")
    variant(repo, "YC-2099-004", "title: 宁夏虚构化工有限公司向典农河排放超标废水生态环境损害赔偿案", "title: *t")
    code, findings = check_json()
    assert code == 1
    assert located(findings, "cases/YC-2099-003.yaml", "yaml-alias") == (4, 8)
    assert located(findings, "cases/YC-2099-004.yaml", "yaml-alias") == (4, 8)


# --- 6. Huge input -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("megabytes", [48, 4.8])
def test_a_huge_valid_case_is_refused_unread_and_the_others_are_built(repo, tmp_path, megabytes):
    line = "  " + "执法巡查发现雨水排放口排出黄褐色废水。" * 8 + "\n"
    padding = line * int(megabytes * MB / len(line.encode("utf-8")))
    variant(repo, "YC-2099-001", "summary: >-\n", "summary: >-\n" + padding)
    code, findings = check_json()
    assert code == 1 and located(findings, "cases/YC-2099-001.yaml", "file-too-large") == (1, 1)
    assert_others_reported(findings)
    assert_skipped_by_every_reader(repo, "YC-2099-001.yaml", "file-too-large", tmp_path)


def test_the_size_is_taken_before_reading(repo):
    with (repo / "cases" / "YC-2099-001.yaml").open("wb") as sparse:
        sparse.truncate(64 * 1024 * MB)  # 64 GB that no machine could read into memory
    code, findings = check_json()
    assert code == 1 and "65536.0 MB" in next(f["message"] for f in findings if f["code"] == "file-too-large")


def test_the_size_limit_is_a_setting_with_a_ceiling(repo):
    line = "  " + "执法巡查发现雨水排放口排出黄褐色废水。" * 8 + "\n"
    variant(repo, "YC-2099-001", "summary: >-\n", "summary: >-\n" + line * int(3 * MB / len(line.encode("utf-8"))))
    assert located(check_json()[1], "cases/YC-2099-001.yaml", "file-too-large") == (1, 1)
    pyproject = repo / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text(encoding="utf-8") + "\n[tool.ecoredress.limits]\nmax_file_mb = 4\n", encoding="utf-8"
    )
    assert limits_from(find_project(repo)).file_bytes == 4 * MB
    assert not [f for f in check_json()[1] if f["path"] == "cases/YC-2099-001.yaml" and f["severity"] == "error"]
    pyproject.write_text(
        pyproject.read_text(encoding="utf-8").replace("max_file_mb = 4", "max_file_mb = 4096"), encoding="utf-8"
    )
    result = run_cli("check")
    assert result.code == 2 and "max_file_mb" in result.err and str(CEILINGS.file_bytes // MB) in result.err


# --- 7. Control characters -----------------------------------------------------------------------------------


def test_control_characters_are_located_errors_and_never_reach_the_feed_html_csv_or_ledger(repo, tmp_path):
    title = "宁夏虚构化工有限公司向典农河排放超标废水生态环境损害赔偿案"
    variant(repo, "YC-2099-001", f"title: {title}", f'title: "{title}\\x01\\x0b\\u0000"')
    variant(repo, "YC-2099-003", "  description: 执法巡查", "  description: 执法\u0080巡\u009b查")  # raw C1 controls
    code, findings = check_json()
    assert code == 1
    assert located(findings, "cases/YC-2099-001.yaml", "control-character") == (4, 8)
    assert located(findings, "cases/YC-2099-003.yaml", "control-character") == (15, 18)  # the character itself
    assert_others_reported(findings)
    assert_skipped_by_every_reader(repo, "YC-2099-001.yaml", "control-character", tmp_path)
    public = tmp_path / "public"
    ET.parse(public / "feed.xml")  # well-formed XML
    for path in public.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".csv", ".json"):
            assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]", path.read_bytes()), path


@given(
    st.characters(codec="utf-8", categories=["Cc"], exclude_characters="\t\n\r\x85"), st.sampled_from(["escape", "raw"])
)
@settings(max_examples=150, deadline=None)
def test_every_control_character_is_refused_written_raw_or_escaped(char, form):
    value = f'"\\u{ord(char):04x}"' if form == "escape" else f'"前{char}后"'
    with pytest.raises((InputRejected, YAMLError)) as refused:  # raw C0 controls: libyaml refuses them itself
        load_data(f"title: {value}\n")
    if form == "escape" or ord(char) >= 0x7F:
        assert isinstance(refused.value, InputRejected) and refused.value.code == "control-character"


def test_printable_text_tabs_and_newlines_pass():
    assert load_data('title: "前\\t后\\n全角　空格、表情😀"\n') == {"title": "前\t后\n全角　空格、表情😀"}


# --- 8. Deep nesting -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "nested",
    [
        pytest.param("title: " + "[" * 1000 + "]" * 1000 + "\n", id="flow-1000"),
        pytest.param("title: " + "[" * 100_000 + "]" * 100_000 + "\n", id="flow-100000"),
        pytest.param("title:\n" + "".join(" " * i + "- \n" for i in range(1, 1200)), id="block-list-1200"),  # 0.7 MB
        pytest.param("title:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 1200)), id="block-map-1200"),
    ],
)
def test_deep_nesting_is_a_located_error_in_check_fix_and_site_build(repo, tmp_path, nested):
    (repo / "cases" / "YC-2099-001.yaml").write_text("id: YC-2099-001\n" + nested, encoding="utf-8")
    code, findings = check_json()
    assert code == 1
    line, column = located(findings, "cases/YC-2099-001.yaml", "too-deep")
    assert line in (2, 21, 22) and column >= 1  # at the 21st level: on the title line (flow) or 20 lines down (block)
    assert_others_reported(findings)
    for args in (("fix",), ("site", "build", "--out", str(tmp_path / "public"))):
        with deadline(120):
            result = run_cli(*args)
        assert result.code == 1 and f"cases/YC-2099-001.yaml:{line}:{column}: " in result.err, result.err


def test_the_depth_limit_is_a_setting_and_its_ceiling_is_safe_for_every_parser(repo):
    pyproject = repo / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text(encoding="utf-8") + "\n[tool.ecoredress.limits]\nmax_depth = 100\n", encoding="utf-8"
    )
    limits = limits_from(find_project(repo))
    assert limits == Limits(depth=CEILINGS.depth)
    deepest = "title:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 99)) + "  " * 99 + "leaf: 1\n"
    load_roundtrip(deepest, limits)  # the pure-Python parser of `fix` and of the positions: no RecursionError
    (repo / "cases" / "YC-2099-001.yaml").write_text("id: YC-2099-001\n" + deepest, encoding="utf-8")
    code, findings = check_json()
    assert not [
        f for f in findings if f["code"] in ("too-deep", "yaml-syntax") and f["path"] == "cases/YC-2099-001.yaml"
    ]
    assert any(f["path"] == "cases/YC-2099-001.yaml" for f in findings)  # the schema still has its say
    with pytest.raises(InputRejected, match="嵌套超过 100 层"):
        load_data("a: " + "[" * 101 + "]" * 101, limits)


# --- tags and number of values --------------------------------------------------------------------------------


def test_foreign_tags_and_too_many_values_are_located_errors(repo):
    variant(repo, "YC-2099-001", "title: 宁夏", "title: !!python/object:os.system 宁夏")
    (repo / "cases" / "YC-2099-003.yaml").write_text("id: YC-2099-003\nnotes:\n" + "  - 1\n" * 25_000, encoding="utf-8")
    code, findings = check_json()
    assert code == 1
    assert located(findings, "cases/YC-2099-001.yaml", "yaml-tag") == (4, 8)
    assert located(findings, "cases/YC-2099-003.yaml", "too-many-values") == (20_000, 5)
    assert load_data("a: !!str 12\nb: !!int '3'\n") == {"a": "12", "b": 3}  # core tags are plain values


def test_a_second_file_with_the_same_case_number_is_skipped_not_rendered_over_the_first(repo, tmp_path):
    """Found by the fuzz suite: two files of one case number made `render` crash (both wrote one document)."""
    shutil.copyfile(repo / "cases" / f"{OTHER}.yaml", repo / "cases" / "YC-2099-001.yaml")
    with deadline(300):
        result = run_cli("render", "--kind", "claim-start", "--to", "docx", "--out", str(tmp_path / "docs"))
    assert result.code == 1 and "Traceback" not in result.err
    assert re.search(
        r"cases/YC-2099-001.yaml:4:5: 错误 duplicate-id 案件编号 NX-2023-001 已在 cases/NX-2023-001.yaml", result.err
    )
    assert (tmp_path / "docs" / OTHER).is_dir()


def test_numbers_beyond_any_amount_period_or_count_are_located_errors(repo):
    """Found while fuzzing: 5,000 digits made the parser raise a bare ValueError, and a finite 1e99999999 yuan
    would be written out digit by digit in the ledger and the documents."""
    variant(repo, "YC-2099-001", "title: 宁夏", "title: 宁夏\nround_trip: " + "9" * 5000 + "\nx:")
    variant(repo, "YC-2099-003", "title: 宁夏", "title: 宁夏\nround_trip: 0x" + "f" * 5000 + "\nx:")
    amounts = SAMPLE.read_text(encoding="utf-8").count("estimated_amount: ")
    assert amounts == 1
    variant(repo, "YC-2099-004", "estimated_amount: ", "estimated_amount: 1e99999999  #")
    variant(repo, "YC-2099-005", "estimated_amount: ", 'estimated_amount: "1e99999999"  #')
    code, findings = check_json()
    assert code == 1
    assert located(findings, "cases/YC-2099-001.yaml", "number-too-large") == (5, 13)
    assert located(findings, "cases/YC-2099-003.yaml", "number-too-large") == (5, 13)
    assert located(findings, "cases/YC-2099-004.yaml", "number-too-large")[1] > 1
    assert any(f["path"] == "cases/YC-2099-005.yaml" and "合理范围" in f["message"] for f in findings)
    assert_others_reported(findings)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("years: [\n", ":2:1: YAML 语法错误"),
        ("years: &a [*a]\n", ":1:8: "),
        ('years: "\\x1b"\n', ":1:8: "),
        ("years: !!python/name:os.system x\n", ":1:8: "),
        ("years: " + "[" * 3000 + "]" * 3000 + "\n", ":1:27: 嵌套超过 20 层"),
    ],
)
def test_the_local_calendar_is_read_through_the_same_guard(repo, text, where):
    (repo / "calendar").mkdir()
    (repo / "calendar" / "holidays.local.yaml").write_text(text, encoding="utf-8")
    with deadline(60):
        result = run_cli("deadlines")
    assert result.code == 1 and "Traceback" not in result.err
    assert f"calendar/holidays.local.yaml{where}" in result.err, result.err
    assert "案件文件中" not in result.err  # a calendar is not a case file: the message names what it is
