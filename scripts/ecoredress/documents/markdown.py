"""Case text inside Markdown: escaped so that user text can never become markup."""

from __future__ import annotations

import re
import string

# Punctuation that never starts Markdown markup inside a line; everything else ASCII is escaped.
_INERT = ",/%;?."
_SPECIAL = re.compile("([" + re.escape("".join(c for c in string.punctuation if c not in _INERT)) + "])")
_LIST_NUMBER = re.compile(r"^(\d+)\.")  # "2024. ..." at the start would open an ordered list
_LINE_BREAKS = re.compile(r"\s*\n\s*")


def escape_markdown(text: str) -> str:
    """Backslash-escape Markdown punctuation and fold line breaks, so case text stays literal text.

    Pandoc's Markdown accepts a backslash before any ASCII punctuation, so ``* # | < $ [`` and
    a leading ``1.`` or ``-`` all stay literal text, and a blank line cannot start a new block.
    """
    folded = _LINE_BREAKS.sub(" ", text.strip())
    return _LIST_NUMBER.sub(r"\1\\.", _SPECIAL.sub(r"\\\1", folded))
