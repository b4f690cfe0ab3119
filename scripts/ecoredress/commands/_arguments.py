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
