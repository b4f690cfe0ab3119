"""第二十一条 分期赔偿 and 第三十二条 赔偿资金: instalments paid on time; receipts reconcile with what is owed
in money; paid into the treasury of the rights-holder's own level."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ecoredress.model import Case
from ecoredress.model.enums import HOLDER_CITY, ClaimCategory, PaymentMode, RestorationMode, RightsHolder
from ecoredress.regulation.rules.common import money, term_of, timing
from ecoredress.validation.checker import CaseContext, case_check
from ecoredress.validation.findings import Finding, warning

_OBLIGOR_RESTORES = (RestorationMode.SELF, RestorationMode.COMMISSIONED)
_ALTERNATIVE_IN_KIND = (ClaimCategory.RESTORATION_COSTS, ClaimCategory.INTERIM_LOSS, ClaimCategory.PERMANENT_LOSS)


def cash_owed(case: Case) -> Decimal | None:
    """What the obligor owes in money: the agreed or judged total, less what it performs in kind —
    restoration costs when it restores itself or commissions the work (第二十条), and the interim and
    permanent losses too when they are made good by 替代修复 (payment mode 替代修复)."""
    judgment = case.litigation.judgment if case.litigation else None
    items = judgment.items if judgment and judgment.items else (case.agreement.items if case.agreement else None)
    total = judgment.total if judgment else (case.agreement.total if case.agreement else None)
    if total is None or not items:
        return total
    in_kind: set[ClaimCategory] = set()
    r = case.restoration
    if r is not None and r.mode in _OBLIGOR_RESTORES:
        in_kind.add(ClaimCategory.RESTORATION_COSTS)
    if case.agreement is not None and PaymentMode.ALTERNATIVE_RESTORATION in case.agreement.payment_modes:
        in_kind.update(_ALTERNATIVE_IN_KIND)
    return total - sum((i.amount for i in items if i.category in in_kind), Decimal("0"))


@case_check
def instalments_on_time(ctx: CaseContext) -> Iterator[Finding]:
    for term in term_of(ctx, "instalment"):
        yield from timing(term, ctx, "art21-instalment",
                          "请核对入库日期；迟延履行的，依协议约定处理。",
                          "请督促义务人缴纳；不履行的，未经司法确认的协议应起诉，已确认的应申请强制执行（第十九条）。")


@case_check
def receipts_reconcile(ctx: CaseContext) -> Iterator[Finding]:
    case = ctx.case
    settled = (case.agreement and case.agreement.fully_performed_on) or (
        case.enforcement and case.enforcement[1].concluded_on
    )
    owed = cash_owed(case)
    if not settled or owed is None:
        return
    received = case.funds.received if case.funds else Decimal("0")
    if received < owed:
        how = "案件记为已履行完毕" if case.agreement and case.agreement.fully_performed_on else "强制执行程序已终结"
        yield warning("art32-receipts-short",
                      f"{how}，但赔偿资金入库合计 {money(received)}，少于应以资金缴纳的 {money(owed)}"
                      "（赔偿总额扣除义务人自行、委托或以替代修复方式履行的部分）。请核对入库记录；"
                      "如为终结本次执行（无可供执行的财产），请在备注中说明，发现财产后申请恢复执行。",
                      ("funds", "receipts") if case.funds else ("agreement", "fully_performed_on"), "第三十二条")


@case_check
def treasury_level(ctx: CaseContext) -> Iterator[Finding]:
    case = ctx.case
    if case.funds is None:
        return
    holder = case.jurisdiction.rights_holder
    level = "自治区" if holder is RightsHolder.REGION else HOLDER_CITY[holder].value
    for i, receipt in enumerate(case.funds.receipts):
        if level not in receipt.treasury or "国库" not in receipt.treasury:
            yield warning("art32-treasury-level",
                          f"赔偿资金缴入“{receipt.treasury}”，但应全额上缴赔偿权利人（{holder}）指定部门、机构的本级国库（{level}本级国库）。"
                          "请核对缴入国库。",
                          ("funds", "receipts", i, "treasury"), "第三十二条")
