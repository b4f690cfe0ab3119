"""Annual work report data (第三十五条): counts by stage, city and type; amounts claimed, agreed,
received and spent; on-time rates of the dated duties; screening compliance.

Everything is counted from the cases as they stood at the end of the year (``case_as_of``),
so a report for a past year does not change when later steps are recorded.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from ecoredress.model import Case
from ecoredress.model.enums import City, DamageType
from ecoredress.registers.cases import Repository
from ecoredress.registers.ledger import screening_compliance
from ecoredress.registers.xlsx import Table
from ecoredress.regulation.asof import case_as_of
from ecoredress.regulation.deadlines import INSTALMENT_ARTICLE, case_terms
from ecoredress.regulation.lifecycle import STAGE_ORDER, derive_stage
from ecoredress.regulation.obligations import money_in_year
from ecoredress.regulation.profile import ParameterKey, Profile

# Families of dated duties (deadlines.Term.duty prefixes): how the report names them, the profile parameters
# whose periods the name shows, and the article.
DUTY_FAMILIES: dict[str, tuple[str, tuple[ParameterKey, ...], str]] = {
    "preliminary-check": ("初步核查", ("preliminary_check.days",), "第十条"),
    "assessment": ("鉴定评估", ("assessment.workdays", "assessment.complex_workdays"), "第十四条"),
    "conclusion": ("调查结论", ("conclusion.days",), "第十六条"),
    "consultation": ("磋商", ("consultation.days",), "第十八条"),
    "referral": ("检察衔接函告", ("referral.reply_days",), "第二十六条"),
    "instalment": ("分期赔偿按期缴纳", (), INSTALMENT_ARTICLE),
    "rectification": ("修复限期整改", (), "第二十四条"),
}


@dataclass(frozen=True)
class AnnualReport:
    year: int
    due_month: int
    tables: list[Table]
    regulation: str  # the profile's regulation, in 《》


def _in_year(day: dt.date | None, year: int) -> bool:
    return day is not None and day.year == year


def report_month(repo: Repository) -> int:
    """The month by which the report is due (第三十五条 leaves it blank): pyproject.toml, else the profile."""
    month: int = repo.project.settings.annual_report_month or repo.profile.get("annual_report.month")
    return month


def build_annual(repo: Repository, year: int, due_month: int) -> AnnualReport:
    end = dt.date(year, 12, 31)
    snapshots = [
        (case, view.case) for case in repo.cases if (view := case_as_of(case, end, repo.profile, repo.calendar))
    ]
    new = [snap for _, snap in snapshots if _in_year(snap.clue.found_on, year)]
    tables = [
        _overview(repo, year, end, snapshots, new),
        _by_stage(snapshots),
        _by_city(snapshots, new),
        _by_type(snapshots, new),
        _amounts(year, [s for _, s in snapshots]),
        _on_time(repo, year, [c for c, _ in snapshots]),
        screening_compliance(repo, [year], end),
    ]
    return AnnualReport(year, due_month, tables, f"《{repo.profile.title}》")


def _overview(repo: Repository, year: int, end: dt.date, snapshots: list[tuple[Case, Case]], new: list[Case]) -> Table:
    stages = [derive_stage(s) for _, s in snapshots]
    closed_in_year = sum(
        1 for (c, s), st in zip(snapshots, stages, strict=False) if st.finished and not _finished_before(repo, c, year)
    )
    return Table(
        "概况",
        ["指标", "数值"],
        [
            ["统计截至", end],
            ["案件总数（截至年末）", len(snapshots)],
            ["本年发现线索的案件", len(new)],
            ["本年办结（结案、终止索赔或不启动索赔）", closed_in_year],
            ["年末在办", sum(1 for st in stages if not st.finished)],
            ["重大案件（截至年末）", sum(1 for _, s in snapshots if s.major_case)],
        ],
    )


def _finished_before(repo: Repository, case: Case, year: int) -> bool:
    prior = case_as_of(case, dt.date(year - 1, 12, 31), repo.profile, repo.calendar)
    return prior is not None and prior.stage.finished


def _by_stage(snapshots: list[tuple[Case, Case]]) -> Table:
    counts = Counter(derive_stage(s) for _, s in snapshots)
    return Table(
        "按阶段",
        ["阶段", "案件数"],
        [[st, counts[st]] for st in STAGE_ORDER if counts[st]],
        note="阶段按年末（12 月 31 日）时的案件记录推定。",
    )


def _by_city(snapshots: list[tuple[Case, Case]], new: list[Case]) -> Table:
    table = _tally("按设区市", "设区市", lambda case: case.damage.cities, list(City), snapshots, new)
    table.note = "跨设区市的案件在所涉每个设区市各计一次。"
    return table


def _by_type(snapshots: list[tuple[Case, Case]], new: list[Case]) -> Table:
    table = _tally("按损害类型", "损害类型", lambda case: case.damage.types, list(DamageType), snapshots, new)
    table.rows = [row for row in table.rows if row[1]]  # every city is listed, but only the types that occur
    table.note = "一个案件涉及多种损害类型的，各计一次。"
    return table


def _tally(
    title: str,
    label: str,
    keys: Callable[[Case], Iterable[StrEnum]],
    order: list[StrEnum],
    snapshots: list[tuple[Case, Case]],
    new: list[Case],
) -> Table:
    """Cases at the year's end and cases new in the year, each counted under every one of its ``keys``."""
    total = Counter(key for _, s in snapshots for key in keys(s))
    fresh = Counter(key for s in new for key in keys(s))
    return Table(title, [label, "案件数（截至年末）", "本年新立案"], [[k, total[k], fresh[k]] for k in order])


