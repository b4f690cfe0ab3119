"""The docx as an office suite lays it out: every docx converted by LibreOffice headless (the office suite
closest to WPS and Word that runs here), read back from its PDF.

No amount or date wraps in a table cell, tables span the type area, a full line holds 28 characters, the line
before a wrapped amount is not letter-spaced, and the signature shares its page with body text.
"""

from __future__ import annotations

import re

import docx
import pytest

from ecoredress.documents.reference_docx import CHARS_PER_LINE
from tests.documents.conftest import BIG_AMOUNTS, SIGNATURE_FILLS
from tests.documents.pages import CELL, CLOSING, LEFT, RIGHT, pdf_lines, signing
from tests.documents.test_typesetting import assert_signature_with_body, body_lines

AMOUNT = re.compile(r"¥[\d,]+\.\d\d")
DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")


def test_no_amount_or_date_wraps_in_a_table_cell(rendered, office_rendered):
    out, jobs, _ = rendered
    checked = set()
    for job in jobs:
        unbroken = {
            cell.text
            for table in docx.Document(str(out / f"{job.stem}.docx")).tables
            for row in table.rows
            for cell in row.cells
            if AMOUNT.fullmatch(cell.text) or DATE.fullmatch(cell.text)
        }
        for maker, pdf in (("LibreOffice", office_rendered[job.stem]), ("typst", out / f"{job.stem}.pdf")):
            lines = [line.text for line in pdf_lines(pdf)]
            for text in unbroken:
                # on one line, not "¥21,560,000." / "00" or "2026年7月10" / "日"
                assert any(text in line for line in lines), (job.stem, maker, text)
                checked.add("date" if DATE.fullmatch(text) else "amount")
    assert checked == {"amount", "date"}


def test_a_table_column_is_as_wide_as_its_widest_amount(amount_tables, office_pdfs):
    pdf = office_pdfs({"table": amount_tables / "table.docx"})["table"]
    lines = [line.text for line in pdf_lines(pdf)]
    for amount in BIG_AMOUNTS:
        assert any(amount in line for line in lines), amount


def test_tables_span_the_type_area(rendered, office_rendered):
    # The amount column's right edge (right-aligned figures) lies within a cell's padding of the margin.
    out, jobs, _ = rendered
    agreements = [job for job in jobs if job.key in ("agreement", "simplified-agreement")]
    assert agreements
    for job in agreements:
        figures = [line for line in pdf_lines(office_rendered[job.stem]) if AMOUNT.fullmatch(line.text)]
        assert figures and all(RIGHT - 12 < line.x1 <= RIGHT for line in figures), job.stem


def test_a_full_line_holds_28_characters(rendered, office_rendered):
    # LibreOffice, like Word and WPS, lets a stop or comma hang into the margin (标点溢出边界): it is not
    # one of the 28.
    out, jobs, _ = rendered
    full = 0
    for job in jobs:
        for line in body_lines(pdf_lines(office_rendered[job.stem])):
            if not (line.full_width and line.body_size and line.at_left_margin):
                continue
            hanging = line.x1 > RIGHT + 2 and line.text[-1] in CLOSING
            inside = len(line.text) - hanging
            assert inside <= CHARS_PER_LINE, (job.stem, line.text)
            full += inside == CHARS_PER_LINE
    assert full > 100


def test_the_line_before_a_wrapped_amount_is_not_letter_spaced(rendered, office_rendered):
    out, jobs, _ = rendered
    checked = 0
    for job in jobs:
        lines = pdf_lines(office_rendered[job.stem])
        for before, line in zip(lines, lines[1:], strict=False):
            if line.text.startswith("（¥") and before.full_width:
                assert before.pitch < CELL + 0.1, (job.stem, before.text)
                checked += 1
    assert checked


def _signed(rendered, office_rendered, which):
    """(job, its signature block or its parties' first lines, LibreOffice's lines) of each document signed so:
    ``which`` 0 for one issuer, 1 for parties (pages.signing)."""
    out, jobs, _ = rendered
    for job in jobs:
        if blocks := signing(out / f"{job.stem}.docx")[which]:
            yield job, blocks, pdf_lines(office_rendered[job.stem])


def test_the_signature_shares_its_page_with_body_text(rendered, office_rendered):
    checked = 0
    for job, signature, lines in _signed(rendered, office_rendered, 0):
        # A signature line may wrap: its first line starts the first paragraph, its last ends the last.
        first = [line for line in lines if line.text and signature[0].startswith(line.text)]
        date = [line for line in lines if line.text and signature[-1].endswith(line.text)]
        assert date and first and first[-1].page == date[-1].page, job.stem
        assert any(
            line.page == first[-1].page and line.y < first[-1].y and line.x0 > LEFT - 2 for line in body_lines(lines)
        ), job.stem
        checked += 1
    assert checked


def test_each_party_block_is_whole_and_the_first_shares_its_page_with_body_text(rendered, office_rendered):
    checked = 0
    for job, parties, lines in _signed(rendered, office_rendered, 1):
        starts = [
            next(i for i, line in enumerate(lines) if line.text and party.startswith(line.text)) for party in parties
        ]
        for start in starts:  # the block runs to its date line (年…日, or blank 年 月 日 to fill in)
            end = next(i for i in range(start, len(lines)) if lines[i].text.endswith("日"))
            assert lines[start].page == lines[end].page, (job.stem, lines[start].text)
        first = lines[starts[0]]
        assert any(line.page == first.page and line.y < first.y for line in body_lines(lines)), job.stem
        checked += 1
    assert checked


def test_a_form_is_one_page(rendered, office_rendered):
    out, jobs, _ = rendered
    forms = [job for job in jobs if job.key == "service-receipt"]
    assert forms
    for job in forms:
        assert {line.page for line in pdf_lines(office_rendered[job.stem])} == {1}, job.stem
        assert {line.page for line in pdf_lines(out / f"{job.stem}.pdf")} == {1}, job.stem


def test_annexes_hang_each_name_under_its_first_character(annexed, office_pdfs):
    lines = body_lines(pdf_lines(office_pdfs({"annexes": annexed / "annexes.docx"})["annexes"]))
    start = next(i for i, line in enumerate(lines) if line.text.startswith("附件："))
    first, second, wrapped = lines[start : start + 3]
    assert first.text == "附件：1.鉴定评估报告复印件" and abs(first.x0 - (LEFT + 2 * CELL)) < 2
    assert second.text.startswith("2.") and abs(second.x0 - (LEFT + 5 * CELL)) < 2  # under "1."
    assert 10 < wrapped.x0 - second.x0 < 13  # under the name, after "2."


@pytest.fixture(scope="module")
def office_sweep(signature_sweep, office_pdfs):
    return office_pdfs({f"signature-{fill}": signature_sweep / f"signature-{fill}.docx" for fill in SIGNATURE_FILLS})


@pytest.mark.parametrize("fill", SIGNATURE_FILLS)
def test_the_signature_never_goes_alone_to_a_page(office_sweep, fill):
    assert_signature_with_body(pdf_lines(office_sweep[f"signature-{fill}"]), fill)
