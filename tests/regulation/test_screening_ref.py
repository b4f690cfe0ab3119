"""第九条 under `check`: a case's clue.screening_ref is judged against the screening ids of the run, read once per
run from the logs beside the cases, under the project's limits."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ecoredress.loading.guarded import MB
from ecoredress.model import Case
from ecoredress.regulation import screening
from ecoredress.regulation.calendar import load_calendar
from ecoredress.regulation.profile import load_profile
from ecoredress.regulation.rules.art09_screening import screening_ref_known
from ecoredress.regulation.rules.registry import CaseContext
from tests.conftest import ROOT, run_cli

AS_OF = "2026-11-29"
IDS = st.from_regex(r"YC-20[12][0-9]-Q[1-4]", fullmatch=True)


def _with_ref(case: Case, ref: str) -> Case:
    return case.model_copy(update={"clue": case.clue.model_copy(update={"screening_ref": ref})})


@given(ref=IDS, known=st.frozensets(IDS, max_size=8) | st.none())
def test_the_rule_judges_the_reference_by_the_ids_of_its_context(sample_cases, ref, known):
    # No screening folder lies beside this path: the ids come from the context alone.
    case = _with_ref(next(c for c in sample_cases if c.clue.screening_ref), ref)
    ctx = CaseContext(
        case, Path("/nonexistent/x.yaml"), case.clue.found_on, load_profile("ningxia-2024"), load_calendar(None), known
    )
    codes = [f.code for f in screening_ref_known(ctx)]
    assert codes == (["art9-screening-ref-unknown"] if known is not None and ref not in known else [])


def _repository(tmp_path: Path, limits: str = "") -> Path:
    shutil.copytree(ROOT / "cases", tmp_path / "cases")
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text((ROOT / "pyproject.toml").read_text(encoding="utf-8") + limits, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("max_file_mb", "log_bytes", "unknown"),
    [
        (0.05, int(0.06 * MB), True),  # lowered: the log is over the project's limit, so its ids are not known
        (4, int(2.1 * MB), False),  # raised: the log is over the default limit but within the project's
    ],
)
def test_check_reads_the_screening_logs_under_the_projects_limits(tmp_path, max_file_mb, log_bytes, unknown):
    repo = _repository(tmp_path, f"\n[tool.ecoredress.limits]\nmax_file_mb = {max_file_mb}\n")
    log = repo / "cases" / "screening" / "YC-2023.yaml"  # holds YC-2023-Q1, the reference of YC-2023-002
    text = log.read_text(encoding="utf-8")
    log.write_text(text + "#" * (log_bytes - len(text.encode())) + "\n", encoding="utf-8")
    case = repo / "cases" / "YC-2023-002.yaml"
    assert "screening_ref: YC-2023-Q1" in case.read_text(encoding="utf-8")
    result = run_cli("--project", str(repo), "check", str(case), "--as-of", AS_OF)
    assert "Traceback" not in result.err
    assert ("art9-screening-ref-unknown" in result.out and "YC-2023-Q1" in result.out) is unknown, result.out


def test_check_reads_the_screening_logs_once_per_run_not_once_per_case(tmp_path, monkeypatch):
    repo = _repository(tmp_path)
    cases = sorted((repo / "cases").glob("*.yaml"))
    for name, ref in [("YC-2023-002", "YC-2023-Q1"), ("YC-2024-001", "YC-2024-Q2")]:
        case = repo / "cases" / f"{name}.yaml"
        case.write_text(
            case.read_text(encoding="utf-8").replace(f"screening_ref: {ref}", "screening_ref: YC-2023-Q9"),
            encoding="utf-8",
        )
    reads = []
    read_logs = screening._load_logs
    monkeypatch.setattr(screening, "_load_logs", lambda *args: reads.append(args) or read_logs(*args))
    result = run_cli("--project", str(repo), "check", str(repo / "cases"), "--as-of", AS_OF)
    assert len(cases) > 10 and sum(1 for c in cases if "screening_ref:" in c.read_text(encoding="utf-8")) > 5
    assert result.out.count("art9-screening-ref-unknown") == 2, result.out  # the rule still ran on every case
    assert len(reads) == 1
