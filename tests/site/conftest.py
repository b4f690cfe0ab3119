"""The portal is built ONCE per session (sample cases + a hostile case + generated cases) and served on 127.0.0.1."""

from __future__ import annotations

import functools
import http.server
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from ecoredress.model import Case
from ecoredress.project import find_project
from ecoredress.publish.site import build_site
from portal_factory import generated_cases, hostile_case, variant_case

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
RENDERED_CASE = "YC-2023-002"


@dataclass
class Portal:
    site: Path
    cases: list[Case]
    documents: Path


def render_public_agreement(out: Path) -> None:
    """Render the masked agreement PDF of one sample case with the documents package, as `ecoredress render` does."""
    from ecoredress.documents.plan import plan_jobs
    from ecoredress.documents.renderer import render_documents
    from ecoredress.documents.settings import document_settings
    from ecoredress.regulation.profile import load_profile
    from ecoredress.validation.checker import load_case

    project = find_project(ROOT)
    case = load_case(ROOT / "cases" / f"{RENDERED_CASE}.yaml", RENDERED_CASE).case
    templates = project.templates_dir / "documents"
    jobs = plan_jobs([case], load_profile(project_root=ROOT), templates, {"agreement"})
    render_documents(jobs, document_settings(project), templates, out, ("pdf",))


@pytest.fixture(scope="session")
def portal(sample_cases, tmp_path_factory) -> Portal:
    work = tmp_path_factory.mktemp("portal")
    documents = work / "documents"
    render_public_agreement(documents)
    cases = [*sample_cases, hostile_case(), variant_case(), *generated_cases(6)]
    build_site(find_project(ROOT), work / "public", docs=work / "src", documents=documents, cases=cases)
    return Portal(site=work / "public", cases=cases, documents=documents)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - http.server signature
        pass


@pytest.fixture(scope="session")
def site_url(portal) -> str:
    handler = functools.partial(QuietHandler, directory=str(portal.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("需要 Debian chromium（/usr/bin/chromium），由 .ci/install 安装")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def external_requests() -> list[str]:
    return []


@pytest.fixture
def page(browser, site_url, external_requests):
    """A desktop page; any request to another host is blocked and recorded (the test then fails)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)

    def guard(route):
        url = route.request.url
        if url.startswith(site_url) or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            external_requests.append(url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.dialogs = dialogs  # type: ignore[attr-defined]
    yield page
    context.close()
    assert external_requests == [], f"页面请求了外部地址：{external_requests}"
    assert dialogs == [], f"页面弹出了对话框（脚本注入）：{dialogs}"
