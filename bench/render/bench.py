"""Benchmark: `ecoredress render` (one pandoc process per batch) vs one pandoc process per document.

Both sides render the same documents of every sample case to docx and pdf with the same conversion
script (batch.lua), the same reference docx, the same typst compiler and the same post-processing:
the only difference is how many pandoc processes start. Results go to RESULTS.md next to this file.

    python3 bench/render/bench.py            # from the repository root
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

import typst

from ecoredress.documents.pandoc_batch import PandocJob, pandoc_version, run_batch
from ecoredress.documents.pdf import PdfFonts
from ecoredress.documents.plan import plan_jobs
from ecoredress.documents.renderer import _prepare, render_documents
from ecoredress.documents.reproducible import normalise_docx
from ecoredress.documents.settings import document_settings
from ecoredress.loading.discovery import discover_case_files
from ecoredress.project import find_project
from ecoredress.regulation.profile import load_profile
from ecoredress.validation.checker import load_case

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 3


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
        run_batch([PandocJob(job.markdown, docx, typ)], prepared.reference_doc, prepared.typst_template, prepared.variables, work)
        target = out / job.stem
        target.parent.mkdir(parents=True, exist_ok=True)
        target.with_suffix(".docx").write_bytes(normalise_docx(docx.read_bytes()))
        target.with_suffix(".pdf").write_bytes(compiler.compile(typ.read_bytes(), job.stem))


def timed(fn) -> float:
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        fn(Path(folder))
        return time.perf_counter() - start


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main() -> int:
    project = find_project(ROOT)
    settings = document_settings(project)
    templates = project.templates_dir / "documents"
    cases = [load_case(p, p.name).case for p in discover_case_files([project.cases_dir])]
    jobs = plan_jobs([c for c in cases if c], load_profile(project_root=project.root), templates, None)
    runs = {
        "ecoredress render --jobs 1": lambda out: ecoredress_way(jobs, settings, templates, out, 1),
        f"ecoredress render --jobs {os.cpu_count()}": lambda out: ecoredress_way(jobs, settings, templates, out, os.cpu_count() or 1),
        "one pandoc process per document": lambda out: naive_way(jobs, settings, templates, out),
    }
    times = {name: statistics.median(timed(fn) for _ in range(ROUNDS)) for name, fn in runs.items()}
    naive = times["one pandoc process per document"]
    batch = times["ecoredress render --jobs 1"]
    rows = "\n".join(f"| {name} | {seconds:.2f} s | {naive / seconds:.1f}× |" for name, seconds in times.items())
    report = f"""# Rendering benchmark

`ecoredress render` converts documents with **one** `pandoc lua` process per batch; the naive way starts
one pandoc process per document. Both sides render the same {len(jobs)} documents (every document the
sample cases call for) to docx **and** pdf with the same conversion script, reference docx, typst
compiler and post-processing, so the difference is only the pandoc start-up cost. Median of {ROUNDS} cold
runs (empty output folder) each.

| Method | Time | Speed-up vs naive |
|---|---|---|
{rows}

**Measured ratio, same single core: {naive / batch:.1f}× faster** (required: at least 2×).

Machine: {cpu_model()}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}; Python {platform.python_version()},
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
    raise SystemExit(main())
