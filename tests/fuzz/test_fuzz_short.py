"""The short fuzz budget of the normal suite (about half a minute): the script of fuzz_commands.py in its own
process, under its address-space limit, with a time limit on each command and on the whole run. The long run
and its recorded result are in tests/fuzz/README.md."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def test_mutated_cases_give_no_traceback_no_hang_and_bounded_memory(tmp_path):
    summary = tmp_path / "summary.json"
    run = subprocess.run(
        [
            sys.executable,
            str(HERE / "fuzz_commands.py"),
            "--examples",
            "40",
            "--heavy-every",
            "4",
            "--seconds",
            "60",
            "--memory-mb",
            "3072",
            "--summary",
            str(summary),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stdout[-5000:] + run.stderr[-5000:]
    result = json.loads(summary.read_text(encoding="utf-8"))
    counts = result["counts"]
    assert result["examples"] == 40 and counts["mutation:fixed"] == 1 and not result["failures"]
    assert counts["check:ok"] == 41 and counts["fix:ok"] == 82
    assert counts.get("site:ok", 0) >= 1 and counts.get("render:ok", 0) >= 1, (
        counts
    )  # a hostile valid case went all the way
    assert all(counts.get(f"mutation:{how}", 0) for how in ("bytes", "structure", "values")), counts
