"""Build time of the portal for generated cases: python bench/site/build_time.py [COUNT ...] (default 100 1000 5000).

Cases come from tests/site/portal_factory.py (persons and personal data everywhere, half with masked
company names); the site is built exactly as `ecoredress site build` does, into a temporary folder.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "site"))

from ecoredress.project import find_project  # noqa: E402
from ecoredress.publish.site import build_site  # noqa: E402
from portal_factory import generated_cases  # noqa: E402


def measure(count: int) -> tuple[float, float, int]:
    cases = generated_cases(count)
    with tempfile.TemporaryDirectory() as work:
        started = time.perf_counter()
        build_site(find_project(ROOT), Path(work) / "public", documents=Path(work) / "none", cases=cases)
        elapsed = time.perf_counter() - started
        size = sum(p.stat().st_size for p in (Path(work) / "public").rglob("*") if p.is_file())
    return elapsed, elapsed / count * 1000, size


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description="Build time of the portal for generated cases (one table row per count)."
    )
    parser.add_argument(
        "counts", nargs="*", type=int, default=[100, 1000, 5000], help="numbers of cases (default 100 1000 5000)"
    )
    for count in parser.parse_args().counts:
        seconds, per_case, size = measure(count)
        print(f"| {count:>5} | {seconds:6.1f} s | {per_case:5.1f} ms | {size / 1e6:6.1f} MB |", flush=True)
