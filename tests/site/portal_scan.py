"""Detectors run on a built site: leaked private values, injected markup, external asset references.

Each takes a folder and returns what it found, so a test of the test can point it at a broken build.
"""

from __future__ import annotations

import gzip
import html
import json
import re
import subprocess
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel

from ecoredress.model import PRIVATE, Case
from ecoredress.model.enums import CompanyNaming
from ecoredress.model.parties import Organisation

_INVISIBLE = re.compile(r"[\s\u200b]+")
ENGINES = ("mkdocs", "zensical")
# Each engine's search index: its own file, read by its own search script (an implementation detail, not a URL
# anyone links to), scanned like every other built file.
SEARCH_INDEX = {"mkdocs": "search/search_index.json", "zensical": "search.json"}


def private_values(case: Case) -> set[str]:
    """Every value the case marks private (independently of the masking code), plus masked company names."""
    found: set[str] = set()

    def walk(model: BaseModel) -> None:
        for name, info in type(model).model_fields.items():
            value = getattr(model, name)
            extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
            items = value if isinstance(value, list) else [value]
            for item in items:
                if extra.get(PRIVATE) and isinstance(item, str):
                    found.add(item)
                elif isinstance(item, BaseModel):
                    walk(item)

    walk(case)
    if case.disclosure.company_naming is CompanyNaming.MASKED:
        found.update(o.name for o in case.obligors if isinstance(o, Organisation))
    return {_INVISIBLE.sub("", v) for v in found if len(_INVISIBLE.sub("", v)) >= 2}


def readable_text(path: Path) -> str:
    """The text a reader or a machine gets from a built file, with escapes undone and spacing removed."""
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    if path.suffix == ".pdf":
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
        ).stdout.decode()
    else:
        text = data.decode("utf-8", errors="replace")
    if path.suffix == ".json":
        text = json.dumps(json.loads(text), ensure_ascii=False)
    text = html.unescape(html.unescape(text))  # search index text is escaped HTML inside JSON
    return _INVISIBLE.sub("", text)


def scanned_files(site: Path) -> Iterator[Path]:
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.suffix in {".html", ".json", ".csv", ".xml", ".gz", ".pdf", ".js", ".txt"}:
            if "assets" in path.relative_to(site).parts[:1] and path.suffix == ".js":
                continue  # the theme's own bundles hold no case data
            yield path


def leaks(site: Path, values: set[str]) -> list[tuple[str, str]]:
    """(file, value) for every private value found in any built file."""
    found = []
    for path in scanned_files(site):
        text = readable_text(path)
        found += [(path.relative_to(site).as_posix(), v) for v in sorted(values) if v in text]
    return found


class _Markup(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.scripts: list[str] = []
        self.assets: list[tuple[str, str]] = []
        self.inline_scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}>")
            if name in {"href", "src", "action", "formaction", "xlink:href"} and (
                value or ""
            ).strip().lower().startswith(("javascript:", "data:text/html", "vbscript:")):
                self.problems.append(f"<{tag} {name}={value}>")
        if tag in {"iframe", "object", "embed", "base"}:
            self.problems.append(f"<{tag}>")
        if tag == "script":
            self.scripts.append(values.get("src") or "")
            self._in_script = not values.get("src")
            if self._in_script:
                self.inline_scripts.append("")
        if tag == "img" and values.get("src") == "x":
            self.problems.append("<img src=x>")
        reference = _asset_reference(tag, values)
        if reference:
            self.assets.append((tag, reference))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.inline_scripts[-1] += data


def _asset_reference(tag: str, attrs: dict[str, str | None]) -> str | None:
    if tag in {"script", "img", "source", "iframe", "audio", "video", "track", "embed", "input"}:
        return attrs.get("src") or attrs.get("srcset")
    if tag == "link" and set((attrs.get("rel") or "").lower().split()) & {
        "stylesheet",
        "preload",
        "prefetch",
        "icon",
        "preconnect",
        "dns-prefetch",
        "modulepreload",
        "manifest",
        "apple-touch-icon",
    }:
        return attrs.get("href")
    if tag in {"object"}:
        return attrs.get("data")
    return None


def parse(path: Path) -> _Markup:
    parser = _Markup()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


class _Shape(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, tuple[str, ...]]] = []
        self.text: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, tuple(sorted(name for name, _ in attrs))))
        self._hidden += tag in {"script", "style"}

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in {"script", "style"}

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.text.append(data)


def shape(markup: str) -> _Shape:
    """The elements of ``markup`` in order, each as (tag, attribute names), and its text outside scripts and styles."""
    parser = _Shape()
    parser.feed(markup)
    parser.close()
    return parser


def injections(site: Path) -> list[tuple[str, str]]:
    """(page, problem): event handlers, script URLs, frames, and inline or unexpected scripts in any page."""
    found = []
    for page in sorted(site.rglob("*.html")):
        markup = parse(page)
        name = page.relative_to(site).as_posix()
        found += [(name, p) for p in markup.problems]
        found += [(name, f"<script src={s!r}>") for s in markup.scripts if s and not _is_theme_script(s)]
        found += [(name, "inline <script> calling alert") for s in markup.inline_scripts if "alert(" in s]
    return found


def _is_theme_script(src: str) -> bool:
    return bool(
        re.fullmatch(
            r"(/|\./|(\.\./)*)assets/(javascripts/bundle\.[0-9a-f]+\.min\.js|filter\.js|material-scope\.js|zensical-scope\.js)",
            src,
        )
    )


def external_assets(site: Path) -> list[tuple[str, str]]:
    """(file, URL) for every asset fetched from another host: HTML src/href of scripts, styles, fonts, images; CSS
    url()/@import."""
    found = []
    for page in sorted(site.rglob("*.html")):
        found += [(page.relative_to(site).as_posix(), url) for _, url in parse(page).assets if _external(url)]
    for sheet in sorted(site.rglob("*.css")):
        text = sheet.read_text(encoding="utf-8", errors="replace")
        urls = re.findall(r"url\(\s*['\"]?([^'\")\s]+)", text) + re.findall(r"@import\s+['\"]([^'\"]+)", text)
        found += [(sheet.relative_to(site).as_posix(), u) for u in urls if _external(u)]
    return found


def _external(url: str) -> bool:
    parts = urlsplit(url.strip())
    return url.strip().startswith("//") or (
        parts.scheme in {"http", "https"} and parts.hostname not in {"127.0.0.1", "localhost"}
    )


def json_of(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def search_entries(index: Path) -> list[dict[str, str]]:
    """The entries of an engine's search index (mkdocs' ``docs``, Zensical's ``items``), each field as the text the
    search box reads as HTML (Zensical's ``path``, the headings above an entry, joined)."""
    data = json_of(index)
    return [
        {key: " ".join(value) if isinstance(value, list) else value for key, value in entry.items()}
        for entry in data.get("docs", data.get("items"))
    ]
