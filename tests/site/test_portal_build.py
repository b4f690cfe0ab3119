"""The built portal: no leaks, no injection, no external requests (each detector shown to fire on a broken
build), valid open data, regulation anchors, case pages outside the navigation, atomic output."""

from __future__ import annotations

import csv
import gzip
import hashlib
import html
import io
import re
import shutil
from pathlib import Path
from xml.etree import ElementTree as ET

import frictionless
import jsonschema
import pytest

from ecoredress.errors import UserError
from ecoredress.presentation import masking
from ecoredress.project import Project, find_project
from ecoredress.publish import pages
from ecoredress.publish.site import build_site, publisher
from portal_factory import VARIANT_FORBIDDEN, generated_cases, hostile_case, write_agreement_manifest
from portal_scan import (
    ENGINES,
    SEARCH_INDEX,
    external_assets,
    injections,
    json_of,
    leaks,
    private_values,
    scanned_files,
    shape,
)
from tests.conftest import case_repository

ROOT = Path(__file__).resolve().parents[2]


def all_private_values(cases) -> set[str]:
    return set().union(*(private_values(c) for c in cases))


def broken_build(tmp_path: Path, cases, project: Project | None = None, engine: str | None = None) -> Path:
    out = tmp_path / "public"
    build_site(project or find_project(ROOT), out, documents=tmp_path / "none", cases=cases, engine=engine)
    return out


# -- leaks --------------------------------------------------------------------------------------------


def test_no_private_value_of_any_case_in_any_built_file(portal):
    scanned = set(scanned_files(portal.site))
    assert {".html", ".json", ".csv", ".xml", ".gz", ".pdf"} <= {p.suffix for p in scanned}
    assert {portal.search_index, portal.site / "sitemap.xml", portal.site / "feed.xml"} <= scanned
    values = all_private_values(portal.cases)
    assert len(values) > 50  # the generated cases carry many persons
    assert leaks(portal.site, values) == []


def test_loosely_typed_private_data_is_in_no_built_file(portal):
    # Phones with full-width digits or dots, spaced plates, a given name alone, an address tail, a masked
    # company's short name and credit code, a meeting participant named in the summary (portal_factory.variant_case).
    assert "cases/YC-2023-098/index.html" in {p.relative_to(portal.site).as_posix() for p in scanned_files(portal.site)}
    assert leaks(portal.site, {re.sub(r"\s+", "", v) for v in VARIANT_FORBIDDEN}) == []


@pytest.mark.parametrize("engine", ENGINES)
def test_leak_detector_fires_when_masking_is_switched_off(tmp_path, monkeypatch, engine):
    # (Switching off the field filter as well fails earlier: the projection model forbids unknown fields.)
    monkeypatch.setattr(masking.Masker, "text", lambda self, value: value)
    cases = generated_cases(1)
    found = leaks(broken_build(tmp_path, cases, engine=engine), all_private_values(cases))
    files = {f for f, _ in found}
    expected = {
        f"cases/{cases[0].id}/index.html",
        "index.html",
        "data/cases.json",
        "data/cases.csv",
        "feed.xml",
        SEARCH_INDEX[engine],
    }
    assert expected <= files


# -- injection ----------------------------------------------------------------------------------------


def test_hostile_text_in_every_free_text_field_is_shown_as_text(portal):
    assert injections(portal.site) == []
    text = "".join(shape((portal.site / "cases" / "YC-2023-099" / "index.html").read_text(encoding="utf-8")).text)
    assert '<script>alert("x")</script>' in text and "[点我](javascript:alert(2))" in text


def test_injection_detector_fires_without_escaping(tmp_path, monkeypatch):
    # On mkdocs only: Zensical refuses to build a page whose unescaped title breaks its front matter.
    original = pages.environment

    def unescaped(templates):
        env = original(templates)
        env.autoescape, env.finalize = False, None
        return env

    monkeypatch.setattr(pages, "environment", unescaped)
    found = injections(broken_build(tmp_path, [hostile_case()], engine="mkdocs"))
    problems = {problem for _, problem in found}
    assert {"<img onerror>", "inline <script> calling alert", "<a href=javascript:alert(3)>"} <= problems


# -- external requests --------------------------------------------------------------------------------


def test_no_asset_is_fetched_from_another_host(portal):
    assert external_assets(portal.site) == []


@pytest.mark.parametrize("engine", ENGINES)
def test_external_detector_fires_with_google_fonts(tmp_path, sample_cases, engine):
    """A copy of the project whose mkdocs.yml turns theme.font on: both themes then link Google Fonts."""
    root = tmp_path / "project"
    root.mkdir()
    for name in ("site", "templates"):  # copies: ecoredress refuses links
        shutil.copytree(ROOT / name, root / name)
    shutil.copyfile(ROOT / "pyproject.toml", root / "pyproject.toml")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("font: false", "font:\n    text: Noto Sans SC")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    found = external_assets(broken_build(tmp_path, sample_cases[:1], find_project(root), engine))
    assert any("fonts.googleapis.com" in url or "fonts.gstatic.com" in url for _, url in found)


