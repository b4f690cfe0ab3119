"""The PDF reader the typesetting tests share (pages.pdf_lines) reads each file once, and again once it changes."""

from __future__ import annotations

import shutil

from tests.documents.conftest import document
from tests.documents.pages import pdf_lines


def test_a_pdf_rewritten_in_place_is_read_again(typeset, tmp_path):
    out = typeset({"first": document("告知书", "第一份。"), "second": document("告知书", "第二份，内容更长一些。")})
    pdf = tmp_path / "notice.pdf"
    shutil.copyfile(out / "first.pdf", pdf)
    first = pdf_lines(pdf)
    assert pdf_lines(pdf) is first  # read once
    shutil.copyfile(out / "second.pdf", pdf)
    assert any("第二份" in line.text for line in pdf_lines(pdf))
