"""ecoredress deadlines: every open statutory duty with its due date, as a table, JSON or a calendar file."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from ecoredress.commands._arguments import date_argument

    parser = subparsers.add_parser(
        "deadlines",
        help="列出所有待办的法定期限（案件、事项、依据、到期日、剩余或逾期天数）",
        description="列出各案件尚未完成的法定期限。ics 格式可导入 Outlook、WPS 或手机日历，每项期限的 UID 固定，"
        "重复导入会更新而不会重复。",
    )
    parser.add_argument(
        "--as-of", type=date_argument, default=None, metavar="YYYY-MM-DD", help="以该日期为“今天”（默认：今天）"
    )
    parser.add_argument(
        "--within", type=int, default=None, metavar="天数", help="只列出该天数内到期的（已逾期的总会列出）"
    )
    parser.add_argument("--format", choices=["table", "json", "ics"], default="table", help="输出格式（默认 table）")
    parser.add_argument("--out", type=Path, default=None, metavar="文件", help="写入文件而不是标准输出")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ecoredress.project import find_project
    from ecoredress.registers.cases import open_repository
    from ecoredress.registers.duties import FORMATS, open_duties

    as_of = args.as_of or dt.date.today()
    repo = open_repository(find_project(args.project))
    text = FORMATS[args.format](open_duties(repo, as_of, args.within), as_of)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8", newline="")  # ics already has CRLF line ends
        print(f"已写入 {args.out}")
    else:
        sys.stdout.write(text)
    return repo.exit_code
