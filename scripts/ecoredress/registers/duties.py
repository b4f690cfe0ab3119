"""Open duties across the case repository, for ``ecoredress deadlines`` and the ledger."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from ecoredress.model import Case
from ecoredress.registers.cases import Repository
from ecoredress.regulation.asof import case_as_of
from ecoredress.regulation.deadlines import Term


@dataclass(frozen=True)
class Duty:
    case: Case
    term: Term

    def days_left(self, as_of: dt.date) -> int | None:
        return (self.term.due - as_of).days if self.term.due else None

    def status(self, as_of: dt.date) -> str:
        left = self.days_left(as_of)
        if left is None:
            return "无法计算"
        return f"逾期 {-left} 日" if left < 0 else ("今日到期" if left == 0 else f"剩余 {left} 日")


def open_duties(repo: Repository, as_of: dt.date, within: int | None = None) -> list[Duty]:
    """Duties not yet done on ``as_of`` (each case as it stood that day), sorted by due date (undatable ones
    last); ``within`` keeps those due within that many days of ``as_of`` (overdue ones always stay)."""
    duties = []
    for case in repo.cases:
        view = case_as_of(case, as_of, repo.profile, repo.calendar)
        if view is None:
            continue
        for term in view.open_duties:
            if within is not None and term.due and (term.due - as_of).days > within:
                continue
            duties.append(Duty(view.case, term))
    return sorted(duties, key=lambda d: (d.term.due is None, d.term.due or dt.date.max, d.case.id, d.term.duty))


def as_table(duties: list[Duty], as_of: dt.date) -> str:
    if not duties:
        return f"截至 {as_of} 没有待办的法定期限。\n"
    headers = ["案件编号", "事项", "依据", "责任方", "到期日", "状态"]
    rows = [
        [d.case.id, d.term.title, d.term.article, d.term.responsible, str(d.term.due or "—"), d.status(as_of)]
        for d in duties
    ]
    widths = [max(_w(r[i]) for r in [headers, *rows]) for i in range(len(headers))]
    lines = ["  ".join(_pad(c, widths[i]) for i, c in enumerate(r)).rstrip() for r in [headers, *rows]]
    problems = [f"注：{d.case.id}「{d.term.title}」{d.term.problem}" for d in duties if d.term.problem]
    overdue = sum(1 for d in duties if (d.days_left(as_of) or 0) < 0)
    return "\n".join([*lines, "", f"截至 {as_of}：待办 {len(duties)} 项，其中逾期 {overdue} 项。", *problems]) + "\n"


def _w(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _w(text))


def as_json(duties: list[Duty], as_of: dt.date) -> str:
    payload = {
        "as_of": as_of.isoformat(),
        "duties": [
            {
                "uid": d.term.uid,
                "case": d.case.id,
                "title": d.case.title,
                "duty": d.term.duty,
                "action": d.term.title,
                "article": d.term.article,
                "responsible": d.term.responsible,
                "basis": d.term.basis,
                "due": d.term.due.isoformat() if d.term.due else None,
                "days_left": d.days_left(as_of),
                "overdue": bool(d.term.due and d.term.due < as_of),
                "problem": d.term.problem,
            }
            for d in duties
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def as_ics(duties: list[Duty], as_of: dt.date) -> str:
    """iCalendar (RFC 5545) all-day events, one per dated duty; the UID is stable per case and duty so a
    re-import updates the event instead of duplicating it."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//ecoredress//生态环境损害赔偿法定期限//ZH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "生态环境损害赔偿法定期限")
    stamp = dt.datetime.combine(as_of, dt.time(0, 0), tzinfo=dt.UTC)
    for d in duties:
        if d.term.due is None:
            continue
        event = Event()
        event.add("uid", d.term.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", d.term.due)
        event.add("dtend", d.term.due + dt.timedelta(days=1))
        event.add("summary", f"【{d.case.id}】{d.term.title}")
        event.add(
            "description", f"{d.case.title}\n依据：{d.term.article}\n计算：{d.term.basis}\n责任方：{d.term.responsible}"
        )
        event.add("categories", ["生态环境损害赔偿"])
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    ical: bytes = cal.to_ical()
    return ical.decode("utf-8")


FORMATS = {"table": as_table, "json": as_json, "ics": as_ics}
