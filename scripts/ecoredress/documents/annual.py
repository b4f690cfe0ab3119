"""The annual work report (第三十五条): figures for one rights-holder's year, and its document job.

Every figure and every stage is taken from the cases as they stood on the report's date (``case_as_of``), so a
report for a past year does not change when later steps are recorded. A case is reported when any of its facts
falls in the year, or when it was still open at the end of the year before. The screening it reports (筛查情况,
第三十五条) comes from the quarterly screening logs (第九条).
"""

from __future__ import annotations

import calendar
import datetime as dt
from pathlib import Path
from typing import Any

from ecoredress.documents.context import citation_text
from ecoredress.documents.plan import DocumentJob
from ecoredress.documents.templating import render_markdown
from ecoredress.model import Case
from ecoredress.model.enums import HOLDER_CODES, RightsHolder
from ecoredress.model.screening import ScreeningLog
from ecoredress.regulation.asof import case_as_of, fact_dates
from ecoredress.regulation.calendar import Calendar
from ecoredress.regulation.obligations import money_in_year
from ecoredress.regulation.profile import Profile
from ecoredress.regulation.screening import compliance, records

ANNUAL_KEY = "annual-report"
ANNUAL_NAME = "年度工作报告"
ANNUAL_ARTICLE = "第三十五条"
ANNUAL_ISSUER = "赔偿权利人"
ANNUAL_RECEIVER = "自治区负责生态环境损害赔偿工作的领导机构"
TEMPLATE = f"{ANNUAL_KEY}.md.j2"


def _in(year: int, day: dt.date | None) -> bool:
    return day is not None and day.year == year


def annual_figures(
    cases: list[Case], holder: RightsHolder, year: int, on: dt.date, profile: Profile, cal: Calendar
) -> dict[str, Any]:
    """The report's data for ``holder``'s cases, each as it stood on ``on``, the report's date: 第三十五条 reports
    本年度 by the end of a month of that year, so a report due before December tells the year so far, and nothing
    that happened after its own date."""
    end, before = on, dt.date(year - 1, 12, 31)
    reported = []
    for case in sorted((c for c in cases if c.jurisdiction.rights_holder is holder), key=lambda c: c.id):
        view = case_as_of(case, end, profile, cal)
        if view is None:
            continue
        earlier = case_as_of(case, before, profile, cal)
        if any(_in(year, d) for d in fact_dates(view.case)) or (earlier is not None and not earlier.stage.finished):
            reported.append(view)
    mine = [v.case for v in reported]
    money = money_in_year(mine, year)
    evaluations = [e for c in mine if c.restoration for e in c.restoration.evaluations if _in(year, e.evaluated_on)]
    works = [c.restoration.implementation for c in mine if c.restoration and c.restoration.implementation]
    return {
        "year": year,
        "rights_holder": holder.value,
        "clues": sum(_in(year, c.clue.found_on) for c in mine),
        "started": sum(bool(c.preliminary_check and _in(year, c.preliminary_check.claim_started_on)) for c in mine),
        "major": sum(bool(c.major_case and _in(year, c.major_case.decided_on)) for c in mine),
        "agreements": money.agreements,
        "agreed_total": money.agreed,
        "lawsuits": sum(bool(c.litigation and _in(year, c.litigation.filed_on)) for c in mine),
        "claims_ended": sum(bool(c.claim_end and _in(year, c.claim_end.decided_on)) for c in mine),
        "restorations_completed": sum(_in(year, w.completed_on) for w in works),
        "received": money.received,
        "spent": money.spent,
        "evaluations_passed": sum(e.passed for e in evaluations),
        "evaluations_failed": sum(not e.passed for e in evaluations),
        "cases": [{"id": v.case.id, "title": v.case.title, "stage": v.stage.value} for v in reported],
    }


def screening_figures(
    logs: list[ScreeningLog], holder: RightsHolder, year: int, on: dt.date, profile: Profile
) -> dict[str, Any]:
    """``holder``'s screenings of ``year`` up to ``on`` (第九条), what they found, and the quarters ended by then with
    fewer screenings on record than 第九条 requires."""
    held = [s for h, s in records(logs) if h is holder and s.screened_on.year == year and s.screened_on <= on]
    short = [q for q in compliance(logs, profile, [year], on) if q.holder is holder and not q.compliant]
    return {
        "screenings": len(held),
        "items_screened": sum(s.items_screened for s in held),
        "clues_screened": sum(s.clues_found for s in held),
        "quarters_short": [
            {"quarter": q.quarter, "count": q.count, "required": q.required, "article": q.article} for q in short
        ],
    }


def _report_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def annual_jobs(
    cases: list[Case],
    logs: list[ScreeningLog],
    year: int,
    profile: Profile,
    cal: Calendar,
    templates: Path,
    month: int | None = None,
) -> list[DocumentJob]:
    """One annual report per rights-holder among ``cases``, with its screening from ``logs``; dated the last day of
    the reporting month."""
    month = month or profile.get("annual_report.month", dt.date(year, 12, 31))
    day = _report_day(year, month)
    basis = citation_text(profile, ANNUAL_ARTICLE, day, ANNUAL_NAME)
    jobs = []
    for holder in sorted({c.jurisdiction.rights_holder for c in cases}, key=lambda h: HOLDER_CODES[h]):
        title = f"{year}年度生态环境损害赔偿工作情况报告"
        report = annual_figures(cases, holder, year, day, profile, cal) | screening_figures(
            logs, holder, year, day, profile
        )
        context = {"report": report, "title": title, "basis": basis, "issued_on": day, "receiver": ANNUAL_RECEIVER}
        jobs.append(
            DocumentJob(
                stem=f"annual/{year}-{HOLDER_CODES[holder]}",
                case_id=HOLDER_CODES[holder],
                key=ANNUAL_KEY,
                kind=ANNUAL_NAME,
                title=title,
                articles=basis,
                doc_no=None,
                issued_on=day,
                public=False,
                markdown=render_markdown(templates, TEMPLATE, context, f"{holder.value} {year} 年度"),
            )
        )
    return jobs
