"""The procedure timeline of a published case, and the articles of the regulation it applied.

Both are read from the already masked and filtered public data, so they can only show what is published.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

from ecoredress.model.enums import AssessmentMode, ClueSource, ConsultationProcedure

Label = str | Callable[[dict[str, Any]], str]

# The article under which a clue reaches the rights-holder: its own screening (第九条) unless another body
# referred it — the procuratorate (第二十六条), enforcement departments (第二十八条), inspection (第三十一条).
CLUE_ARTICLES = {
    ClueSource.PROCURATORATE: "第二十六条",
    ClueSource.SUPERVISION: "第二十八条",
    ClueSource.ADMIN_PENALTY: "第二十八条",
    ClueSource.INSPECTION: "第三十一条",
}


def _clue_article(clue: dict[str, Any]) -> str:
    return CLUE_ARTICLES.get(ClueSource(clue["source"]), "第九条")


def _assessment_article(assessment: dict[str, Any]) -> str:
    """A simplified assessment (expert opinion, comprehensive finding) is 第十五条, a commissioned one 第十四条."""
    return "第十五条" if AssessmentMode(assessment["mode"]).simplified else "第十四条"


# (commission, report) labels of each assessment mode (第十四条第一款, 第十五条第二款第一项、第二项).
ASSESSMENT_LABELS = {
    AssessmentMode.SOLE_COMMISSION: ("委托鉴定评估", "出具鉴定意见或鉴定评估报告"),
    AssessmentMode.JOINT_COMMISSION: ("共同委托鉴定评估", "出具鉴定意见或鉴定评估报告"),
    AssessmentMode.EXPERT_OPINION: ("委托专家评估", "出具专家意见"),
    AssessmentMode.COMPREHENSIVE: ("开始综合认定", "作出综合认定"),
}


# (path to a date, label, article). "[]" walks a list; a callable label or article reads the item holding the date.
EVENTS: tuple[tuple[str, Label, Label], ...] = (
    ("clue.found_on", "发现损害线索", _clue_article),
    ("preliminary_check.completed_on", "完成初步核查", "第十条"),
    ("preliminary_check.claim_started_on", "启动索赔程序", "第十条"),
    ("major_case.decided_on", "纳入重大案件管理", "第十一条"),
    ("investigation.started_on", "开始损害调查", "第十三条"),
    ("investigation.ended_on", "损害调查结束", "第十三条"),
    ("assessment.commissioned_on", lambda a: ASSESSMENT_LABELS[AssessmentMode(a["mode"])][0], _assessment_article),
    ("assessment.report_on", lambda a: ASSESSMENT_LABELS[AssessmentMode(a["mode"])][1], _assessment_article),
    ("conclusion.concluded_on", lambda c: f"形成调查结论：{c['decision']}", "第十六条"),
    ("claim_end.decided_on", "决定终止索赔", "第十二条"),
    ("consultation.notice.served_on", "送达索赔磋商告知书", "第十六条"),
    ("consultation.started_on", "开始索赔磋商", "第十八条"),
    ("consultation.meetings[].held_on", lambda m: f"第{m['round']}次磋商会议", "第十八条"),
    ("consultation.ended_on", lambda c: f"磋商结束：{c['outcome']}", "第十八条"),
    ("agreement.signed_on", "签署赔偿协议", "第十九条"),
    ("agreement.judicial_confirmation.applied_on", "申请司法确认", "第十九条"),
    ("agreement.judicial_confirmation.ruled_on", "法院作出司法确认裁定", "第十九条"),
    ("agreement.fully_performed_on", "赔偿协议履行完毕", "第十九条"),
    ("litigation.filed_on", "提起生态环境损害赔偿诉讼", "第十九条"),
    ("litigation.judgment.ruled_on", "法院作出判决", "第十九条"),
    ("litigation.enforcement.applied_on", "申请强制执行", "第十九条"),
    ("litigation.enforcement.concluded_on", "执行终结", "第十九条"),
    ("restoration.plan.filed_on", "修复方案备案", "第二十三条"),
    ("restoration.implementation.started_on", "修复工程开工", "第二十三条"),
    ("restoration.implementation.completed_on", "修复工程完工", "第二十三条"),
    ("restoration.changes[].applied_on", "申请变更修复方案", "第二十四条"),
    (
        "restoration.evaluations[].evaluated_on",
        lambda e: "修复效果评估" + ("通过" if e["passed"] else "未通过"),
        "第二十三条",
    ),
    ("restoration.end.approved_on", "同意终止修复", "第二十五条"),
    ("funds.receipts[].received_on", "赔偿资金缴入国库", "第三十二条"),
    ("funds.expenditures[].spent_on", "赔偿资金使用", "第三十三条"),
    ("referrals[].referred_on", lambda r: r["direction"], "第二十六条"),
    ("disclosure.decided_on", "作出信息公开决定", "第三十三条"),
)

# Articles shown as applied when a section is published, beyond those of the timeline.
SECTION_ARTICLES: tuple[tuple[str, str], ...] = (
    ("jurisdiction", "第五条"),
    ("obligors", "第六条"),
    ("agreement.instalments[]", "第二十一条"),
    ("punitive", "第二十二条"),
    ("restoration.mode", "第二十条"),
    ("funds", "第三十二条"),
)


def _nodes(node: Any, parts: list[str]) -> Iterator[Any]:
    """The values at a dotted path below ``node``; a part ending in "[]" walks a list."""
    if not parts:
        yield node
        return
    head = parts[0]
    value = node.get(head.removesuffix("[]")) if isinstance(node, dict) else None
    for item in (value or []) if head.endswith("[]") else [value]:
        if item is not None:
            yield from _nodes(item, parts[1:])


def timeline(data: dict[str, Any]) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    for path, label, article in EVENTS:
        *holder_path, key = path.split(".")
        for holder in _nodes(data, holder_path):
            on = holder.get(key) if isinstance(holder, dict) else None
            if isinstance(on, dt.date):
                events.append({"date": on, "event": _text(label, holder), "article": _text(article, holder)})
    events.sort(key=lambda e: e["date"])  # stable: same-day events keep procedural order
    return events


def _text(value: Label, holder: dict[str, Any]) -> str:
    return value(holder) if callable(value) else value


def article_number(article: str) -> int:
    """第二十三条 → 23, for ordering."""
    import cn2an  # slow to import (presentation.formatting)

    return int(cn2an.cn2an(article.removeprefix("第").removesuffix("条"), "smart"))


def applied_articles(data: dict[str, Any], events: list[dict[str, Any]]) -> list[str]:
    articles = {e["article"] for e in events}
    for path, article in SECTION_ARTICLES:
        if any(value not in ([], "") for value in _nodes(data, path.split("."))):
            articles.add(article)
    assessment = data.get("assessment")
    if assessment:
        articles.add(_assessment_article(assessment))
    consultation = data.get("consultation")
    if consultation and consultation["procedure"] == ConsultationProcedure.SIMPLIFIED:
        articles.add("第十七条")
    return sorted(articles, key=article_number)
