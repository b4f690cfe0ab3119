"""Typesetting of the PDF (typst) and the docx: GB/T 9704's page as poppler reads it back.

仿宋 body, 28 characters a line and 22 lines a page, full-width punctuation on the grid, no space between
Chinese and figures, amounts never broken and never letter-spacing the line they leave, the signature
never alone on a page, 此致, 附件说明 and per-party signature blocks as _layout.md.j2 writes them.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from decimal import Decimal

import docx
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from lxml import etree

from ecoredress.documents.parties import Party
from ecoredress.documents.reference_docx import (
    CHAR,
    CHAR_SPACE,
    CHAR_SPACING,
    CHARS_PER_LINE,
    CUSTOM_STYLES,
    LINE_PITCH,
    TEXT_WIDTH,
)
from ecoredress.documents.settings import FONT_PRESETS, document_settings
from ecoredress.presentation.formatting import money
from tests.documents.conftest import (
    BIG_AMOUNTS,
    SIGNATURE_DATE,
    SIGNATURE_FILLS,
    SIGNATURE_ISSUER,
    document,
    signature,
)
from tests.documents.pages import CELL, CLOSING, LEFT, OPENING, PITCH, RIGHT, pdf_fonts, pdf_lines, signing

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# Common characters of the documents (all in FandolFang) and their punctuation.
HANZI = "生态环境损害赔偿协议书甲乙方人民政府自治区宁夏银川市修复费用鉴定评估磋商告知司法确认履行期限资金国库"


def body_lines(lines):
    """Lines of the body: between the margins, not the page number."""
    return [line for line in lines if line.x0 > LEFT - 10 and line.x1 < RIGHT + 20 and "—" not in line.text]


BOUND = re.compile(f"[{OPENING}]*.[{CLOSING}]*")  # a character with the punctuation that goes with it


def assert_on_the_grid(lines, where=""):
    """Every full line of full-width characters holds 28 at the grid pitch. The only shorter full line is
    one whose next character did not fit with the punctuation bound to it (推出: 避头尾)."""
    full = 0
    for line, after in zip(lines, lines[1:] + [None], strict=False):
        if not (line.full_width and line.body_size and line.at_left_margin and line.at_right_margin):
            continue
        if len(line.text) == CHARS_PER_LINE:
            assert abs(line.pitch - CELL) < 0.05, (where, line.text)
            full += 1
        else:
            bound = BOUND.match(after.text).group() if after else ""
            assert len(line.text) < CHARS_PER_LINE, (where, line.text)
            assert len(bound) > 1 and len(line.text) + len(bound) > CHARS_PER_LINE, (where, line.text)
    return full


# 仿宋 ---------------------------------------------------------------------------------------------------


def test_the_free_preset_sets_the_body_in_a_fangsong_face():
    assert FONT_PRESETS["free"].body == "FandolFang R"


FANGSONG = re.compile("fang", re.IGNORECASE)  # FandolFang, FangSong, FZFangSong…: a 仿宋 face


def test_pdffonts_of_each_body_page_show_the_fangsong_face(rendered, project):
    out, jobs, _ = rendered
    assert FANGSONG.search(document_settings(project).pdf_fonts.body)
    for job in jobs:
        assert any(FANGSONG.search(font) for font in pdf_fonts(out / f"{job.stem}.pdf", 1)), job.stem


# 28 characters, 22 lines ---------------------------------------------------------------------------------


def test_a_full_body_line_holds_28_characters(rendered):
    out, jobs, _ = rendered
    full = 0
    for job in jobs:
        lines = pdf_lines(out / f"{job.stem}.pdf")
        assert all(len(line.text) <= CHARS_PER_LINE for line in lines if line.full_width and line.body_size), job.stem
        full += assert_on_the_grid(body_lines(lines), job.stem)
    assert full > 100


def test_a_full_page_holds_22_lines(typeset):
    paragraph = HANZI * 6
    out = typeset({"long": document("长文书", *[paragraph] * 12)})
    page_two = [line for line in body_lines(pdf_lines(out / "long.pdf")) if line.page == 2]
    assert len(page_two) == 22
    assert all(abs(b.y - a.y - PITCH) < 0.05 for a, b in zip(page_two, page_two[1:], strict=False))


# Punctuation, figures, amounts ---------------------------------------------------------------------------

# Text as documents write it: runs of 汉字, each followed by a stop or a comma, or set in a pair of brackets.
hanzi = st.text(alphabet=HANZI, min_size=1, max_size=15)
PAIRS = ["（）", "《》", "“”", "〔〕"]
PAIRS_BY_OPENING = dict(zip(OPENING, "）》〕】”’", strict=False))
phrase = st.one_of(
    st.builds(lambda run, stop: run + stop, hanzi, st.sampled_from(["", "，", "。", "、", "；", "："])),
    st.builds(lambda run, pair: pair[0] + run + pair[1], hanzi, st.sampled_from(PAIRS)),
)
text = st.lists(phrase, min_size=3, max_size=25).map("".join)


@settings(max_examples=8, deadline=None)
@given(paragraphs=st.lists(text, min_size=1, max_size=4))
def test_punctuation_keeps_a_full_cell_and_never_starts_or_ends_a_line_wrongly(typeset, paragraphs):
    # typst squeezes punctuation to fit a 29th character; a box keeps its cell, word joiners keep 禁则.
    out = typeset({"punctuation": document("标点", *paragraphs)})
    lines = [line for line in body_lines(pdf_lines(out / "punctuation.pdf")) if line.y > 150]
    for line in lines:
        assert line.text[0] not in CLOSING and line.text[-1] not in OPENING, line.text
    assert_on_the_grid(lines)


def test_a_full_line_before_an_opening_mark_holds_28(typeset):
    # The 28th character of a line is followed by an opening mark that must begin the next line: it stays
    # (元 | 整（¥222,000.00）), instead of going down with the mark and letter-spacing the 27 it leaves.
    first, second = HANZI[:26], (HANZI * 2)[26:54]
    out = typeset(
        {
            f"opening-{n}": document("协议", f"{first}{second}{mark}¥222,000.00{PAIRS_BY_OPENING[mark]}。")
            for n, mark in enumerate(OPENING)
        }
    )
    for n, mark in enumerate(OPENING):
        lines = body_lines(pdf_lines(out / f"opening-{n}.pdf"))[1:]  # after the title
        assert [line.text for line in lines[:2]] == [first, second], mark
        assert lines[2].text.startswith(mark) and abs(lines[1].pitch - CELL) < 0.05, mark


def test_no_space_between_chinese_and_figures(typeset):
    out = typeset({"spacing": document("间距", "甲2024乙")})
    (line,) = [line for line in pdf_lines(out / "spacing.pdf") if "2024" in line.text]
    # Two cells of 汉字 and four half-em figures (Liberation Serif, tracked like the rest): no quarter-em gaps.
    assert line.x1 - line.x0 < 2 * CELL + 4 * 8 + 1


amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999999999.99"), places=2)


@settings(max_examples=6, deadline=None)
@given(data=st.lists(st.tuples(st.integers(min_value=8, max_value=27), amounts), min_size=1, max_size=6))
def test_a_wrapped_amount_is_whole_and_leaves_its_line_unspaced(typeset, data):
    paragraphs = [f"{HANZI[:count]}{money(amount)}。" for count, amount in data]
    out = typeset({"amounts": document("金额", *paragraphs)})
    lines = body_lines(pdf_lines(out / "amounts.pdf"))
    for _, amount in data:
        figures = money(amount).split("（")[1].rstrip("）")
        assert any(figures in line.text for line in lines), figures  # never broken
    for before, line in zip(lines, lines[1:], strict=False):
        if line.text.startswith("（¥") and before.full_width:
            assert abs(before.pitch - CELL) < 0.05, before.text  # ends short, not letter-spaced


def test_a_long_table_runs_on_to_the_next_page_under_its_heading_row(typeset):
    rows = "\n".join(f"| {n} | 修复费用 | ¥{n},000.00 |" for n in range(1, 31))
    table = f"| 序号 | 赔偿项目 | 金额（元） |\n|:--:|:----------------|------:|\n{rows}"
    out = typeset({"long-table": document("资金使用情况", *[HANZI[:26]] * 12, table)})
    lines = pdf_lines(out / "long-table.pdf")
    first_row = next(line for line in lines if line.text == "¥1,000.00")
    assert first_row.page == 1  # the table starts under the text, not on a page of its own
    assert {line.page for line in lines if line.text == "序号"} == {1, 2}  # the heading row again on page 2


def test_a_table_column_is_as_wide_as_its_widest_amount(amount_tables):
    lines = pdf_lines(amount_tables / "table.pdf")
    for amount in BIG_AMOUNTS:
        (line,) = [line for line in lines if amount in line.text]  # one line, within the type area
        assert line.x1 <= RIGHT + 0.5, amount


def test_sample_documents_never_letter_space_the_line_before_an_amount(rendered):
    out, jobs, _ = rendered
    checked = 0
    for job in jobs:
        lines = pdf_lines(out / f"{job.stem}.pdf")
        for before, line in zip(lines, lines[1:], strict=False):
            if line.text.startswith("（¥") and before.full_width:
                assert abs(before.pitch - CELL) < 0.05, (job.stem, before.text)
                checked += 1
    assert checked  # NX-2023-001's agreement wraps its total


# Signature, 此致, 附件, parties -------------------------------------------------------------------------------


def assert_signature_with_body(lines, where=""):
    """The date's page also holds the issuer and, above the signature, body text (GB/T 9704 §7.3.5)."""
    (date,) = [line for line in lines if line.text == SIGNATURE_DATE]
    page = [line for line in body_lines(lines) if line.page == date.page and line.y < date.y]
    issuer = [line for line in page if line.text == SIGNATURE_ISSUER]
    assert issuer, (where, "issuer and date on one page")
    assert any(line.y < issuer[0].y for line in page), (where, "body text on the signature's page")


