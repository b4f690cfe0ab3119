"""The published projection of a case: the only form in which a case reaches any public artifact.

``publish_case`` masks (``masking``), drops private and internal fields (``public_model``), keeps only the
matters the disclosure decision lists (第三十三条) and adds what readers need: stage, timeline, articles.
A case without a decision to publish yields None.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from pydantic import Field

from ecoredress.model import Case
from ecoredress.model.enums import DocumentKind, ObligorKind, PublicItem
from ecoredress.model.outcome import IssuedDocument
from ecoredress.presentation.masking import Masker, public_data
from ecoredress.publish.documents import PublicPdf
from ecoredress.publish.public_model import PublicSection, public_model
from ecoredress.publish.stage import case_stage
from ecoredress.publish.timeline import applied_articles, timeline
from ecoredress.regulation.obligations import Instrument, decision

MAJOR, AGREEMENT, JUDGMENT, FUNDS, EFFECT = (
    PublicItem.MAJOR_MATTERS,
    PublicItem.AGREEMENT,
    PublicItem.JUDGMENT,
    PublicItem.FUND_USE,
    PublicItem.RESTORATION_EFFECT,
)
# Which disclosure item (第三十三条) opens which part of a case; parts not listed here are the basic
# facts and procedure published with every public case.
ITEM_RULES: dict[str, frozenset[PublicItem]] = {
    "investigation": frozenset({MAJOR}),
    "assessment": frozenset({MAJOR}),
    "conclusion": frozenset({MAJOR}),
    "agreement": frozenset({AGREEMENT}),
    "punitive": frozenset({AGREEMENT, JUDGMENT}),
    "litigation": frozenset({JUDGMENT}),
    "funds": frozenset({FUNDS}),
    "restoration": frozenset({MAJOR, EFFECT}),
    "restoration.plan": frozenset({MAJOR}),
    "restoration.changes": frozenset({MAJOR}),
    "restoration.implementation": frozenset({EFFECT}),
    "restoration.evaluations": frozenset({EFFECT}),
    "restoration.end": frozenset({EFFECT}),
}
_Base = public_model(Case)


class PublishedObligor(PublicSection):
    kind: ObligorKind = Field(title="类型")
    name: str = Field(title="名称", description="自然人只保留姓氏（张某）；单位名称按案件公开策略写全称或“某公司”")
    credit_code: str | None = Field(None, title="统一社会信用代码", description="仅在单位名称公开全称时公开")


class PublishedDocument(PublicSection):
    kind: str = Field(title="文书种类")
    doc_no: str | None = Field(None, title="发文字号")
    issued_on: dt.date = Field(title="发文日期")
    title: str | None = Field(None, title="标题")
    file: str | None = Field(None, title="公开文本（PDF）", description="相对于网站根目录的路径；尚未生成时为空")
    sha256: str | None = Field(None, title="SHA-256 校验值", pattern=r"^[0-9a-f]{64}$")


class TimelineEvent(PublicSection):
    date: dt.date = Field(title="日期")
    event: str = Field(title="事项")
    article: str = Field(title="依据条款", pattern=r"^第[一二三四五六七八九十百]+条$")


class PublishedCase(_Base):  # type: ignore[misc, valid-type]
    """公开的生态环境损害赔偿案件（经去标识化处理，仅含公开决定列明的事项）."""

    model_config = {**_Base.model_config, "title": "公开的生态环境损害赔偿案件"}

    obligors: list[PublishedObligor] = Field(title="赔偿义务人")
    documents: list[PublishedDocument] = Field(default_factory=list, title="公开文书")
    stage: str = Field(title="办理阶段")
    year: int = Field(title="年份", description="发现线索的年份")
    amount: Decimal | None = Field(
        None,
        title="赔偿金额（元）",
        description="有判决的为判决赔偿总额，否则为赔偿协议总额；该判决或协议不公开的，本项不公开",
    )
    timeline: list[TimelineEvent] = Field(default_factory=list, title="办理过程")
    articles: list[str] = Field(default_factory=list, title="适用条款", description="《规定》中适用的条款")
    updated_on: dt.date = Field(title="更新日期", description="公开内容中最近的日期")


def publish_case(case: Case, pdfs: list[PublicPdf] | None = None) -> PublishedCase | None:
    """The published projection of ``case``, or None without a decision to publish.

    ``pdfs`` are the case's rendered public (masked) documents copied into the site.
    """
    if case.disclosure.publish is not True:
        return None
    masker = Masker(case)
    data: dict[str, Any] = public_data(case, masker)
    _keep_disclosed(data, frozenset(case.disclosure.items))
    data["obligors"] = [_obligor(o, masker) for o in case.obligors]
    data["documents"] = _documents(case, masker, pdfs or [])
    events = timeline(data)
    data["stage"] = case_stage(case)
    data["year"] = case.clue.found_on.year
    data["amount"] = published_amount(case)
    data["timeline"] = events
    data["articles"] = applied_articles(data, events)
    data["updated_on"] = max([case.disclosure.decided_on or case.clue.found_on, *(e["date"] for e in events)])
    published: PublishedCase = PublishedCase.model_validate(data)
    return published


def publish_cases(cases: Iterable[Case], pdfs: dict[str, list[PublicPdf]] | None = None) -> list[PublishedCase]:
    """Every publishable case, in case-id order."""
    published = (publish_case(c, (pdfs or {}).get(c.id)) for c in sorted(cases, key=lambda c: c.id))
    return [p for p in published if p is not None]


def _keep_disclosed(data: dict[str, Any], items: frozenset[PublicItem]) -> None:
    for path, opening in ITEM_RULES.items():
        *parents, key = path.split(".")
        holder: Any = data
        for parent in parents:
            holder = holder.get(parent) if isinstance(holder, dict) else None
        if isinstance(holder, dict) and key in holder and not opening & items:
            holder[key] = [] if isinstance(holder[key], list) else None


def _obligor(obligor: Any, masker: Masker) -> dict[str, Any]:
    name = masker.obligor_name(obligor)
    full_name_public = obligor.kind is ObligorKind.ORGANISATION and name == obligor.name
    return {"kind": obligor.kind, "name": name, "credit_code": obligor.credit_code if full_name_public else None}


# A document that belongs to an item of 第三十三条 is public only while the case discloses that item.
_DOCUMENT_ITEMS = {
    DocumentKind.AGREEMENT: AGREEMENT,
    DocumentKind.SIMPLIFIED_AGREEMENT: AGREEMENT,
    DocumentKind.EFFECT_EVALUATION_OPINION: EFFECT,
    DocumentKind.PLAN_FILING_RECEIPT: MAJOR,
}


def _disclosed(document: IssuedDocument, items: frozenset[PublicItem]) -> bool:
    item = _DOCUMENT_ITEMS.get(document.kind)
    return document.public and (item is None or item in items)


def _documents(case: Case, masker: Masker, pdfs: list[PublicPdf]) -> list[dict[str, Any]]:
    """The documents the case marks public, with their rendered PDF when there is one, then other rendered PDFs."""
    by_no = {pdf.doc_no: pdf for pdf in pdfs if pdf.doc_no}
    listed, shown = [], set()
    items = frozenset(case.disclosure.items)
    for document in (d for d in case.documents if _disclosed(d, items)):
        pdf = by_no.get(document.doc_no)
        shown.add(pdf)
        title = document.title or (pdf.title if pdf else None)
        listed.append(_document(document.kind.value, document.doc_no, document.issued_on, title, pdf, masker))
    for pdf in pdfs:
        if pdf not in shown:
            listed.append(_document(pdf.kind, pdf.doc_no, pdf.issued_on, pdf.title, pdf, masker))
    return sorted(listed, key=lambda d: (d["issued_on"], d["kind"]))


def _document(
    kind: str, doc_no: str | None, issued_on: dt.date, title: str | None, pdf: PublicPdf | None, masker: Masker
) -> dict[str, Any]:
    return {
        "kind": kind,
        "doc_no": masker.text(doc_no) if doc_no else None,
        "issued_on": issued_on,
        "title": masker.text(title) if title else None,
        "file": pdf.file if pdf else None,
        "sha256": pdf.sha256 if pdf else None,
    }


# The disclosure item (第三十三条) under which each deciding instrument is published.
_INSTRUMENT_ITEMS = {
    Instrument.AGREEMENT: AGREEMENT,
    Instrument.CONFIRMED_AGREEMENT: AGREEMENT,
    Instrument.JUDGMENT: JUDGMENT,
}


def published_amount(case: Case) -> Decimal | None:
    """The compensation decided (obligations.decided), shown only while its instrument is disclosed: the agreed
    total must not stand in for an undisclosed judgment, nor reveal an undisclosed one."""
    found = decision(case)
    if found is None or _INSTRUMENT_ITEMS[found.instrument] not in case.disclosure.items:
        return None
    return found.total
