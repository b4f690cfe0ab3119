"""Case text inside Markdown: escaped so that user text can never become markup."""

from __future__ import annotations

import re
import string

from ecoredress.model.types import CJK_CHAR

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


_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_CJK_EDGE = re.compile(CJK_CHAR)


def _joined(lines: list[str]) -> str:
    """Lines of one paragraph as one line: no space where a Chinese character meets the break."""
    text = lines[0]
    for line in lines[1:]:
        glue = "" if _CJK_EDGE.fullmatch(text[-1]) or _CJK_EDGE.fullmatch(line[0]) else " "
        text += glue + line
    return text


def tidy_blocks(markdown: str) -> str:
    """Whatever whitespace a template leaves, every heading and div fence stands alone between blank lines,
    table rows stay together, blank lines end a paragraph, and the lines of a paragraph are joined (a soft
    break between Chinese characters would print as a space). So no template construct can glue a heading
    to a paragraph."""
    markdown = markdown.lstrip()
    match = _FRONT_MATTER.match(markdown)
    head, body = (match.group(0), markdown[match.end() :]) if match else ("", markdown)
    blocks: list[str] = []
    paragraph: list[str] = []
    table: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(_joined(paragraph))
            paragraph.clear()
        if table:
            blocks.append("\n".join(table))
            table.clear()

    for raw in body.split("\n"):
        line = raw.strip()
        if not line:
            if not table:  # rows of one table stay together across blank lines a loop leaves
                flush()
        elif line.startswith((":::", "#")):  # case text never starts so: it is escaped (\#)
            flush()
            blocks.append(line)
        elif line.startswith("|"):
            if paragraph:
                flush()
            table.append(line)
        else:
            if table:
                flush()
            paragraph.append(line)
    flush()
    return head + ("\n" if head else "") + "\n\n".join(blocks) + "\n"
