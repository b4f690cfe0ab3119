"""ecoredress screening: quarterly clue screening compliance (第九条：每季度不少于 1 次)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from ecoredress.commands._arguments import date_argument

    parser = subparsers.add_parser(
        "screening",
        help="检查各赔偿权利人每季度线索筛查情况（第九条）",
        description="读取 cases/screening/ 中的季度筛查记录，检查每个赔偿权利人每个已结束的季度是否至少筛查 1 次。"
        "退出码：0 全部合规，1 有季度未筛查。",
    )
    parser.add_argument(
        "--year", type=int, action="append", metavar="YYYY", help="检查的年度（可多次指定；默认：自最早记录至今）"
    )
    parser.add_argument(
        "--as-of", type=date_argument, default=None, metavar="YYYY-MM-DD", help="以该日期为“今天”（默认：今天）"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ecoredress.loading.discovery import discover_screening_files
    from ecoredress.loading.guarded import limits_from
    from ecoredress.project import find_project
    from ecoredress.registers.cases import open_repository
    from ecoredress.registers.ledger import screening_years
    from ecoredress.regulation.screening import compliance, id_problems, project_logs
    from ecoredress.validation.checker import Report, check_screening_log, display_path
    from ecoredress.validation.report import as_text

    as_of = args.as_of or dt.date.today()
    project = find_project(args.project)
    limits = limits_from(project)
    report = Report(
        [
            check_screening_log(p, display_path(p, Path.cwd()), limits)
            for p in discover_screening_files([project.cases_dir])
        ]
    )
    if not report.valid:
        print(as_text(report), end="")
        print("筛查记录有误，未判断季度筛查是否合规。请先改正以上问题。")
        return 1
    repo = open_repository(project)
    logs = project_logs(repo.project)
    years = sorted(set(args.year)) if args.year else screening_years(repo, as_of)
    statuses = compliance(logs, repo.profile, years, as_of)
    gaps = [q for q in statuses if not q.compliant]
    for q in gaps:
        print(
            f"警告 art9-screening-missing {q.holder} {q.year} 年第 {q.quarter} 季度（截至 {q.due}）筛查 {q.count} 次，"
            f"少于每季度 {q.required} 次。请补做筛查并在 cases/screening/ 中记录。（依据：{q.article}）"
            f"{repo.profile.reference_note(q.due)}"
        )
    for problem in id_problems(logs):
        print(f"警告 art9-screening-id {problem}。")
    print(f"检查了 {len(statuses)} 个季度（{years[0]}–{years[-1]} 年，截至 {as_of}）：{len(gaps)} 个季度未按规定筛查。")
    return 1 if gaps or repo.skipped else 0
