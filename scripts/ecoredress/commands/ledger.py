"""ecoredress ledger: the registers as an xlsx workbook (重大案件台账, 全部案件, 线索筛查记录, 季度筛查合规)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from ecoredress.commands._arguments import date_argument

    parser = subparsers.add_parser(
        "ledger",
        help="生成台账（xlsx）：重大案件台账、全部案件、线索筛查记录和季度筛查合规",
        description="生成台账工作簿。重大案件台账依据第十一条第二款；线索筛查依据第九条（每季度不少于 1 次）。",
    )
    parser.add_argument(
        "--as-of", type=date_argument, default=None, metavar="YYYY-MM-DD", help="筛查合规检查截至的日期（默认：今天）"
    )
    parser.add_argument("--out", type=Path, default=None, metavar="文件", help="输出文件（默认：build/台账.xlsx）")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ecoredress.project import find_project
    from ecoredress.registers.cases import open_repository, output_path
    from ecoredress.registers.ledger import ledger_tables
    from ecoredress.registers.xlsx import write_workbook

    project = find_project(args.project)
    repo = open_repository(project)
    path = output_path(project, args.out, "台账.xlsx")
    tables = ledger_tables(repo, args.as_of or dt.date.today())
    write_workbook(tables, path)
    print(f"已写入 {path}（{'，'.join(f'{t.title} {len(t.rows)} 行' for t in tables)}）")
    return repo.exit_code
