"""第十一条 重大案件: suggest the classification from the facts; major cases go on the ledger.

第一款：“符合以下情形的，纳入重大案件管理：……（二）在国家和自治区划定的生态保护红线等必须强制性严格保护的区域发生环境
污染、生态破坏事件的；（三）中央和自治区生态环境保护督察发现并明确交办需要开展生态环境损害赔偿工作的；（四）国家和自治区
交办的重大事项中涉及生态环境损害赔偿工作的；……” 第二款：“自治区建立重大案件督办机制，对重大案件建立台账，定期调度”。
Only items 二 to 四 follow from recorded facts, so the classification is suggested (提示), not required.
Fact dates: a suggested criterion, the clue (the facts that establish it are known from then); the ledger and the
basis, the decision to manage the case as major.
"""

from __future__ import annotations

from collections.abc import Iterator

from ecoredress.model.enums import ClueSource
from ecoredress.model.enums import MajorCaseCriterion as Criterion
from ecoredress.regulation.findings import Finding, info, warning
from ecoredress.regulation.rules.registry import CaseContext, case_check

# The items of 第十一条第一款 that recorded facts establish (the others are judgements staff make).
_ITEM = {Criterion.RED_LINE: "第二项", Criterion.INSPECTION_ASSIGNED: "第三项", Criterion.MAJOR_MATTER: "第四项"}


def criteria_from_facts(ctx: CaseContext) -> list[Criterion]:
    """Criteria of 第十一条第一款 that the recorded facts establish by themselves."""
    case = ctx.case
    found = []
    if case.damage.in_red_line:
        found.append(Criterion.RED_LINE)
    if case.clue.source is ClueSource.INSPECTION:
        found.append(Criterion.INSPECTION_ASSIGNED)
    if case.clue.source is ClueSource.ASSIGNED:
        found.append(Criterion.MAJOR_MATTER)
    return found


@case_check
def major_case_suggested(ctx: CaseContext) -> Iterator[Finding]:
    listed = set(ctx.case.major_case.criteria) if ctx.case.major_case else set()
    for criterion in criteria_from_facts(ctx):
        if criterion in listed:
            continue
        article = f"第十一条第一款{_ITEM[criterion]}"
        if ctx.case.major_case is None:
            yield info(
                "art11-major-case-suggested",
                f"案件事实符合重大案件情形“{criterion}”，建议纳入重大案件管理并列入自治区督办台账。"
                "请填写 major_case（情形、纳入日期、列入台账日期）。",
                ("damage", "in_red_line") if criterion is Criterion.RED_LINE else ("clue", "source"),
                article,
                on=ctx.case.clue.found_on,
            )
        else:
            yield info(
                "art11-criterion-suggested",
                f"案件事实还符合重大案件情形“{criterion}”，建议在 major_case.criteria 中一并列明。",
                ("major_case", "criteria"),
                article,
                on=ctx.case.clue.found_on,
            )


@case_check
def major_case_record(ctx: CaseContext) -> Iterator[Finding]:
    major = ctx.case.major_case
    if major is None:
        return
    if major.ledger_entered_on is None:
        yield warning(
            "art11-ledger-missing",
            f"案件已于 {major.decided_on} 纳入重大案件管理，但没有列入台账的记录。重大案件应建立台账、定期调度，"
            "请填写 major_case.ledger_entered_on。",
            ("major_case", "decided_on"),
            "第十一条第二款",
            on=major.decided_on,
        )
    if Criterion.SERIOUS_CONSEQUENCE in major.criteria and not major.basis:
        yield warning(
            "art11-basis-missing",
            "按第六项情形（综合考虑确定造成严重后果）纳入重大案件的，应写明综合考虑的污染、破坏程度和社会影响等因素。"
            "请填写 major_case.basis。",
            ("major_case", "criteria"),
            "第十一条第一款第六项",
            on=major.decided_on,
        )
