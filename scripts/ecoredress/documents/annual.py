"""The annual work report (第三十五条): figures for one rights-holder's year, and its document job.

The figures come from the case files. ``ecoredress.registers`` had no annual-report API when this was
written, so ``annual_figures`` builds the plain dict the template takes; a registers builder that
returns the same keys can replace it without touching the template.
"""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from ecoredress.documents.context import legal_basis
from ecoredress.documents.plan import DocumentJob
from ecoredress.documents.templating import render_markdown
from ecoredress.model import Case
from ecoredress.model.enums import HOLDER_CODES, RightsHolder
from ecoredress.regulation.lifecycle import derive_stage
from ecoredress.regulation.profile import Profile

ANNUAL_KEY = "annual-report"
ANNUAL_NAME = "年度工作报告"
ANNUAL_ARTICLE = "第三十五条"
TEMPLATE = f"{ANNUAL_KEY}.md.j2"


def _in(year: int, day: dt.date | None) -> bool:
    return day is not None and day.year == year


def _case_events(case: Case) -> list[dt.date | None]:
    """Every dated step of the case: a case belongs to a year's report when any of them falls in it."""
    agreement, litigation, restoration = case.agreement, case.litigation, case.restoration
    return [
        case.clue.found_on,
        case.preliminary_check.claim_started_on if case.preliminary_check else None,
        case.claim_end.decided_on if case.claim_end else None,
        agreement.signed_on if agreement else None,
        litigation.filed_on if litigation else None,
        *(e.evaluated_on for e in (restoration.evaluations if restoration else [])),
        *(r.received_on for r in (case.funds.receipts if case.funds else [])),
        *(e.spent_on for e in (case.funds.expenditures if case.funds else [])),
    ]


def annual_figures(cases: list[Case], holder: RightsHolder, year: int) -> dict[str, Any]:
    """The report's data for ``holder``'s cases with any step in ``year``."""
    mine = sorted((c for c in cases if c.jurisdiction.rights_holder is holder), key=lambda c: c.id)
    active = [c for c in mine if any(_in(year, d) for d in _case_events(c))]
    agreements = [c.agreement for c in active if c.agreement and _in(year, c.agreement.signed_on)]
    receipts = [r for c in active if c.funds for r in c.funds.receipts if _in(year, r.received_on)]
    spending = [e for c in active if c.funds for e in c.funds.expenditures if _in(year, e.spent_on)]
    evaluations = [e for c in active if c.restoration for e in c.restoration.evaluations if _in(year, e.evaluated_on)]
    return {
        "year": year,
        "rights_holder": holder.value,
        "clues": sum(_in(year, c.clue.found_on) for c in mine),
        "started": sum(bool(c.preliminary_check and _in(year, c.preliminary_check.claim_started_on)) for c in mine),
        "major": sum(bool(c.major_case and _in(year, c.major_case.decided_on)) for c in mine),
        "agreements": len(agreements),
        "agreed_total": sum((a.total for a in agreements), Decimal("0")),
        "lawsuits": sum(bool(c.litigation and _in(year, c.litigation.filed_on)) for c in mine),
        "claims_ended": sum(bool(c.claim_end and _in(year, c.claim_end.decided_on)) for c in mine),
        "received": sum((r.amount for r in receipts), Decimal("0")),
        "spent": sum((e.amount for e in spending), Decimal("0")),
        "evaluations_passed": sum(e.passed for e in evaluations),
        "evaluations_failed": sum(not e.passed for e in evaluations),
        "cases": [{"id": c.id, "title": c.title, "stage": derive_stage(c).value} for c in active],
    }


def _report_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def annual_jobs(
    cases: list[Case], year: int, profile: Profile, templates: Path, month: int | None = None
) -> list[DocumentJob]:
    """One annual report per rights-holder among ``cases``; dated the last day of the reporting month."""
    month = month or profile.get("annual_report.month", dt.date(year, 12, 31))
    day = _report_day(year, month)
    basis = legal_basis(profile, ANNUAL_ARTICLE)
    jobs = []
    for holder in sorted({c.jurisdiction.rights_holder for c in cases}, key=lambda h: HOLDER_CODES[h]):
        title = f"{year}年度生态环境损害赔偿工作情况报告"
        context = {"report": annual_figures(cases, holder, year), "title": title, "basis": basis, "issued_on": day}
        jobs.append(
            DocumentJob(
                stem=f"annual/{year}-{HOLDER_CODES[holder]}",
                case_id=HOLDER_CODES[holder],
                key=ANNUAL_KEY,
                kind=ANNUAL_NAME,
                title=title,
                articles=ANNUAL_ARTICLE,
                doc_no=None,
                issued_on=day,
                public=False,
                markdown=render_markdown(templates, TEMPLATE, context, f"{holder.value} {year} 年度"),
            )
        )
    return jobs