@pytest.mark.parametrize("fill", SIGNATURE_FILLS)
def test_the_signature_never_goes_alone_to_a_page(signature_sweep, fill):
    assert_signature_with_body(pdf_lines(signature_sweep / f"signature-{fill}.pdf"), fill)


def test_a_heading_never_ends_a_page_and_keeps_the_line_grid(typeset):
    line = HANZI[:26]
    out = typeset(
        {f"heading-{fill}": document("告知书", *[line] * fill, "# 二、损害事实", line) for fill in range(18, 23)}
    )
    for fill in range(18, 23):
        lines = body_lines(pdf_lines(out / f"heading-{fill}.pdf"))
        heading = next(i for i, line in enumerate(lines) if line.text == "二、损害事实")
        assert lines[heading + 1].page == lines[heading].page, fill
        around = lines[heading - 1 : heading + 2]
        if len({line.page for line in around}) == 1:
            assert abs(around[2].y - around[0].y - 2 * PITCH) < 0.05, fill


def test_signature_lines_are_centred_on_a_date_four_characters_in(typeset):
    out = typeset({"centred": document("告知书", "特此告知。", signature())})
    lines = {line.text: line for line in pdf_lines(out / "centred.pdf")}
    date, issuer = lines["2024年1月2日"], lines["宁夏回族自治区生态环境厅"]
    assert abs((RIGHT - date.x1 + 16 - CELL) - 4 * CELL) < 1  # right edge of the date's last cell: 4 cells in
    assert abs((date.x0 + date.x1) / 2 - (issuer.x0 + issuer.x1) / 2) < 1


