"""The portal built by Zensical, the second engine, against the mkdocs-material build of the same cases (conftest
portal): same pages and URLs, same visible text on every case page, same open data and feed, the same masking,
inertness and Content Security Policy, and Chinese search that finds a case in Chromium."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
from lxml import html as lxml_html

from browsing import guarded_page, served
from ecoredress.project import find_project
from ecoredress.publish.site import build_site
from portal_scan import external_assets, injections, leaks, private_values
from tests.conftest import case_repository

pytest.importorskip("zensical")
ROOT = Path(__file__).resolve().parents[2]
_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


@dataclass
class Built:
    site: Path


@pytest.fixture(scope="session")
def zensical_site(portal, tmp_path_factory) -> Built:
    out = tmp_path_factory.mktemp("zensical") / "public"
    build_site(find_project(ROOT), out, documents=portal.documents, cases=portal.cases, engine="zensical")
    return Built(out)


def _pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def _article_text(page: Path) -> str:
    """What a reader sees of a page's content, whitespace-normalised (no theme chrome, no hidden permalinks)."""
    tree = lxml_html.fromstring(page.read_bytes())
    (article,) = tree.xpath("//article")
    for hidden in article.xpath(".//*[contains(concat(' ', @class, ' '), ' headerlink ')]"):
        hidden.drop_tree()
    return " ".join(article.text_content().split())


def test_both_engines_build_the_same_pages_at_the_same_urls(portal, zensical_site):
    built = _pages(zensical_site.site)
    assert built == _pages(portal.site)
    assert {f"cases/{c.id}/index.html" for c in portal.cases if c.disclosure.publish} <= built


def test_every_case_page_reads_the_same_in_both_engines(portal, zensical_site):
    pages = sorted(p for p in _pages(portal.site) if p.startswith("cases/"))
    assert len(pages) > 10
    for name in pages:
        assert _article_text(zensical_site.site / name) == _article_text(portal.site / name), name


def _link_targets(site: Path) -> dict[str, set[str]]:
    """Every link and source of every page's content, resolved as a browser does for a site served under a
    sub-path (as on GitHub Pages): a link one level too high still works at a server's root, not there."""
    targets = {}
    for page in sorted(site.rglob("*.html")):
        name = page.relative_to(site).as_posix()
        for article in lxml_html.fromstring(page.read_bytes()).xpath("//article"):
            found = {
                urljoin(f"https://example.gov.cn/portal/{name}", e.get("href") or e.get("src"))
                for e in article.xpath(".//*[@href or @src]")
            }
            targets[name] = {unquote(url) for url in found}
    return targets


def test_every_link_of_the_content_leads_to_the_same_place_in_both_engines(portal, zensical_site):
    theirs, ours = _link_targets(zensical_site.site), _link_targets(portal.site)
    assert any(url == "https://example.gov.cn/portal/regulation/#第十九条" for links in ours.values() for url in links)
    assert any(url.endswith(".pdf") for links in ours.values() for url in links)
    assert {page: links for page, links in theirs.items() if links != ours.get(page)} == {}


def test_open_data_feed_and_documents_are_identical(portal, zensical_site):
    def files(site: Path) -> dict[str, bytes]:
        chosen = [
            p
            for p in site.rglob("*")
            if p.is_file()
            and (
                p.name == "feed.xml"
                or (p.relative_to(site).parts[0] == "data" and p.suffix != ".html")
                or p.suffix == ".pdf"
            )
        ]
        return {p.relative_to(site).as_posix(): p.read_bytes() for p in chosen}

    theirs = files(zensical_site.site)
    assert any(name.endswith(".pdf") for name in theirs) and "feed.xml" in theirs
    assert theirs == files(portal.site)


def test_no_private_value_in_the_zensical_build(portal, zensical_site):
    assert (zensical_site.site / "search.json").is_file()
    assert leaks(zensical_site.site, set().union(*(private_values(c) for c in portal.cases))) == []


def test_hostile_text_is_text_and_nothing_is_external_in_the_zensical_build(zensical_site):
    assert injections(zensical_site.site) == []
    assert external_assets(zensical_site.site) == []


def test_every_zensical_page_has_the_policy_and_no_inline_script(zensical_site):
    for page in sorted(zensical_site.site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        meta = _META.search(text)
        assert meta and meta.start() < text.index("<script"), page
        assert "script-src 'self';" in meta.group(1) and "'unsafe-inline'" not in meta.group(1), page
        inline = [
            m
            for m in re.finditer(r"<script(?![^>]*\bsrc=)([^>]*)>", text)
            if 'type="application/json"' not in m.group(1)
        ]
        assert inline == [], page


def test_search_entries_show_the_title_as_the_page_does(zensical_site):
    index = (zensical_site.site / "search.json").read_text(encoding="utf-8")
    assert "YC-2023-002" in index and "&#45;" not in index


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("典农河", "YC-2023-002"),
        ("腾格里", "ZW-2022-001"),
        ("某公司", "GY-2025-001"),
        ("张某甲", "GY-2024-001"),
        ("虚构化工", "YC-2023-002"),
    ],
)
def test_chinese_search_finds_the_case_on_the_zensical_site(browser, zensical_site, query, expected):
    # guarded_page fails on any CSP violation: the search dialog's style sheet is admitted by its hash only.
    with served(zensical_site.site) as url, guarded_page(browser, url) as page:
        page.goto(url)
        page.click(".md-search__button")
        page.locator("dialog input[role=combobox]").fill(query)
        result = page.locator(f"dialog ol[role=listbox] a[href*='cases/{expected}/']").first
        result.wait_for(timeout=10000)
        assert query in result.inner_text()


def test_search_dialog_shows_hostile_text_as_text(browser, zensical_site):
    # The dialog reads an entry's title, path and text as HTML: the hostile case's markup must stay text there.
    with served(zensical_site.site) as url, guarded_page(browser, url) as page:
        page.goto(url)
        page.click(".md-search__button")
        page.locator("dialog input[role=combobox]").fill("点我")
        result = page.locator("dialog ol[role=listbox] a[href*='cases/YC-2023-099/']").first
        result.wait_for(timeout=10000)
        assert "<img src=x onerror=alert(1)>" in result.inner_text()
        assert result.locator("img, svg[onload], script, a[href^='javascript']").count() == 0


def test_a_failed_zensical_build_says_why_in_chinese_and_keeps_the_site(tmp_path):

    from ecoredress.errors import UserError

    repo = case_repository(tmp_path / "repo")
    out = tmp_path / "public"
    build_site(find_project(repo), out, documents=tmp_path / "none", engine="zensical")
    before = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    with (repo / "site" / "about.md").open("a", encoding="utf-8") as page:
        page.write("\n[坏链接](nowhere.md)\n")
    with pytest.raises(UserError, match="网站生成失败（Zensical）") as failure:
        build_site(find_project(repo), out, documents=tmp_path / "none", engine="zensical")
    assert "about.md" in str(failure.value)
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == before
