"""ecoredress days: the due date of a period in natural days or working days (第三十九条,
民法典第二百零一条–第二百零四条)."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ecoredress.regulation.calendar import Calendar

WEEKDAYS = "一二三四五六日"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from ecoredress.commands._arguments import date_argument

    parser = subparsers.add_parser(
        "days",
        help="期限计算器：自某日起若干日或若干工作日的到期日",
        description="按《规定》第三十九条和民法典第二百零一条至第二百零四条计算期限：起算日不计入；"
        "自然日期限的最后一日是法定节假日或周末的，顺延至其后第一个工作日；工作日按国务院办公厅节假日安排（含调休上班日）计算。",
    )
    parser.add_argument(
        "--from", dest="start", required=True, type=date_argument, metavar="YYYY-MM-DD", help="起算日（不计入期限）"
    )
    unit = parser.add_mutually_exclusive_group(required=True)
    unit.add_argument("--days", type=int, metavar="N", help="自然日数，如第十条的 30 日、第十八条的 90 日")
    unit.add_argument("--workdays", type=int, metavar="N", help="工作日数，如第十四条的 30 个工作日")
    parser.add_argument("--explain", action="store_true", help="列出期间内跳过的节假日、周末和调休上班日")
    parser.set_defaults(func=run)


def _day(day: dt.date) -> str:
    return f"{day}（星期{WEEKDAYS[day.weekday()]}）"


def run(args: argparse.Namespace) -> int:
    from ecoredress.errors import UserError
    from ecoredress.project import find_project
    from ecoredress.regulation.calendar import load_calendar

    try:
        root = find_project(args.project).root
    except UserError:
        root = None  # the calculator also works outside a case repository (shipped holiday data only)
    calendar = load_calendar(root)
    n = args.workdays if args.workdays is not None else args.days
    if n < 0:
        raise UserError("天数不能为负数。请写 0 或正整数。")
    lines = [f"起算日：{_day(args.start)}，不计入期限"]
    if args.workdays is not None:
        due = calendar.add_workdays(args.start, n)
        lines.append(f"期限：{n} 个工作日")
        natural_end = due
    else:
        natural_end = args.start + dt.timedelta(days=n)
        due = calendar.add_days(args.start, n)
        lines.append(f"期限：{n} 日（自然日）")
        if due != natural_end:
            lines.append(
                f"第 {n} 日为 {_day(natural_end)}，是法定节假日或休息日，顺延至其后第一个工作日（民法典第二百零三条）"
            )
    lines.append(f"到期日：{_day(due)}，当日 24 时届满")
    if args.explain:
        lines.append("")
        lines.extend(_explanation(calendar, args.start, due))
    print("\n".join(lines))
    return 0


def _explanation(calendar: Calendar, start: dt.date, due: dt.date) -> list[str]:
    notes = calendar.explain(start, due)
    skipped = [n for n in notes if not n.workday]
    makeup = [n for n in notes if n.workday]
    out = [f"期间内共 {calendar.workdays_between(start, due)} 个工作日；跳过的非工作日 {len(skipped)} 天："]
    out += [f"  {_day(n.date)}  {n.reason}" for n in skipped] or ["  （无）"]
    out.append(f"调休上班日 {len(makeup)} 天（周末但须上班，计为工作日）：")
    out += [f"  {_day(n.date)}  {n.reason}" for n in makeup] or ["  （无）"]
    return out