# Case text is hostile: markup of every kind, XML and typst specials, control characters, rare 汉字.
hostile = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), min_size=1, max_size=40
)


@settings(max_examples=8, deadline=None)
@given(signer=hostile, note=hostile)
@example(signer="甲", note="0.A0")  # typst read "0.A0" after a numbering label as a field access
def test_case_text_in_the_signature_blocks_renders_safely(typeset, layout, signer, note):
    blocks = layout(
        "{{ layout.annexes([signer, note]) | safe }}{{ layout.annexes([note], word='附') | safe }}"
        "{{ layout.signature(signer, day) | safe }}{{ layout.closing(signer) | safe }}"
        "{{ layout.party_signatures([{'label': '甲方', 'name': signer, 'seal': '盖章', 'signer': note}], day) | safe "
        "}}",
        signer=signer,
        note=note,
        day=dt.date(2024, 1, 2),
    )
    out = typeset({"hostile": document("告知书", "特此告知。", blocks)})
    document_xml = _part(out / "hostile.docx", "word/document.xml")  # well-formed XML, or this raises
    assert document_xml.find(f".//{W}body") is not None
    assert "2024年1月2日" in "".join(line.text for line in pdf_lines(out / "hostile.pdf"))


def test_closing_sets_cizhi_indented_and_the_addressee_flush_left(typeset, layout):
    markdown = document(
        "申请书",
        "请求确认协议有效。",
        layout("{{ layout.closing('宁夏回族自治区银川市中级人民法院') | safe }}"),
        signature(),
    )
    out = typeset({"closing": markdown})
    lines = {line.text: line for line in pdf_lines(out / "closing.pdf")}
    assert abs(lines["此致"].x0 - (LEFT + 2 * CELL)) < 1
    assert abs(lines["宁夏回族自治区银川市中级人民法院"].x0 - LEFT) < 1
    paragraphs = {p.text: p for p in docx.Document(str(out / "closing.docx")).paragraphs}
    assert paragraphs["此致"].style.name == "结束语"
    court = paragraphs["宁夏回族自治区银川市中级人民法院"]
    assert court.style.name == "结束语顶格" and court.style.paragraph_format.first_line_indent in (None, 0)
    assert court.style.paragraph_format.keep_with_next


