"""The generated pages of the internal site, from templates/site/internal/*.md.j2.

They are written with the portal's own Jinja environment (publish/pages.py): every value goes through the
same inert escape, so a case file can put no markup on an internal page either.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from ecoredress.editing.scaffold import next_case_id
from ecoredress.model import Case
from ecoredress.model.enums import RightsHolder
from ecoredress.publish.documents import copy_listed, listed_files, read_manifest
from ecoredress.publish.pages import environment
from ecoredress.publish.timeline import timeline
from ecoredress.registers.annual import build_annual, report_month, to_markdown
from ecoredress.registers.cases import Repository
from ecoredress.registers.ledger import (
    all_cases,
    major_ledger,
    next_action,
    screening_compliance,
    screening_records,
    screening_years,
)
from ecoredress.registers.xlsx import Table, write_workbook
from ecoredress.regulation.findings import Finding, Severity
from ecoredress.regulation.lifecycle import derive_stage
from ecoredress.validation.checker import Report
from ecoredress.workbench.dashboard import dashboard
from ecoredress.workbench.facts import case_sections, text

DOWNLOADS = "downloads"
_ARTICLE = re.compile(r"^第[一二三四五六七八九十百]+条")


@dataclass(frozen=True)
class Download:
    file: str  # path relative to the site root
    name: str  # the name it is saved under
    label: str


@dataclass(frozen=True)
class RenderedDocument:
    title: str
    doc_no: str | None
    issued_on: str
    public: bool
    files: list[tuple[str, str, str]]  # (format, path relative to the site root, SHA-256)


def cell(value: Any) -> str:
    """A register cell as a page shows it (the xlsx keeps the typed value)."""
    if value is None or value == "":
        return "—"
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    if isinstance(value, (dt.date, enum.Enum, list, tuple, bool)):
        return text(value)
    return str(value)


def article_anchor(article: str) -> str:
    """第十四条第二款 → 第十四条: the regulation page has one anchor per article."""
    match = _ARTICLE.match(article or "")
    return match.group() if match else ""


def write_internal_pages(
    repo: Repository, report: Report, templates: Path, docs: Path, as_of: dt.date, rendered: Path
) -> int:
    """Write every generated page and download into ``docs``; returns the number of document files copied."""
    env = environment(templates)
    env.filters.update(cell=cell, article_anchor=article_anchor)
    findings = {checked.case.id: checked.findings for checked in report.files if checked.case is not None}
    broken = [checked for checked in report.files if checked.case is None]
    board = dashboard(repo, as_of)
    documents, copied = _documents(repo.cases, rendered, docs)

    def render(name: str, path: str, **values: Any) -> None:
        _write(docs / path, env.get_template(f"internal/{name}").render(as_of=as_of, **values))

    render("dashboard.md.j2", "index.md", base="", board=board, broken=broken, cases=len(repo.cases))
    rows = [
        (case, derive_stage(case), next_action(case, repo), _counts(findings.get(case.id, []))) for case in repo.cases
    ]
    next_ids = [(holder.value, next_case_id(repo.project, holder, as_of.year)) for holder in RightsHolder]
    render(
        "cases.md.j2",
        "cases/index.md",
        base="../",
        rows=rows,
        next_ids=next_ids,
        year=as_of.year,
        filters=_filters(repo.cases),
    )
    for case in repo.cases:
        render(
            "case.md.j2",
            f"cases/{case.id}.md",
            base="../../",
            c=case,
            stage=derive_stage(case),
            findings=findings.get(case.id, []),
            events=timeline(case.model_dump()),
            duties=[d for _, _, duties in board.buckets for d in duties if d.case.id == case.id],
            documents=documents.get(case.id, []),
            sections=case_sections(case),
        )
    _register_page(
        env,
        docs,
        "ledger",
        "台账",
        "重大案件台账（第十一条第二款）和全部案件",
        [major_ledger(repo), all_cases(repo)],
        "台账.xlsx",
    )
    years = screening_years(repo, as_of)
    screening = [screening_compliance(repo, years, as_of), screening_records(repo)]
    _register_page(
        env,
        docs,
        "screening",
        "线索筛查",
        "各赔偿权利人每季度线索筛查情况（第九条：每季度不少于 1 次）",
        screening,
        "线索筛查.xlsx",
    )
    month = report_month(repo)
    reports = [
        build_annual(repo, year, month) for year in years if any(c.clue.found_on.year <= year for c in repo.cases)
    ]
    for annual in reports:
        # (.txt: a .md file in the sources would become a page, built from text no escape has seen)
        markdown = Download(f"{DOWNLOADS}/annual-{annual.year}.md.txt", f"年度工作情况-{annual.year}.md", "Markdown")
        _write(docs / markdown.file, to_markdown(annual))
        title = f"{annual.year} 年度工作情况"
        _register_page(
            env,
            docs,
            f"annual/{annual.year}",
            title,
            f"第三十五条：于 {annual.year} 年 {month} 月底前报送",
            annual.tables,
            f"年度工作情况-{annual.year}.xlsx",
            [markdown],
        )
    render("annual.md.j2", "annual/index.md", base="../", years=[r.year for r in reports], month=month)
    render("edit.md.j2", "edit.md", base="../")
    return copied


def _register_page(
    env: Any,
    docs: Path,
    path: str,
    title: str,
    lead: str,
    tables: list[Table],
    workbook: str,
    extra: Sequence[Download] = (),
) -> None:
    xlsx = Download(f"{DOWNLOADS}/{path.replace('/', '-')}.xlsx", workbook, "Excel 工作簿")
    write_workbook(tables, _ensure(docs / xlsx.file))
    base = "../" * (path.count("/") + 1)
    _write(
        docs / f"{path}.md",
        env.get_template("internal/registers.md.j2").render(
            base=base, title=title, lead=lead, tables=tables, downloads=[xlsx, *extra]
        ),
    )


def _documents(cases: list[Case], rendered: Path, docs: Path) -> tuple[dict[str, list[RenderedDocument]], int]:
    """Every rendered document of the valid cases, internal and public versions, copied with its SHA-256 checked."""
    known = {case.id for case in cases}
    found: dict[str, list[RenderedDocument]] = {}
    copied = 0
    for entry in read_manifest(rendered):
        if entry["case"] not in known:
            continue
        files = []
        for file in listed_files(entry):
            suffix = str(file.get("name", "")).rsplit(".", 1)[-1]
            if suffix in ("pdf", "docx"):
                path, digest = copy_listed(rendered, docs, entry["case"], file)
                files.append((suffix.upper(), path, digest))
                copied += 1
        title = str(entry.get("title") or entry.get("kind", ""))
        found.setdefault(entry["case"], []).append(
            RenderedDocument(
                title, entry.get("doc_no"), str(entry.get("issued_on", "")), entry.get("public") is True, files
            )
        )
    for documents in found.values():
        documents.sort(key=lambda d: (d.issued_on, d.title, d.public))
    return found, copied


def _counts(findings: list[Finding]) -> tuple[int, int]:
    return sum(f.severity is Severity.ERROR for f in findings), sum(f.severity is Severity.WARNING for f in findings)


def _filters(cases: list[Case]) -> list[tuple[str, str, list[str]]]:
    holders = {str(c.jurisdiction.rights_holder) for c in cases}
    return [
        ("holder", "赔偿权利人", [h.value for h in RightsHolder if h.value in holders]),
        ("stage", "办理阶段", sorted({str(derive_stage(c)) for c in cases})),
    ]


def _ensure(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def _write(path: Path, content: str) -> None:
    _ensure(path).write_text(content, encoding="utf-8")
