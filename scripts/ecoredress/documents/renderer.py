"""Render planned documents to docx and pdf: incremental, batched, parallel, reproducible."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from ecoredress import __version__
from ecoredress.documents import manifest
from ecoredress.documents.cache import RenderState, content_key, sha256_bytes
from ecoredress.documents.docx_layout import finish_docx
from ecoredress.documents.pandoc_batch import PandocJob, pandoc_path, pandoc_version, run_batch
from ecoredress.documents.pdf import PdfFonts, font_variables
from ecoredress.documents.plan import DocumentJob
from ecoredress.documents.progress import Progress
from ecoredress.documents.reference_docx import build_reference_docx, pandoc_default_reference
from ecoredress.documents.settings import DocumentSettings

FORMATS = ("docx", "pdf")
TYPST_TEMPLATE = "gbt9704.typ"


@dataclass
class RenderResult:
    documents: int
    rendered: list[str]  # output files written in this run
    skipped: list[str]  # output files already up to date
    manifest: Path


@dataclass(frozen=True)
class _Formats:
    """Per format: the inputs besides the Markdown that decide the output bytes."""

    reference_doc: Path
    typst_template: Path
    variables: dict[str, str]
    keys: dict[str, str]


_OUTPUT_CODE = ("batch.lua", "docx_layout.py", "pdf.py", "reproducible.py")


def _prepare(settings: DocumentSettings, templates: Path, work: Path) -> _Formats:
    from importlib.metadata import version

    reference = build_reference_docx(pandoc_default_reference(pandoc_path()), settings.docx_fonts)
    reference_path = work / "reference.docx"
    if not reference_path.is_file() or reference_path.read_bytes() != reference:
        reference_path.write_bytes(reference)
    template_path = templates / TYPST_TEMPLATE
    variables = font_variables(settings.pdf_fonts)
    # The conversion script and the post-processing decide bytes too: a change to them re-renders everything.
    code = b"".join((Path(__file__).parent / name).read_bytes() for name in _OUTPUT_CODE)
    tools = f"ecoredress {__version__}; pandoc {pandoc_version()}; typst {version('typst')}; code {sha256_bytes(code)}"
    return _Formats(
        reference_doc=reference_path,
        typst_template=template_path,
        variables=variables,
        keys={
            "docx": content_key(tools, reference),
            "pdf": content_key(tools, template_path.read_bytes(), repr(sorted(variables.items()))),
        },
    )


def _chunks(items: list[Any], count: int) -> list[list[Any]]:
    count = max(1, min(count, len(items)))
    return [items[i::count] for i in range(count)]


def _render_chunk(
    chunk: list[tuple[DocumentJob, list[str]]],
    formats: _Formats,
    out_dir: Path,
    work: Path,
    pdf_fonts: PdfFonts | None,
    done: Callable[[str, bytes], None],
) -> None:
    """One pandoc process for the chunk, then one typst compiler for its PDFs."""
    tmp = work / "tmp"
    tmp.mkdir(parents=True, exist_ok=True)

    def scratch(job: DocumentJob, suffix: str) -> Path:
        return tmp / (job.stem.replace("/", "__") + suffix)

    run_batch(
        [
            PandocJob(
                job.markdown,
                scratch(job, ".docx") if "docx" in wanted else None,
                scratch(job, ".typ") if "pdf" in wanted else None,
            )
            for job, wanted in chunk
        ],
        formats.reference_doc,
        formats.typst_template,
        formats.variables,
        work,
    )
    compiler = pdf_fonts.compiler() if pdf_fonts and any("pdf" in w for _, w in chunk) else None
    for job, wanted in chunk:
        if "docx" in wanted:
            source = scratch(job, ".docx")
            done(f"{job.stem}.docx", finish_docx(source.read_bytes()))
            source.unlink()
        if "pdf" in wanted:
            source = scratch(job, ".typ")
            assert compiler is not None  # made above whenever a job of the chunk wants a pdf
            done(f"{job.stem}.pdf", compiler.compile(source.read_bytes(), f"{job.stem}.pdf"))
            source.unlink()


def render_documents(
    jobs: list[DocumentJob],
    settings: DocumentSettings,
    templates: Path,
    out_dir: Path,
    formats: tuple[str, ...] = FORMATS,
    workers: int = 1,
    stream: TextIO | None = None,
) -> RenderResult:
    out_dir.mkdir(parents=True, exist_ok=True)
    work = out_dir / ".cache"
    work.mkdir(exist_ok=True)
    state = RenderState.load(out_dir)
    prepared = _prepare(settings, templates, work)

    keys = {(job.stem, fmt): content_key(prepared.keys[fmt], job.markdown) for job in jobs for fmt in formats}
    pending: list[tuple[DocumentJob, list[str]]] = []
    skipped: list[str] = []
    for job in jobs:
        wanted = [fmt for fmt in formats if not state.fresh(out_dir, f"{job.stem}.{fmt}", keys[job.stem, fmt])]
        skipped.extend(f"{job.stem}.{fmt}" for fmt in formats if fmt not in wanted)
        if wanted:
            pending.append((job, wanted))

    rendered: list[str] = []
    if pending:
        # Fonts are checked before any work starts: a missing CJK font is an error, never tofu.
        pdf_fonts = PdfFonts(settings.pdf_fonts, settings.font_dirs) if "pdf" in formats else None
        progress = Progress(sum(len(w) for _, w in pending), "生成文书", stream)

        def done(name: str, data: bytes) -> None:
            target = out_dir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            job_stem, fmt = name.rsplit(".", 1)
            state.record(name, keys[job_stem, fmt], sha256_bytes(data))
            rendered.append(name)
            progress.advance()

        chunks = _chunks(pending, workers)
        with progress, ThreadPoolExecutor(max_workers=len(chunks)) as pool:  # the bar closes after the workers
            for future in [
                pool.submit(_render_chunk, chunk, prepared, out_dir, work, pdf_fonts, done) for chunk in chunks
            ]:
                future.result()
        state.save()

    entries = [
        manifest.entry(job, {f"{job.stem}.{fmt}": state.sha256(f"{job.stem}.{fmt}") for fmt in formats}) for job in jobs
    ]
    return RenderResult(len(jobs), sorted(rendered), sorted(skipped), manifest.write_manifest(out_dir, entries))
