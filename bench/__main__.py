"""Every command at scale, each beside its yardstick in the same run: python -m bench [COUNT ...] (default 1000).

`python -m bench --only check [--runs N] [COUNT ...]` measures only `check` against check-jsonschema, N times each
(default 3), one after the other, and prints the medians as rows of the table (RESULTS.md is not written).

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

import argparse
import datetime as dt
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

from tests.conftest import case_repository

ROOT = Path(__file__).resolve().parents[1]
GIB = 1024 * 1024  # KiB


def make_repository(folder: Path, count: int) -> Path:
    """The project's templates, site pages and settings, with ``count`` cases: the samples copied under new ids."""
    repo = case_repository(folder / "repo", cases=[])
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
    """(wall seconds, peak RSS in MiB, CPU seconds) of one run of ``command``. The peak is that of the whole
    process tree (the command, its workers and the engine's process added up, sampled every 0.1 s), or of the
    largest single process if that was larger (it is exact; the sampling may miss a short peak)."""
    report = cwd / ".time"
    run = subprocess.Popen(
        ["/usr/bin/time", "-o", str(report), "-f", "%e %M %U %S", *command],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    tree = 0.0
    while run.poll() is None:
        tree = max(tree, tree_rss(run.pid))
        time.sleep(0.1)
    seconds, kib, user, system = report.read_text().split()[-4:]
    return float(seconds), max(int(kib) / 1024, tree), float(user) + float(system)


def tree_rss(root: int) -> float:
    """Resident MiB of process ``root`` and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:  # ended meanwhile
                continue
            children.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(entry))
    pages, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            pages += int(Path(f"/proc/{pid}/statm").read_text().split()[1])
        except OSError:
            continue
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def ecoredress(repo: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "ecoredress", "--project", str(repo), *args]


Run = tuple[float, float, float]  # wall seconds, peak MiB, CPU seconds
NONE: Run = (0.0, 0.0, 0.0)


def measure(count: int) -> list[tuple[str, Run, str, Run]]:
    """Rows (what, its run, yardstick, the yardstick's run in the same session)."""
    with tempfile.TemporaryDirectory() as tmp:
        repo = make_repository(Path(tmp), count)
        files = sorted(str(p) for p in (repo / "cases").glob("*.yaml"))

        def site(engine: str, out: str) -> Run:
            return timed(ecoredress(repo, "site", "build", "--engine", engine, "--out", str(repo / out)), repo)

        check = timed(ecoredress(repo, "check", "--as-of", "2026-11-29"), repo)
        schema = timed(["check-jsonschema", "--schemafile", str(ROOT / "schema" / "case.schema.json"), *files], repo)
        mkdocs, zensical = site("mkdocs", "m"), site("zensical", "z")
        rows = [
            ("check", check, "check-jsonschema", schema),
            ("site build, mkdocs-material", mkdocs, "Zensical", zensical),
            ("site build, Zensical", zensical, "mkdocs-material", mkdocs),
        ]
        if count <= 1000:  # incremental builds: the target is at 1,000 (at 10,000 they would only repeat the site row)
            rows.append(("site build, Zensical, nothing changed", site("zensical", "z"), "Zensical, cold", zensical))
            _change_one_case(repo)
            rows.append(("site build, Zensical, one case changed", site("zensical", "z"), "Zensical, cold", zensical))
            first = timed(ecoredress(repo, "build", "--skip-documents", "--out", str(repo / "b")), repo)
            second = timed(ecoredress(repo, "build", "--skip-documents", "--out", str(repo / "b")), repo)
            rows.append(("build --skip-documents, nothing changed", second, "the first build", first))
        rows.append(("deadlines", timed(ecoredress(repo, "deadlines", "--as-of", "2026-11-29"), repo), "—", NONE))
        return rows


def _change_one_case(repo: Path) -> None:
    case = min((repo / "cases").glob("*.yaml"))
    text = re.sub(r"^title: (.*)$", r"title: \1（更正）", case.read_text(encoding="utf-8"), count=1, flags=re.M)
    case.write_text(text, encoding="utf-8")


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    names = ("mkdocs", "mkdocs-material", "zensical", "check-jsonschema", "pydantic", "ruamel.yaml")
    versions = ", ".join(f"{n} {version(n)}" for n in names)
    return (
        f"{cpu}, {os.cpu_count()} CPUs, Python {platform.python_version()}; {versions}; {dt.date.today().isoformat()}"
    )


def main(counts: list[int]) -> None:
    header = [
        "# Benchmarks at scale",
        "",
        f"`python -m bench {' '.join(map(str, counts))}` — {machine()}.",
        "",
        "Each command beside its yardstick, measured in the same run. The machine is shared (load average on "
        f"{os.cpu_count()} CPUs:",
        "{loads}), so wall-clock time depends on what else ran at that moment;",
        "CPU time (user + system, children included) does not, and the CPU ratio is the one to compare.",
        "Ratio = figure ÷ yardstick (below 1: less). Peak memory: the resident sets of the command and all its",
        "processes added up (workers, the engine's process), sampled every 0.1 s, or the largest single one if larger.",
        "Rendering every document against one pandoc per document is bench/render/RESULTS.md (not at these counts).",
        "",
        "| cases | command | wall s | CPU s | peak MiB | yardstick | its wall s | its CPU s | wall ratio | CPU ratio | "
        "CPU ms per case |",
        "|------:|:--------|-------:|------:|---------:|:----------|-----------:|----------:|-----------:|----------:|----------------:|",
    ]
    lines: list[str] = []
    loads: list[str] = []
    results: dict[int, dict[str, tuple[Run, Run]]] = {}
    for count in counts:
        results[count] = {}
        before = os.getloadavg()[0]
        for what, run, yardstick, base in measure(count):
            results[count][what] = (run, base)
            ratios = [f"{run[i] / base[i]:.2f}" if base[i] else "—" for i in (0, 2)]
            lines.append(
                f"| {count:,} | {what} | {run[0]:.2f} | {run[2]:.2f} | {run[1]:.0f} | {yardstick} | {base[0]:.2f} | "
                f"{base[2]:.2f} "
                f"| {ratios[0]} | {ratios[1]} | {1000 * run[2] / count:.2f} |"
            )
            print(lines[-1], flush=True)
        loads.append(f"{count:,} cases: {before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end")
        # Written after each count: a long run that is stopped keeps what it measured.
        verdict = ["", "## Targets (computed from the table above)", "", *verdicts(results)]
        top = [line.replace("{loads}", "; ".join(loads)) for line in header]
        (ROOT / "bench" / "RESULTS.md").write_text("\n".join(top + lines + verdict) + "\n" + _notes(), encoding="utf-8")


def _notes() -> str:
    """The hand-written reading of the figures (## Notes to the end of RESULTS.md), kept when the tables are
    measured again; re-read it against the new figures."""
    try:
        text = (ROOT / "bench" / "RESULTS.md").read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""
    return "\n" + text[text.index("## Notes") :] if "## Notes" in text else ""


def verdicts(results: dict[int, dict[str, tuple[Run, Run]]]) -> list[str]:
    """Each target of issue 14 as met or missed, from this run's figures."""
    largest, smallest = max(results), min(results)
    top = results[largest]
    (check, schema), (mkdocs, zensical) = top["check"], top["site build, mkdocs-material"]
    # The faster engine by CPU time: wall-clock time on a shared machine says more about the moment than the engine.
    faster = min(("mkdocs-material", mkdocs), ("Zensical", zensical), key=lambda engine: engine[1][2])
    peak = max(run[1] for rows in results.values() for run, _ in rows.values())

    def said(ok: bool) -> str:
        return "met" if ok else "**missed**"

    lines = [
        f"- check at {largest:,} no slower than check-jsonschema side by side: wall {check[0]:.1f} s against "
        f"{schema[0]:.1f} s — {said(check[0] <= schema[0])} (wall, over {os.cpu_count()} CPUs); CPU "
        f"{check[2]:.1f} s against {schema[2]:.1f} s — {said(check[2] <= schema[2])} (CPU).",
        f"- site at {largest:,} under 150 s with the faster engine ({faster[0]}): wall {faster[1][0]:.1f} s, CPU "
        f"{faster[1][2]:.1f} s "
        f"— {said(faster[1][0] < 150)} (wall, on this shared machine).",
        f"- peak memory of every command under 2 GiB: largest {peak:.0f} MiB — {said(peak < 2048)}.",
    ]
    if 1000 in results and "build --skip-documents, nothing changed" in results[1000]:
        run = results[1000]["build --skip-documents, nothing changed"][0]
        lines.append(
            f"- `ecoredress build` with nothing changed at 1,000 cases under 2 s: wall {run[0]:.2f} s, CPU "
            f"{run[2]:.2f} s — {said(run[0] < 2)}."
        )
    if largest != smallest:
        for name, (run, _) in top.items():
            if name in results[smallest] and results[smallest][name][0][2]:
                growth = (run[2] / largest) / (results[smallest][name][0][2] / smallest)
                lines.append(
                    f"- CPU per case of {name} from {smallest:,} to {largest:,} cases: ×{growth:.2f} (1.00 = linear)."
                )
    return lines


def check_only(counts: list[int], runs: int) -> None:
    """`check` and check-jsonschema on the same files, ``runs`` times each in alternation; the median of each."""
    print(
        "| cases | command | wall s | CPU s | peak MiB | yardstick | its wall s | its CPU s | wall ratio | CPU ratio |"
    )
    print(
        "|------:|:--------|-------:|------:|---------:|:----------|-----------:|----------:|-----------:|----------:|"
    )
    for count in counts:
        with tempfile.TemporaryDirectory() as tmp:
            repo = make_repository(Path(tmp), count)
            files = sorted(str(p) for p in (repo / "cases").glob("*.yaml"))
            before = os.getloadavg()[0]
            checks, schemas = [], []
            for _ in range(runs):
                checks.append(timed(ecoredress(repo, "check", "--as-of", "2026-11-29"), repo))
                schemas.append(
                    timed(["check-jsonschema", "--schemafile", str(ROOT / "schema" / "case.schema.json"), *files], repo)
                )
            check, schema = median_run(checks), median_run(schemas)
            print(
                f"| {count:,} | check | {check[0]:.2f} | {check[2]:.2f} | {check[1]:.0f} | check-jsonschema | "
                f"{schema[0]:.2f} | {schema[2]:.2f} | {check[0] / schema[0]:.2f} | {check[2] / schema[2]:.2f} |"
                f"  <!-- load {before:.1f} → {os.getloadavg()[0]:.1f}; CPU s of each run: "
                f"{', '.join(f'{r[2]:.1f}' for r in checks)} against {', '.join(f'{r[2]:.1f}' for r in schemas)} -->",
                flush=True,
            )


def median_run(runs: list[Run]) -> Run:
    """The median of each figure on its own (wall, peak, CPU)."""
    wall, peak, cpu = (sorted(figures)[len(figures) // 2] for figures in zip(*runs, strict=True))
    return wall, peak, cpu


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("counts", nargs="*", type=int, default=[1000])
    parser.add_argument("--only", choices=["check"], help="only check against check-jsonschema, medians of --runs")
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    if options.only == "check":
        check_only(options.counts, options.runs)
    else:
        main(options.counts)
