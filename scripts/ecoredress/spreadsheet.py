"""Text a spreadsheet must not take for a formula (OWASP "CSV Injection", ASVS 1.2.10).

Excel, LibreOffice Calc and Google Sheets evaluate a cell whose text begins with = + - or @; a leading tab,
carriage return, line feed or NUL may be dropped on import and expose what follows. A case title
``=HYPERLINK("http://…","点击查看详情")`` would otherwise become a live link in the ledger. The full-width forms
＝＋－＠ are
included as a precaution (an input method may turn them into the ASCII ones when a cell is edited).

- xlsx (registers/xlsx.py): every text is written as a text cell, never as a formula, and a text beginning
  with one of these characters also gets the "quote prefix" style, so it stays text when a user edits it.
  The text itself is unchanged.
- CSV (open data): such a text gets a leading apostrophe ``'`` (shown, not evaluated, by spreadsheets) and every
  text field is quoted. A text that already begins with ``'`` gets one too, so a program restores every text
  exactly by removing one leading ``'``. Numbers are never changed: -12.50 is a number, not a formula.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0", "＝", "＋", "－", "＠")


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def csv_text(text: str) -> str:
    """A CSV text field a spreadsheet shows as text: ``'`` before a leading formula character (or ``'``)."""
    return "'" + text if looks_like_formula(text) or text.startswith("'") else text