def _amounts(year: int, cases: list[Case]) -> Table:
    money = money_in_year(cases, year)
    return Table(
        "金额",
        ["项目", "金额（元）", "口径"],
        [
            [
                "索赔金额",
                money.claimed,
                "本年起诉的诉讼请求金额；未起诉的，本年送达磋商告知书案件的评估损害金额与调查、鉴定评估费用之和",
            ],
            ["协议金额", money.agreed, "本年签订的赔偿协议总额"],
            ["判决金额", money.judged, "本年作出的判决赔偿总额"],
            ["资金入库", money.received, "本年缴入国库的赔偿资金（第三十二条）"],
            ["资金使用", money.spent, "本年支出的赔偿资金（第三十三条公开事项）"],
        ],
    )


def _on_time(repo: Repository, year: int, cases: list[Case]) -> Table:
    """Duties due in the year: done by the due date, done late, or still open after it (late)."""
    stats: dict[str, list[int]] = {family: [0, 0] for family in DUTY_FAMILIES}
    for case in cases:
        for term in case_terms(case, repo.profile, repo.calendar):
            if term.due is None or term.due.year != year:
                continue
            family = next(f for f in DUTY_FAMILIES if term.duty == f or term.duty.startswith(f"{f}-"))
            stats[family][0] += 1
            stats[family][1] += bool(term.done_on and term.done_on <= term.due)
    rows = []
    for family, (due, on_time) in stats.items():
        name, keys, article = DUTY_FAMILIES[family]
        label = _duty_label(repo.profile, name, keys, dt.date(year, 12, 31))
        rate = f"{Decimal(on_time * 100) / Decimal(due):.1f}%" if due else "—"
        rows.append([label, article, due, on_time, due - on_time, rate])
    total_due, total_ok = sum(s[0] for s in stats.values()), sum(s[1] for s in stats.values())
    rows.append(
        [
            "合计",
            "",
            total_due,
            total_ok,
            total_due - total_ok,
            f"{Decimal(total_ok * 100) / Decimal(total_due):.1f}%" if total_due else "—",
        ]
    )
    return Table(
        "按期率",
        ["事项", "依据", "本年到期", "按期完成", "逾期或未完成", "按期率"],
        rows,
        note="统计到期日在本年的法定期限；到期后完成或至今未完成的计为逾期。",
    )


def _duty_label(profile: Profile, name: str, keys: tuple[ParameterKey, ...], on: dt.date) -> str:
    """初步核查（30 日）, 鉴定评估（30/60 个工作日）: the periods in force on ``on``, from the profile."""
    if not keys:
        return name
    periods = [profile.param(key) for key in keys]
    unit = periods[0].unit
    return f"{name}（{'/'.join(str(p.at(on)) for p in periods)} {'个' if unit == '工作日' else ''}{unit}）"


def to_markdown(report: AnnualReport) -> str:
    lines = [
        f"# {report.year} 年度生态环境损害赔偿工作情况（数据）",
        "",
        f"依据{report.regulation}第三十五条，"
        f"于 {report.year} 年 {report.due_month} 月底前报送"
        "自治区负责生态环境损害赔偿工作的领导机构。报送月份为配置项（原文空白）。",
        "",
    ]
    for table in report.tables:
        lines += [f"## {table.title}", "", _md_row(table.headers), _md_row(["---"] * len(table.headers))]
        lines += [_md_row([_md_cell(v) for v in row]) for row in table.rows]
        if table.note:
            lines += ["", f"注：{table.note}"]
        lines.append("")
    return "\n".join(lines)


def _md_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _md_cell(value: object) -> str:
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    if value is None:
        return "—"
    return str(value).replace("|", "\\|")
