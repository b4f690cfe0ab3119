"""Generated Markdown pages of the portal, from templates/site/*.md.j2.

Every ``{{ … }}`` of a template goes through ``inert`` (the environment's finalize), whatever the value:
markup produced by a filter (``tojson``, ``safe``, ``join``), a macro or a concatenation is escaped like any
text, so the only markup of a page is the template's own. Partials are therefore included, not called as
macros. No case field can produce a tag, an attribute, a Markdown construct or front matter.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import jinja2

from ecoredress.model.enums import City, DamageType
from ecoredress.model.types import CJK_CHAR, to_fen, yuan
from ecoredress.presentation.formatting import cn_date
from ecoredress.publish import charts, figures
from ecoredress.publish.inert import inert
from ecoredress.publish.opendata import Publisher
from ecoredress.publish.projection import PublishedCase

LATEST = 10  # cases listed under 最新公开 on the home page
_CJK_GAP = re.compile(rf"(?<={CJK_CHAR})\s+|\s+(?={CJK_CHAR})")


def cjk(text: str) -> str:
    """Web typesetting: no spaces beside Chinese characters (约 2.4 公里 → 约2.4公里), as Chinese web text is set.
    (Spaces between two Chinese characters from YAML folding are already gone: model.types.join_folded_cjk.)"""
    return _CJK_GAP.sub("", text.strip())


def wan(amount: Decimal) -> str:
    """Yuan as 万元 for headline figures, always two decimals so figures side by side line up."""
    return f"{to_fen(amount / 10000):,.2f}"


def environment(templates: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        auto_reload=False,  # partials are included once per row: no file check each time
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        finalize=lambda value: inert(
            "—" if value is None else value
        ),  # an empty optional field reads as a dash, never "None"
    )
    env.filters.update(cjk=cjk, yuan=yuan, wan=wan, cn_date=lambda d: cn_date(d) if d else "—")
    return env


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def by_recency(cases: list[PublishedCase]) -> list[PublishedCase]:
    return sorted(cases, key=lambda c: (c.updated_on, c.id), reverse=True)


def root_path(levels: int, index_page: bool, from_source: bool) -> str:
    """The way from a page back to the site root, for the pages' links (raw HTML). mkdocs keeps such a link as
    written, so it is relative to the page's address (cases/X.md is served at cases/X/, two levels down);
    Zensical rewrites it relative to the Markdown file, as Markdown links are: one level less, but on index pages."""
    return "../" * (levels - (1 if from_source and not index_page else 0))


def write_pages(
    cases: list[PublishedCase],
    templates: Path,
    docs: Path,
    portal: Publisher,
    skip: frozenset[str] = frozenset(),
    links_from_source: bool = False,
) -> None:
    """Write every generated page into ``docs`` (the Markdown source folder the engine builds), but no page
    for the cases in ``skip`` (their page from the last build is kept). ``portal`` gives the home page its
    region and regulation; ``links_from_source``: the engine reads links relative to the Markdown file (root_path)."""
    env = environment(templates)

    def down(levels: int, index_page: bool = False) -> str:
        return root_path(levels, index_page, links_from_source)

    recent = by_recency(cases)
    headline = figures.headline(cases)
    _write(
        docs / "index.md",
        env.get_template("home.md.j2").render(
            base=down(0, True), headline=headline, latest=recent[:LATEST], portal=portal
        ),
    )
    _write(
        docs / "cases" / "index.md",
        env.get_template("index.md.j2").render(base=down(1, True), cases=recent, filters=_filters(cases)),
    )
    case_page = env.get_template("case.md.j2")
    for case in (c for c in cases if c.id not in skip):
        text = case_page.render(base=down(2), c=case, received=figures.received(case), spent=figures.spent(case))
        _write(docs / "cases" / f"{case.id}.md", text)
    series = figures.statistics(cases)
    _write(
        docs / "statistics.md",
        env.get_template("statistics.md.j2").render(base=down(1), charts=[(s, charts.bars(s)) for s in series]),
    )
    _write(docs / "funds.md", _funds_page(env, cases, headline, down(1)))


def _funds_page(env: jinja2.Environment, cases: list[PublishedCase], headline: figures.Headline, base: str) -> str:
    by_year = figures.funds_by_year(cases)
    received = figures.Series("各年度资金入库", "万元", [(y, got / 10000) for y, got, _ in by_year])
    spent = figures.Series("各年度资金使用", "万元", [(y, used / 10000) for y, _, used in by_year])
    rows = [(c, figures.received(c), figures.spent(c)) for c in cases if c.funds is not None]
    return env.get_template("funds.md.j2").render(
        base=base,
        headline=headline,
        received_series=received,
        received_chart=charts.bars(received),
        spent_series=spent,
        spent_chart=charts.bars(spent),
        rows=rows,
    )


def _filters(cases: list[PublishedCase]) -> list[tuple[str, str, list[str]]]:
    cities = {str(city) for c in cases for city in c.damage.cities}
    types = {str(t) for c in cases for t in c.damage.types}
    return [
        ("city", "设区市", [c.value for c in City if c.value in cities]),
        ("year", "年份", sorted({str(c.year) for c in cases})),
        ("type", "损害类型", [t.value for t in DamageType if t.value in types]),
        ("stage", "办理阶段", sorted({c.stage for c in cases})),
    ]
