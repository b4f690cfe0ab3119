"""Benchmark: how long `check` takes on N case files (copies of the samples under new ids).

    python bench/check/bench_check.py 1000 5000

Writes nothing into the repository; paste the printed table into bench/check/RESULTS.md.
"""

from __future__ import annotations

import datetime as dt
import platform
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ecoredress.loading.discovery import discover_case_files
from ecoredress.project import find_project
from ecoredress.validation.checker import check_files

ROOT = Path(__file__).resolve().parents[2]


def make_cases(folder: Path, count: int) -> None:
    samples = [p.read_text(encoding="utf-8") for p in discover_case_files([ROOT / "cases"])]
    for n in range(count):
        text = samples[n % len(samples)]
        holder, year, _ = re.search(r"^id: (\w+)-(\d{4})-(\d{3})$", text, flags=re.M).groups()
        case_id = f"{holder}-{year}-{n // len(samples) + 100:03d}"  # same holder and year: same findings as the sample
        text = re.sub(r"^id: .*$", f"id: {case_id}", text, count=1, flags=re.M)
        (folder / f"{case_id}.yaml").write_text(text, encoding="utf-8")


def measure(count: int) -> str:
    """One table row; run in a fresh process so the peak RSS belongs to this count alone."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_cases(folder, count)
        paths = discover_case_files([folder])
        start = time.perf_counter()
        report = check_files(paths, base=folder, as_of=dt.date(2026, 11, 29), project=find_project(ROOT))
        elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return f"| {count} | {elapsed:.2f} | {1000 * elapsed / count:.2f} | {peak:.0f} | {len(report.findings)} |"


def main(counts: list[int]) -> None:
    print(f"Python {platform.python_version()} on {platform.machine()}, {platform.processor() or 'cpu'}")
    print("| 文件数 | 用时（秒） | 每文件（毫秒） | 进程峰值内存（MiB） | 问题数 |")
    print("|---:|---:|---:|---:|---:|")
    for count in counts:
        row = subprocess.run(
            [sys.executable, __file__, "--one", str(count)], check=True, capture_output=True, text=True
        )
        print(row.stdout.strip())


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        print(measure(int(sys.argv[2])))
    else:
        main([int(a) for a in sys.argv[1:]] or [100, 1000])
