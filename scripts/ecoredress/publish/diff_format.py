"""Output of ``site diff``: Chinese text for the terminal, Markdown for the CI job summary, JSON for tools."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ecoredress.presentation.markdown import escape_markdown

if TYPE_CHECKING:  # the CLI imports this module to list the formats: keep it light
    from ecoredress.publish.diff import DisclosureDiff, FieldChange
    from ecoredress.publish.projection import PublishedCase, PublishedDocument

DIFF_REPORT_VERSION = 1
MAX_TEXT = 60  # long free text is cut in listings; the full text is in the site preview


def value_text(value: Any) -> str:
    if value is None or value == ():
        return "（无）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return f"{value:,.2f} 元"
    if isinstance(value, (dt.date, int)):
        return str(value)
    if isinstance(value, tuple):
        return "、".join(value_text(v) for v in value)
    text = " ".join(str(value).split())
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT] + "…"


def _case_line(case: PublishedCase) -> str:
    amount = f"，赔偿金额 {value_text(case.amount)}" if case.amount is not None else ""
    return f"{case.id} {case.title}（{case.stage}{amount}）"


def _document_line(case_id: str, document: PublishedDocument) -> str:
    return f"{case_id} {document.kind} {document.doc_no or '（无文号）'}（{document.issued_on}）"


def _change_line(change: FieldChange) -> str:
    mark = "【金额】" if change.is_amount else ""
    return f"{mark}{change.label}：{value_text(change.old)} → {value_text(change.new)}"


def as_text(diff: DisclosureDiff) -> str:
    lines = [f"信息公开变化（{diff.base} → 当前工作区）："]
    if diff.empty:
        lines.append("  本次修改不改变公开内容。")
    sections = (
        ("新公开案件", [_case_line(c) for c in diff.published], "件", "+"),
        ("撤回公开的案件", [_case_line(c) for c in diff.withdrawn], "件", "-"),
        ("新公开文书", [_document_line(i, d) for i, d in diff.new_documents], "份", "+"),
        ("撤回公开的文书", [_document_line(i, d) for i, d in diff.withdrawn_documents], "份", "-"),
    )
    for title, items, unit, mark in sections:
        if items:
            lines.append(f"{title} {len(items)} {unit}：")
            lines += [f"  {mark} {item}" for item in items]
    if diff.changed:
        lines.append(f"公开内容有变化的案件 {len(diff.changed)} 件：")
        for case_id, (case, changes) in diff.changed.items():
            lines.append(f"  * {case_id} {case.title}")
            lines += [f"      {_change_line(c)}" for c in changes]
    lines += _unreadable(diff, "  ")
    return "\n".join(lines) + "\n"


def as_markdown(diff: DisclosureDiff) -> str:
    lines = [f"### 信息公开变化（对比 `{diff.base}`）", ""]
    if diff.empty:
        lines += ["本次修改不改变公开内容。", ""]
    tables = (
        ("新公开案件", diff.published, "件"),
        ("撤回公开的案件", diff.withdrawn, "件"),
    )
    for title, cases, unit in tables:
        if cases:
            lines += [
                f"**{title}**（{len(cases)} {unit}）",
                "",
                "| 案件编号 | 案件名称 | 办理阶段 | 赔偿金额 |",
                "| --- | --- | --- | --: |",
            ]
            lines += [f"| {c.id} | {_cell(c.title)} | {c.stage} | {value_text(c.amount)} |" for c in cases]
            lines.append("")
    if diff.changed:
        lines += [
            f"**公开内容有变化的案件**（{len(diff.changed)} 件）",
            "",
            "| 案件编号 | 字段 | 原公开内容 | 新公开内容 |",
            "| --- | --- | --- | --- |",
        ]
        for case_id, (_, changes) in diff.changed.items():
            for c in changes:
                label = f"**{_cell(c.label)}**" if c.is_amount else _cell(c.label)
                lines.append(f"| {case_id} | {label} | {_cell(value_text(c.old))} | {_cell(value_text(c.new))} |")
        lines.append("")
    documents = (("新公开文书", diff.new_documents), ("撤回公开的文书", diff.withdrawn_documents))
    for title, items in documents:
        if items:
            lines += [
                f"**{title}**（{len(items)} 份）",
                "",
                "| 案件编号 | 文书种类 | 发文字号 | 发文日期 |",
                "| --- | --- | --- | --- |",
            ]
            lines += [f"| {i} | {d.kind} | {_cell(d.doc_no or '（无文号）')} | {d.issued_on} |" for i, d in items]
            lines.append("")
    lines += _unreadable(diff, "- ")
    return "\n".join(lines).rstrip("\n") + "\n"


def as_json(diff: DisclosureDiff) -> str:
    def case(c: PublishedCase) -> dict[str, Any]:
        return {"id": c.id, "title": c.title, "stage": c.stage, "amount": _plain(c.amount)}

    def document(case_id: str, d: PublishedDocument) -> dict[str, Any]:
        return {"case": case_id, "kind": str(d.kind), "doc_no": d.doc_no, "issued_on": d.issued_on.isoformat()}

    payload = {
        "version": DIFF_REPORT_VERSION,
        "base": diff.base,
        "published": [case(c) for c in diff.published],
        "withdrawn": [case(c) for c in diff.withdrawn],
        "changed": [
            {
                "id": case_id,
                "changes": [
                    {
                        "path": ".".join(map(str, c.path)),
                        "label": c.label,
                        "amount": c.is_amount,
                        "old": _plain(c.old),
                        "new": _plain(c.new),
                    }
                    for c in changes
                ],
            }
            for case_id, (_, changes) in diff.changed.items()
        ],
        "new_documents": [document(i, d) for i, d in diff.new_documents],
        "withdrawn_documents": [document(i, d) for i, d in diff.withdrawn_documents],
        "unreadable": diff.unreadable,
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _plain(value: Any) -> Any:
    """JSON value: exact amounts as strings ("1272400.00"), dates as ISO text, enums as their Chinese value."""
    if isinstance(value, (Decimal, dt.date)):
        return str(value)
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return getattr(value, "value", value)


def _cell(text: str) -> str:
    # Case text in a job summary must stay text: no link, emphasis or table break can come from a title.
    return escape_markdown(text)


def _unreadable(diff: DisclosureDiff, bullet: str) -> list[str]:
    if not diff.unreadable:
        return []
    return [
        f"{bullet}以下文件无法读取或未通过结构校验，未计入对比（请运行 ecoredress check 查看原因）："
        f"{'、'.join(diff.unreadable)}"
    ]


FORMATS = {"text": as_text, "markdown": as_markdown, "json": as_json}
