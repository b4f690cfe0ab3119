"""The portal is built ONCE per session (sample cases + a hostile case + generated cases) and served on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from browsing import guarded_tab, served
from ecoredress.model import Case
from ecoredress.project import find_project
from ecoredress.publish.site import build_site
from portal_factory import generated_cases, hostile_case, variant_case
from portal_scan import ENGINES, SEARCH_INDEX
from tests.conftest import built_once

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",  # pages reach no other host (browsing.py)
]
RENDERED_CASE = "YC-2023-002"


@dataclass
class Portal:
    site: Path
    cases: list[Case]
    documents: Path
    engine: str

    @property
    def search_index(self) -> Path:
        return self.site / SEARCH_INDEX[self.engine]


def render_kinds(out: Path, case_id: str, kinds: set[str], formats: tuple[str, ...] = ("pdf",)) -> None:
    """Render documents of one sample case with the documents package, as `ecoredress render` does."""
    from ecoredress.documents.plan import plan_jobs
    from ecoredress.documents.renderer import render_documents
    from ecoredress.documents.settings import document_settings
    from ecoredress.regulation.calendar import load_calendar
    from ecoredress.regulation.profile import load_profile
    from ecoredress.validation.checker import load_case

    project = find_project(ROOT)
    case = load_case(ROOT / "cases" / f"{case_id}.yaml", case_id).case
    templates = project.templates_dir / "documents"
    departments = project.settings.departments
    jobs = plan_jobs([case], load_profile(project_root=ROOT), load_calendar(ROOT), templates, kinds, departments)
    render_documents(jobs, document_settings(project), templates, out, formats)


def render_public_agreement(out: Path) -> None:
    """The masked agreement PDF of one sample case."""
    render_kinds(out, RENDERED_CASE, {"agreement"})


@pytest.fixture(scope="session")
def portals(sample_cases, tmp_path_factory) -> Callable[[str], Portal]:
    """The portal of the same cases and documents built by an engine, once per engine and test run (built_once)."""
    documents = built_once(tmp_path_factory, "portal-documents", render_public_agreement)[0]
    cases = [*sample_cases, hostile_case(), variant_case(), *generated_cases(6)]

    def build(engine: str, work: Path) -> None:
        build_site(find_project(ROOT), work / "public", documents=documents, cases=cases, engine=engine)

    @functools.cache
    def built(engine: str) -> Portal:
        work = built_once(tmp_path_factory, f"portal-{engine}", functools.partial(build, engine))[0]
        return Portal(site=work / "public", cases=cases, documents=documents, engine=engine)

    return built


@pytest.fixture(scope="session", params=ENGINES)
def portal(request, portals) -> Portal:
    """The portal built by each engine in turn: every test that takes it holds for both."""
    return portals(request.param)


@pytest.fixture(scope="session")
def site_url(portal) -> Iterator[str]:
    with served(portal.site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("需要 Debian chromium（/usr/bin/chromium），由 .ci/install 安装")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def portal_tab(browser, site_url):
    """One tab of the portal for every page test of an engine: a tab of its own per test costs ≈0.3 s more of CPU
    (a new renderer, every script and style parsed again)."""
    with guarded_tab(browser, site_url) as tab:
        yield tab


@pytest.fixture
def page(portal_tab):
    """The portal's tab, failing the test on anything its guard records (guarded_tab) from now until the test has
    left its last page."""
    page, guard = portal_tab
    guard.clear()
    yield page
    page.goto("about:blank")  # the next test starts on no page of this one's
    guard.check()


# --- the internal site (workbench/) -----------------------------------------------------------------------

INTERNAL_AS_OF = dt.date(2026, 12, 19)  # a day on which the samples have overdue duties and duties due soon
PEOPLE_CASE = "GY-2024-001"  # two natural persons as obligors


@dataclass
class Sites:
    internal: Path
    public: Path  # the portal built from the same cases and documents
    documents: Path
    engine: str


@pytest.fixture(scope="session")
def people_documents(tmp_path_factory) -> Path:
    """The agreement of a case whose obligors are two persons, rendered (internal and public versions, PDF and DOCX)."""
    return built_once(tmp_path_factory, "people-documents", render_people_agreement)[0]


def render_people_agreement(out: Path) -> None:
    render_kinds(out, PEOPLE_CASE, {"agreement"}, ("pdf", "docx"))


def build_sites(documents: Path, engine: str, work: Path) -> None:
    from ecoredress.workbench.internal_site import build_internal_site

    project = find_project(ROOT)
    build_internal_site(project, work / "internal", INTERNAL_AS_OF, documents, engine=engine)
    build_site(project, work / "public", documents=documents, engine=engine)


@pytest.fixture(scope="session", params=ENGINES)
def sites(request, people_documents, tmp_path_factory) -> Sites:
    """The internal site and the portal, both from the sample cases and ``people_documents``, built by each
    engine in turn (once per test run, built_once)."""
    engine = request.param
    work = built_once(tmp_path_factory, f"sites-{engine}", functools.partial(build_sites, people_documents, engine))[0]
    return Sites(work / "internal", work / "public", people_documents, engine)


@pytest.fixture(scope="session")
def internal_url(sites) -> Iterator[str]:
    with served(sites.internal) as url:
        yield url
