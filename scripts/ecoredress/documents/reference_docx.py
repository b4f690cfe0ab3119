"""Build the GB/T 9704 reference.docx from code, so that every style is reviewable and reproducible.

Pandoc takes styles, page setup and footers from a reference document. We start from pandoc's own
default reference.docx (so every style pandoc needs exists) and rewrite the parts GB/T 9704 fixes:
A4, margins 37/35/28/26 mm, a grid of 22 lines of 28 characters of 3号仿宋, 2号小标宋 title, 黑体/楷体
headings, a signature block kept on the page of the last body lines, and "— 1 —" page numbers, odd pages
right and even pages left.
"""

from __future__ import annotations

import io
import math
import subprocess
import zipfile
from typing import TypedDict

from lxml import etree

from ecoredress.documents.reproducible import write_zip
from ecoredress.documents.settings import FontSet

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
FOOTER_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
FOOTER_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
W = f"{{{W_NS}}}"


def mm(value: float) -> int:
    """Millimetres to twentieths of a point (twips)."""
    return round(value * 1440 / 25.4)


# GB/T 9704-2012 §5.2.1 and §7: the page and the type area.
PAGE_WIDTH, PAGE_HEIGHT = mm(210), mm(297)
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = mm(37), mm(35), mm(28), mm(26)
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 156 mm
BODY_PT, TITLE_PT, PAGE_NUMBER_PT = 16, 22, 14  # 3号, 2号, 4号
LINES_PER_PAGE, CHARS_PER_LINE = 22, 28  # §5.2.2
LINE_PITCH = (PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM) // LINES_PER_PAGE  # 579 twips, 28.95 pt
CHAR = BODY_PT * 20  # one 3号 character, in twips
# 28 characters in the 156 mm line: each advances 15.79 pt instead of 16. The section carries the official
# grid, which Page Setup shows as 每行28字、每页22行 (w:docGrid linesAndChars; charSpace is the difference in
# 1/4096 pt, rounded down so that 28 fit). LibreOffice cannot shrink a character on a grid (it gives each one
# two cells instead), so no paragraph snaps to the grid: the 28 come from condensed character spacing, which
# Word, WPS and LibreOffice all honour, and exact line spacing keeps the 22 lines. -6 twips (紧缩 0.3 磅) is
# the least condensing with which LibreOffice 7.4 sets 28 to the line (-5 would fit on paper; it sets 27).
CHAR_SPACE = math.floor((TEXT_WIDTH / 20 / CHARS_PER_LINE - BODY_PT) * 4096)
CHAR_SPACING = -6
FOOTER_DISTANCE = mm(23)  # page number 7 mm below the type area (§7.5)

# Paragraph styles pandoc's Markdown Divs map to (custom-style, batch.lua); ids are ASCII, names are what
# Word shows.
CUSTOM_STYLES = {
    "DocNo": "文号",
    "Recipient": "主送机关",
    "SignatureFirst": "署名首行",
    "Signature": "署名",
    "Closing": "结束语",
    "ClosingFlush": "结束语顶格",
    "PartyFirst": "签署方首行",
    "Party": "签署方",
    "AnnexFirst": "附件说明首行",
    "Annex": "附件说明",
    "ApprovalFirst": "审批栏首行",
    "Approval": "审批栏",
    "BodyKeep": "正文末段",
}


def _el(tag: str, **attrs: str | int) -> etree._Element:
    element = etree.Element(W + tag)
    for key, value in attrs.items():
        element.set(W + key, str(value))
    return element


def _fonts(latin: str, east_asia: str) -> etree._Element:
    # The eastAsia attribute is what Word uses for Chinese characters; ascii/hAnsi cover digits and Latin.
    return _el("rFonts", ascii=latin, hAnsi=latin, cs=latin, eastAsia=east_asia)


def _run_props(latin: str, east_asia: str, size_pt: int, bold: bool = False) -> etree._Element:
    rpr = _el("rPr")
    rpr.append(_fonts(latin, east_asia))
    rpr.append(_el("b", val=1 if bold else 0))
    rpr.append(_el("bCs", val=1 if bold else 0))
    rpr.append(_el("color", val="000000"))
    rpr.append(_el("spacing", val=CHAR_SPACING))
    rpr.append(_el("sz", val=size_pt * 2))
    rpr.append(_el("szCs", val=size_pt * 2))
    return rpr


# Options several styles share, passed on to ``_para_props``.
class _Indented(TypedDict):
    first_line_chars: int


class _Kept(TypedDict):
    keep_next: bool
    keep_lines: bool


class _Party(_Kept):
    align: str
    left_chars: int


