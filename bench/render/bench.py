"""Benchmark: `ecoredress render` (one pandoc process per batch) vs one pandoc process per document.

Both sides render the same documents of every sample case to docx and pdf with the same conversion
script (batch.lua), the same reference docx, the same typst compiler and the same post-processing:
the only difference is how many pandoc processes start. Results go to RESULTS.md next to this file.

    python3 bench/render/bench.py            # from the repository root

At 1,000 cases and more (`python -m bench --only render`) one pandoc per document for every document
would take hours: there the yardstick is this module's ``sample`` command, one pandoc per document on a
systematic sample of the same plan (``systematic_sample``), multiplied out to every document
(``extrapolate``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import typst

from ecoredress.documents.docx_layout import finish_docx
from ecoredress.documents.pandoc_batch import PandocJob, pandoc_version, run_batch
from ecoredress.documents.pdf import PdfFonts
from ecoredress.documents.plan import plan_jobs
from ecoredress.documents.renderer import _prepare, render_documents
from ecoredress.documents.selection import selected_cases
from ecoredress.documents.settings import DocumentSettings, document_settings
from ecoredress.project import find_project
from ecoredress.regulation.calendar import load_calendar
from ecoredress.regulation.profile import project_profile

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 3
SAMPLE = 300  # documents the yardstick renders at any count (bench/__main__.py's render row)


def plan(root: Path) -> tuple[list, DocumentSettings, Path]:
    """Every document the cases of the repository at ``root`` call for, as `ecoredress render` plans them."""
    project = find_project(root)
    profile, calendar = project_profile(project), load_calendar(project.root)
    templates = project.template_folder("documents")
    cases, departments = selected_cases(project, []).cases, project.settings.departments
    jobs = plan_jobs(cases, profile, calendar, templates, None, departments)
    return jobs, document_settings(project), templates


def systematic_sample(items: list, size: int) -> tuple[int, list]:
    """(k, every k-th item from the first): k is the largest step that still leaves at least ``size`` items,
    so the sample spreads evenly over the plan (every case, every kind in its proportion)."""
    every = max(1, len(items) // size)
    return every, items[::every]


def extrapolate(fixed: float, sampled: float, sample: int, total: int) -> float:
    """What a run over ``total`` documents costs when ``sample`` of them cost ``sampled`` on top of ``fixed``
    (loading and planning, paid once)."""
    return fixed + sampled / sample * total


def ecoredress_way(jobs, settings, templates, out: Path, workers: int) -> None:
    render_documents(jobs, settings, templates, out, workers=workers)


def naive_way(jobs, settings, templates, out: Path) -> None:
    """The same conversion, but one pandoc process per document."""
    work = out / ".cache"
    work.mkdir(parents=True)
    prepared = _prepare(settings, templates, work)
    compiler = PdfFonts(settings.pdf_fonts, settings.font_dirs).compiler()
    for job in jobs:
        docx, typ = work / "doc.docx", work / "doc.typ"
        run_batch(
            [PandocJob(job.markdown, docx, typ)],
            prepared.reference_doc,
            prepared.typst_template,
            prepared.variables,
            work,
        )
        target = out / job.stem
        target.parent.mkdir(parents=True, exist_ok=True)
        target.with_suffix(".docx").write_bytes(finish_docx(docx.read_bytes()))
        target.with_suffix(".pdf").write_bytes(compiler.compile(typ.read_bytes(), job.stem))


def _cpu_seconds() -> float:
    # This process (typst, the post-processing, its threads) and the pandoc processes it waited for.
    return sum(
        usage.ru_utime + usage.ru_stime
        for usage in (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN))
    )


def timed(fn) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one cold run."""
    with tempfile.TemporaryDirectory() as folder:
        start, cpu = time.perf_counter(), _cpu_seconds()
        fn(Path(folder))
        return time.perf_counter() - start, _cpu_seconds() - cpu


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def sample(root: Path, report: Path, size: int = SAMPLE) -> None:
    """The yardstick at scale: plan every document of ``root``, render a systematic sample of about ``size`` of
    them one pandoc per document, write what each part cost (JSON) to ``report``."""
    start, cpu = time.perf_counter(), _cpu_seconds()
    jobs, settings, templates = plan(root)
    planned = {"plan_wall": time.perf_counter() - start, "plan_cpu": _cpu_seconds() - cpu}
    every, chosen = systematic_sample(jobs, size)
    wall, cpu = timed(lambda out: naive_way(chosen, settings, templates, out))
    result = {"documents": len(jobs), "every": every, "sampled": len(chosen), "wall": wall, "cpu": cpu, **planned}
    report.write_text(json.dumps(result), encoding="utf-8")


def main() -> int:
    jobs, settings, templates = plan(ROOT)
    runs = {
        "ecoredress render --jobs 1": lambda out: ecoredress_way(jobs, settings, templates, out, 1),
        f"ecoredress render --jobs {os.cpu_count()}": lambda out: ecoredress_way(
            jobs, settings, templates, out, os.cpu_count() or 1
        ),
        "one pandoc process per document": lambda out: naive_way(jobs, settings, templates, out),
    }
    measured = {name: [timed(fn) for _ in range(ROUNDS)] for name, fn in runs.items()}
    wall = {name: statistics.median(w for w, _ in samples) for name, samples in measured.items()}
    cpu = {name: statistics.median(c for _, c in samples) for name, samples in measured.items()}
    naive, batch = cpu["one pandoc process per document"], cpu["ecoredress render --jobs 1"]
    rows = "\n".join(
        f"| {name} | {wall[name]:.2f} s | {wall['one pandoc process per document'] / wall[name]:.1f}× "
        f"| {cpu[name]:.2f} s | {naive / cpu[name]:.1f}× |"
        for name in runs
    )
    report = f"""# Rendering benchmark

`ecoredress render` converts documents with **one** `pandoc lua` process per batch; the naive way starts
one pandoc process per document. Both sides render the same {len(jobs)} documents (every document the
sample cases call for) to docx **and** pdf with the same conversion script, reference docx, typst
compiler and post-processing, so the difference is only the pandoc start-up cost. Median of {ROUNDS} cold
runs (empty output folder) each. CPU time counts this process and the pandoc processes it started: on a
machine other jobs share, wall-clock time measures them as much as the rendering, CPU time does not (it
cannot show what `--jobs` gains by using more cores; wall-clock time can, on an idle machine).

| Method | Wall clock | Speed-up | CPU time | Speed-up |
|---|---|---|---|---|
{rows}

**Measured ratio, one batch process against one pandoc process per document: {naive / batch:.1f}× less CPU time**
(required: at least 2×). Load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs.

Machine: {cpu_model()}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}; Python
{platform.python_version()},
pandoc {pandoc_version()}, typst (PyPI) {typst.__version__}. Recorded {dt.date.today().isoformat()}.

Reproduce from the repository root:

```sh
python3 bench/render/bench.py
```
"""
    (Path(__file__).parent / "RESULTS.md").write_text(report, encoding="utf-8")
    sys.stdout.write(report)
    return 0 if naive / batch >= 2 else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sample", nargs=2, type=Path, metavar=("REPOSITORY", "REPORT"), help="the yardstick at scale")
    arguments = parser.parse_args()
    if arguments.sample:
        sample(*arguments.sample)
        raise SystemExit(0)
    raise SystemExit(main())
