"""Every command at scale, each beside its yardstick in the same run: python -m bench [COUNT ...] (default 1000).

For each count a throw-away repository is made (the sample cases copied under new ids, as bench/check does, with
the repository's templates, site pages and settings) and each command runs as its own process under
/usr/bin/time (wall time and peak RSS, children included):

- check: `ecoredress check` against `check-jsonschema` on the same files (schema only, far less work);
- site build: mkdocs-material against Zensical, each from a cold workspace;
- build twice: `ecoredress build --skip-documents` then again with nothing changed (target: under 2 s);
- deadlines: `ecoredress deadlines` (no outside yardstick: its growth from the first count is the ratio).

Rendering every document (`ecoredress render` against one pandoc per document) is bench/render/bench.py.
Writes bench/RESULTS.md (machine, versions, date, one table). Big counts: run with `nice -n 10`.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GIB = 1024 * 1024  # KiB


def make_repository(folder: Path, count: int) -> Path:
    repo = folder / "repo"
    for part in ("templates", "site"):
        shutil.copytree(ROOT / part, repo / part)
    for name in ("pyproject.toml", "mkdocs.yml"):
        shutil.copy(ROOT / name, repo / name)
    (repo / "cases").mkdir()
    samples = sorted((ROOT / "cases").glob("*.yaml"))
    texts = [p.read_text(encoding="utf-8") for p in samples]
    for n in range(count):
        text = texts[n % len(texts)]
        holder, year, _ = re.search(r"^id: (\w+)-(\d{4})-(\d{3})$", text, flags=re.M).groups()
        case_id = f"{holder}-{year}-{n // len(texts) + 100:03d}"
        text = re.sub(r"^id: .*$", f"id: {case_id}", text, count=1, flags=re.M)
        (repo / "cases" / f"{case_id}.yaml").write_text(text, encoding="utf-8")
    return repo


def timed(command: list[str], cwd: Path) -> tuple[float, float, float]:
    """(wall seconds, peak RSS in MiB, CPU seconds) of one run of ``command``."""
    report = cwd / ".time"
    subprocess.run(["/usr/bin/time", "-o", str(report), "-f", "%e %M %U %S", *command], cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    seconds, kib, user, system = report.read_text().split()[-4:]
    return float(seconds), int(kib) / 1024, float(user) + float(system)


def ecoredress(repo: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "ecoredress", "--project", str(repo), *args]


def measure(count: int) -> list[tuple[str, float, float, float, str, float]]:
    """Rows (what, seconds, MiB, CPU seconds, yardstick, yardstick seconds)."""
    with tempfile.TemporaryDirectory() as tmp:
        repo = make_repository(Path(tmp), count)
        files = sorted(str(p) for p in (repo / "cases").glob("*.yaml"))
        rows = []
        check = timed(ecoredress(repo, "check", "--as-of", "2026-11-29") if _has_as_of() else ecoredress(repo, "check"), repo)
        schema = timed(["check-jsonschema", "--schemafile", str(ROOT / "schema" / "case.schema.json"), *files], repo)
        rows.append(("check", *check, "check-jsonschema", schema[0]))
        mkdocs = timed(ecoredress(repo, "site", "build", "--engine", "mkdocs", "--out", str(repo / "m")), repo)
        zensical = timed(ecoredress(repo, "site", "build", "--engine", "zensical", "--out", str(repo / "z")), repo)
        rows.append(("site build, mkdocs-material", *mkdocs, "Zensical", zensical[0]))
        rows.append(("site build, Zensical", *zensical, "mkdocs-material", mkdocs[0]))
        first = timed(ecoredress(repo, "build", "--skip-documents", "--out", str(repo / "b")), repo)
        second = timed(ecoredress(repo, "build", "--skip-documents", "--out", str(repo / "b")), repo)
        rows.append(("build --skip-documents, nothing changed", *second, "first build", first[0]))
        rows.append(("build --skip-documents, first", *first, "—", 0.0))
        rows.append(("site build, Zensical, one case changed", *_one_case_changed(repo), "Zensical, cold", zensical[0]))
        rows.append(("deadlines", *timed(ecoredress(repo, "deadlines"), repo), "—", 0.0))
        return rows


def _one_case_changed(repo: Path) -> tuple[float, float, float]:
    case = sorted((repo / "cases").glob("*.yaml"))[0]
    case.write_text(case.read_text(encoding="utf-8").replace("生态环境", "生态 环境", 1), encoding="utf-8")
    return timed(ecoredress(repo, "site", "build", "--engine", "zensical", "--out", str(repo / "z")), repo)


def _has_as_of() -> bool:
    return "--as-of" in subprocess.run(ecoredress(ROOT, "check", "--help"), capture_output=True, text=True).stdout


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")), platform.processor())
    names = ("mkdocs", "mkdocs-material", "zensical", "check-jsonschema", "pydantic", "ruamel.yaml")
    versions = ", ".join(f"{n} {version(n)}" for n in names)
    return f"{cpu}, {os.cpu_count()} CPUs, Python {platform.python_version()}; {versions}; {dt.date.today().isoformat()}"


def main(counts: list[int]) -> None:
    lines = [
        "# Benchmarks at scale",
        "",
        f"`python -m bench {' '.join(map(str, counts))}` — {machine()}.",
        "Each figure beside its yardstick measured in the same run; ratio = figure ÷ yardstick (below 1: faster).",
        "Peak memory is the largest resident set of the command and its child processes.",
        "",
        "| cases | command | seconds | CPU s | peak MiB | yardstick | yardstick s | ratio | ms per case |",
        "|------:|:--------|--------:|------:|---------:|:----------|------------:|------:|------------:|",
    ]
    for count in counts:
        for what, seconds, mib, cpu, yardstick, base in measure(count):
            ratio = f"{seconds / base:.2f}" if base else "—"
            lines.append(f"| {count:,} | {what} | {seconds:.2f} | {cpu:.2f} | {mib:.0f} | {yardstick} | {base:.2f} | {ratio} | {1000 * seconds / count:.2f} |")
            print(lines[-1], flush=True)
    (ROOT / "bench" / "RESULTS.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000])
