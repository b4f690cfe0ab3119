"""ecoredress report annual --year YYYY: the annual work report data (第三十五条) as markdown and xlsx."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("report", help="生成报表：年度工作情况数据（第三十五条）")
    kinds = parser.add_subparsers(dest="kind", metavar="报表", required=True)
    annual = kinds.add_parser(
        "annual",
        help="年度工作情况数据（markdown 和 xlsx）",
        description="按年末时的案件记录统计：各阶段、设区市、损害类型的案件数，索赔、协议、入库和使用金额，法定期限按期率，季度筛查情况。",
    )
    annual.add_argument("--year", type=int, required=True, metavar="YYYY", help="报告年度")
    annual.add_argument("--out", type=Path, default=None, metavar="目录", help="输出目录（默认：build/）")
    annual.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ecoredress.errors import UserError
    from ecoredress.project import find_project
    from ecoredress.registers.annual import build_annual, report_month, to_markdown
    from ecoredress.registers.cases import open_repository
    from ecoredress.registers.xlsx import write_workbook

    project = find_project(args.project)
    repo = open_repository(project)
    month = report_month(repo)
    if not 2000 <= args.year <= 2100:
        raise UserError(f"年度 {args.year} 不在合理范围内。请写四位年份，如 --year 2024。")
    report = build_annual(repo, args.year, month)
    base = args.out or project.root / "build"
    base.mkdir(parents=True, exist_ok=True)
    md, xlsx = base / f"年度工作情况-{args.year}.md", base / f"年度工作情况-{args.year}.xlsx"
    md.write_text(to_markdown(report), encoding="utf-8")
    write_workbook(report.tables, xlsx)
    print(f"已写入 {md} 和 {xlsx}")
    return repo.exit_code