def _para_props(
    *,
    align: str = "both",
    first_line_chars: int = 0,
    left_chars: int = 0,
    right_chars: int = 0,
    line: int = LINE_PITCH,
    line_rule: str = "exact",
    before: int = 0,
    after: int = 0,
    keep_next: bool = False,
    keep_lines: bool = False,
) -> etree._Element:
    # Children in the order the schema (CT_PPrBase) prescribes: Word rejects a file that mixes it up.
    ppr = _el("pPr")
    if keep_next:
        ppr.append(_el("keepNext"))
    if keep_lines:
        ppr.append(_el("keepLines"))
    # No automatic space between Chinese and Latin text or figures (GB/T 9704 sets them on the grid).
    ppr.append(_el("autoSpaceDE", val=0))
    ppr.append(_el("autoSpaceDN", val=0))
    ppr.append(_el("snapToGrid", val=0))  # see CHAR_SPACE
    ppr.append(_el("spacing", before=before, after=after, line=line, lineRule=line_rule))
    ind = _el("ind", firstLine=first_line_chars * CHAR, firstLineChars=first_line_chars * 100)
    for side, chars in (("left", left_chars), ("right", right_chars)):
        if chars:
            ind.set(W + side, str(chars * CHAR))
            ind.set(W + side + "Chars", str(chars * 100))
    ppr.append(ind)
    ppr.append(_el("jc", val=align))
    return ppr


def _paragraph_style(style_id: str, name: str, ppr: etree._Element, rpr: etree._Element) -> etree._Element:
    style = _el("style", type="paragraph", styleId=style_id)
    style.set(W + "customStyle", "1")
    style.append(_el("name", val=name))
    style.append(_el("basedOn", val="Normal"))
    style.append(_el("qFormat"))
    style.extend([ppr, rpr])
    return style


def _style_rules(fonts: FontSet) -> dict[str, tuple[etree._Element, etree._Element]]:
    """Paragraph and run properties of each style id, per GB/T 9704 §7 (fresh elements on every call)."""

    def body() -> etree._Element:
        return _run_props(fonts.latin, fonts.body, BODY_PT)

    indented: _Indented = {"first_line_chars": 2}
    # The signature block and what leads to it stay on one page (GB/T 9704 §7.3.5: seal and body together).
    kept: _Kept = {"keep_next": True, "keep_lines": True}
    party: _Party = {"align": "left", "left_chars": 2, **kept}
    return {
        "Normal": (_para_props(), body()),
        "BodyText": (_para_props(**indented), body()),
        "FirstParagraph": (_para_props(**indented), body()),
        "Compact": (_para_props(align="center"), _run_props(fonts.latin, fonts.body, BODY_PT - 2)),
        "Title": (
            _para_props(align="center", line=240, line_rule="auto", after=LINE_PITCH),
            _run_props(fonts.latin, fonts.title, TITLE_PT, bold=fonts.title_bold),
        ),
        "Heading1": (_para_props(keep_next=True, **indented), _run_props(fonts.latin, fonts.heading1, BODY_PT)),
        "Heading2": (_para_props(keep_next=True, **indented), _run_props(fonts.latin, fonts.heading2, BODY_PT)),
        "Heading3": (_para_props(keep_next=True, **indented), _run_props(fonts.latin, fonts.body, BODY_PT, bold=True)),
        "Heading4": (_para_props(keep_next=True, **indented), _run_props(fonts.latin, fonts.body, BODY_PT)),
        "DocNo": (_para_props(align="center", after=LINE_PITCH), body()),
        "Recipient": (_para_props(keep_next=True), body()),
        # Issuer and date (§7.3.5.1), one blank line below the body; batch.lua centres each line on the date.
        "SignatureFirst": (_para_props(align="right", right_chars=4, before=LINE_PITCH, **kept), body()),
        "Signature": (_para_props(align="right", right_chars=4, **kept), body()),
        "Closing": (_para_props(keep_next=True, **indented), body()),  # 此致, two characters in
        "ClosingFlush": (_para_props(align="left", keep_next=True), body()),  # the addressee or 敬礼, flush left
        "PartyFirst": (_para_props(before=LINE_PITCH, **party), body()),  # a blank line above, for the seal
        "Party": (_para_props(**party), body()),
        # 附件说明 (§7.3.3), one blank line above; docx_layout.py indents each annex and hangs its name.
        "AnnexFirst": (_para_props(before=LINE_PITCH, **kept), body()),
        "Annex": (_para_props(**kept), body()),
        # 审批意见 of an approval form: a blank line above each line after the first, to write in.
        "ApprovalFirst": (_para_props(**indented, **kept), body()),
        "Approval": (_para_props(before=LINE_PITCH, **indented, **kept), body()),
        "BodyKeep": (_para_props(keep_next=True, **indented), body()),
    }


