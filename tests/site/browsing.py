"""A built site served on 127.0.0.1, and browser pages that fail on anything a script from page content could do."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any


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


class Guard:
    """What the pages of one browser tab did that a page of the site must not: requests to another host, dialogs (a
    script from page content ran), script errors and Content Security Policy violations."""

    def __init__(self, context, page, site_url: str) -> None:
        self.external: list[str] = []
        self.dialogs: list[str] = []
        self.errors = console_errors(page)
        # Listening, not routing: a routed context loses Chromium's cache and pays a round trip per request. The
        # browser resolves no host but 127.0.0.1 (CHROMIUM_ARGS), so what is recorded here was also refused.
        context.on(
            "request",
            lambda request: request.url.startswith((site_url, "data:", "blob:")) or self.external.append(request.url),
        )
        page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))

    def clear(self) -> None:
        for seen in (self.external, self.dialogs, self.errors):
            seen.clear()

    def check(self) -> None:
        assert self.external == [], f"页面请求了外部地址：{self.external}"
        assert self.dialogs == [], f"页面弹出了对话框（脚本注入）：{self.dialogs}"
        assert self.errors == [], f"页面脚本出错或违反内容安全策略：{self.errors}"


@contextlib.contextmanager
def guarded_tab(browser, site_url: str) -> Iterator[tuple[Any, Guard]]:
    """A desktop browser tab for pages of the site at ``site_url``, and its guard. Any request to another host is
    blocked; the guard records it, and any dialog, script error or Content Security Policy violation."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    guard = Guard(context, page, site_url)
    try:
        yield page, guard
    finally:
        context.close()


@contextlib.contextmanager
def guarded_page(browser, site_url: str):
    """A tab of its own (guarded_tab) that fails, once closed, on anything its guard recorded."""
    with guarded_tab(browser, site_url) as (page, guard):
        yield page
    guard.check()


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
