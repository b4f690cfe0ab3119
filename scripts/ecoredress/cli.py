"""Thin command-line entry point: discovers commands, parses arguments, maps errors to exit codes."""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import pkgutil
import sys
from typing import NoReturn

from ecoredress import __version__, commands
from ecoredress.errors import UserError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse with Chinese help headings, Chinese usage errors and exit code 2."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示此帮助并退出")

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "用法：", 1)

    def format_help(self) -> str:
        return super().format_help().replace("usage:", "用法：", 1)

    def error(self, message: str) -> NoReturn:  # noqa: D401 - argparse API
        self.print_usage(sys.stderr)
        for en, zh in _ARGPARSE_PHRASES:
            message = message.replace(en, zh)
        self.exit(EXIT_USAGE, f"{self.prog}: 用法错误：{message}\n运行 `{self.prog} --help` 查看用法。\n")


_ARGPARSE_PHRASES = (
    ("the following arguments are required", "缺少必需参数"),
    ("unrecognized arguments", "无法识别的参数"),
    ("invalid choice", "无效的选项"),
    ("choose from", "可选"),
    ("expected one argument", "需要一个参数值"),
    ("invalid int value", "不是有效的整数"),
    ("argument", "参数"),
)


def date_argument(text: str) -> dt.date:
    """argparse type for dates: a Chinese message for a date that is malformed or does not exist."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期“{text}”无效，请写成真实存在的 YYYY-MM-DD 日期，如 2024-04-03") from None


def positive_count(text: str) -> int:
    """argparse type for a count of processes: a Chinese message for anything but a positive integer."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"“{text}”不是正整数，请写 1、2 这样的进程数")
    return value


def add_jobs_argument(parser: argparse.ArgumentParser) -> None:
    """``--jobs``: how many processes read and check the case files (validation/repository.py)."""
    parser.add_argument(
        "--jobs",
        type=positive_count,
        default=None,
        metavar="N",
        help="并行读取、校验案件文件的进程数（默认：pyproject.toml 中 jobs 的值，未设置时为 CPU 核数）",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(
        prog="ecoredress",
        description="生态环境损害赔偿案件管理与信息公开系统（依据《宁夏回族自治区生态环境损害赔偿管理工作规定》）",
    )
    parser.add_argument("--version", action="version", version=f"ecoredress {__version__}", help="显示版本并退出")
    parser.add_argument(
        "--project", metavar="目录", default=None, help="案件仓库根目录（默认：从当前目录向上查找 pyproject.toml）"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="命令", parser_class=ChineseArgumentParser)
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        importlib.import_module(f"{commands.__name__}.{info.name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        status: int = args.func(args)
        return status
    except UserError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130
