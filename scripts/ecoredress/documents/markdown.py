"""Case text inside Markdown: escaped so that user text can never become markup."""

from __future__ import annotations

import re
import string

_SPECIAL = re.compile("([" + re.escape(string.punctuation) + "])")
_LINE_BREAKS = re.compile(r"\s*\n\s*")


def escape_markdown(text: str) -> str:
    """Backslash-escape every ASCII punctuation mark and fold line breaks into one paragraph.

    Pandoc's Markdown accepts a backslash before any ASCII punctuation, so ``* # | < $ [`` and
    a leading ``1.`` or ``-`` all stay literal text.
    """
    return _SPECIAL.sub(r"\\\1", _LINE_BREAKS.sub(" ", text.strip()))
