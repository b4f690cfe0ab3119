"""ecoredress check: validate case files against the schema and the regulation."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from ecoredress.commands._arguments import add_jobs_argument, date_argument
    from ecoredress.validation.report import FORMATS

    parser = subparsers.add_parser(
        "check",
        help="校验案件文件（结构、日期、金额及《规定》的程序要求）",
        description="校验案件 YAML。退出码：0 无错误（可有警告），1 发现错误，2 用法错误。",
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="路径", help="案件文件或目录（默认：cases/）")
    parser.add_argument("--format", choices=sorted(FORMATS), default="text", help="输出格式（默认 text）")
    parser.add_argument(
        "--as-of", type=date_argument, default=None, metavar="YYYY-MM-DD", help="以该日期为“今天”计算期限"
    )
    add_jobs_argument(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ecoredress.loading.discovery import discover_case_files, discover_screening_files
    from ecoredress.project import find_project
    from ecoredress.validation.report import FORMATS
    from ecoredress.validation.repository import check_files

    project = find_project(args.project)
    targets = args.paths or [project.cases_dir]
    paths, logs = discover_case_files(targets), discover_screening_files(targets)
    report = check_files(
        paths, base=Path.cwd(), as_of=args.as_of, project=project, screening=logs, jobs=args.jobs, keep_cases=False
    )
    sys.stdout.write(FORMATS[args.format](report))
    return 0 if report.valid else 1
