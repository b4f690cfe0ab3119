"""Text made inert for the portal's generated pages: the one escape every value in them goes through.

A generated page is read by Python-Markdown and its extensions before any browser sees it, and Markdown acts
on ASCII punctuation long before HTML is parsed: a fence with an attribute list (```{ onfocus=… }) becomes a
``<code>`` element with an event handler even inside a raw HTML block. So ``inert`` turns every ASCII
character other than a letter, digit or space into a numeric character reference, which Markdown passes
through untouched and a browser shows as the original character: nothing of HTML, Markdown (fences,
headings, lists, tables, links, emphasis, attribute lists), YAML front matter, mkdocs or Jinja survives.
Line breaks, including the Unicode and YAML ones, become spaces, so no line of the page can start inside a
value; a space at either end becomes a reference, so no value can indent a line into a code block or end one
with a Markdown line break. Characters that HTML and YAML cannot carry (controls, lone surrogates,
non-characters) become U+FFFD.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache

from markupsafe import Markup

# Tab, line feed... and the separators Python and YAML also break lines at (FS..US, NEL, LS, PS).
_BREAKS = "\t\n\v\f\r\x1c\x1d\x1e\x1f\x85\u2028\u2029"
# What YAML's reader refuses (PyYAML NON_PRINTABLE) once breaks are spaces; HTML refuses or replaces it too.
_UNPRINTABLE = "".join(map(chr, [*range(0x20), *range(0x7F, 0xA0), 0xFFFE, 0xFFFF]))
_REPLACEMENTS = {
    **dict.fromkeys(_UNPRINTABLE, "\ufffd"),
    **dict.fromkeys(_BREAKS, " "),
    **{c: f"&#{ord(c)};" for c in string.punctuation},
}
_SPECIAL = re.compile(f"[{re.escape(''.join(_REPLACEMENTS))}\ud800-\udfff]")  # (lone surrogates: U+FFFD too)


def _replacement(match: re.Match[str]) -> str:
    return _REPLACEMENTS.get(match.group(), "\ufffd")


def inert(value: object) -> Markup:
    """``value`` as page text that no Markdown, HTML, YAML or template syntax can act on."""
    return _inert_text(value) if type(value) is str else _inert_text.__wrapped__(str(value))


@lru_cache(maxsize=4096)  # pages repeat the same values (links, dates, articles) thousands of times
def _inert_text(value: str) -> Markup:
    text = _SPECIAL.sub(_replacement, value)
    if text.startswith(" "):
        text = "&#32;" + text[1:]
    if text.endswith(" "):
        text = text[:-1] + "&#32;"
    return Markup(text)