def test_annexes_go_two_characters_in_below_a_blank_line_each_name_hung_under_its_first_character(annexed):
    lines = body_lines(pdf_lines(annexed / "annexes.pdf"))
    start = next(i for i, line in enumerate(lines) if line.text.startswith("附件："))
    before, first, second, wrapped, signer = lines[start - 1 : start + 4]
    assert first.text == "附件：1.鉴定评估报告复印件" and abs(first.x0 - (LEFT + 2 * CELL)) < 1
    assert abs(first.y - before.y - 2 * PITCH) < 4  # 正文下空一行
    assert second.text.startswith("2.生态环境") and abs(second.x0 - (LEFT + 5 * CELL)) < 1  # under "1."
    assert abs(wrapped.x0 - second.x0 - 11.6) < 1  # under the name, after "2." (two figures' width, tracked)
    assert signer.text == SIGNATURE_ISSUER and abs(signer.y - wrapped.y - 2 * PITCH) < 4
    (single,) = [line for line in pdf_lines(annexed / "annex.pdf") if line.text.startswith("附件：")]
    assert single.text == "附件：鉴定评估报告复印件"  # one annex: no number (§7.3.3)


def test_docx_annexes_hang_each_name_under_its_first_character(annexed):
    paragraphs = [
        p for p in docx.Document(str(annexed / "annexes.docx")).paragraphs if p.style.name.startswith("附件说明")
    ]
    assert [p.style.name for p in paragraphs] == ["附件说明首行", "附件说明"]
    assert paragraphs[0].style.paragraph_format.space_before.pt == PITCH
    assert all(p.style.paragraph_format.keep_with_next for p in paragraphs)
    (first_left, first_line), (left, line) = [
        (p.paragraph_format.left_indent.twips, p.paragraph_format.first_line_indent.twips) for p in paragraphs
    ]
    assert first_left + first_line == 2 * CHAR  # 附件： starts two characters in
    assert left + line == 2 * CHAR + 3 * (CHAR + CHAR_SPACING)  # 2. under 1.
    assert first_left == left and 0 < -line < CHAR  # every name starts after its number, at one left edge


