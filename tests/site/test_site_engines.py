"""The portal built by Zensical, the second engine, against the mkdocs-material build of the same cases (conftest
portals): same pages and URLs, same visible text on every case page, same links, same open data and feed.

Masking, inertness, the Content Security Policy, the sitemap and Chinese search in Chromium are checked on
both builds by the portal tests themselves (the conftest ``portal`` fixture runs each of them once per engine)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
from lxml import html as lxml_html

from ecoredress.project import find_project
from ecoredress.publish.site import build_site
from tests.conftest import case_repository, run_cli

pytest.importorskip("zensical")
ROOT = Path(__file__).resolve().parents[2]
# Files of the themes themselves (Zensical's scope script is the portal's override of an inline script).
THEME_FILES = ("assets/javascripts/", "assets/stylesheets/", "assets/zensical-scope.js")


@pytest.fixture(scope="session")
def mkdocs_portal(portals):
    return portals("mkdocs")


@pytest.fixture(scope="session")
def zensical_portal(portals):
    return portals("zensical")


def _pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def _article_text(page: Path) -> str:
    """What a reader sees of a page's content, whitespace-normalised (no theme chrome, no hidden permalinks)."""
    tree = lxml_html.fromstring(page.read_bytes())
    (article,) = tree.xpath("//article")
    for hidden in article.xpath(".//*[contains(concat(' ', @class, ' '), ' headerlink ')]"):
        hidden.drop_tree()
    return " ".join(article.text_content().split())


def _addresses(portal) -> set[str]:
    """Every file a reader or a crawler may be sent to: all but each theme's own scripts and style sheets and the
    engine's search index, which only the theme's script reads."""
    names = {p.relative_to(portal.site).as_posix() for p in portal.site.rglob("*") if p.is_file()}
    return {
        name
        for name in names - {portal.search_index.relative_to(portal.site).as_posix()}
        if not name.startswith(THEME_FILES)
    }


def test_both_engines_build_the_same_pages_at_the_same_urls(mkdocs_portal, zensical_portal):
    built = _pages(zensical_portal.site)
    assert built == _pages(mkdocs_portal.site)
    assert {f"cases/{c.id}/index.html" for c in mkdocs_portal.cases if c.disclosure.publish} <= built
    assert {"sitemap.xml", "sitemap.xml.gz", "feed.xml", "404.html"} <= _addresses(zensical_portal)
    assert _addresses(zensical_portal) == _addresses(mkdocs_portal)


def test_every_case_page_reads_the_same_in_both_engines(mkdocs_portal, zensical_portal):
    pages = sorted(p for p in _pages(mkdocs_portal.site) if p.startswith("cases/"))
    assert len(pages) > 10
    for name in pages:
        assert _article_text(zensical_portal.site / name) == _article_text(mkdocs_portal.site / name), name


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


def test_every_link_of_the_content_leads_to_the_same_place_in_both_engines(mkdocs_portal, zensical_portal):
    theirs, ours = _link_targets(zensical_portal.site), _link_targets(mkdocs_portal.site)
    assert any(url == "https://example.gov.cn/portal/regulation/#第十九条" for links in ours.values() for url in links)
    assert any(url.endswith(".pdf") for links in ours.values() for url in links)
    assert {page: links for page, links in theirs.items() if links != ours.get(page)} == {}


def test_open_data_feed_and_documents_are_identical(mkdocs_portal, zensical_portal):
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

    theirs = files(zensical_portal.site)
    assert any(name.endswith(".pdf") for name in theirs) and "feed.xml" in theirs
    assert theirs == files(mkdocs_portal.site)


def test_search_entries_show_the_title_as_the_page_does(zensical_portal):
    index = (zensical_portal.site / "search.json").read_text(encoding="utf-8")
    assert "YC-2023-002" in index and "&#45;" not in index


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


def test_zensical_is_the_default_and_the_setting_or_the_option_chooses(tmp_path):
    from ecoredress.errors import UserError
    from ecoredress.publish.site import site_engine

    repo = case_repository(tmp_path / "repo", cases=[])
    settings = repo / "pyproject.toml"
    written = settings.read_text(encoding="utf-8")
    assert 'engine = "zensical"' in written  # the sample repository says which engine it uses
    settings.write_text(written.replace('engine = "zensical"', ""), encoding="utf-8")
    assert site_engine(find_project(repo)) == "zensical"
    assert site_engine(find_project(repo), "mkdocs") == "mkdocs"
    settings.write_text(written.replace('engine = "zensical"', 'engine = "mkdocs"'), encoding="utf-8")
    assert site_engine(find_project(repo)) == "mkdocs"
    assert site_engine(find_project(repo), "zensical") == "zensical"
    with pytest.raises(UserError, match="网站生成引擎“hugo”不存在"):
        site_engine(find_project(repo), "hugo")
    settings.write_text(written.replace('engine = "zensical"', 'engine = "hugo"'), encoding="utf-8")
    with pytest.raises(UserError, match='site\\] engine：应为 mkdocs 或 zensical，实为 "hugo"'):
        find_project(repo)  # a bad setting is said when the settings are read, before any command uses them
    assert "未设置时 zensical" in " ".join(run_cli("site", "build", "--help").out.split())
