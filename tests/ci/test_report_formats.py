"""`check --format github` and `--format gitlab` on a broken sample: the shapes GitHub and GitLab read."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import CASES, run_cli

HERE = Path(__file__).parent
SAMPLE = CASES / "YC-2023-002.yaml"
CODE_QUALITY_SCHEMA = json.loads((HERE / "code_quality.schema.json").read_text(encoding="utf-8"))
# GitHub workflow command: ::level file=…,line=…,col=…,title=…::message (one per line).
ANNOTATION = re.compile(r"^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),title=([^:]+)::(.+)$")


def broken_sample(tmp_path: Path, *replacements: tuple[str, str]) -> tuple[Path, str]:
    """A copy of the sample with each (old, new) applied; returns the copy and the line of each new value."""
    text = SAMPLE.read_text(encoding="utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    (tmp_path / "pyproject.toml").write_text("[tool.ecoredress]\n", encoding="utf-8")
    target = tmp_path / "cases" / SAMPLE.name
    target.parent.mkdir()
    target.write_text(text, encoding="utf-8")
    return target, text


def line_of(text: str, needle: str) -> int:
    return text.count("\n", 0, text.index(needle)) + 1


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    """Run from the temp folder, as CI runs from the repository root: reported paths are relative to it."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


# Two consistency errors in one schema-valid file, so both formats must report several findings.
AMOUNT_AND_DATE = (
    ("  total: 1272400.00", "  total: 1272400.01"),
    ("  report_on: 2023-05-31", "  report_on: 2023-04-10"),
)


def run_format(path: Path, fmt: str):
    return run_cli("check", str(path.relative_to(path.parents[1])), "--format", fmt, "--as-of", "2026-11-29")


def test_github_format_is_one_annotation_per_finding(in_tmp):
    path, text = broken_sample(in_tmp, *AMOUNT_AND_DATE)
    result = run_format(path, "github")
    assert result.code == 1
    annotations = [ANNOTATION.match(line) for line in result.out.splitlines()]
    assert annotations and all(annotations), result.out
    by_code = {m.group(5).split(" ")[0]: m for m in annotations}
    assert {"amount-mismatch", "date-order"} <= by_code.keys()
    amount = by_code["amount-mismatch"]
    assert amount.group(1) == "error" and amount.group(2) == "cases/YC-2023-002.yaml"
    assert int(amount.group(3)) == line_of(text, "1272400.01")
    assert int(amount.group(4)) == text.splitlines()[int(amount.group(3)) - 1].index("1272400.01") + 1
    assert re.search(r"[\u4e00-\u9fff]", amount.group(6)), "the message is Chinese"


def test_github_format_escapes_what_would_break_the_command(in_tmp):
    # A YAML syntax error whose message quotes ": " must not end the annotation's properties early.
    path, _ = broken_sample(in_tmp, ("  site: 典农河西夏区段至兴庆区段", "  site: 典农河: 西夏区段"))
    result = run_format(path, "github")
    (line,) = result.out.splitlines()
    match = ANNOTATION.match(line)
    assert match and match.group(5) == "yaml-syntax" and "\n" not in match.group(6)


def test_gitlab_format_is_a_code_quality_report(in_tmp):
    path, text = broken_sample(in_tmp, *AMOUNT_AND_DATE)
    result = run_format(path, "gitlab")
    assert result.code == 1
    issues = json.loads(result.out)
    jsonschema.validate(issues, CODE_QUALITY_SCHEMA)
    by_name = {i["check_name"]: i for i in issues}
    assert {"amount-mismatch", "date-order"} <= by_name.keys()
    amount = by_name["amount-mismatch"]
    assert amount["severity"] == "major"
    assert amount["location"] == {"path": "cases/YC-2023-002.yaml", "lines": {"begin": line_of(text, "1272400.01")}}
    assert "1,272,400.00 元" in amount["description"]
    assert len({i["fingerprint"] for i in issues}) == len(issues), "fingerprints identify findings"


def test_gitlab_fingerprints_are_stable_and_follow_the_finding(in_tmp):
    path, _ = broken_sample(in_tmp, *AMOUNT_AND_DATE)
    first = json.loads(run_format(path, "gitlab").out)
    assert json.loads(run_format(path, "gitlab").out) == first
    path.write_text(path.read_text(encoding="utf-8").replace("1272400.01", "1272400.02"), encoding="utf-8")
    changed = {i["check_name"]: i["fingerprint"] for i in json.loads(run_format(path, "gitlab").out)}
    before = {i["check_name"]: i["fingerprint"] for i in first}
    # The same problem at the same place keeps its fingerprint while its wording changes (amounts, or the
    # days an open duty is overdue, which change every day): GitLab must not report it as new each run.
    assert changed == before
    overdue = [
        json.loads(run_cli("check", str(CASES / "YC-2026-001.yaml"), "--format", "gitlab", "--as-of", day).out)
        for day in ("2027-01-05", "2027-01-06")
    ]
    assert overdue[0] and [i["fingerprint"] for i in overdue[0]] == [i["fingerprint"] for i in overdue[1]]
    assert overdue[0][0]["description"] != overdue[1][0]["description"]


def test_gitlab_report_of_the_sample_cases_has_no_errors(cli):
    """Warnings and notices may remain on valid cases; errors (major) would fail the merge request."""
    result = cli("check", "cases", "--format", "gitlab")
    issues = json.loads(result.out)
    jsonschema.validate(issues, CODE_QUALITY_SCHEMA)
    assert result.code == 0 and {i["severity"] for i in issues} <= {"minor", "info"}
