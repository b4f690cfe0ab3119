"""The money of a case, defined once: what was agreed, judged and decided, what is owed in money, received, spent
and still outstanding (第十九条–第二十一条、第二十五条、第三十二条), and the money figures of a year (第三十五条).

Every consumer takes its figures from here: the checks, the documents, the registers, the published projection
(and with it the portal and open data) and both annual reports. Tests compare each consumer with this module.

Which instrument decides what is owed
-------------------------------------
A case may hold a compensation agreement (赔偿协议), a court's confirmation of it (司法确认) and a judgment (判决).
The law names both as what the obligor performs and pays by: “按照赔偿协议或生效判决要求…修复” (第二十条),
“按照磋商达成的赔偿协议、法院生效判决缴纳” (第三十二条). When a case holds more than one:

1. **A judgment decides.** A lawsuit is brought when the obligor refuses consultation, consultation ends, or an
   agreement *not confirmed by a court* is not (fully) performed (第十九条第二款). The court then decides the
   claim; the unperformed agreement is what the lawsuit was about, not a second debt beside the judgment, and the
   judgment is what is enforced (第十九条第三款). So the agreed total is still reported as the agreed amount, but
   what is owed is the judged amount. A confirmed agreement is enforced, never sued on (第十九条第三款): check
   reports such a lawsuit as an error (``art19-lawsuit-ground-unsupported``). A judgment recorded beside a
   confirmed agreement still decides here, being the court's later word on the claim; the record is put right
   through that error, not by this module overruling a court. The judgment decides from its ruling: an appeal
   may change it before it takes effect (生效), and the record is then updated.
2. **Otherwise the agreement decides, confirmed or not.** 司法确认 (第十九条第一款) does not change the amount: it
   makes the agreement enforceable as it stands (第十九条第三款). A refused confirmation does not undo the
   signed agreement; if it is not performed, a lawsuit follows (第十九条第二款), and rule 1.
3. **Neither: nothing is decided yet** (None). What was claimed (the lawsuit's claim, the assessed damage) is a
   claim, not a debt. A court mediation statement (调解书) is not part of the case model and decides nothing here.

What is owed in money
---------------------
The decided total less the items the obligor performs in kind (``in_kind``: restoration costs when it restores
itself or commissions the work, 第二十条; the losses made good by 替代修复), plus, once the department has
approved ending the restoration, the payment then set for what was not restored (第二十五条 “终止修复，并依法
缴纳赔偿资金”). Fines paid are no part of it: 不得以罚代赔 (第二十一条第二款); an agreement's set-off of fines is
reported by the art21 check, never subtracted here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from ecoredress.model import Case
from ecoredress.model.enums import ClaimCategory, EnforcementOutcome, PaymentMode, RestorationMode
from ecoredress.model.outcome import Agreement, ClaimItem, Judgment

ZERO = Decimal("0")
_OBLIGOR_RESTORES = (RestorationMode.SELF, RestorationMode.COMMISSIONED)
_ALTERNATIVE_IN_KIND = (ClaimCategory.RESTORATION_COSTS, ClaimCategory.INTERIM_LOSS, ClaimCategory.PERMANENT_LOSS)


class Instrument(StrEnum):
    """The instrument that decides what the obligor owes (see the module's reasoning)."""

    AGREEMENT = "赔偿协议"
    CONFIRMED_AGREEMENT = "经司法确认的赔偿协议"
    JUDGMENT = "判决"


@dataclass(frozen=True)
class Decision:
    """What the deciding instrument says: its total and items, the record itself, the day it was made (signed or
    ruled) and the day it binds (an agreement when signed; a judgment when it takes effect, or when ruled while
    that is not recorded)."""

    instrument: Instrument
    record: Agreement | Judgment
    total: Decimal
    items: list[ClaimItem]
    decided_on: dt.date
    binding_from: dt.date


def agreed(case: Case) -> Decimal | None:
    """The agreement's total, whether or not it still decides."""
    return case.agreement.total if case.agreement else None


def judged(case: Case) -> Decimal | None:
    """The judgment's total."""
    judgment = case.litigation.judgment if case.litigation else None
    return judgment.total if judgment else None


def decision(case: Case) -> Decision | None:
    """The instrument that decides what is owed: the judgment, else the agreement (confirmed or not), else None."""
    judgment = case.litigation.judgment if case.litigation else None
    if judgment is not None:
        binding_from = judgment.effective_on or judgment.ruled_on
        return Decision(Instrument.JUDGMENT, judgment, judgment.total, judgment.items, judgment.ruled_on, binding_from)
    agreement = case.agreement
    if agreement is None:
        return None
    confirmation = agreement.judicial_confirmation
    confirmed = confirmation is not None and confirmation.confirmed is True
    instrument = Instrument.CONFIRMED_AGREEMENT if confirmed else Instrument.AGREEMENT
    return Decision(instrument, agreement, agreement.total, agreement.items, agreement.signed_on, agreement.signed_on)


def decided(case: Case) -> Decimal | None:
    """The compensation decided (赔偿金额): the deciding instrument's total, in money and in kind together."""
    found = decision(case)
    return found.total if found else None


def obligor_restores(case: Case) -> bool:
    """The obligor restores (itself, by a contractor, or by 替代修复), so it files the plan and answers for it:
    第二十三条 and 第二十四条 govern this restoration (“赔偿义务人开展生态环境损害修复的”), not the rights-holder's
    restoration with the money it received (权利人以赔偿资金组织修复)."""
    r = case.restoration
    return r is not None and r.mode not in (RestorationMode.FUNDED, RestorationMode.COMPENSATION_ONLY)


def in_kind(case: Case) -> set[ClaimCategory]:
    """The items the obligor performs in kind, not in money: restoration costs when it restores itself or
    commissions the work (第二十条), and the interim and permanent losses too when they are made good by
    替代修复 (payment mode 替代修复)."""
    categories: set[ClaimCategory] = set()
    r = case.restoration
    if r is not None and r.mode in _OBLIGOR_RESTORES:
        categories.add(ClaimCategory.RESTORATION_COSTS)
    if case.agreement is not None and PaymentMode.ALTERNATIVE_RESTORATION in case.agreement.payment_modes:
        categories.update(_ALTERNATIVE_IN_KIND)
    return categories


def decided_in_money(case: Case) -> Decimal | None:
    """What the deciding instrument leaves to be paid in money: its total less the items performed in kind. A
    judgment without items is owed in money as a whole: nothing shows a part of it to be performed in kind."""
    found = decision(case)
    if found is None:
        return None
    performed = in_kind(case)
    return found.total - sum((i.amount for i in found.items if i.category in performed), ZERO)


def termination_payment(case: Case) -> Decimal:
    """The money owed once the department approved ending the restoration (第二十五条), else 0."""
    end = case.restoration.end if case.restoration else None
    if end is None or end.approved_on is None or end.payment is None:
        return ZERO
    return end.payment


def cash_owed(case: Case) -> Decimal | None:
    """Everything the obligor owes in money (``decided_in_money`` plus ``termination_payment``); None while
    nothing is decided."""
    owed, ended = decided_in_money(case), termination_payment(case)
    return None if owed is None and not ended else (owed or ZERO) + ended


def received(case: Case) -> Decimal:
    """Compensation paid into the treasury (第三十二条)."""
    return case.funds.received if case.funds else ZERO


def spent(case: Case) -> Decimal:
    """Compensation spent from the treasury (资金使用, 第三十三条)."""
    return case.funds.spent if case.funds else ZERO


def outstanding(case: Case) -> Decimal | None:
    """What is owed in money and not yet received (never below 0); None while nothing is owed."""
    owed = cash_owed(case)
    return None if owed is None else max(owed - received(case), ZERO)


def payment_done(case: Case) -> bool:
    """Paid in full: performance recorded, enforcement completed, or every yuan owed in money received.
    终结本次执行 is not payment: the debt stands until property is found and enforcement resumes."""
    if case.agreement and case.agreement.fully_performed_on:
        return True
    if case.enforcement and case.enforcement[1].outcome is EnforcementOutcome.COMPLETED:
        return True
    return outstanding(case) == ZERO  # None without an agreement or a judgment: nothing is owed yet


def payment_term(case: Case) -> dt.date | None:
    """The last day to pay what the deciding instrument leaves owed in money: a judgment's term of performance, or
    the day it took effect when it sets none (a judgment not recorded as in force has no term yet); an agreement's
    payment deadline, else its last instalment; None when nothing is decided or no term is recorded."""
    found = decision(case)
    if found is None:
        return None
    record = found.record
    if isinstance(record, Judgment):
        return record.due_on or record.effective_on
    return record.due_on or max((i.due_on for i in record.instalments), default=None)


def overdue(case: Case, as_of: dt.date) -> Decimal | None:
    """What is still outstanding after the payment term passed (as of ``as_of``); None when the term has not
    passed, none is recorded, or the payment is done (``payment_done``)."""
    term = payment_term(case)
    if term is None or as_of <= term or payment_done(case):
        return None
    return outstanding(case)


def _in_year(day: dt.date | None, year: int) -> bool:
    return day is not None and day.year == year


def claimed_in_year(case: Case, year: int) -> Decimal:
    """Compensation claimed in the year: the lawsuit's claim if it was filed that year, else the assessed damage and
    costs if the consultation notice was served that year (第十六条), else 0."""
    lit, cons, a = case.litigation, case.consultation, case.assessment
    if lit and _in_year(lit.filed_on, year):
        return lit.claim_amount
    if cons and _in_year(cons.notice.served_on, year) and a:
        return (a.damage_amount or ZERO) + (a.costs or ZERO)
    return ZERO


@dataclass(frozen=True)
class YearMoney:
    """The money of a year (第三十五条), each figure by the date of its own fact."""

    claimed: Decimal  # claims made in the year (claimed_in_year)
    agreements: int  # agreements signed in the year
    agreed: Decimal  # their totals
    judged: Decimal  # totals of the judgments given in the year
    received: Decimal  # receipts into the treasury in the year
    spent: Decimal  # expenditures in the year


def money_in_year(cases: Iterable[Case], year: int) -> YearMoney:
    """The money figures of ``year`` over ``cases`` (each as it stood at the end of the year)."""
    cases = list(cases)
    agreements = [c.agreement for c in cases if c.agreement and _in_year(c.agreement.signed_on, year)]
    judgments = [j for c in cases if c.litigation and (j := c.litigation.judgment) and _in_year(j.ruled_on, year)]
    receipts = [r for c in cases if c.funds for r in c.funds.receipts if _in_year(r.received_on, year)]
    spending = [e for c in cases if c.funds for e in c.funds.expenditures if _in_year(e.spent_on, year)]
    return YearMoney(
        claimed=sum((claimed_in_year(c, year) for c in cases), ZERO),
        agreements=len(agreements),
        agreed=sum((a.total for a in agreements), ZERO),
        judged=sum((j.total for j in judgments), ZERO),
        received=sum((r.amount for r in receipts), ZERO),
        spent=sum((e.amount for e in spending), ZERO),
    )
