"""The code gates: ruff (lint and format) and mypy, configured in pyproject.toml, run as part of the test suite so
that the README's one test command and `.ci/run` check the same things."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

GATES = {
    "ruff-check": ["-m", "ruff", "check", "--no-cache"],
    "ruff-format": ["-m", "ruff", "format", "--check", "--no-cache"],
    "mypy": ["-m", "mypy", "--no-incremental", "--cache-dir", "/dev/null"],
}


@pytest.mark.slow
@pytest.mark.parametrize("gate", GATES)
def test_gate_passes(gate):
    result = subprocess.run([sys.executable, *GATES[gate]], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
