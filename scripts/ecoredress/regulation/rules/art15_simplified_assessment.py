"""第十五条 简易评估认定: only for estimated damage of 50万元 or less, by agreement, with at least 3 experts;
remind the obligor of it when assessment costs clearly exceed the damage.

第一款：“对预估生态环境损害金额（不包括生态环境损害调查、鉴定评估等费用）在 50万元以下，且损害事实简单、责任认定无争议的
案件，经赔偿权利人及其指定的部门或机构同意，并与赔偿义务人协商一致，可适用简易评估认定程序。”
第三款：“参与简易评估程序的专家……人数不少于 3人。”
第四款：“初步调查发现生态环境损害鉴定评估费用明显高于损害金额的，赔偿权利人及其指定的部门或机构要及时提醒赔偿义务人适用简易
评估认定程序。赔偿义务人明确表示不同意适用简易评估认定程序的，以共同委托方式委托符合条件的鉴定机构开展鉴定评估。”
Fact date: the choice of procedure, dated by the commission (else the report, else the clue) — the same day whose
thresholds apply.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ecoredress.model.enums import AssessmentMode
from ecoredress.model.types import yuan
from ecoredress.regulation.findings import Finding, error, warning
from ecoredress.regulation.rules.common import consented, within_ceiling
from ecoredress.regulation.rules.registry import CaseContext, case_check


@case_check
def simplified_allowed(ctx: CaseContext) -> Iterator[Finding]:
    a = ctx.case.assessment
    if a is None or not a.mode.simplified:
        return
    on = a.commissioned_on or a.report_on or ctx.case.clue.found_on
    ceiling_param = ctx.profile.param("simplified_assessment.ceiling")
    ceiling = Decimal(ceiling_param.at(on))
    yield from within_ceiling(
        ctx.case.damage.estimated_amount,
        ceiling,
        unrecorded=warning(
            "art15-estimate-missing",
            f"适用简易评估认定程序（{a.mode}），但没有预估损害金额，无法判断是否在 {yuan(ceiling)} 以下。"
            "请填写 damage.estimated_amount（不含调查、鉴定评估等费用）。",
            ("assessment", "mode"),
            ceiling_param.article(on),
            on=on,
        ),
        over=lambda estimate: error(
            "art15-simplified-over-ceiling",
            f"预估损害金额 {yuan(estimate)} 超过简易评估认定程序的上限 {yuan(ceiling)}，不得适用简易评估认定。"
            "请改为委托鉴定评估（单独委托或共同委托）。",
            ("assessment", "mode"),
            ceiling_param.article(on),
            on=on,
        ),
    )
    yield from consented(
        a.obligor_agreed_simplified,
        refused=error(
            "art15-simplified-without-consent",
            "赔偿义务人不同意适用简易评估认定程序，不得适用。应以共同委托方式委托符合条件的鉴定机构开展鉴定评估。",
            ("assessment", "obligor_agreed_simplified"),
            "第十五条第一款、第四款",
            on=on,
        ),
        unrecorded=warning(
            "art15-consent-missing",
            f"适用简易评估认定程序（{a.mode}），但没有赔偿义务人是否同意的记录。简易评估认定须与赔偿义务人协商一致，"
            "请填写 assessment.obligor_agreed_simplified；义务人不同意的，应改为共同委托鉴定评估。",
            ("assessment", "mode"),
            "第十五条第一款",
            on=on,
        ),
    )
    if a.mode is AssessmentMode.EXPERT_OPINION:
        experts_param = ctx.profile.param("simplified_assessment.min_experts")
        needed = experts_param.at(on)
        if len(a.experts) < needed:
            yield error(
                "art15-too-few-experts",
                f"专家意见方式的简易评估只有 {len(a.experts)} 名专家，不少于 {needed} 人。"
                "请从设区市以上政府及其部门、法院、检察机关的专家库中补充专家，并填写 assessment.experts。",
                ("assessment", "experts"),
                experts_param.article(on),
                on=on,
            )


@case_check
def reminder_when_costs_exceed(ctx: CaseContext) -> Iterator[Finding]:
    a = ctx.case.assessment
    if a is None or a.mode.simplified or a.costs is None:
        return
    damage = a.damage_amount if a.damage_amount is not None else ctx.case.damage.estimated_amount
    if damage is None:
        return
    on = a.commissioned_on or ctx.case.clue.found_on
    ratio_param = ctx.profile.param("simplified_assessment.reminder_cost_ratio")
    if a.costs <= damage * Decimal(str(ratio_param.at(on))):
        return
    if a.simplified_reminder_on is None:
        yield warning(
            "art15-reminder-missing",
            f"鉴定评估费用 {yuan(a.costs)} 高于损害金额 {yuan(damage)}，"
            "但没有提醒赔偿义务人适用简易评估认定程序的记录。"
            "请及时发出提醒函并填写 assessment.simplified_reminder_on。",
            ("assessment", "costs"),
            ratio_param.article(on),
            on=on,
        )
    elif a.obligor_agreed_simplified is False and a.mode is not AssessmentMode.JOINT_COMMISSION:
        yield warning(
            "art15-joint-commission-required",
            f"赔偿义务人明确不同意适用简易评估认定程序，应以共同委托方式委托鉴定机构，而本案为“{a.mode}”。请核对委托方式。",
            ("assessment", "mode"),
            "第十五条第四款",
            on=on,
        )
