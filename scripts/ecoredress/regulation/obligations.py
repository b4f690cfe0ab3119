"""What the obligor owes in money, and whether it has been paid (第二十条、第二十一条、第三十二条)."""

from __future__ import annotations

from decimal import Decimal

from ecoredress.model import Case
from ecoredress.model.enums import ClaimCategory, EnforcementOutcome, PaymentMode, RestorationMode

_OBLIGOR_RESTORES = (RestorationMode.SELF, RestorationMode.COMMISSIONED)
_ALTERNATIVE_IN_KIND = (ClaimCategory.RESTORATION_COSTS, ClaimCategory.INTERIM_LOSS, ClaimCategory.PERMANENT_LOSS)


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


def cash_owed(case: Case) -> Decimal | None:
    """What the obligor owes in money: the agreed or judged total, less what it performs in kind (``in_kind``)."""
    judgment = case.litigation.judgment if case.litigation else None
    items = judgment.items if judgment and judgment.items else (case.agreement.items if case.agreement else None)
    total = judgment.total if judgment else (case.agreement.total if case.agreement else None)
    if total is None or not items:
        return total
    performed = in_kind(case)
    return total - sum((i.amount for i in items if i.category in performed), Decimal("0"))


def received(case: Case) -> Decimal:
    return case.funds.received if case.funds else Decimal("0")


def payment_done(case: Case) -> bool:
    """Paid in full: performance recorded, enforcement completed, or every yuan owed in money received.
    终结本次执行 is not payment: the debt stands until property is found and enforcement resumes."""
    if case.agreement and case.agreement.fully_performed_on:
        return True
    if case.enforcement and case.enforcement[1].outcome is EnforcementOutcome.COMPLETED:
        return True
    owed = cash_owed(case)  # None without an agreement or a judgment: nothing is owed yet
    return owed is not None and received(case) >= owed