# -- open data ----------------------------------------------------------------------------------------


def test_open_data_validates(portal):
    data = portal.site / "data"
    package = json_of(data / "datapackage.json")
    report = frictionless.Package(str(data / "datapackage.json")).validate()
    assert report.valid, report.flatten(["type", "note"])  # the standard's own validator: descriptor, CSV rows
    assert [r["type"] for r in report.to_dict()["tasks"]] == ["json", "table"]
    tables = [r["name"] for r in package["resources"] if "schema" in r]
    assert tables == ["cases-csv"], "a Table Schema under schema; the JSON Schema is linked, not put there"
    schema = json_of(data / package["resources"][0]["jsonSchema"])
    jsonschema.Draft202012Validator.check_schema(schema)
    cases = json_of(data / "cases.json")
    published_ids = sorted(c.id for c in portal.cases if c.disclosure.publish)
    assert [c["id"] for c in cases] == published_ids
    validator = jsonschema.Draft202012Validator(schema)
    for case in cases:
        validator.validate(case)

    assert package["publisher"]["name"] and package["licenses"][0]["name"] and package["publicationPolicy"]
    # RFC 3339, from the data, not the clock
    assert package["created"] == max(c["updated_on"] for c in cases) + "T00:00:00+08:00"
    fields = [f["name"] for f in package["resources"][1]["schema"]["fields"]]
    rows = list(csv.DictReader(io.StringIO((data / "cases.csv").read_text(encoding="utf-8"))))
    assert list(rows[0]) == fields and [r["id"] for r in rows] == published_ids
    for row in rows:
        assert re.fullmatch(r"\d{4}", row["year"]) and (row["amount"] == "" or float(row["amount"]) >= 0)

    feed = ET.parse(portal.site / "feed.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    entries = feed.findall(f"{atom}entry")
    assert len(entries) == len(cases)
    updated = [e.find(f"{atom}updated").text for e in entries]
    assert updated == sorted(updated, reverse=True)
    base = publisher(find_project(ROOT)).url
    assert base.startswith("https://"), "the sample repository sets [tool.ecoredress.site] url"
    links = [e.find(f"{atom}link").get("href") for e in entries]
    assert all(
        link.startswith(base) and (portal.site / link.removeprefix(base) / "index.html").is_file() for link in links
    )


def test_sitemap_lists_case_pages_dated_by_the_data(portal):
    # Both engines date the sitemap with the build date unless pinned: pinned to the latest case update, builds repeat.
    sitemap = ET.parse(portal.site / "sitemap.xml").getroot()
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locs = [u.find(f"{ns}loc").text for u in sitemap]
    base = publisher(find_project(ROOT)).url
    assert f"{base}cases/YC-2023-002/" in locs and all(loc.startswith(base) for loc in locs)
    released = max(json_of(portal.site / "data" / "cases.json"), key=lambda c: c["updated_on"])["updated_on"]
    assert {u.find(f"{ns}lastmod").text for u in sitemap} == {released}
    # The gzip copy crawlers may be pointed at says the same.
    assert gzip.decompress((portal.site / "sitemap.xml.gz").read_bytes()) == (portal.site / "sitemap.xml").read_bytes()


def test_unpublished_cases_have_no_page(portal):
    hidden = [c.id for c in portal.cases if not c.disclosure.publish]
    assert hidden, "the samples should include a case without a publication decision"
    for case_id in hidden:
        assert not (portal.site / "cases" / case_id).exists()
        assert case_id not in portal.search_index.read_text(encoding="utf-8")


def test_every_article_has_an_anchor_and_case_links_resolve(portal):
    regulation = (portal.site / "regulation" / "index.html").read_text(encoding="utf-8")
    anchors = set(re.findall(r'id="(第[一二三四五六七八九十]+条)"', regulation))
    assert len(anchors) == 40
    page = html.unescape(
        (portal.site / "cases" / "YC-2023-002" / "index.html").read_text(encoding="utf-8")
    )  # generated URLs are escaped
    linked = set(re.findall(r'href="\.\./\.\./regulation/#(第[^"]+条)"', page))
    assert {"第十四条", "第十九条", "第三十二条"} <= linked <= anchors


def test_case_pages_are_not_in_the_navigation(portal):
    # Every page carries the navigation; a page that mentions no case shows whether the navigation does.
    about = (portal.site / "about" / "index.html").read_text(encoding="utf-8")
    assert "md-nav" in about and "/cases/" not in about.replace('href="../cases/"', "")
    assert (portal.site / "cases" / "YC-2023-002" / "index.html").is_file()
    assert len(about) < 60_000  # does not grow with the number of cases


def test_agreement_pdf_is_published_with_its_hash(portal):
    published = next(c for c in json_of(portal.site / "data" / "cases.json") if c["id"] == "YC-2023-002")
    pdfs = [d for d in published["documents"] if d["file"]]
    assert pdfs and all((portal.site / d["file"]).is_file() for d in pdfs)
    assert all(hashlib.sha256((portal.site / d["file"]).read_bytes()).hexdigest() == d["sha256"] for d in pdfs)


# -- atomic output ------------------------------------------------------------------------------------


def test_failed_build_leaves_the_previous_site_intact(tmp_path, monkeypatch, sample_cases):
    out = broken_build(tmp_path, sample_cases[:2], engine="mkdocs")
    before = sorted(p.relative_to(out) for p in out.rglob("*"))

    def fail(*args, **kwargs):
        raise UserError("模拟失败")

    monkeypatch.setattr("ecoredress.publish.site.run_mkdocs", fail)
    with pytest.raises(UserError):  # (Zensical's own failure: test_site_engines.py)
        build_site(find_project(ROOT), out, documents=tmp_path / "none", cases=sample_cases, engine="mkdocs")
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".public")] == []