APPROVAL_FILLS = range(12, 21)  # from room for all of it to room for none of it


@pytest.fixture(scope="module")
def approvals(typeset, layout):
    approval = layout("# 四、审批意见\n\n{{ layout.approval() | safe }}")
    line = HANZI[:26]
    return typeset(
        {f"approval-{fill}": document("审批表", *[line] * fill, approval, signature()) for fill in APPROVAL_FILLS}
    )


@pytest.mark.parametrize("fill", APPROVAL_FILLS)
def test_the_approval_lines_stay_together_with_room_to_write_and_the_signature(approvals, fill):
    lines = body_lines(pdf_lines(approvals / f"approval-{fill}.pdf"))
    heading = next(i for i, line in enumerate(lines) if line.text == "四、审批意见")
    block = lines[heading : heading + 6]
    assert [line.text for line in block] == [
        "四、审批意见",
        "承办人（签字）：",
        "负责人审批意见：",
        "负责人（签字）：",
        SIGNATURE_ISSUER,
        SIGNATURE_DATE,
    ]
    assert len({line.page for line in block}) == 1, fill
    for above, below in zip(block[1:4], block[2:5], strict=False):
        assert abs(below.y - above.y - 2 * PITCH) < 1  # a blank line to write in
    styles = [
        p.style
        for p in docx.Document(str(approvals / f"approval-{fill}.docx")).paragraphs
        if p.style.name.startswith("审批栏")
    ]
    assert [style.name for style in styles] == ["审批栏首行", "审批栏", "审批栏"]
    assert all(style.paragraph_format.keep_with_next and style.paragraph_format.keep_together for style in styles)
    assert [
        style.paragraph_format.space_before.pt if style.paragraph_format.space_before else 0 for style in styles
    ] == [0, PITCH, PITCH]


PARTIES = [
    Party("甲方", "宁夏回族自治区自然资源厅", "盖章", "负责人或者委托代理人（签字）"),
    Party("乙方一", "宁夏虚构矿业有限公司", "盖章", "法定代表人或者委托代理人（签字）"),
    Party("乙方二", "张某", "签字并按指印"),
]


PARTY_FILLS = [10, 14, 17, 20]


@pytest.fixture(scope="module")
def party_sweep(typeset, layout):
    parties = layout("{{ layout.party_signatures(parties, none) | safe }}", parties=PARTIES)
    last = "本协议自双方签字（盖章）之日起生效。"
    return typeset(
        {f"parties-{fill}": document("赔偿协议", *[HANZI[:26]] * fill, last, parties) for fill in PARTY_FILLS}
    )


@pytest.mark.parametrize("fill", PARTY_FILLS)
def test_party_signature_blocks_stay_whole_and_with_the_body(party_sweep, fill):
    lines = pdf_lines(party_sweep / f"parties-{fill}.pdf")
    for party in PARTIES:
        block = [line for line in lines if line.text.startswith(f"{party.label}（")]
        assert block, party.label
        date = next(line for line in lines[lines.index(block[0]) :] if line.text.endswith("日"))
        assert date.page == block[0].page, f"{party.label} split over two pages"
    first = next(line for line in lines if line.text.startswith("甲方（"))
    assert any(line.page == first.page and line.y < first.y for line in body_lines(lines)), "甲方 alone"
    paragraphs = docx.Document(str(party_sweep / f"parties-{fill}.docx")).paragraphs
    styles = [p.style.name for p in paragraphs if p.style.name.startswith("签署方")]
    assert styles.count("签署方首行") == len(PARTIES)
    assert all(p.style.paragraph_format.keep_with_next for p in paragraphs if p.style.name.startswith("签署方"))


