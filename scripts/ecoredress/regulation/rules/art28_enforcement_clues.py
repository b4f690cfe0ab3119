"""第二十八条 行政执法中发现的线索: investigate alongside the enforcement and preserve the evidence in time.

第二十八条：“有关部门在开展日常监管、执法巡查、各类专项行动等或办理行政处罚案件过程中，发现涉嫌造成生态环境损害的，
应同步开展生态环境损害赔偿责任的相关调查，及时固定保全证据，按要求移送线索并做好相关配合工作。鼓励开展行政执法与生态环境
损害赔偿一案双查、一体处理。” The case file shows the clue's source; the preservation of evidence is what it can record.
Once the damage investigation has ended the evidence has been gathered one way or another, so the reminder stops there.
Fact date: the clue found in the enforcement.
"""

from __future__ import annotations

from collections.abc import Iterator

from ecoredress.model.enums import ClueSource
from ecoredress.regulation.findings import Finding, warning
from ecoredress.regulation.rules.registry import CaseContext, case_check

ENFORCEMENT_SOURCES = (ClueSource.SUPERVISION, ClueSource.ADMIN_PENALTY)


@case_check
def evidence_preserved(ctx: CaseContext) -> Iterator[Finding]:
    case = ctx.case
    clue = case.clue
    investigated = case.investigation is not None and case.investigation.ended_on is not None
    if clue.source not in ENFORCEMENT_SOURCES or clue.evidence_preserved_on or investigated:
        return
    if case.preliminary_check and not case.preliminary_check.damage_found:
        return  # no damage found: there is no liability to preserve evidence for
    yield warning(
        "art28-evidence-not-preserved",
        f"线索来源为“{clue.source}”，但没有固定保全证据的记录。在日常监管、执法巡查或办理行政处罚案件中发现涉嫌造成"
        "生态环境损害的，应同步开展赔偿责任调查、及时固定保全证据（可与行政执法一案双查）。"
        "请在 clue.evidence_preserved_on 中填写固定保全证据的日期。",
        ("clue", "source"),
        "第二十八条",
        on=clue.found_on,
    )
