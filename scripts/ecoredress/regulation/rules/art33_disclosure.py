"""第三十三条 信息公开: an agreement, a judgment, fund use and the restoration effect, once they exist, are disclosed
unless a lawful ground to withhold them is recorded.

第三十三条：“生态环境损害调查、鉴定评估、修复方案编制等工作中涉及公共利益的重大事项，生态环境损害赔偿协议、诉讼裁判文书、
赔偿资金使用情况和生态环境修复效果等信息，应当依法向社会公开。” The major matters of the first half are a judgement
("涉及公共利益的重大事项") the file cannot make, so only the four named items are checked. Fact date: the fact that
made the item disclosable (``facts_to_disclose``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ecoredress.model import Case
from ecoredress.model.enums import PublicItem
from ecoredress.regulation.findings import Finding, warning
from ecoredress.regulation.rules.registry import CaseContext, case_check


def facts_to_disclose(case: Case) -> Iterator[tuple[PublicItem, str, dt.date]]:
    """Each item of 第三十三条 the case has a fact for: the item, the fact, and the date it came into being."""
    if case.agreement:
        yield PublicItem.AGREEMENT, "赔偿协议签署", case.agreement.signed_on
    judgment = case.litigation.judgment if case.litigation else None
    if judgment:
        yield PublicItem.JUDGMENT, "法院作出判决", judgment.ruled_on
    if case.funds and case.funds.expenditures:
        yield PublicItem.FUND_USE, "首次使用赔偿资金", min(e.spent_on for e in case.funds.expenditures)
    evaluations = case.restoration.evaluations if case.restoration else []
    if evaluations:
        yield PublicItem.RESTORATION_EFFECT, "首次修复效果评估", min(e.evaluated_on for e in evaluations)


@case_check
def disclosed(ctx: CaseContext) -> Iterator[Finding]:
    d = ctx.case.disclosure
    withheld = {w.item for w in d.withheld}
    for item, fact, on in facts_to_disclose(ctx.case):
        if (d.publish and item in d.items) or item in withheld:
            continue
        where = "案件尚未作出公开决定（disclosure.publish 为 false）" if not d.publish else "公开事项中没有列明该项"
        yield warning(
            "art33-not-disclosed",
            f"“{item}”应当依法向社会公开，但{where}；{fact}于 {on}，至 {ctx.as_of} 已 {(ctx.as_of - on).days} 日。"
            f"请作出公开决定并在 disclosure.items 中列明“{item}”；确因国家秘密、商业秘密、个人隐私等法定理由不公开的，"
            "请在 disclosure.withheld 中记录事项、理由和说明。",
            ("disclosure", "items" if d.publish else "publish"),
            "第三十三条",
            on=on,
        )