def test_site_build_command(cli, tmp_path):
    result = cli("site", "build", "--out", str(tmp_path / "site"))
    assert result.code == 0, result.err
    assert "网站已生成" in result.out and (tmp_path / "site" / "index.html").is_file()


def test_build_command_shows_warnings_and_stops_on_errors(tmp_path):
    from tests.conftest import run_cli

    repo = case_repository(tmp_path / "repo")
    ok = run_cli("--project", str(repo), "build", "--skip-documents", "--out", str(tmp_path / "public"))
    assert ok.code == 0 and "art14-extension-notice-late" in ok.out and "生成完成" in ok.out
    broken = repo / "cases" / "YC-2023-002.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("  total: 1272400.00", "  total: 1"), encoding="utf-8")
    failed = run_cli("--project", str(repo), "build", "--skip-documents", "--out", str(tmp_path / "public2"))
    assert failed.code == 1 and "amount-mismatch" in failed.out and "未生成文书和网站" in failed.out
    assert not (tmp_path / "public2").exists()


def _built_pdfs(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.pdf"))


def test_withdrawn_or_narrowed_disclosure_takes_rendered_pdfs_off_the_site(portal, tmp_path, sample_cases):
    # The agreement PDF was rendered while YC-2023-002 published it; later decisions must take it down.
    project = find_project(ROOT)
    case = next(c for c in sample_cases if c.id == "YC-2023-002")
    assert "documents/YC-2023-002/agreement-public.pdf" in _built_pdfs(portal.site)
    withdrawn = case.model_copy(update={"disclosure": case.disclosure.model_copy(update={"publish": False})})
    narrowed_items = [i for i in case.disclosure.items if i.value != "赔偿协议"]
    narrowed = case.model_copy(update={"disclosure": case.disclosure.model_copy(update={"items": narrowed_items})})
    for variant, name in ((withdrawn, "withdrawn"), (narrowed, "narrowed")):
        build_site(project, tmp_path / name, documents=portal.documents, cases=[variant], engine=portal.engine)
        assert _built_pdfs(tmp_path / name) == [], name
        data = json_of(tmp_path / name / "data" / "cases.json")
        assert all(d["kind"] != "赔偿协议" for c in data for d in c["documents"]), name
    build_site(
        project,
        tmp_path / "skipped",
        documents=portal.documents,
        cases=[case],
        with_documents=False,
        engine=portal.engine,
    )
    assert _built_pdfs(tmp_path / "skipped") == []


def test_no_page_prints_none(tmp_path, sample_cases):
    # A rendered public PDF whose 文号 was never recorded: its row must read "—", not Python's None.
    case = next(c for c in sample_cases if c.id == "YC-2023-002")
    pdf = b"%PDF-1.4 stand-in"
    rendered = tmp_path / "documents"
    (rendered / case.id).mkdir(parents=True)
    (rendered / case.id / "agreement-public.pdf").write_bytes(pdf)
    write_agreement_manifest(rendered, case.id, f"{case.id}/agreement-public.pdf", pdf)
    build_site(find_project(ROOT), tmp_path / "site", documents=rendered, cases=[case])
    page = html.unescape((tmp_path / "site" / "cases" / case.id / "index.html").read_text(encoding="utf-8"))
    assert "agreement-public.pdf" in page and ">None<" not in page
