"""第十六条 调查结论 within 30 days after the investigation ends.

第一款：“赔偿权利人及其指定的部门或机构应当在调查结束后 30日内形成调查结论，提出启动索赔磋商或者终止索赔程序的意见。”
Fact date: the term's due date (``common.timing``).
"""

from __future__ import annotations

from collections.abc import Iterator

from ecoredress.regulation.findings import Finding
from ecoredress.regulation.rules.common import term_of, timing
from ecoredress.regulation.rules.registry import CaseContext, case_check


@case_check
def conclusion_in_time(ctx: CaseContext) -> Iterator[Finding]:
    for term in term_of(ctx, "conclusion"):
        yield from timing(
            term,
            ctx,
            "art16-conclusion",
            "请核对调查结束日期和结论日期，并在案件中说明逾期原因。",
            "请尽快形成调查结论，提出启动索赔磋商或终止索赔的意见，并填写 conclusion。",
        )
