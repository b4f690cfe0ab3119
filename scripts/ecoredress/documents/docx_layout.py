"""Finish the docx pandoc writes: what its writer cannot express, then reproducible bytes.

Pandoc sizes table columns for a 139.7 mm (5.5 in) text area whatever the reference document says, so
LibreOffice and WPS, which follow the column grid, draw every table 16 mm short of the 156 mm type area
and wrap amounts in narrow columns. The grid is scaled to the type area here, and no row splits over two
pages.

Issuer lines are centred on the date, the date four characters in from the right (GB/T 9704 §7.3.5.1), as
gbt9704.typ sets them: a paragraph style cannot say this, so each signature paragraph gets its own indent.
Likewise each annex (§7.3.3): two characters in, the later ones under the first one's number, a wrapped name
under its first character.

An amount "（¥…）" never breaks, so when it moves to the next line a justified paragraph letter-spaces the
line it leaves. A paragraph with an amount in its text is set flush left instead: on the 28-character grid
its full lines still reach the margin, and the line before a wrapped amount simply ends short.
"""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from ecoredress.documents.reference_docx import CHAR, CHAR_SPACING, TEXT_WIDTH, W
from ecoredress.documents.reproducible import normalise_docx

AMOUNT_IN_TEXT = "（¥"
SIGNATURE_STYLES = ("SignatureFirst", "Signature")  # style ids of the lines of a signature block
DATE_INDENT = 4  # characters in from the right
ANNEX_STYLES = ("AnnexFirst", "Annex")  # the first annex (after its label), the others
ANNEX_LEAD = re.compile(r"(附件：|附：)?(\d+\.)?")  # as _layout.md.j2 annexes() writes them
INDENT = 2 * CHAR  # 空二字, as the body's first lines


def _scaled(widths: list[int], total: int) -> list[int]:
    """``widths`` scaled to sum exactly to ``total`` (largest remainders get the rounding)."""
    exact = [w * total / sum(widths) for w in widths]
    scaled = [int(x) for x in exact]
    for i in sorted(range(len(exact)), key=lambda i: scaled[i] - exact[i])[: total - sum(scaled)]:
        scaled[i] += 1
    return scaled


def _fit_tables(root: etree._Element) -> None:
    for grid in root.iter(f"{W}tblGrid"):
        columns = grid.findall(f"{W}gridCol")
        widths = [int(column.get(f"{W}w", "0")) for column in columns]
        if columns and all(widths):
            for column, width in zip(columns, _scaled(widths, TEXT_WIDTH), strict=False):
                column.set(f"{W}w", str(width))
    for row in root.iter(f"{W}tr"):
        properties = row.find(f"{W}trPr")
        if properties is None:
            properties = etree.Element(f"{W}trPr")
            row.insert(0, properties)
        if properties.find(f"{W}cantSplit") is None:
            properties.insert(0, etree.Element(f"{W}cantSplit"))


def _properties(paragraph: etree._Element) -> etree._Element:
    properties = paragraph.find(f"{W}pPr")
    if properties is None:
        properties = etree.Element(f"{W}pPr")
        paragraph.insert(0, properties)
    return properties


def _set(properties: etree._Element, tag: str, **values: str) -> None:
    """Set a paragraph property pandoc leaves out (it writes pStyle, sometimes jc): ind before jc, jc last,
    both before rPr and sectPr, as the schema orders them."""
    element = properties.find(f"{W}{tag}")
    if element is None:
        element = etree.Element(f"{W}{tag}")
        follows = ("jc", "rPr", "sectPr", "pPrChange") if tag == "ind" else ("rPr", "sectPr", "pPrChange")
        later = [child for child in properties if etree.QName(child).localname in follows]
        (later[0].addprevious if later else properties.append)(element)
    for key, value in values.items():
        element.set(f"{W}{key}", value)


def _style_id(paragraph: etree._Element) -> str | None:
    style = paragraph.find(f"{W}pPr/{W}pStyle")
    return None if style is None else style.get(f"{W}val")


def _chars(text: str) -> float:
    """Width in characters: full-width characters one, figures and Latin letters half, a stop, comma or colon
    a quarter (Times New Roman, as batch.lua measures table columns)."""
    return sum(1 if ord(c) >= 0x2000 else 0.25 if c in ".,:" else 0.5 for c in text)


def _twips(text: str) -> int:
    """Width of 3号 text as set, each character condensed by CHAR_SPACING."""
    return round(_chars(text) * CHAR) + len(text) * CHAR_SPACING


def _centre_signatures(root: etree._Element) -> None:
    blocks: list[list[etree._Element]] = []
    for paragraph in root.iter(f"{W}p"):
        style = _style_id(paragraph)
        if style == SIGNATURE_STYLES[0] or (style == SIGNATURE_STYLES[1] and not blocks):
            blocks.append([paragraph])
        elif style == SIGNATURE_STYLES[1]:
            blocks[-1].append(paragraph)
    for block in blocks:
        date = _chars("".join(block[-1].itertext()))
        for paragraph in block:
            right = max(0.0, DATE_INDENT + (date - _chars("".join(paragraph.itertext()))) / 2)
            _set(_properties(paragraph), "ind", right=str(round(right * CHAR)), rightChars=str(round(right * 100)))


def _hang_annexes(root: etree._Element) -> None:
    label = 0
    for paragraph in root.iter(f"{W}p"):
        style = _style_id(paragraph)
        if style not in ANNEX_STYLES:
            continue
        lead = ANNEX_LEAD.match("".join(paragraph.itertext()))
        assert lead is not None  # every group is optional: the pattern matches any text
        first = style == ANNEX_STYLES[0]
        if first:
            label = _twips(lead.group(1) or "")
        number = _twips(lead.group(2) or "")
        left, hanging = INDENT + label + number, number + (label if first else 0)
        _set(
            _properties(paragraph),
            "ind",
            left=str(left),
            leftChars=str(round(left * 100 / CHAR)),
            hanging=str(hanging),
            hangingChars=str(round(hanging * 100 / CHAR)),
        )


def _flush_left_amounts(root: etree._Element) -> None:
    for paragraph in root.iter(f"{W}p"):
        if paragraph.getparent().tag != f"{W}tc" and AMOUNT_IN_TEXT in "".join(paragraph.itertext()):
            _set(_properties(paragraph), "jc", val="left")  # a table cell keeps its column's alignment


def finish_docx(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    _fit_tables(root)
    _centre_signatures(root)
    _hang_annexes(root)
    _flush_left_amounts(root)
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return normalise_docx(parts)
