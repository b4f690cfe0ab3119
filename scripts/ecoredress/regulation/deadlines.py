"""Every dated duty of a case (a "term"): when its period starts, when it is due, whether it was done.

Rules use terms to report late or overdue steps; ``ecoredress deadlines`` lists the open ones.
Periods come from the rule profile; natural days and working days follow ``regulation.calendar``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from ecoredress.model import Case
from ecoredress.model.enums import ConsultationOutcome, ReferralDirection
from ecoredress.model.introspect import Loc
from ecoredress.regulation.calendar import Calendar, CalendarError
from ecoredress.regulation.profile import ParameterKey, Profile

HOLDER, PROCURATORATE, OBLIGOR = "赔偿权利人", "检察机关", "赔偿义务人"
# An instalment falls due on the date the plan sets; paying on it is the obligor's duty to pay 及时 and perform in
# full (第六条第二款). 第二十一条第二款 only lets the department allow instalments (可以): it sets no term.
INSTALMENT_ARTICLE = "第六条第二款"


@dataclass(frozen=True)
class Term:
    case_id: str
    duty: str  # stable code, unique within a case: "assessment", "referral-1", "instalment-2"
    title: str  # what must be done, in Chinese
    article: str
    basis: str  # how the due date was counted, in Chinese
    due: dt.date | None
    done_on: dt.date | None
    loc: Loc
    responsible: str = HOLDER
    problem: str | None = None  # why ``due`` could not be computed (calendar data missing)

    @property
    def uid(self) -> str:
        return f"{self.case_id}-{self.duty}@ecoredress"

    @property
    def late(self) -> bool:
        return bool(self.due and self.done_on and self.done_on > self.due)

    def overdue(self, as_of: dt.date) -> bool:
        return bool(self.due and self.done_on is None and as_of > self.due)

    def days_late(self, as_of: dt.date) -> int:
        if self.due is None:
            return 0
        return ((self.done_on or as_of) - self.due).days


@dataclass(frozen=True)
class Counting:
    profile: Profile
    calendar: Calendar

    def days(self, key: ParameterKey, start: dt.date) -> tuple[dt.date, str, str]:
        """Due date of a natural-day period from ``start``, its basis text and article."""
        param = self.profile.param(key)
        n = param.at(start)
        return self.calendar.add_days(start, n), f"自 {start} 起 {n} 日，期满日遇节假日顺延", param.article(start)

    def workdays(self, start: dt.date, n: int) -> dt.date:
        return self.calendar.add_workdays(start, n)


TermMaker = Callable[[Case, Counting], Iterator[Term]]
_MAKERS: list[TermMaker] = []


def _term(fn: TermMaker) -> TermMaker:
    _MAKERS.append(fn)
    return fn


def case_terms(case: Case, profile: Profile, calendar: Calendar) -> list[Term]:
    counting = Counting(profile, calendar)
    return [t for make in _MAKERS for t in make(case, counting)]


def _guarded(
    case: Case,
    duty: str,
    title: str,
    article: str,
    loc: Loc,
    compute: Callable[[], tuple[dt.date, str]],
    done_on: dt.date | None,
    responsible: str = HOLDER,
) -> Term:
    """A term whose due date needs the calendar; a missing calendar year becomes ``problem``."""
    try:
        due, basis = compute()
    except CalendarError as exc:
        return Term(case.id, duty, title, article, "", None, done_on, loc, responsible, problem=str(exc))
    return Term(case.id, duty, title, article, basis, due, done_on, loc, responsible)


@_term
def preliminary_check(case: Case, c: Counting) -> Iterator[Term]:
    article = c.profile.param("preliminary_check.days").article(case.clue.found_on)
    done = case.preliminary_check.completed_on if case.preliminary_check else None
    loc = ("preliminary_check", "completed_on") if case.preliminary_check else ("clue", "found_on")

    def compute() -> tuple[dt.date, str]:
        due, basis, _ = c.days("preliminary_check.days", case.clue.found_on)
        return due, f"线索发现日期{basis}"

    yield _guarded(case, "preliminary-check", "完成初步核查", article, loc, compute, done)


def assessment_term_workdays(case: Case, profile: Profile) -> tuple[int, str]:
    """Working days allowed for the commissioned assessment and why (第十四条第二款)."""
    a = case.assessment
    assert a is not None and a.commissioned_on is not None
    if a.agreed_term_workdays:
        return a.agreed_term_workdays, "委托协议约定"
    if a.extension:
        return a.extension.term_workdays, "延期告知"
    return profile.get("assessment.workdays", a.commissioned_on), "原则期限"


@_term
def assessment(case: Case, c: Counting) -> Iterator[Term]:
    a = case.assessment
    if a is None or a.mode.simplified or a.commissioned_on is None:
        return
    start = a.commissioned_on
    n, why = assessment_term_workdays(case, c.profile)
    article = c.profile.param("assessment.workdays").article(start)
    loc = ("assessment", "report_on") if a.report_on else ("assessment", "commissioned_on")

    def compute() -> tuple[dt.date, str]:
        return c.workdays(start, n), f"委托书生效日期 {start} 起 {n} 个工作日（{why}）"

    yield _guarded(case, "assessment", "出具鉴定意见或鉴定评估报告", article, loc, compute, a.report_on)


@_term
def conclusion(case: Case, c: Counting) -> Iterator[Term]:
    inv = case.investigation
    if inv is None or inv.ended_on is None:
        return
    ended = inv.ended_on
    done = case.conclusion.concluded_on if case.conclusion else None
    loc = ("conclusion", "concluded_on") if case.conclusion else ("investigation", "ended_on")

    def compute() -> tuple[dt.date, str]:
        due, basis, _ = c.days("conclusion.days", ended)
        return due, f"调查结束日期{basis}"

    article = c.profile.param("conclusion.days").article(ended)
    yield _guarded(case, "conclusion", "形成调查结论", article, loc, compute, done)


def consultation_start(case: Case) -> dt.date | None:
    cons = case.consultation
    return (cons.started_on or cons.notice.served_on) if cons else None


@_term
def consultation(case: Case, c: Counting) -> Iterator[Term]:
    cons = case.consultation
    if cons is None:
        return
    start = consultation_start(case)
    assert start is not None
    done = cons.ended_on if cons.outcome is not ConsultationOutcome.ONGOING else None
    if done is None and case.agreement:
        done = case.agreement.signed_on
    loc = (
        ("consultation", "ended_on")
        if cons.ended_on
        else ("consultation", "started_on" if cons.started_on else "notice")
    )

    def compute() -> tuple[dt.date, str]:
        due, basis, _ = c.days("consultation.days", start)
        return due, f"磋商开始日期{basis}"

    article = c.profile.param("consultation.days").article(start)
    yield _guarded(case, "consultation", "结束磋商（达成协议或终止磋商）", article, loc, compute, done)


@_term
def referral_replies(case: Case, c: Counting) -> Iterator[Term]:
    for i, ref in enumerate(case.referrals):
        if ref.closed_on is None:
            continue
        closed = ref.closed_on
        ours = ref.direction is ReferralDirection.FROM_PROCURATORATE
        title = f"向{ref.procuratorate}函告处理情况" if ours else f"{ref.procuratorate}函告处理情况"

        def compute(closed: dt.date = closed) -> tuple[dt.date, str]:
            due, basis, _ = c.days("referral.reply_days", closed)
            return due, f"办结日期{basis}"

        article = c.profile.param("referral.reply_days").article(closed)
        loc = ("referrals", i, "reply_on" if ref.reply_on else "closed_on")
        yield _guarded(
            case, f"referral-{i + 1}", title, article, loc, compute, ref.reply_on, HOLDER if ours else PROCURATORATE
        )


@_term
def instalments(case: Case, c: Counting) -> Iterator[Term]:
    agreement = case.agreement
    if agreement is None or not agreement.instalments:
        return
    paid = _paid_dates(case)
    owed = Decimal("0")
    for i, inst in enumerate(sorted(agreement.instalments, key=lambda x: x.due_on)):
        owed += inst.amount
        done = next((day for day, total in paid if total >= owed), agreement.fully_performed_on)
        yield Term(
            case.id,
            f"instalment-{i + 1}",
            f"支付第 {i + 1} 期赔偿金 {inst.amount:,.2f} 元",
            INSTALMENT_ARTICLE,
            f"分期计划约定（累计应付 {owed:,.2f} 元）",
            inst.due_on,
            done,
            ("agreement", "instalments", i, "due_on"),
            OBLIGOR,
        )


def _paid_dates(case: Case) -> list[tuple[dt.date, Decimal]]:
    """Cumulative receipts by date."""
    total, out = Decimal("0"), []
    for r in sorted(case.funds.receipts if case.funds else [], key=lambda r: r.received_on):
        total += r.amount
        out.append((r.received_on, total))
    return out


@_term
def rectifications(case: Case, c: Counting) -> Iterator[Term]:
    if case.restoration is None:
        return
    for i, ev in enumerate(case.restoration.evaluations):
        if rect := ev.rectification:
            yield Term(
                case.id,
                f"rectification-{i + 1}",
                "完成修复限期整改",
                "第二十四条",
                f"限期整改通知（{rect.notified_on}）",
                rect.due_on,
                rect.completed_on,
                ("restoration", "evaluations", i, "rectification", "due_on"),
                OBLIGOR,
            )
