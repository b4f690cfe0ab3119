"""Page images of the document kinds for the README: one contact sheet, one sample page.

    python3 docs/contact_sheet.py            # from the repository root

Renders the PDF of one document of each kind from the sample cases (the internal version where there is one,
and the annual report of one rights holder), turns its first page into an image with pdftoppm, and lays the images out
with their kind names in one typst page: docs/images/document-kinds.png. Page 1 of the consultation notice
at reading size goes to docs/images/document-sample.png. Run it again when a kind or the layout changes.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import typst

from ecoredress.documents.annual import annual_jobs
from ecoredress.documents.plan import plan_jobs
from ecoredress.documents.renderer import render_documents
from ecoredress.documents.settings import document_settings
from ecoredress.loading.discovery import discover_case_files
from ecoredress.project import find_project
from ecoredress.regulation.calendar import load_calendar
from ecoredress.regulation.document_kinds import SPECS
from ecoredress.regulation.profile import load_profile
from ecoredress.regulation.screening import project_logs
from ecoredress.validation.checker import load_case

ROOT = Path(__file__).resolve().parents[1]
IMAGES = ROOT / "docs" / "images"
SHEET, SAMPLE = IMAGES / "document-kinds.png", IMAGES / "document-sample.png"
SAMPLE_KIND = "consultation-notice"
ANNUAL_YEAR = 2024
COLUMNS = 5


def _one_of_each_kind(project):
    templates = project.templates_dir / "documents"
    profile, calendar = load_profile(project_root=project.root), load_calendar(project.root)
    cases = [load_case(path, path.name).case for path in discover_case_files([project.cases_dir])]
    jobs = plan_jobs([case for case in cases if case], profile, calendar, templates, None, project.settings.departments)
    first = {}
    for job in sorted(
        jobs, key=lambda job: job.public
    ):  # the internal version, or the public one of a notice to the public
        first.setdefault(job.key, job)
    picked = [first[spec.key] for spec in SPECS if spec.key in first]
    annual = annual_jobs(
        [case for case in cases if case], project_logs(project), ANNUAL_YEAR, profile, calendar, templates
    )
    return [*picked, *annual[:1]], templates


def _page_image(pdf: Path, target: Path, resolution: int) -> Path:
    """Page 1 of ``pdf`` as a PNG (pdftoppm, poppler)."""
    prefix = target.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-png", "-singlefile", "-f", "1", "-l", "1", "-r", str(resolution), str(pdf), str(prefix)],
        check=True,
    )
    return prefix.with_suffix(".png")


def _typst_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _sheet_markup(entries: list[tuple[str, str, str]]) -> str:
    """A grid of page images, each captioned with its kind's name and key."""
    cells = ",\n".join(
        f"[#image({_typst_string(image)}, width: 100%)\n"
        f"#align(center)[#text(size: 6.5pt, {_typst_string(name)}) \\ #text(size: 5pt, {_typst_string(key)})]]"
        for image, name, key in entries
    )
    return (
        '#set page(width: 230mm, height: auto, margin: 6mm, fill: rgb("#e8e8e8"))\n'
        '#set text(font: "Noto Sans CJK SC", lang: "zh")\n'
        f"#grid(columns: {COLUMNS}, column-gutter: 4mm, row-gutter: 5mm,\n{cells})\n"
    )


def main() -> int:
    project = find_project(ROOT)
    jobs, templates = _one_of_each_kind(project)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        render_documents(jobs, document_settings(project), templates, work / "pdf", formats=("pdf",))
        entries = []
        for number, job in enumerate(jobs):
            image = _page_image(work / "pdf" / f"{job.stem}.pdf", work / f"page-{number:02d}.png", 60)
            entries.append((image.name, job.kind, job.key))
        (work / "sheet.typ").write_text(_sheet_markup(entries), encoding="utf-8")
        IMAGES.mkdir(parents=True, exist_ok=True)
        SHEET.write_bytes(typst.compile(str(work / "sheet.typ"), root=str(work), format="png", ppi=110))
        sample = next(job for job in jobs if job.key == SAMPLE_KIND)
        shutil.copyfile(_page_image(work / "pdf" / f"{sample.stem}.pdf", work / "sample.png", 80), SAMPLE)
    print(f"{len(jobs)} 种文书：{SHEET.relative_to(ROOT)}，{SAMPLE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
