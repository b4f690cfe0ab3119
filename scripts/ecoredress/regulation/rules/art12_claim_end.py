"""第十二条 终止索赔: only outside the red line, and only under one of the listed conditions."""

from __future__ import annotations

from collections.abc import Iterator

from ecoredress.model.enums import ClaimEndGround, ConclusionDecision, DamageType
from ecoredress.validation.checker import CaseContext, case_check
from ecoredress.validation.findings import Finding, error, warning


@case_check
def claim_end_allowed(ctx: CaseContext) -> Iterator[Finding]:
    case, end = ctx.case, ctx.case.claim_end
    proposes_end = case.conclusion and case.conclusion.decision is ConclusionDecision.END_CLAIM
    if proposes_end and case.damage.in_red_line and end is None:
        yield error("art12-claim-end-in-red-line",
                    "调查结论提出终止索赔，但损害发生在生态保护红线等必须强制性严格保护的区域内，不得终止索赔。"
                    "请改为启动索赔磋商（第十六条），并送达磋商告知书。",
                    ("conclusion", "decision"), "第十二条")
        return
    if end is None:
        if proposes_end:
            yield warning("art12-claim-end-record-missing",
                          f"调查结论（{case.conclusion.concluded_on}）提出终止索赔，但没有终止索赔决定的记录。"
                          "请填写 claim_end（决定日期、所依据的第十二条情形和理由）。",
                          ("conclusion", "decision"), "第十二条")
        return
    if case.damage.in_red_line:
        yield error("art12-claim-end-in-red-line",
                    "损害发生在生态保护红线等必须强制性严格保护的区域内，不得终止索赔。请撤销终止索赔决定，依法启动索赔磋商。",
                    ("claim_end", "decided_on"), "第十二条")
    if end.ground is ClaimEndGround.UNPROTECTED_SPECIES and DamageType.WILDLIFE not in case.damage.types:
        yield error("art12-ground-mismatch",
                    f"终止情形为“{end.ground}”（第二项，野生动植物资源破坏案件），但损害类型是{'、'.join(case.damage.types)}。"
                    "请核对终止情形，或补充损害类型。",
                    ("claim_end", "ground"), "第十二条第二项")
