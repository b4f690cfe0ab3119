"""Every command at scale, each beside its yardstick in the same run:
python -m bench [--only ROW ...] [--runs N] [COUNT ...] (default: every row, once, 1000 cases).

`--runs N` measures each row and its yardstick N times, one after the other, and keeps the median of each figure
(check and deadlines only: the site and render rows leave caches and outputs that a second run would reuse).

For each count a throw-away repository is made (the sample cases copied under new ids, as bench/check does, with
the repository's templates, site pages and settings) and each command runs as its own process under
/usr/bin/time (wall time and peak RSS, children included):

- check: `ecoredress check` against `check-jsonschema` on the same files (schema only, far less work);
- site build: mkdocs-material against Zensical, each from a cold workspace;
- build twice: `ecoredress build --skip-documents` then again with nothing changed (target: under 2 s);
- deadlines: `ecoredress deadlines` (no outside yardstick: its growth from the first count is the ratio);
- render: `ecoredress render` of every document against one pandoc per document on a systematic sample of the
  same plan (bench/render/bench.py: about 300 documents at any count), multiplied out to every document — one
  pandoc per document for every document would take hours at 10,000 cases.

Writes bench/RESULTS.md (machine, versions, date, one table); rows not measured in this run (``--only``) are kept
from the previous RESULTS.md. Big counts: run with `nice -n 10`; the render row prints how far it got every minute.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

from bench.render.bench import extrapolate
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


def timed(command: list[str], cwd: Path, label: str = "") -> tuple[float, float, float]:
    """(wall seconds, peak RSS in MiB, CPU seconds) of one run of ``command``. The peak is that of the whole
    process tree (the command, its workers and the engine's process added up, sampled every 0.1 s), or of the
    largest single process if that was larger (it is exact; the sampling may miss a short peak).

    With a ``label``, the command's stderr (its progress) comes through, and every minute a line says how far
    the run got: a long run that is stopped still tells its CPU time and peak so far."""
    report = cwd / ".time"
    run = subprocess.Popen(
        ["/usr/bin/time", "-o", str(report), "-f", "%e %M %U %S", *command],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=None if label else subprocess.DEVNULL,
    )
    tree, start, said = 0.0, time.monotonic(), 0
    while run.poll() is None:
        rss, cpu = tree_usage(run.pid)
        tree = max(tree, rss)
        if label and (time.monotonic() - start) // 60 > said:
            said += 1
            print(f"{label}: {said} min, CPU so far {cpu:.0f} s, peak so far {tree:.0f} MiB", file=sys.stderr)
        time.sleep(0.1)
    seconds, kib, user, system = report.read_text().split()[-4:]
    return float(seconds), max(int(kib) / 1024, tree), float(user) + float(system)


def tree_usage(root: int) -> tuple[float, float]:
    """(resident MiB, CPU seconds so far) of process ``root`` and all its descendants, from /proc. The CPU time
    of a process counts its children that have ended (they were waited for); the running ones are added."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:  # ended meanwhile
                continue
            children.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(entry))
    pages, ticks, todo = 0, 0, [root]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            pages += int(Path(f"/proc/{pid}/statm").read_text().split()[1])
            # utime, stime, cutime, cstime: fields 14-17 of stat, 12-15 after the name in parentheses
            ticks += sum(map(int, Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[11:15]))
        except OSError:
            continue
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20, ticks / os.sysconf("SC_CLK_TCK")


def ecoredress(repo: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "ecoredress", "--project", str(repo), *args]


Run = tuple[float, float, float]  # wall seconds, peak MiB, CPU seconds
NONE: Run = (0.0, 0.0, 0.0)


Row = tuple[str, Run, str, Run]  # what, its run, yardstick, the yardstick's run in the same session
RENDER = "render, every document (docx+pdf)"


def check_rows(repo: Path, count: int) -> list[Row]:
    files = sorted(str(p) for p in (repo / "cases").glob("*.yaml"))
    check = timed(ecoredress(repo, "check", "--as-of", "2026-11-29"), repo)
    schema = timed(["check-jsonschema", "--schemafile", str(ROOT / "schema" / "case.schema.json"), *files], repo)
    return [("check", check, "check-jsonschema", schema)]


