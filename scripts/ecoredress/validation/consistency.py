"""Cross-field consistency: dates in the order the procedure makes them happen, amounts that add up.

These are facts any case must satisfy whatever the rule profile; the regulation's own deadlines
and steps live in ``ecoredress.regulation``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from ecoredress.model import Case
from ecoredress.model.introspect import Loc
from ecoredress.model.types import PLACEHOLDER, TERM_FIELDS, yuan
from ecoredress.regulation.findings import Finding, error, warning
from ecoredress.regulation.obligations import decided
from ecoredress.regulation.rules.registry import CaseContext, case_check


def _get(case: Case, loc: Loc) -> Any:
    node: Any = case
    for part in loc:
        if node is None:
            return None
        node = node[part] if isinstance(part, int) else getattr(node, part, None)
    return node


def _title(case: Case, loc: Loc) -> str:
    node: Any = case
    title = ".".join(map(str, loc))
    for part in loc:
        if isinstance(part, int):
            node = node[part]
            continue
        info = type(node).model_fields.get(part)
        title = info.title if info and info.title else part
        node = getattr(node, part)
    return title


def _ordered_pairs(case: Case) -> Iterator[tuple[Loc, Loc]]:
    """Pairs (earlier, later) of date fields that must not be out of order."""
    yield ("damage", "began_on"), ("damage", "ended_on")
    yield ("clue", "found_on"), ("preliminary_check", "completed_on")
    yield ("preliminary_check", "completed_on"), ("preliminary_check", "claim_started_on")
    yield ("investigation", "started_on"), ("investigation", "ended_on")
    yield ("assessment", "commissioned_on"), ("assessment", "report_on")
    yield ("assessment", "commissioned_on"), ("assessment", "extension", "notified_on")
    yield ("investigation", "ended_on"), ("conclusion", "concluded_on")
    yield ("assessment", "report_on"), ("consultation", "notice", "served_on")
    yield ("conclusion", "concluded_on"), ("claim_end", "decided_on")
    yield ("consultation", "notice", "served_on"), ("consultation", "reply", "replied_on")
    yield ("consultation", "notice", "served_on"), ("consultation", "started_on")
    yield ("consultation", "notice", "served_on"), ("agreement", "signed_on")
    yield ("consultation", "started_on"), ("consultation", "ended_on")
    if case.consultation:
        for i, _ in enumerate(case.consultation.meetings):
            yield ("consultation", "started_on"), ("consultation", "meetings", i, "held_on")
            yield ("consultation", "meetings", i, "held_on"), ("consultation", "ended_on")
            if i:
                yield ("consultation", "meetings", i - 1, "held_on"), ("consultation", "meetings", i, "held_on")
    yield ("agreement", "signed_on"), ("agreement", "judicial_confirmation", "applied_on")
    yield ("agreement", "judicial_confirmation", "applied_on"), ("agreement", "judicial_confirmation", "announced_on")
    yield ("agreement", "judicial_confirmation", "applied_on"), ("agreement", "judicial_confirmation", "ruled_on")
    yield ("agreement", "judicial_confirmation", "announced_on"), ("agreement", "judicial_confirmation", "ruled_on")
    yield ("agreement", "signed_on"), ("agreement", "due_on")
    yield ("agreement", "signed_on"), ("agreement", "fully_performed_on")
    yield ("litigation", "filed_on"), ("litigation", "judgment", "ruled_on")
    yield ("litigation", "judgment", "ruled_on"), ("litigation", "judgment", "effective_on")
    yield ("litigation", "judgment", "ruled_on"), ("litigation", "judgment", "due_on")
    yield ("litigation", "judgment", "effective_on"), ("litigation", "judgment", "due_on")
    yield ("litigation", "judgment", "ruled_on"), ("litigation", "enforcement", "applied_on")
    yield ("litigation", "enforcement", "applied_on"), ("litigation", "enforcement", "concluded_on")
    if case.restoration:
        for i, evaluation in enumerate(case.restoration.evaluations):
            if evaluation.rectification:
                rect = ("restoration", "evaluations", i, "rectification")
                yield ("restoration", "evaluations", i, "evaluated_on"), (*rect, "notified_on")
                yield (*rect, "notified_on"), (*rect, "due_on")
                yield (*rect, "notified_on"), (*rect, "completed_on")
    for i, _ in enumerate(case.referrals):
        yield ("referrals", i, "referred_on"), ("referrals", i, "closed_on")
        yield ("referrals", i, "closed_on"), ("referrals", i, "reply_on")


@case_check
def dates_in_order(ctx: CaseContext) -> Iterable[Finding]:
    case = ctx.case
    for earlier, later in _ordered_pairs(case):
        first, second = _get(case, earlier), _get(case, later)
        if first and second and second < first:
            yield error(
                "date-order",
                f"{_title(case, later)}（{second}）早于{_title(case, earlier)}（{first}）。"
                "程序上后者不能先于前者发生，请核对两个日期。",
                later,
            )


@case_check
def dates_not_in_future(ctx: CaseContext) -> Iterable[Finding]:
    for loc, value in _leaves(ctx.case, ()):
        if isinstance(value, dt.date) and loc[-1] not in TERM_FIELDS and value > ctx.as_of:
            yield error(
                "date-in-future",
                f"{_title(ctx.case, loc)}（{value}）晚于今天（{ctx.as_of}）。已发生的事项不能写将来的日期，请核对；"
                "尚未发生的事项请先不填。",
                loc,
            )


def _leaves(node: Any, loc: Loc) -> Iterator[tuple[Loc, Any]]:
    """Every value of the case that is not a section or a list, with its location."""
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _leaves(getattr(node, name), (*loc, name))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _leaves(item, (*loc, i))
    else:
        yield loc, node


@case_check
def placeholders_filled(ctx: CaseContext) -> Iterable[Finding]:
    """The "（待补充）" texts of `ecoredress new` left in a field: a warning, an error once the case is published."""
    published = ctx.case.disclosure.publish
    make = error if published else warning
    for loc, value in _leaves(ctx.case, ()):
        if isinstance(value, str) and PLACEHOLDER in value:
            yield make(
                "placeholder-left",
                f"{_title(ctx.case, loc)}仍含新建案件时的占位文字“{PLACEHOLDER}”。请填写实际内容。"
                + (
                    "案件已决定公开（disclosure.publish: true），占位文字会原样出现在公开网站上，须先填写。"
                    if published
                    else ""
                ),
                loc,
            )


def _total(parts: Iterable[Any]) -> Decimal:
    return sum((p.amount for p in parts), Decimal("0"))


def _sum_differs(
    parts: list[Any], total: Decimal, what: str, total_name: str, remedy: str, loc: Loc
) -> Iterator[Finding]:
    if parts and (summed := _total(parts)) != total:
        yield error("amount-mismatch", f"{what}合计 {yuan(summed)}，与{total_name} {yuan(total)} 不符。{remedy}", loc)


@case_check
def amounts_add_up(ctx: CaseContext) -> Iterable[Finding]:
    case = ctx.case
    if agreement := case.agreement:
        yield from _sum_differs(
            agreement.items,
            agreement.total,
            "赔偿协议各项目",
            "赔偿总额",
            "请核对各项目金额或总额。",
            ("agreement", "total"),
        )
        yield from _sum_differs(
            agreement.instalments,
            agreement.total,
            "分期计划",
            "赔偿总额",
            "请调整各期金额。",
            ("agreement", "instalments"),
        )
    if judgment := case.litigation and case.litigation.judgment:
        yield from _sum_differs(
            judgment.items,
            judgment.total,
            "判决各项目",
            "判决赔偿总额",
            "请按判决书核对。",
            ("litigation", "judgment", "total"),
        )
    if (funds := case.funds) and (owed := decided(case)) is not None and funds.received > owed:
        yield warning(
            "amount-mismatch",
            f"入库合计 {yuan(funds.received)} 超过应付赔偿总额 {yuan(owed)}。如含迟延履行金等请在备注中说明，"
            "否则请核对。",
            ("funds", "receipts"),
        )


@case_check
def obligor_known_before_claim(ctx: CaseContext) -> Iterable[Finding]:
    case = ctx.case
    if not case.obligors and (case.consultation or case.agreement or case.litigation):
        yield error(
            "obligor-missing",
            "已进入磋商、协议或诉讼阶段，但未填写赔偿义务人。请在 obligors 中填写单位（含统一社会信用代码）"
            "或个人（含身份证号码）。",
            ("obligors",),
            article="第六条",
            on=case.clue.found_on,  # who is liable (第六条) is a question from the clue on
        )
