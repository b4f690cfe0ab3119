"""Which documents to render for which cases, each rendered to Markdown."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ecoredress.documents.context import NO_DEPARTMENTS, document_context
from ecoredress.documents.templating import render_markdown
from ecoredress.model import Case
from ecoredress.regulation.calendar import Calendar
from ecoredress.regulation.document_kinds import SPECS, Spec
from ecoredress.regulation.profile import Profile
from ecoredress.settings import DepartmentSettings


@dataclass(frozen=True)
class DocumentJob:
    """One document to produce: its identity for the manifest and its Markdown."""

    stem: str  # output path without extension, relative to the out dir: YC-2023-002/agreement-public
    case_id: str
    key: str
    kind: str  # Chinese kind name
    title: str
    articles: str  # the legal basis the document cites: the instrument in force on its date and the article there
    doc_no: str | None
    issued_on: dt.date
    public: bool
    markdown: str


def _variants(spec: Spec, case: Case) -> list[bool]:
    # The internal original (unless the document is a notice to the public); the masked public copy too
    # when the case publishes this document.
    public = [True] if spec.publishable(case) else []
    return public if spec.public_only else [False, *public]


def case_jobs(
    case: Case,
    specs: Iterable[Spec],
    profile: Profile,
    calendar: Calendar,
    templates: Path,
    departments: Mapping[str, DepartmentSettings] = NO_DEPARTMENTS,
) -> list[DocumentJob]:
    jobs: list[DocumentJob] = []
    for spec in specs:
        subjects = spec.subjects(case)
        for number, subject in enumerate(subjects, start=1):
            suffix = f"-{number}" if len(subjects) > 1 else ""
            for public in _variants(spec, case):
                context = document_context(case, spec, subject, profile, calendar, public, departments)
                jobs.append(
                    DocumentJob(
                        stem=f"{case.id}/{spec.key}{suffix}{'-public' if public else ''}",
                        case_id=case.id,
                        key=spec.key,
                        kind=spec.kind.value,
                        title=spec.title,
                        articles=context["basis"],
                        doc_no=subject.doc_no,
                        issued_on=subject.issued_on,
                        public=public,
                        markdown=render_markdown(templates, spec.template, context, case.id),
                    )
                )
    return jobs


def plan_jobs(
    cases: Iterable[Case],
    profile: Profile,
    calendar: Calendar,
    templates: Path,
    keys: set[str] | None,
    departments: Mapping[str, DepartmentSettings],
) -> list[DocumentJob]:
    """Documents each case calls for (or only the kinds in ``keys``), in case and procedure order; court filings
    state the particulars of ``departments`` (the repository's settings)."""
    specs = [spec for spec in SPECS if keys is None or spec.key in keys]
    return [
        job
        for case in sorted(cases, key=lambda c: c.id)
        for job in case_jobs(case, specs, profile, calendar, templates, departments)
    ]
