"""The registers: the major-case ledger (第十一条第二款), all cases with stage, amounts and next deadline,
and the quarterly screening records with their compliance (第九条)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ecoredress.model import Case
from ecoredress.registers.cases import Repository
from ecoredress.registers.xlsx import Table
from ecoredress.regulation.calendar import CalendarError
from ecoredress.regulation.lifecycle import derive_stage, next_step
from ecoredress.regulation.obligations import cash_owed
from ecoredress.regulation.screening import compliance, load_logs, records


def _agreed(case: Case) -> Decimal | None:
    return case.agreement.total if case.agreement else None


def _judged(case: Case) -> Decimal | None:
    j = case.litigation.judgment if case.litigation else None
    return j.total if j else None


def next_action(case: Case, repo: Repository) -> tuple[str, str, dt.date | str | None]:
    try:
        step = next_step(case, repo.profile, repo.calendar)
    except CalendarError as exc:
        return "无法计算", "第三十九条", str(exc)
    if step is None:
        return "—", "", None
    return step.action, step.article, step.due


def major_ledger(repo: Repository) -> Table:
    table = Table(
        "重大案件台账",
        [
            "案件编号",
            "案件名称",
            "赔偿权利人",
            "设区市",
            "重大案件情形",
            "纳入日期",
            "列入台账日期",
            "当前阶段",
            "下一步",
            "依据",
            "下一期限",
            "评估损害金额（元）",
            "协议金额（元）",
            "判决金额（元）",
            "已入库（元）",
        ],
    )
    for case in repo.cases:
        if case.major_case is None:
            continue
        action, article, due = next_action(case, repo)
        table.rows.append(
            [
                case.id,
                case.title,
                case.jurisdiction.rights_holder,
                case.damage.cities,
                case.major_case.criteria,
                case.major_case.decided_on,
                case.major_case.ledger_entered_on,
                derive_stage(case),
                action,
                article,
                due,
                case.assessment.damage_amount if case.assessment else None,
                _agreed(case),
                _judged(case),
                case.funds.received if case.funds else None,
            ]
        )
    table.note = "依据第十一条第二款，对重大案件建立台账、定期调度。"
    return table


def all_cases(repo: Repository) -> Table:
    table = Table(
        "全部案件",
        [
            "案件编号",
            "案件名称",
            "赔偿权利人",
            "设区市",
            "损害类型",
            "线索来源",
            "发现日期",
            "重大案件",
            "当前阶段",
            "下一步",
            "依据",
            "下一期限",
            "评估损害金额（元）",
            "协议金额（元）",
            "判决金额（元）",
            "应缴资金（元）",
            "已入库（元）",
            "已支出（元）",
        ],
    )
    for case in repo.cases:
        action, article, due = next_action(case, repo)
        table.rows.append(
            [
                case.id,
                case.title,
                case.jurisdiction.rights_holder,
                case.damage.cities,
                case.damage.types,
                case.clue.source,
                case.clue.found_on,
                "是" if case.major_case else "否",
                derive_stage(case),
                action,
                article,
                due,
                case.assessment.damage_amount if case.assessment else None,
                _agreed(case),
                _judged(case),
                cash_owed(case),
                case.funds.received if case.funds else None,
                case.funds.spent if case.funds else None,
            ]
        )
    return table


def screening_records(repo: Repository) -> Table:
    table = Table(
        "线索筛查记录",
        ["筛查记录编号", "赔偿权利人", "筛查日期", "组织部门", "筛查渠道", "筛查数量", "发现线索", "启动案件", "说明"],
    )
    for holder, s in records(load_logs(repo.project.cases_dir / "screening")):
        table.rows.append(
            [s.id, holder, s.screened_on, s.department, s.channels, s.items_screened, s.clues_found, s.cases, s.note]
        )
    return table


def screening_compliance(repo: Repository, years: list[int], as_of: dt.date) -> Table:
    table = Table("季度筛查合规", ["赔偿权利人", "年度", "季度", "季度末", "筛查次数", "应不少于", "是否合规", "依据"])
    for q in compliance(load_logs(repo.project.cases_dir / "screening"), repo.profile, years, as_of):
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
    logs = load_logs(repo.project.cases_dir / "screening")
    firsts = [log.year for log in logs] + [c.clue.found_on.year for c in repo.cases]
    return list(range(min(firsts, default=as_of.year), as_of.year + 1))


def ledger_tables(repo: Repository, as_of: dt.date) -> list[Table]:
    return [
        major_ledger(repo),
        all_cases(repo),
        screening_records(repo),
        screening_compliance(repo, screening_years(repo, as_of), as_of),
    ]
