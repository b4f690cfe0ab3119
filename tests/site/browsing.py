"""A built site served on 127.0.0.1, and browser pages that fail on anything a script from page content could do."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - http.server signature
        pass


@contextlib.contextmanager
def served(folder: Path) -> Iterator[str]:
    """``folder`` served over HTTP on 127.0.0.1; yields its URL."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()


@contextlib.contextmanager
def guarded_page(browser, site_url: str):
    """A desktop page of the site at ``site_url``. Any request to another host is blocked, and the block fails
    on it, on any dialog (a script from page content ran), script error or Content Security Policy violation."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    external: list[str] = []

    # Listening, not routing: a routed context loses Chromium's cache and pays a round trip per request. The browser
    # resolves no host but 127.0.0.1 (CHROMIUM_ARGS), so what is recorded here was also refused.
    context.on(
        "request", lambda request: request.url.startswith((site_url, "data:", "blob:")) or external.append(request.url)
    )
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    errors = console_errors(page)
    yield page
    context.close()
    assert external == [], f"页面请求了外部地址：{external}"
    assert dialogs == [], f"页面弹出了对话框（脚本注入）：{dialogs}"
    assert errors == [], f"页面脚本出错或违反内容安全策略：{errors}"


# 150 ms of the page's own clock after its load event.
SETTLED = "() => performance.now() >= 150 + performance.getEntriesByType('navigation')[0].loadEventEnd"


def settle(page) -> None:
    """Wait until 150 ms after the page's load event (no time at all if they have passed): what the page queued on
    load (an error or focus handler, a short timer) has run, and a dialog it opened is seen by the guard."""
    page.wait_for_function(SETTLED)


def console_errors(page) -> list[str]:
    """Errors the page reports from now on: console errors (Chromium logs every CSP violation there) and uncaught
    exceptions."""
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def search(page, engine: str, query: str):
    """Type ``query`` into the search of the portal open in ``page`` as a reader does; the links of its results.
    Each engine's theme has its own search box: Material's in the header, Zensical's in a dialog."""
    if engine == "mkdocs":
        page.click(".md-search__input")
        page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.includes('键入')")
        page.fill("input.md-search__input", query)
        page.press("input.md-search__input", "End")  # Material searches on keyup
        return page.locator(".md-search-result__link")
    page.click(".md-search__button")
    page.locator("dialog input[role=combobox]").fill(query)
    return page.locator("dialog ol[role=listbox] a")
