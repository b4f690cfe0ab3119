"""ecoredress new: scaffold a case file with the next free id."""

from __future__ import annotations

import argparse
import datetime as dt
import sys


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from ecoredress.commands._arguments import date_argument

    parser = subparsers.add_parser(
        "new",
        help="新建案件文件（自动取下一个可用编号）",
        description="在 cases/ 下生成带注释的新案件文件，编号为“权利人代码-年份-下一个序号”。"
        "生成的文件可直接通过 check。",
    )
    parser.add_argument(
        "--holder", required=True, metavar="权利人", help="赔偿权利人：NX、YC、SZS、WZ、GY、ZW 或其名称（如 银川）"
    )
    parser.add_argument(
        "--found-on",
        type=date_argument,
        default=None,
        metavar="YYYY-MM-DD",
        help="发现线索日期（默认今天；编号年份取该日期的年份）",
    )
    parser.add_argument("--title", default=None, metavar="案件名称", help="案件名称")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ecoredress.editing.scaffold import create_case_file, holder_from_text
    from ecoredress.project import find_project
    from ecoredress.validation.checker import check_files
    from ecoredress.validation.report import as_text

    project = find_project(args.project)
    found_on = args.found_on or dt.date.today()
    target = create_case_file(project, holder_from_text(args.holder), found_on, args.title)
    print(f"已新建 {target.relative_to(project.root)}")
    report = check_files([target], base=project.root, as_of=max(found_on, dt.date.today()), project=project)
    if not report.valid:  # a broken template in templates/case/ must not go unnoticed
        sys.stdout.write(as_text(report))
        return 1
    print("下一步：按文件中的注释补充案情，然后运行 ecoredress check。")
    return 0
