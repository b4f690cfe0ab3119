"""ecoredress render: issue the documents each case calls for, as GB/T 9704 docx and pdf."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _formats(text: str) -> tuple[str, ...]:
    from ecoredress.documents.renderer import FORMATS

    chosen = tuple(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"格式只能是 {','.join(FORMATS)}，收到“{text}”")
    return chosen


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from ecoredress.documents.annual import ANNUAL_KEY, ANNUAL_NAME
    from ecoredress.documents.settings import default_jobs
    from ecoredress.regulation.document_kinds import SPECS

    # One kind a line, never wrapped: argparse would otherwise break keys such as claim-start at the hyphen.
    kinds = [(s.key, f"{s.kind.value}（{s.articles}）") for s in SPECS]
    kinds.append((ANNUAL_KEY, f"{ANNUAL_NAME}（第三十五条，须配合 --year）"))
    width = max(len(key) for key, _ in kinds)
    parser = subparsers.add_parser(
        "render",
        help="生成法律文书（GB/T 9704 格式的 docx 和 pdf）",
        description="按案件所处阶段生成应当出具的文书；用 --kind 只生成指定种类。未变化的文书不重复生成。",
        epilog="文书种类：\n" + "\n".join(f"  {key:<{width}}  {name}" for key, name in kinds),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("cases", nargs="*", metavar="案件", help="案件文件、目录或案件编号（默认：全部案件）")
    parser.add_argument(
        "--kind", action="append", metavar="种类", help="只生成这些种类（英文键或中文名，可重复或用逗号分隔）"
    )
    parser.add_argument(
        "--to", type=_formats, default=("docx", "pdf"), metavar="docx,pdf", help="输出格式（默认 docx,pdf）"
    )
    parser.add_argument("--out", type=Path, default=None, metavar="目录", help="输出目录（默认 build/documents）")
    parser.add_argument(
        "--jobs",
        type=int,
        default=default_jobs(),
        metavar="N",
        help=f"并行的 pandoc 批处理进程数（默认 {default_jobs()}，即 CPU 核数，最多 4）",
    )
    parser.add_argument("--year", type=int, default=None, metavar="YYYY", help="年度工作报告的年份")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ecoredress.documents.annual import annual_jobs
    from ecoredress.documents.plan import plan_jobs
    from ecoredress.documents.renderer import render_documents
    from ecoredress.documents.selection import parse_kinds, selected_cases
    from ecoredress.documents.settings import document_settings
    from ecoredress.errors import UserError
    from ecoredress.project import find_project
    from ecoredress.regulation.calendar import load_calendar
    from ecoredress.regulation.profile import project_profile
    from ecoredress.regulation.screening import project_logs

    project = find_project(args.project)
    settings = document_settings(project)
    templates = project.template_folder("documents")
    case_keys, annual = parse_kinds(args.kind)
    if annual and args.year is None:
        raise UserError("生成年度工作报告须用 --year 指定年份，例如 --kind annual-report --year 2024。")
    loaded = selected_cases(project, args.cases)
    if not loaded.cases:  # every file named was skipped, and reported
        return loaded.exit_code
    cases = loaded.cases
    profile, calendar = project_profile(project), load_calendar(project.root)
    departments = project.settings.departments
    jobs = plan_jobs(cases, profile, calendar, templates, case_keys, departments) if case_keys != set() else []
    if annual:
        month = project.settings.annual_report_month
        jobs += annual_jobs(cases, project_logs(project), args.year, profile, calendar, templates, month)
    if not jobs and args.kind:
        raise UserError("所选种类的文书不适用于所选案件（案件尚未进行到出具该文书的环节）。请核对 --kind 或案件。")
    if not jobs:  # e.g. a case just created with `ecoredress new`: nothing to issue yet is not an error
        print("所选案件目前没有需要出具的文书（案件尚未进行到出具文书的环节）。")
        return loaded.exit_code
    out_dir = args.out or settings.out_dir
    result = render_documents(jobs, settings, templates, out_dir, args.to, max(1, args.jobs))
    sys.stdout.write(
        f"文书 {result.documents} 份：生成 {len(result.rendered)} 个文件，"
        f"{len(result.skipped)} 个未变化已跳过。清单：{result.manifest}\n"
    )
    return loaded.exit_code
