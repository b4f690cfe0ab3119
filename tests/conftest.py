"""Shared fixtures: the repository root, the sample cases, and a CLI runner that captures output."""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from pathlib import Path

import pytest

from ecoredress.cli import main
from ecoredress.loading.discovery import discover_case_files
from ecoredress.validation.checker import load_case

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "cases"


@dataclass
class Result:
    code: int
    out: str
    err: str


def run_cli(*args: str) -> Result:
    """Run ``ecoredress ARGS`` in-process; return exit code, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse usage errors and --help
            code = int(exc.code or 0)
    return Result(code, out.getvalue(), err.getvalue())


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(ROOT)
    return run_cli


@pytest.fixture(scope="session")
def sample_cases():
    """Every sample case in cases/, validated (a sample that does not validate fails here)."""
    loaded = []
    for path in discover_case_files([CASES]):
        checked = load_case(path, path.name)
        assert checked.case is not None, [f.message for f in checked.findings]
        loaded.append(checked.case)
    return loaded
