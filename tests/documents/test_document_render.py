"""Rendered files: GB/T 9704 docx, readable PDF, reproducible bytes, incremental runs, manifest."""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from dataclasses import replace
from functools import cache

import docx
import pytest
from pypdf import PdfReader

from ecoredress.documents.pandoc_batch import run_batch
from ecoredress.documents.pdf import PdfFonts
from ecoredress.documents.plan import case_jobs
from ecoredress.documents.renderer import render_documents
from ecoredress.documents.settings import FONT_PRESETS, document_settings
from ecoredress.errors import UserError
from ecoredress.presentation.formatting import money_capitals
from ecoredress.regulation.document_kinds import BY_KEY
from tests.documents.pages import pdf_lines, signing

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_case_gets_docx_and_pdf_of_what_it_calls_for(rendered, sample_cases):
    out, jobs, result = rendered
    assert {job.case_id for job in jobs} >= {c.id for c in sample_cases if c.conclusion or c.assessment}
    for job in jobs:
        assert (out / f"{job.stem}.docx").is_file() and (out / f"{job.stem}.pdf").is_file()
    assert len(result.rendered) == 2 * len(jobs) and not result.skipped


def test_each_docx_follows_gbt_9704(rendered, project):
    out, jobs, _ = rendered
    fonts = document_settings(project).docx_fonts
    for job in jobs:
        document = docx.Document(str(out / f"{job.stem}.docx"))
        section = document.sections[0]
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297), job.stem
        margins = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
        assert [round(m.mm) for m in margins] == [37, 35, 28, 26], job.stem
        title = document.paragraphs[0]
        assert title.style.name == "Title" and title.text == job.title
        assert title.style.font.size.pt == 22
        assert title.style.element.rPr.rFonts.get(f"{W}eastAsia") == fonts.title
        body = document.styles["Body Text"]
        assert body.element.rPr.rFonts.get(f"{W}eastAsia") == fonts.body and body.font.size.pt == 16
        spacing = body.element.pPr.find(f"{W}spacing")
        assert (spacing.get(f"{W}line"), spacing.get(f"{W}lineRule")) == ("579", "exact")  # 22 lines a page
        assert document.settings.odd_and_even_pages_header_footer
        assert section.footer.paragraphs[0].text == "— 1 —"
        assert section.footer.paragraphs[0].alignment == 2 and section.even_page_footer.paragraphs[0].alignment == 0
        if "::: signature" in job.markdown:  # one issuer; agreements and court filings sign per party
            signature = [p for p in document.paragraphs if p.style.name.startswith("署名")]
            assert signature and signature[-1].style.paragraph_format.alignment == 2, job.stem  # right


def test_every_document_is_signed_by_an_issuer_its_parties_or_in_its_form(rendered):
    # A form (送达回证) is signed in its rows by the people who serve and receive it; every other document
    # carries a signature block or one block per party.
    out, jobs, _ = rendered
    for job in jobs:
        signature, parties = signing(out / f"{job.stem}.docx")
        if not (signature or parties):
            assert BY_KEY[job.key].form, job.stem
            rows = {
                re.sub(r"\s", "", row.cells[0].text)
                for table in docx.Document(str(out / f"{job.stem}.docx")).tables
                for row in table.rows
            }
            assert {"受送达人签收", "送达人"} <= rows, job.stem


@cache
def _pdf_pages(path) -> tuple[str, ...]:
    """Each page's text, a line a row, as poppler reads it (pages.pdf_lines: once per file for every test)."""
    lines = pdf_lines(path)
    return tuple("\n".join(line.text for line in lines if line.page == n) for n in sorted({ln.page for ln in lines}))


def _pdf_text(path):
    return re.sub(r"\s+", "", "".join(_pdf_pages(path)))


def test_each_pdf_has_the_case_title_and_amount_in_capitals(rendered, cases_by_id):
    out, jobs, _ = rendered
    for job in jobs:
        text = _pdf_text(out / f"{job.stem}.pdf")
        assert re.sub(r"\s+", "", job.title) in text, job.stem
        if job.key in ("annual-report", "complaint", "judicial-confirmation", "enforcement-application"):
            continue  # a court filing names the parties, not the department's case title
        case = cases_by_id[job.case_id]
        title = case.title if not job.public else None
        if title:
            assert re.sub(r"\s+", "", title) in text, job.stem
        if job.key in ("agreement", "simplified-agreement"):
            assert money_capitals(case.agreement.total) in text, job.stem


def test_no_pdf_holds_a_line_beginning_with_a_heading_marker(rendered):
    out, jobs, _ = rendered
    for job in jobs:
        for page in _pdf_pages(out / f"{job.stem}.pdf"):
            marked = [line for line in page.splitlines() if line.lstrip().startswith("#")]
            assert marked == [], job.stem


def test_docx_tables_keep_the_template_column_widths(rendered):
    # Without relative widths pandoc writes equal columns: 序号 as wide as 赔偿项目 in Word/WPS.
    out, jobs, _ = rendered
    agreements = [j for j in jobs if j.key in ("agreement", "simplified-agreement")]
    assert agreements
    for agreement in agreements:
        number, item, amount = (c.width for c in docx.Document(str(out / f"{agreement.stem}.docx")).tables[0].columns)
        assert number * 3 < item and amount < item, agreement.stem


def _pdf_fonts(path) -> set[str]:
    fonts = set()
    for page in PdfReader(path).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return fonts


