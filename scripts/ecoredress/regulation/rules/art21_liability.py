"""第二十一条 赔偿责任与行政、刑事责任: a fine is never set off against compensation, and compensation comes first
when the obligor cannot pay both.

第一款：“赔偿义务人因同一生态环境损害行为需要承担行政责任或者刑事责任的，不影响其依法承担生态环境损害赔偿责任。
赔偿义务人的财产不足以同时承担生态环境损害赔偿责任和缴纳罚款、罚金时，优先用于承担生态环境损害赔偿责任。”
第二款：“……允许赔偿义务人分期赔偿、延期赔偿或以其他合理形式代偿，但不得以罚代赔。” It sets no term: a late
instalment breaches 第六条第二款 (``art32_funds``).
Fact dates: a set-off, the agreement that makes it; fines paid first, the decision on the first fine paid.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ecoredress.model.types import yuan
from ecoredress.regulation.findings import Finding, error, warning
from ecoredress.regulation.obligations import outstanding, payment_done
from ecoredress.regulation.rules.registry import CaseContext, case_check


@case_check
def no_fine_set_off(ctx: CaseContext) -> Iterator[Finding]:
    agreement = ctx.case.agreement
    if agreement is None or not agreement.fine_set_off:
        return
    yield error(
        "art21-fine-set-off",
        f"赔偿协议以义务人已缴纳的罚款、罚金抵扣赔偿 {yuan(agreement.fine_set_off)}。"
        "承担行政责任或刑事责任不影响依法承担"
        "生态环境损害赔偿责任，不得以罚代赔。请删除抵扣约定，按损害全额确定赔偿金额（可以依法分期、延期赔偿）。",
        ("agreement", "fine_set_off"),
        "第二十一条",
        on=agreement.signed_on,
    )


@case_check
def compensation_before_fines(ctx: CaseContext) -> Iterator[Finding]:
    case, penalties = ctx.case, ctx.case.penalties
    if penalties is None or not penalties.assets_insufficient or payment_done(case):
        return
    unpaid = outstanding(case)
    paid = [(i, f.paid_amount) for i, f in enumerate(penalties.fines) if f.paid_amount]
    if unpaid is None or not paid:
        return
    fines_paid = sum((amount for _, amount in paid), Decimal("0"))
    yield warning(
        "art21-fines-paid-first",
        f"义务人财产不足以同时承担赔偿责任和缴纳罚款、罚金，已缴纳罚款、罚金 {yuan(fines_paid)}，"
        f"而赔偿资金尚欠 {yuan(unpaid)}。义务人的财产应当优先用于承担生态环境损害赔偿责任："
        "请在执行或破产程序中主张赔偿优先受偿，并与作出罚款、罚金的机关沟通。",
        ("penalties", "fines", paid[0][0], "paid_amount"),
        "第二十一条第一款",
        on=penalties.fines[paid[0][0]].decided_on,
    )
