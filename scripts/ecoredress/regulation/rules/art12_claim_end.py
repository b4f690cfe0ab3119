"""第十二条 终止索赔: only outside the red line, and only under one of the listed conditions, whose facts the case
records.

第十二条：“生态环境损害结果不在生态保护红线等必须强制性严格保护的区域，且符合下列情形之一的，赔偿权利人及其指定的部门或机构
可以终止索赔：（一）违法行为持续时间短、污染环境或破坏生态程度显著轻微，实施违法行为后立即整改且已完成污染清除或生态修复的；
（二）涉及物种不在国家、自治区重点保护野生动植物名录或中国生物多样性红色名录中，对生态环境损害显著轻微的野生动植物资源破坏
案件；（三）其他污染环境或破坏生态行为对生态环境损害显著轻微并及时纠正、没有造成损害后果的。”
"显著轻微" and "持续时间短" are judgements the law leaves unquantified; what the file can show is checked: the dates of
the
act and of the remediation or correction, and, for 第三项, that no damage was assessed. The claim is ended on the
conclusion (第十六条), so not once a consultation, an agreement or a lawsuit has followed it. Fact dates: the
conclusion that proposes ending the claim, else the decision to end it.
"""

from __future__ import annotations

from collections.abc import Iterator

from ecoredress.model import Case
from ecoredress.model.enums import ClaimEndGround, ConclusionDecision, DamageType
from ecoredress.model.procedure import ClaimEnd
from ecoredress.model.types import yuan
from ecoredress.regulation.findings import Finding, error, warning
from ecoredress.regulation.grounds import CLAIM_END_ITEMS
from ecoredress.regulation.rules.registry import CaseContext, case_check


@case_check
def claim_end_allowed(ctx: CaseContext) -> Iterator[Finding]:
    case, end = ctx.case, ctx.case.claim_end
    proposal = case.conclusion if case.conclusion and case.conclusion.decision is ConclusionDecision.END_CLAIM else None
    if proposal is not None and case.damage.in_red_line and end is None:
        yield error(
            "art12-claim-end-in-red-line",
            "调查结论提出终止索赔，但损害发生在生态保护红线等必须强制性严格保护的区域内，不得终止索赔。"
            "请改为启动索赔磋商（第十六条），并送达磋商告知书。",
            ("conclusion", "decision"),
            "第十二条",
            on=proposal.concluded_on,
        )
        return
    if end is None:
        if proposal is not None:
            yield warning(
                "art12-claim-end-record-missing",
                f"调查结论（{proposal.concluded_on}）提出终止索赔，但没有终止索赔决定的记录。"
                "请填写 claim_end（决定日期、所依据的第十二条情形和理由）。",
                ("conclusion", "decision"),
                "第十二条",
                on=proposal.concluded_on,
            )
        return
    if case.damage.in_red_line:
        yield error(
            "art12-claim-end-in-red-line",
            "损害发生在生态保护红线等必须强制性严格保护的区域内，不得终止索赔。请撤销终止索赔决定，依法启动索赔磋商。",
            ("claim_end", "decided_on"),
            "第十二条",
            on=end.decided_on,
        )
    yield from ground_facts(case, end)


def ground_facts(case: Case, end: ClaimEnd) -> Iterator[Finding]:
    """The facts of the chosen ground: contradicted ones are errors, unrecorded ones warnings."""
    article = CLAIM_END_ITEMS[end.ground].cited
    if end.ground is ClaimEndGround.UNPROTECTED_SPECIES:
        if DamageType.WILDLIFE not in case.damage.types:
            yield error(
                "art12-ground-mismatch",
                f"终止情形为“{end.ground}”（第二项，野生动植物资源破坏案件），但损害类型是{'、'.join(case.damage.types)}。"
                "请核对终止情形，或补充损害类型。",
                ("claim_end", "ground"),
                article,
                on=end.decided_on,
            )
        return
    fixed = "立即整改并完成污染清除或生态修复" if end.ground is ClaimEndGround.MINOR_AND_REMEDIED else "及时纠正"
    if end.remediated_on and end.remediated_on > end.decided_on:
        yield error(
            "art12-ground-mismatch",
            f"终止情形为“{end.ground}”（{article}），要求终止索赔前已{fixed}，但整改或纠正完成日期 {end.remediated_on} "
            f"晚于终止索赔决定日期 {end.decided_on}。请核对日期，或在整改完成后再作决定。",
            ("claim_end", "remediated_on"),
            article,
            on=end.decided_on,
        )
    assessed = case.assessment.damage_amount if case.assessment else None
    if end.ground is ClaimEndGround.MINOR_CORRECTED and assessed:
        yield error(
            "art12-ground-mismatch",
            f"终止情形为“{end.ground}”（第三项，没有造成损害后果），但评估认定生态环境损害 {yuan(assessed)}。"
            "造成损害后果的不适用第三项：请核对终止情形（第一项要求已完成污染清除或生态修复），或依法启动索赔磋商。",
            ("claim_end", "ground"),
            article,
            on=end.decided_on,
        )
    missing = [] if end.remediated_on else [f"{fixed}的日期（claim_end.remediated_on）"]
    if end.ground is ClaimEndGround.MINOR_AND_REMEDIED and not (case.damage.began_on and case.damage.ended_on):
        missing.append("违法行为的起止日期（damage.began_on、damage.ended_on），以说明持续时间短")
    if missing:
        yield warning(
            "art12-ground-facts-missing",
            f"终止情形为“{end.ground}”（{article}），但没有记录该情形要求的事实：{'；'.join(missing)}。请补充，"
            "或核对终止情形。",
            ("claim_end", "ground"),
            article,
            on=end.decided_on,
        )


@case_check
def claim_end_before_claim(ctx: CaseContext) -> Iterator[Finding]:
    case, end = ctx.case, ctx.case.claim_end
    if end and (case.consultation or case.agreement or case.litigation):
        yield error(
            "art12-claim-end-after-claim",
            "已进入磋商、协议或诉讼后又记录了终止索赔。终止索赔应在调查结论阶段作出；磋商不成的应终止磋商并依第十九条起诉。",
            ("claim_end",),
            "第十二条",
            on=end.decided_on,
        )