def site_rows(repo: Path, count: int) -> list[Row]:
    def site(engine: str, out: str) -> Run:
        return timed(ecoredress(repo, "site", "build", "--engine", engine, "--out", str(repo / out)), repo)

    mkdocs, zensical = site("mkdocs", "m"), site("zensical", "z")
    rows = [
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
    return rows


def deadlines_rows(repo: Path, count: int) -> list[Row]:
    return [("deadlines", timed(ecoredress(repo, "deadlines", "--as-of", "2026-11-29"), repo), "—", NONE)]


def render_rows(repo: Path, count: int) -> list[Row]:
    """The yardstick first (minutes), then every document (at 10,000 cases, hours under load): a run stopped
    during the render still has its yardstick in the log."""
    report = repo / ".yardstick.json"
    sampler = [sys.executable, str(ROOT / "bench" / "render" / "bench.py"), "--sample", str(repo), str(report)]
    _, base_peak, _ = timed(sampler, repo)
    cost = json.loads(report.read_text(encoding="utf-8"))
    print(f"render {count:,}: yardstick {cost}", file=sys.stderr, flush=True)
    run = timed(ecoredress(repo, "render", "--out", str(repo / "documents")), repo, label=f"render {count:,}")
    return [render_row(run, cost, base_peak)]


def render_row(run: Run, cost: dict[str, float], base_peak: float) -> Row:
    """The render row: one pandoc per document multiplied out from its sample to every document of the plan."""
    total, sampled = int(cost["documents"]), int(cost["sampled"])
    wall = extrapolate(cost["plan_wall"], cost["wall"], sampled, total)
    cpu = extrapolate(cost["plan_cpu"], cost["cpu"], sampled, total)
    yardstick = f"one pandoc per document, {sampled:,} of {total:,} (1 in {int(cost['every'])}), multiplied out"
    return (RENDER, run, yardstick, (wall, base_peak, cpu))


ROWS: dict[str, Callable[[Path, int], list[Row]]] = {
    "check": check_rows,
    "site": site_rows,  # both engines; at 1,000 cases and fewer also the incremental builds
    "deadlines": deadlines_rows,
    "render": render_rows,
}


REPEATABLE = ("check", "deadlines")  # rows whose second run measures the same work as the first


def measure(count: int, only: list[str], runs: int = 1) -> list[Row]:
    """The rows ``only`` names, measured ``runs`` times each (medians) on one throw-away repository of ``count``
    cases."""
    with tempfile.TemporaryDirectory() as tmp:
        repo = make_repository(Path(tmp), count)
        rows: list[Row] = []
        for name in only:
            rounds = [ROWS[name](repo, count) for _ in range(runs)]
            rows += [median_row(list(same)) for same in zip(*rounds, strict=True)]
        return rows


def median_row(rounds: list[Row]) -> Row:
    """One row from several runs of it: the median of each figure of the command and of its yardstick."""
    what, _, yardstick, _ = rounds[0]
    return what, median_run([row[1] for row in rounds]), yardstick, median_run([row[3] for row in rounds])


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


HEADER = [
    "# Benchmarks at scale",
    "",
    "{runs}",
    "",
    "Each command beside its yardstick, measured in the same run. The machine is shared (load averages above), so",
    "wall-clock time depends on what else ran at that moment; CPU time (user + system, children included) does not,",
    "and the CPU ratio is the one to compare. Ratio = figure ÷ yardstick (below 1: less). Peak memory: the resident",
    "sets of the command and all its processes added up (workers, the engine's process, pandoc), sampled every 0.1 s,",
    "or the largest single one if larger.",
    "",
    "`render` renders every document the cases call for (docx and pdf). Its yardstick, one pandoc process per",
    "document (bench/render/bench.py), is **sampled**: at these counts it would take hours (≈135 ms CPU per",
    "document, ≈150,000 documents at 10,000 cases), so it renders one document in k of the same plan, k fixed per",
    "count so that the sample is about 300 documents (the sample size is in the row), and its time is multiplied out",
    "to every document; its loading and planning of every case are measured whole and added once.",
    "",
    "| cases | command | wall s | CPU s | peak MiB | yardstick | its wall s | its CPU s | wall ratio | CPU ratio | "
    "CPU ms per case |",
    "|------:|:--------|-------:|------:|---------:|:----------|-----------:|----------:|-----------:|----------:|----------------:|",
]


def format_row(count: int, row: Row) -> str:
    what, run, yardstick, base = row
    ratios = [f"{run[i] / base[i]:.2f}" if base[i] else "—" for i in (0, 2)]
    return (
        f"| {count:,} | {what} | {run[0]:.2f} | {run[2]:.2f} | {run[1]:.0f} | {yardstick} | {base[0]:.2f} | "
        f"{base[2]:.2f} | {ratios[0]} | {ratios[1]} | {1000 * run[2] / count:.2f} |"
    )


def parse_row(line: str) -> tuple[int, Row] | None:
    """A row of the table as ``format_row`` wrote it (the yardstick's peak is not in the table: 0), else None."""
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    if len(cells) != 11 or not re.fullmatch(r"[\d,]+", cells[0]):
        return None
    wall, cpu, peak, base_wall, base_cpu = (float(cells[i]) for i in (2, 3, 4, 6, 7))
    return int(cells[0].replace(",", "")), (cells[1], (wall, peak, cpu), cells[5], (base_wall, 0.0, base_cpu))


def merged(previous: str, measured: dict[int, list[Row]]) -> dict[int, dict[str, Row]]:
    """The rows of the previous RESULTS.md, those measured now in their place (new ones after), by count."""
    table: dict[int, dict[str, Row]] = {}
    for parsed in map(parse_row, previous.split("\n## ", 1)[0].splitlines()):  # the table, not tables in the notes
        if parsed:
            table.setdefault(parsed[0], {})[parsed[1][0]] = parsed[1]
    for count, rows in measured.items():
        table.setdefault(count, {}).update((row[0], row) for row in rows)
    return dict(sorted(table.items()))


def run_lines(previous: str, command: str, loads: list[str]) -> list[str]:
    """One line per `python -m bench` run whose rows the table holds: the previous ones, then this one."""
    kept = [line for line in previous.splitlines() if line.startswith("- `python -m bench")]
    this = f"- `{command}` — {machine()}; load average on {os.cpu_count()} CPUs: {'; '.join(loads)}."
    return [line for line in kept if not line.startswith(f"- `{command}` ")] + [this]


def main(arguments: list[str]) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench", description="Every command at scale, each beside its yardstick in the same run."
    )
    parser.add_argument("--only", action="append", choices=list(ROWS), help="only these rows (repeatable)")
    parser.add_argument("--runs", type=int, default=1, metavar="N", help="each row N times, medians (check, deadlines)")
    parser.add_argument("counts", nargs="*", type=int, default=[1000], metavar="COUNT", help="cases (default 1000)")
    options = parser.parse_args(arguments)
    only = options.only or list(ROWS)
    if options.runs < 1 or (options.runs > 1 and set(only) - set(REPEATABLE)):
        parser.error(f"--runs N>1 only with --only {' / '.join(REPEATABLE)}: the other rows leave caches behind")
    command = " ".join(["python -m bench", *arguments])
    results = ROOT / "bench" / "RESULTS.md"
    measured: dict[int, list[Row]] = {}
    loads: list[str] = []
    for count in options.counts:
        before = os.getloadavg()[0]
        measured[count] = measure(count, only, options.runs)
        for row in measured[count]:
            print(format_row(count, row), flush=True)
        loads.append(f"{count:,} cases {before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end")
        # Written after each count (a long run that is stopped keeps what it measured), over the file as it is now:
        # its other rows and notes, which a run beside this one or a hand may have written meanwhile, are kept.
        previous = results.read_text(encoding="utf-8") if results.is_file() else ""
        table = merged(previous, measured)
        runs = run_lines(previous, command, loads)
        top = [line for part in HEADER for line in (runs if part == "{runs}" else [part])]
        rows = [format_row(n, row) for n, by_name in table.items() for row in by_name.values()]
        verdict = ["", "## Targets (computed from the table above)", "", *verdicts(table)]
        results.write_text("\n".join(top + rows + verdict) + "\n" + _notes(previous), encoding="utf-8")


