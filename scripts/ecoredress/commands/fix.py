"""ecoredress fix: rewrite loosely typed 发文字号, dates, amounts and identifiers in their standard form."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "fix",
        help="自动改正可确定的书写格式（发文字号、日期、金额、证件号码），保留注释和顺序",
        description=(
            "把宁环赔[2024]第03号、2024年4月3日、1,272,400.00 或 127.24万元、小写或全角的证件号码等写法改为标准写法。"
            "只改这几类值，注释、键的顺序、引号和换行符保持不变。加 --check 时只列出、不修改，有待改正时退出码为 1。"
        ),
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="路径", help="案件文件或目录（默认：cases/）")
    parser.add_argument("--check", action="store_true", help="只列出待改正之处，不修改文件")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import sys

    from ruamel.yaml.error import YAMLError

    from ecoredress.confined import RefusedFile
    from ecoredress.editing.fix import fix_file
    from ecoredress.loading.discovery import discover_case_files
    from ecoredress.loading.guarded import InputRejected, limits_from
    from ecoredress.project import find_project
    from ecoredress.validation.checker import display_path, syntax_finding
    from ecoredress.validation.report import text_line

    project = find_project(args.project)
    limits = limits_from(project)
    total = files = skipped = 0
    for path in discover_case_files(args.paths or [project.cases_dir]):
        shown = display_path(path, Path.cwd())
        try:
            fixes = fix_file(path, write=not args.check, limits=limits)
        except (YAMLError, UnicodeDecodeError, InputRejected, RefusedFile) as exc:
            # The policy of validation/repository.py: a file that cannot be used is skipped, located, on stderr.
            if isinstance(exc, YAMLError):
                problem = text_line(syntax_finding(exc, shown))
            elif isinstance(exc, InputRejected):
                problem = exc.located(shown)
            elif isinstance(exc, UnicodeDecodeError):
                problem = f"{shown}:1:1: 文件不是 UTF-8 编码（第 {exc.start} 字节）。请用 UTF-8 另存。"
            else:
                problem = f"{shown}:1:1: {exc}"
            print(f"{problem}\n{shown}: 已跳过，未作修改。", file=sys.stderr)
            skipped += 1
            continue
        for fix in fixes:
            verb = "可改正" if args.check else "已改正"
            print(f"{shown}:{fix.line}:{fix.column}: {verb} {fix.what}：{fix.before} → {fix.after}")
        total += len(fixes)
        files += bool(fixes)
    if args.check:
        print(f"{files} 个文件中有 {total} 处可自动改正。" + ("运行 ecoredress fix 改正。" if total else ""))
        return 1 if total or skipped else 0
    print(
        f"已在 {files} 个文件中改正 {total} 处。"
        + ("请运行 ecoredress check 复核，并用 git diff 查看改动。" if total else "")
    )
    return 1 if skipped else 0
