"""第六条第二款 按期缴纳 and 第三十二条 赔偿资金: instalments paid on time; receipts reconcile with what is owed
in money; paid into the treasury of the rights-holder's own level; no more spent than was received.

第六条第二款：“赔偿义务人应当……及时实施生态环境损害修复或缴纳赔偿资金，全面履行赔偿义务……” An instalment is
due on the date the plan sets; 第二十一条第二款 (“可以……允许赔偿义务人分期赔偿、延期赔偿……”) lets the department allow
the plan and sets no term of its own, so lateness is cited to 第六条第二款.
第三十二条：“……生态环境损害赔偿资金作为政府非税收入，实行国库集中收缴，全额上缴赔偿权利人指定部门、机构的本级国库，
纳入一般公共预算管理。” 第三十三条：“……赔偿资金使用情况……应当依法向社会公开。”
Fact dates: an instalment, its due date (``common.timing``); a shortfall, the performance or the end of enforcement
it is measured at; a receipt, its date; spending over receipts, the last expenditure.
"""

from __future__ import annotations

from collections.abc import Iterator

from ecoredress.model.enums import HOLDER_CITY, EnforcementOutcome, PublicItem, RightsHolder
from ecoredress.model.types import yuan
from ecoredress.regulation.findings import Finding, error, warning
from ecoredress.regulation.obligations import cash_owed, received, termination_payment
from ecoredress.regulation.rules.common import timing_of
from ecoredress.regulation.rules.registry import CaseContext, case_check


@case_check
def instalments_on_time(ctx: CaseContext) -> Iterator[Finding]:
    yield from timing_of(
        ctx,
        "instalment",
        "art06-instalment",
        "请核对入库日期；迟延履行的，依协议约定处理。",
        "请督促义务人缴纳；不履行的，未经司法确认的协议应起诉，已确认的应申请强制执行（第十九条）。",
    )


@case_check
def receipts_reconcile(ctx: CaseContext) -> Iterator[Finding]:
    case = ctx.case
    enforcement = case.enforcement[1] if case.enforcement else None
    performed = case.agreement.fully_performed_on if case.agreement else None
    completed = bool(performed) or bool(enforcement and enforcement.outcome is EnforcementOutcome.COMPLETED)
    unexplained_end = bool(enforcement and enforcement.concluded_on and enforcement.outcome is None)
    owed = cash_owed(case)
    if owed is None or not (completed or unexplained_end):
        return  # still being paid, or 终结本次执行: the shortfall is on record as a debt that stands
    got = received(case)
    if got < owed:
        how, remedy = (
            ("案件记为已履行完毕", "请核对入库记录，或补充资金入库信息。")
            if completed
            else (
                "强制执行程序已终结但未写明执行结果",
                "如为终结本次执行（暂无可供执行的财产），请在 outcome 中写明，发现财产后申请恢复执行。",
            )
        )
        ended = "，加上经同意终止修复后应缴纳的赔偿资金" if termination_payment(case) else ""
        yield warning(
            "art32-receipts-short",
            f"{how}，赔偿资金入库合计 {yuan(got)}，少于应以资金缴纳的 {yuan(owed)}"
            f"（赔偿总额扣除义务人自行、委托或以替代修复方式履行的部分{ended}）。{remedy}",
            ("funds", "receipts") if case.funds else ("agreement", "fully_performed_on"),
            "第三十二条",
            on=performed or (enforcement.concluded_on if enforcement else None),
        )


@case_check
def treasury_level(ctx: CaseContext) -> Iterator[Finding]:
    case = ctx.case
    if case.funds is None:
        return
    holder = case.jurisdiction.rights_holder
    level = "自治区" if holder is RightsHolder.REGION else HOLDER_CITY[holder].value
    for i, receipt in enumerate(case.funds.receipts):
        if level not in receipt.treasury or "国库" not in receipt.treasury:
            yield warning(
                "art32-treasury-level",
                f"赔偿资金缴入“{receipt.treasury}”，但应全额上缴赔偿权利人（{holder}）指定部门、机构的本级国库（{level}本级国库）。"
                "请核对缴入国库。",
                ("funds", "receipts", i, "treasury"),
                "第三十二条",
                on=receipt.received_on,
            )


@case_check
def spending_within_receipts(ctx: CaseContext) -> Iterator[Finding]:
    funds, disclosure = ctx.case.funds, ctx.case.disclosure
    if funds is None or funds.spent <= funds.received:
        return
    published = disclosure.publish and PublicItem.FUND_USE in disclosure.items
    yield error(
        "art32-spent-over-received",
        f"赔偿资金支出合计 {yuan(funds.spent)}，超过缴入国库的合计 {yuan(funds.received)}。赔偿资金全额上缴国库、"
        "纳入预算管理，"
        "支出不能多于收到的赔偿资金。请核对入库和支出记录"
        + ("；资金使用情况已决定公开，错误的数字会出现在公开网站上。" if published else "。"),
        ("funds", "expenditures"),
        "第三十二条、第三十三条" if published else "第三十二条",
        on=max(e.spent_on for e in funds.expenditures),
    )