def test_a_sample_party_line_is_one_line(rendered):
    # The role labels the templates give (甲方, 申请人, 指定部门或机构…) leave room for the names of the samples.
    out, jobs, _ = rendered
    checked = 0
    for job in jobs:
        _, parties = signing(out / f"{job.stem}.docx")
        lines = {line.text for line in pdf_lines(out / f"{job.stem}.pdf")}
        for party in parties:
            assert party in lines, (job.stem, party)
            checked += 1
    assert checked


# docx: grid, styles, tables ------------------------------------------------------------------------------


def _part(path, name):
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


def test_docx_section_has_the_28_by_22_grid(rendered):
    out, jobs, _ = rendered
    grid = _part(out / f"{jobs[0].stem}.docx", "word/document.xml").find(f".//{W}sectPr/{W}docGrid")
    assert grid.get(f"{W}type") == "linesAndChars"
    assert (int(grid.get(f"{W}linePitch")), int(grid.get(f"{W}charSpace"))) == (LINE_PITCH, CHAR_SPACE) == (579, -842)
    # Word: 28 characters of 16 pt + charSpace/4096 fit the type area, 29 do not.
    pitch = 16 + CHAR_SPACE / 4096
    assert 28 * pitch <= TEXT_WIDTH / 20 < 29 * pitch


OWN_STYLES = ["Normal", "BodyText", "FirstParagraph", "Compact", "Title", "Heading1", "Heading2", *CUSTOM_STYLES]


def test_docx_styles_condense_to_28_and_add_no_chinese_latin_space(rendered):
    out, jobs, _ = rendered
    styles = _part(out / f"{jobs[0].stem}.docx", "word/styles.xml")
    assert 28 * (CHAR + CHAR_SPACING) <= TEXT_WIDTH < 29 * (CHAR + CHAR_SPACING)
    for style_id in OWN_STYLES:
        style = styles.find(f"{W}style[@{W}styleId='{style_id}']")
        assert style.find(f"{W}rPr/{W}spacing").get(f"{W}val") == str(CHAR_SPACING), style_id
        for switch in ("autoSpaceDE", "autoSpaceDN"):
            assert style.find(f"{W}pPr/{W}{switch}").get(f"{W}val") == "0", (style_id, switch)


def test_docx_tables_fill_the_text_width(rendered):
    out, jobs, _ = rendered
    tables = 0
    for job in jobs:
        for grid in _part(out / f"{job.stem}.docx", "word/document.xml").iter(f"{W}tblGrid"):
            total = sum(int(col.get(f"{W}w")) for col in grid.iter(f"{W}gridCol"))
            assert abs(total - TEXT_WIDTH) <= 57, (job.stem, total)  # 156 mm ± 1 mm
            tables += 1
    assert tables


def test_docx_keeps_the_last_body_paragraph_with_the_signature(rendered):
    out, jobs, _ = rendered
    for job in jobs:
        paragraphs = docx.Document(str(out / f"{job.stem}.docx")).paragraphs
        first = next((i for i, p in enumerate(paragraphs) if p.style.name.startswith("署名")), None)
        if first is None:
            continue
        assert paragraphs[first - 1].style.paragraph_format.keep_with_next, job.stem
        for paragraph in paragraphs[first:]:
            if paragraph.style.name.startswith("署名"):
                assert paragraph.style.paragraph_format.keep_together, job.stem


def test_docx_paragraphs_with_an_amount_are_flush_left(rendered):
    out, jobs, _ = rendered
    found = 0
    for job in jobs:
        for paragraph in docx.Document(str(out / f"{job.stem}.docx")).paragraphs:
            if "（¥" in paragraph.text:
                assert paragraph.alignment == 0, (job.stem, paragraph.text)  # LEFT
                found += 1
    assert found
