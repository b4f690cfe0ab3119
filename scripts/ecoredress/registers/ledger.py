"""The registers: the major-case ledger (第十一条第二款), all cases with stage, amounts and next deadline,
and the quarterly screening records with their compliance (第九条)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from ecoredress.model import Case
from ecoredress.model.screening import ScreeningLog
from ecoredress.registers.cases import Repository
from ecoredress.registers.xlsx import Table
from ecoredress.regulation import obligations
from ecoredress.regulation.calendar import CalendarError
from ecoredress.regulation.lifecycle import derive_stage, next_step
from ecoredress.regulation.screening import compliance, project_logs, records

Column = tuple[str, Callable[[Case], Any]]


def _deciding_instrument(case: Case) -> obligations.Instrument | None:
    found = obligations.decision(case)
    return found.instrument if found else None


_IDENTITY: list[Column] = [
    ("案件编号", lambda c: c.id),
    ("案件名称", lambda c: c.title),
    ("赔偿权利人", lambda c: c.jurisdiction.rights_holder),
    ("设区市", lambda c: c.damage.cities),
]
_PROGRESS = ["当前阶段", "下一步", "依据", "下一期限"]
# Every figure as regulation.obligations defines it: the agreed and the judged totals, the one of them that decides
# what is owed (赔偿金额), what of it is owed in money (with a 第二十五条 payment), received, spent and outstanding.
_MONEY: list[Column] = [
    ("评估损害金额（元）", lambda c: c.assessment.damage_amount if c.assessment else None),
    ("协议金额（元）", obligations.agreed),
    ("判决金额（元）", obligations.judged),
    ("赔偿金额（元，有判决的以判决为准）", obligations.decided),
    ("赔偿金额依据", _deciding_instrument),
    ("应缴资金（元，不含以修复履行的项目）", obligations.cash_owed),
    ("已入库（元）", obligations.received),
    ("已支出（元）", obligations.spent),
    ("尚欠（元）", obligations.outstanding),
]


def next_action(case: Case, repo: Repository) -> tuple[str, str, dt.date | str | None]:
    try:
        step = next_step(case, repo.profile, repo.calendar)
    except CalendarError as exc:
        return "无法计算", "第三十九条", str(exc)
    if step is None:
        return "—", "", None
    return step.action, step.article, step.due


def _case_table(title: str, repo: Repository, cases: list[Case], particulars: list[Column]) -> Table:
    """One row per case: who and where, the ``particulars`` of this table, progress, then the money."""
    columns = _IDENTITY + particulars
    table = Table(title, [h for h, _ in columns] + _PROGRESS + [h for h, _ in _MONEY])
    for case in cases:
        progress = [derive_stage(case), *next_action(case, repo)]
        table.rows.append([get(case) for _, get in columns] + progress + [get(case) for _, get in _MONEY])
    return table


def major_ledger(repo: Repository) -> Table:
    particulars: list[Column] = [
        ("重大案件情形", lambda c: c.major_case and c.major_case.criteria),
        ("纳入日期", lambda c: c.major_case and c.major_case.decided_on),
        ("列入台账日期", lambda c: c.major_case and c.major_case.ledger_entered_on),
    ]
    table = _case_table("重大案件台账", repo, [c for c in repo.cases if c.major_case], particulars)
    table.note = "依据第十一条第二款，对重大案件建立台账、定期调度。"
    return table


def all_cases(repo: Repository) -> Table:
    particulars: list[Column] = [
        ("损害类型", lambda c: c.damage.types),
        ("线索来源", lambda c: c.clue.source),
        ("发现日期", lambda c: c.clue.found_on),
        ("重大案件", lambda c: "是" if c.major_case else "否"),
    ]
    return _case_table("全部案件", repo, repo.cases, particulars)


def _screening_logs(repo: Repository) -> list[ScreeningLog]:
    return project_logs(repo.project)


def screening_records(repo: Repository) -> Table:
    table = Table(
        "线索筛查记录",
        ["筛查记录编号", "赔偿权利人", "筛查日期", "组织部门", "筛查渠道", "筛查数量", "发现线索", "启动案件", "说明"],
    )
    for holder, s in records(_screening_logs(repo)):
        table.rows.append(
            [s.id, holder, s.screened_on, s.department, s.channels, s.items_screened, s.clues_found, s.cases, s.note]
        )
    return table


def screening_compliance(repo: Repository, years: list[int], as_of: dt.date) -> Table:
    table = Table("季度筛查合规", ["赔偿权利人", "年度", "季度", "季度末", "筛查次数", "应不少于", "是否合规", "依据"])
    for q in compliance(_screening_logs(repo), repo.profile, years, as_of):
        table.rows.append(
            [
                q.holder,
                q.year,
                f"第{q.quarter}季度",
                q.due,
                q.count,
                q.required,
                "是" if q.compliant else "否（未筛查）",
                q.article,
            ]
        )
    return table


def screening_years(repo: Repository, as_of: dt.date) -> list[int]:
    """Years from the first screening log (or case) up to ``as_of``."""
    logs = _screening_logs(repo)
    firsts = [log.year for log in logs] + [c.clue.found_on.year for c in repo.cases]
    return list(range(min(firsts, default=as_of.year), as_of.year + 1))


def ledger_tables(repo: Repository, as_of: dt.date) -> list[Table]:
    return [
        major_ledger(repo),
        all_cases(repo),
        screening_records(repo),
        screening_compliance(repo, screening_years(repo, as_of), as_of),
    ]
