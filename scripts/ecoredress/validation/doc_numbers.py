"""An outgoing 公文 due for a case whose 发文字号 is not recorded (a formality, not a duty of the regulation).

The department's decisions, notices and letters (``Spec.outgoing``) are rendered whenever the case calls for them;
without a recorded 文号 their 版头 would lack the 发文字号 that GB/T 9704-2012 7.2.5 places there. The regulation
itself asks for no 文号, so this is a warning with the standard as its basis, never an error; the standard has
been in force since 2012-07-01 and a document dated earlier is not judged by it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ecoredress.regulation.document_kinds import SPECS, Spec, Subject
from ecoredress.regulation.findings import Finding, warning
from ecoredress.regulation.rules.registry import CaseContext, case_check

CODE = "doc-number-missing"
BASIS = "GB/T 9704-2012《党政机关公文格式》7.2.5"
BASIS_IN_FORCE = dt.date(2012, 7, 1)


def _where(spec: Spec, subject: Subject) -> str:
    """The YAML keys the number may be written in: the document's own field, if it has one, or ``documents``."""
    record = f"在 documents 中补记该文书（kind: {spec.kind.value}，doc_no: 发文字号，issued_on: {subject.issued_on}）"
    if subject.doc_no_at is None:
        return f"请{record}"
    field = _key_path(subject.doc_no_at)
    return f"请在 {field} 中填写发文字号，或{record}"


def _key_path(loc: tuple[str | int, ...]) -> str:
    """("referrals", 0, "letter_no") → "referrals 第 1 项的 letter_no"; ("consultation", "notice", "doc_no") dotted."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f" 第 {part + 1} 项的 "
        else:
            text += ("." if text and not text.endswith(" ") else "") + part
    return text


@case_check
def outgoing_documents_numbered(ctx: CaseContext) -> Iterable[Finding]:
    for spec in SPECS:
        if not spec.outgoing:
            continue
        for subject in spec.subjects(ctx.case):
            if subject.doc_no or subject.issued_on < BASIS_IN_FORCE:
                continue
            yield warning(
                CODE,
                f"应出具的{spec.title}（{subject.issued_on}）没有记录发文字号，生成的文书版头将缺少发文字号。"
                f"{_where(spec, subject)}。发文字号由发文机关代字、年份和发文顺序号组成，如 宁环赔〔2024〕3号。",
                subject.doc_no_at or ("documents",),
                BASIS,
                on=subject.issued_on,
            )
