"""Thin command-line entry point: discovers commands, parses arguments, maps errors to exit codes."""

from __future__ import annotations

import argparse
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
        if info.name.startswith("_"):  # a helper the commands share, not a command
            continue
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
