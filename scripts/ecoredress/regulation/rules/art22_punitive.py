"""第二十二条 惩罚性赔偿: only for intentional, serious harm; the base is interim loss plus permanent loss.

第一款：“违反法律法规规定故意污染环境、破坏生态造成严重后果的，赔偿权利人及其指定的部门或机构有权提出惩罚性赔偿请求。”
第二款：“惩罚性赔偿资金数额以生态环境受到损害至修复完成期间服务功能丧失导致的损失、生态环境功能永久性损害造成的损失数额
作为计算基数。” With neither loss among the items the case was decided on, there is no lawful base.
Fact date: the punitive request has no date of its own; it is judged, like the profile's base categories, as of the
clue (clue.found_on).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ecoredress.model.enums import ClaimCategory
from ecoredress.model.outcome import ClaimItem
from ecoredress.model.types import yuan
from ecoredress.regulation.findings import Finding, error, warning
from ecoredress.regulation.rules.registry import CaseContext, case_check


def _claimed_items(ctx: CaseContext) -> tuple[list[ClaimItem], tuple[str, ...]]:
    """The items the case was decided on (a judgment's over an agreement's), and where they sit in the file."""
    case = ctx.case
    judgment = case.litigation.judgment if case.litigation else None
    if judgment and judgment.items:
        return judgment.items, ("litigation", "judgment", "items")
    return (case.agreement.items if case.agreement else []), ("agreement", "items")


@case_check
def punitive_base(ctx: CaseContext) -> Iterator[Finding]:
    case, punitive = ctx.case, ctx.case.punitive
    items, items_loc = _claimed_items(ctx)
    if punitive is None:
        if any(i.category is ClaimCategory.PUNITIVE for i in items):
            yield warning(
                "art22-punitive-record-missing",
                "赔偿项目中有惩罚性赔偿，但没有惩罚性赔偿请求的记录。请填写 punitive（计算基数、金额和理由）。",
                items_loc,
                "第二十二条",
                on=case.clue.found_on,
            )
        return
    if not case.damage.intentional:
        yield error(
            "art22-punitive-not-intentional",
            "提出了惩罚性赔偿请求，但损害事实未认定为故意。惩罚性赔偿仅适用于故意污染环境、破坏生态造成严重后果的情形，"
            "请核对 damage.intentional 或撤回该请求。",
            ("punitive",),
            "第二十二条第一款",
            on=case.clue.found_on,
        )
    param = ctx.profile.param("punitive.base_categories")
    categories = set(param.at(case.clue.found_on))
    if not items:
        return  # nothing decided yet (claim pending): no items to compare the base with
    base_items = [i for i in items if i.category in categories]
    expected = sum((i.amount for i in base_items), Decimal("0"))
    if not base_items:
        yield error(
            "art22-punitive-base-missing",
            f"惩罚性赔偿的计算基数为 {yuan(punitive.base)}，但赔偿项目中没有{'或'.join(sorted(categories))}，"
            "惩罚性赔偿没有合法的计算基数。计算基数只能是期间服务功能损失与永久性损害损失之和，不含清除污染、修复费用等；"
            "请补充这两项损失或撤回惩罚性赔偿请求。",
            ("punitive", "base"),
            param.article(case.clue.found_on),
            on=case.clue.found_on,
        )
    elif punitive.base != expected:
        yield error(
            "art22-punitive-base-mismatch",
            f"惩罚性赔偿的计算基数为 {yuan(punitive.base)}，但赔偿项目中{'与'.join(sorted(categories))}合计 "
            f"{yuan(expected)}。"
            "计算基数应为期间服务功能损失与永久性损害损失之和，请改正。",
            ("punitive", "base"),
            param.article(case.clue.found_on),
            on=case.clue.found_on,
        )