def _restyle(styles_xml: bytes, fonts: FontSet) -> bytes:
    root = etree.fromstring(styles_xml)
    defaults = root.find(f"{W}docDefaults")
    defaults.find(f"{W}rPrDefault").replace(
        defaults.find(f"{W}rPrDefault/{W}rPr"), _run_props(fonts.latin, fonts.body, BODY_PT)
    )
    defaults.find(f"{W}pPrDefault").replace(defaults.find(f"{W}pPrDefault/{W}pPr"), _para_props())
    rules = _style_rules(fonts)
    for style in root.findall(f"{W}style"):
        rule = rules.get(style.get(W + "styleId"))
        if rule is None:
            continue
        for old in style.findall(f"{W}pPr") + style.findall(f"{W}rPr"):
            style.remove(old)
        style.extend(rule)
    for style_id, name in CUSTOM_STYLES.items():
        root.append(_paragraph_style(style_id, name, *rules[style_id]))
    _border_table(root)
    xml: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return xml


def _border_table(root: etree._Element) -> None:
    # Pandoc's "Table" style has no rules; official documents print tables with single lines.
    style = root.find(f"{W}style[@{W}styleId='Table']")
    tblpr = style.find(f"{W}tblPr")
    borders = _el("tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_el(side, val="single", sz=4, space=0, color="000000"))
    tblpr.append(borders)


def _footer(align: str, fonts: FontSet) -> bytes:
    """A footer paragraph "— PAGE —" in 4号宋体, one character in from the edge (§7.5)."""
    side = "right" if align == "right" else "left"
    rpr = etree.tostring(_run_props(fonts.latin, fonts.page_number, PAGE_NUMBER_PT), encoding="unicode")
    runs = (
        f'<w:r>{rpr}<w:t xml:space="preserve">— </w:t></w:r>'
        f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{rpr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r>{rpr}<w:t>1</w:t></w:r>"
        f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>'
        f'<w:r>{rpr}<w:t xml:space="preserve"> —</w:t></w:r>'
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:p><w:pPr>'
        f'<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
        f'<w:ind w:{side}="{PAGE_NUMBER_PT * 20}"/><w:jc w:val="{align}"/>'
        f"</w:pPr>{runs}</w:p></w:ftr>"
    ).encode()


def _section(document_xml: bytes) -> bytes:
    root = etree.fromstring(document_xml)
    body = root.find(f"{W}body")
    body.remove(body.find(f"{W}sectPr"))
    sect = _el("sectPr")
    for kind, rel_id in (("default", "rIdFooterOdd"), ("even", "rIdFooterEven")):
        ref = _el("footerReference", type=kind)
        ref.set(f"{{{R_NS}}}id", rel_id)
        sect.append(ref)
    sect.append(_el("pgSz", w=PAGE_WIDTH, h=PAGE_HEIGHT))
    sect.append(
        _el(
            "pgMar",
            top=MARGIN_TOP,
            right=MARGIN_RIGHT,
            bottom=MARGIN_BOTTOM,
            left=MARGIN_LEFT,
            header=mm(15),
            footer=FOOTER_DISTANCE,
            gutter=0,
        )
    )
    sect.append(_el("docGrid", type="linesAndChars", linePitch=LINE_PITCH, charSpace=CHAR_SPACE))
    body.append(sect)
    xml: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return xml


def _with_footers(rels_xml: bytes, types_xml: bytes) -> tuple[bytes, bytes]:
    rels = etree.fromstring(rels_xml)
    for rel_id, target in (("rIdFooterOdd", "footer1.xml"), ("rIdFooterEven", "footer2.xml")):
        etree.SubElement(rels, f"{{{PKG_REL_NS}}}Relationship", Id=rel_id, Type=FOOTER_REL, Target=target)
    types = etree.fromstring(types_xml)
    for part in ("/word/footer1.xml", "/word/footer2.xml"):
        etree.SubElement(types, f"{{{CT_NS}}}Override", PartName=part, ContentType=FOOTER_CT)
    return (
        etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True),
        etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True),
    )


def _odd_even_settings(settings_xml: bytes) -> bytes:
    # Different footers on odd and even pages (page numbers right / left).
    root = etree.fromstring(settings_xml)
    root.find(f"{W}defaultTabStop").addnext(_el("evenAndOddHeaders"))
    xml: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return xml


def pandoc_default_reference(pandoc: str) -> bytes:
    return subprocess.run(
        [pandoc, "--print-default-data-file", "reference.docx"], check=True, capture_output=True
    ).stdout


def build_reference_docx(pandoc_default: bytes, fonts: FontSet) -> bytes:
    """The reference.docx bytes for ``fonts``, derived from pandoc's default reference document."""
    with zipfile.ZipFile(io.BytesIO(pandoc_default)) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["word/styles.xml"] = _restyle(parts["word/styles.xml"], fonts)
    parts["word/document.xml"] = _section(parts["word/document.xml"])
    parts["word/settings.xml"] = _odd_even_settings(parts["word/settings.xml"])
    parts["word/_rels/document.xml.rels"], parts["[Content_Types].xml"] = _with_footers(
        parts["word/_rels/document.xml.rels"], parts["[Content_Types].xml"]
    )
    parts["word/footer1.xml"] = _footer("right", fonts)
    parts["word/footer2.xml"] = _footer("left", fonts)
    return write_zip(parts)
