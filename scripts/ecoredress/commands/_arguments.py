"""Argument types the commands share (argparse ``type=`` functions with Chinese messages)."""

from __future__ import annotations

import argparse
import datetime as dt


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
