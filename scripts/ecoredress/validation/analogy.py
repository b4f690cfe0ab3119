"""Non-retroactivity: a rule judges a fact by the instrument in force on the fact's date.

立法法第一百零四条：法律、行政法规、地方性法规、自治条例和单行条例、规章不溯及既往（a normative document such as
宁环规发〔2024〕4号 all the more). Each rule finding carries ``fact_on``, the date of the fact it judges. A fact dated
before the profile's own regulation took effect is checked by analogy (参照): the duty the rule encodes did not exist
then in that form, so the finding is at most a warning, never an error, and its message says so and names the
instrument then in force (``Profile.governing``). Where the profile records a verified counterpart article in that
instrument for every part of the cited article (``Profile.citation``), the finding cites it instead; otherwise it keeps
the profile's article, marked 参照, because citing an earlier instrument for a condition nobody has checked it contains
would invent a legal basis.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from ecoredress.regulation.findings import Finding, Severity

if TYPE_CHECKING:
    from ecoredress.regulation.profile import Profile

# Findings that cite an article but judge no dated fact of the case, and why.
UNDATED = {
    "art39-calendar-year-missing": "说的是本工具缺少某年的节假日数据，不是对案件事实的判断",
    "art14-commission-date-missing": "指出的正是委托书生效日期没有记录，没有可据以判断的日期",
    "department-particulars-missing": "判断的是案件仓库现在的设置（部门的住所、负责人），不是案件中有日期的事实；"
    "所引民事诉讼法条款按起诉状的日期确定",
}
# Findings whose basis is not the profile's regulation, and why its non-retroactivity does not touch them.
OTHER_BASIS = {
    "doc-number-missing": "依据国家标准 GB/T 9704-2012（2012-07-01 起实施），不是本规定或此前文件的条款",
    "defendant-address-missing": "依据民事诉讼法，所引条款按起诉状的日期确定，不是本规定或此前文件的条款",
}


def in_time(finding: Finding, profile: Profile) -> Finding:
    """``finding`` as the instrument in force on its fact's date allows: unchanged on or after the profile's
    regulation took effect or when it rests on another basis (``OTHER_BASIS``), else applied by analogy."""
    if finding.article is None or finding.fact_on is None or finding.code in OTHER_BASIS:
        return finding
    if finding.fact_on >= profile.in_force_from:
        return finding
    cited = verified_counterpart(profile, finding.article, finding.fact_on)
    severity = Severity.WARNING if finding.severity is Severity.ERROR else finding.severity
    note = analogy_note(profile, finding.article, finding.fact_on, cited, severity is not finding.severity)
    return replace(
        finding,
        severity=severity,
        message=finding.message + note,
        article=cited or finding.article,
        analogy=finding.article,
    )


def verified_counterpart(profile: Profile, article: str, on: dt.date) -> str | None:
    """The citation of ``article`` in the instrument in force on ``on`` when every part of it has a verified
    counterpart there, else None."""
    citations = [profile.citation(part, on) for part in article.split("、")]
    found = [c for c in citations if c is not None and c.article is not None]
    if len(found) < len(citations):
        return None
    numbers = dict.fromkeys(c.article for c in found if c.article is not None)
    return found[0].instrument.name + "、".join(numbers)


def analogy_note(profile: Profile, article: str, on: dt.date, cited: str | None, downgraded: bool) -> str:
    governing = profile.governing(on)
    then = f"当时施行{cited or governing.name}" if governing else "当时尚无生态环境损害赔偿的专门规定"
    level = "，不作为错误" if downgraded else ""
    return (
        f"（参照：该事实发生于 {on}，早于{profile.reference}施行日 {profile.in_force_from}，{then}；"
        f"依不溯及既往原则（立法法第一百零四条），仅参照{profile.reference}{article}检查{level}。）"
    )