def test_pdf_headings_use_the_heading_face(rendered, project):
    # "一、" headings are 黑体 (GB/T 9704): the heading1 font must really be embedded, not shadowed by the body face.
    out, jobs, _ = rendered
    heading_face = document_settings(project).pdf_fonts.heading1.replace(" ", "")
    notice = next(j for j in jobs if j.key == "consultation-notice")
    assert any(f.lower().startswith(heading_face.lower()) for f in _pdf_fonts(out / f"{notice.stem}.pdf"))


def test_public_pdf_is_masked(rendered, cases_by_id):
    out, jobs, _ = rendered
    public = [job for job in jobs if job.public]
    assert public
    for job in public:
        text = _pdf_text(out / f"{job.stem}.pdf")
        for obligor in cases_by_id[job.case_id].obligors:
            for value in (getattr(obligor, "id_number", None), obligor.address, obligor.phone):
                if value:
                    assert re.sub(r"\s+", "", value) not in text, job.stem
            if obligor.kind == "个人":
                assert obligor.name not in text, job.stem


def test_manifest_lists_every_file_with_its_hash(rendered):
    out, jobs, result = rendered
    documents = json.loads(result.manifest.read_text(encoding="utf-8"))["documents"]
    by_stem = {d["stem"]: d for d in documents}
    for job in jobs:
        entry = by_stem[job.stem]
        assert (entry["kind"], entry["case"], entry["article"], entry["doc_no"], entry["public"]) == (
            job.kind,
            job.case_id,
            job.articles,
            job.doc_no,
            job.public,
        )
        for file in entry["files"]:
            assert file["sha256"] == _sha(out / file["name"])


def test_second_run_renders_nothing_and_a_change_renders_only_that_case(
    rendered, project, templates, profile, calendar, cases_by_id
):
    out, jobs, _ = rendered
    settings = document_settings(project)
    again = render_documents(jobs, settings, templates, out)
    assert again.rendered == [] and len(again.skipped) == 2 * len(jobs)
    case = cases_by_id["ZW-2024-001"]
    changed = case.model_copy(
        update={"claim_end": case.claim_end.model_copy(update={"reason": case.claim_end.reason + "补充说明。"})}
    )
    new_jobs = [j for j in jobs if j.case_id != case.id] + case_jobs(
        changed, [BY_KEY["claim-end"]], profile, calendar, templates
    )
    third = render_documents(new_jobs, settings, templates, out, formats=("docx",))
    assert third.rendered == ["ZW-2024-001/claim-end.docx"]


def test_a_change_to_the_conversion_code_renders_again(
    project, templates, cases_by_id, profile, calendar, tmp_path, monkeypatch
):
    from ecoredress.documents import renderer

    jobs = case_jobs(cases_by_id["ZW-2024-001"], [BY_KEY["claim-end"]], profile, calendar, templates)
    settings = document_settings(project)
    render_documents(jobs, settings, templates, tmp_path, formats=("docx",))
    assert render_documents(jobs, settings, templates, tmp_path, formats=("docx",)).rendered == []
    monkeypatch.setattr(renderer, "_OUTPUT_CODE", ("batch.lua", "pdf.py"))  # as if reproducible.py had changed
    assert render_documents(jobs, settings, templates, tmp_path, formats=("docx",)).rendered == [
        "ZW-2024-001/claim-end.docx"
    ]


def test_rendering_twice_gives_identical_bytes(rendered, project, templates, tmp_path):
    out, jobs, _ = rendered
    subset = [j for j in jobs if j.case_id in ("YC-2023-002", "GY-2024-001")]
    render_documents(subset, document_settings(project), templates, tmp_path)
    for job in subset:
        for fmt in ("docx", "pdf"):
            assert _sha(tmp_path / f"{job.stem}.{fmt}") == _sha(out / f"{job.stem}.{fmt}"), job.stem
    with zipfile.ZipFile(tmp_path / f"{subset[0].stem}.docx") as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert b"dcterms:created" not in archive.read("docProps/core.xml")


def test_a_worker_converts_in_bounded_batches_to_the_same_bytes(rendered, project, templates, tmp_path, monkeypatch):
    # At 10,000 cases a worker has 75,000 documents: one pandoc process for all of them held 1.2 GiB.
    from ecoredress.documents import renderer

    out, jobs, _ = rendered
    subset = [j for j in jobs if j.case_id in ("YC-2023-002", "GY-2024-001")]
    sizes: list[int] = []

    def counted(batch, *rest):
        sizes.append(len(batch))
        return run_batch(batch, *rest)

    monkeypatch.setattr(renderer, "BATCH", 3)
    monkeypatch.setattr(renderer, "run_batch", counted)
    render_documents(subset, document_settings(project), templates, tmp_path, workers=2)
    assert max(sizes) == 3 and sum(sizes) == len(subset) > 6
    for job in subset:
        for fmt in ("docx", "pdf"):
            assert _sha(tmp_path / f"{job.stem}.{fmt}") == _sha(out / f"{job.stem}.{fmt}"), job.stem
    assert not list((tmp_path / ".cache" / "tmp").iterdir())  # no scratch file left behind


def test_missing_cjk_font_is_a_clear_error_before_rendering():
    fonts = replace(FONT_PRESETS["free"], body="方正仿宋_不存在")
    with pytest.raises(UserError, match="方正仿宋_不存在.*apt-get install fonts-noto-cjk"):
        PdfFonts(fonts, ())