def _notes(text: str) -> str:
    """The hand-written reading of the figures (## Notes to the end of RESULTS.md), kept when the tables are
    measured again; re-read it against the new figures."""
    return "\n" + text[text.index("## Notes") :] if "## Notes" in text else ""


def documents(row: Row) -> int:
    """How many documents the render row rendered: its yardstick says "… of N …"."""
    found = re.search(r" of ([\d,]+) ", row[2])
    assert found, row[2]
    return int(found.group(1).replace(",", ""))


def verdicts(table: dict[int, dict[str, Row]]) -> list[str]:
    """Each target of issue 14 as met or missed, from the table's figures (a row not in the table: no line)."""

    def said(ok: bool) -> str:
        return "met" if ok else "**missed**"

    def at_largest(*names: str) -> tuple[int, list[Row]] | None:
        counts = [count for count, rows in table.items() if all(name in rows for name in names)]
        return (max(counts), [table[max(counts)][name] for name in names]) if counts else None

    lines = []
    if found := at_largest("check"):
        count, [(_, check, _, schema)] = found
        lines.append(
            f"- check at {count:,} no slower than check-jsonschema side by side: wall {check[0]:.1f} s against "
            f"{schema[0]:.1f} s — {said(check[0] <= schema[0])} (wall, over {os.cpu_count()} CPUs); CPU "
            f"{check[2]:.1f} s against {schema[2]:.1f} s — {said(check[2] <= schema[2])} (CPU)."
        )
    if found := at_largest("site build, mkdocs-material", "site build, Zensical"):
        count, engines = found
        # The faster engine by CPU time: wall-clock time on a shared machine says more about the moment than it.
        name, run, _, _ = min(engines, key=lambda row: row[1][2])
        lines.append(
            f"- site at {count:,} under 150 s with the faster engine ({name.split(', ')[1]}): wall {run[0]:.1f} s, "
            f"CPU {run[2]:.1f} s — {said(run[0] < 150)} (wall, on this shared machine)."
        )
    peak = max(row[1][1] for rows in table.values() for row in rows.values())
    lines.append(f"- peak memory of every command under 2 GiB: largest {peak:.0f} MiB — {said(peak < 2048)}.")
    if "build --skip-documents, nothing changed" in table.get(1000, {}):
        run = table[1000]["build --skip-documents, nothing changed"][1]
        lines.append(
            f"- `ecoredress build` with nothing changed at 1,000 cases under 2 s: wall {run[0]:.2f} s, CPU "
            f"{run[2]:.2f} s — {said(run[0] < 2)}."
        )
    for count, rows in table.items():
        if RENDER in rows:
            _, run, _, base = rows[RENDER]
            n = documents(rows[RENDER])
            lines.append(
                f"- render at {count:,} cases: {n:,} documents, {1000 * run[2] / n:.1f} ms CPU per document against "
                f"{1000 * base[2] / n:.1f} ms one pandoc per document (sampled) — {base[2] / run[2]:.1f}× less CPU."
            )
    counts = sorted(table)
    for name in dict.fromkeys(name for rows in table.values() for name in rows):
        having = [count for count in counts if name in table[count] and table[count][name][1][2]]
        if len(having) > 1:
            # Per document for render (the documents per case depend on which samples the cases copy), else per case.
            unit = "document" if name == RENDER else "case"
            low, high = (table[count][name] for count in (having[0], having[-1]))
            growth = (high[1][2] / (documents(high) if name == RENDER else having[-1])) / (
                low[1][2] / (documents(low) if name == RENDER else having[0])
            )
            lines.append(
                f"- CPU per {unit} of {name} from {having[0]:,} to {having[-1]:,} cases: ×{growth:.2f} (1.00 = linear)."
            )
    return lines


def median_run(runs: list[Run]) -> Run:
    """The median of each figure on its own (wall, peak, CPU)."""
    wall, peak, cpu = (sorted(figures)[len(figures) // 2] for figures in zip(*runs, strict=True))
    return wall, peak, cpu


if __name__ == "__main__":
    main(sys.argv[1:])
