"""The guard every browser test stands on: a page that reaches another host or runs a dialog fails the test."""

from __future__ import annotations

import pytest

from browsing import guarded_page, guarded_tab, served, settle

OUTSIDE = "http://cdn.example.com/tracker.png"


def test_a_page_that_asks_another_host_fails_and_gets_nothing(browser, tmp_path):
    (tmp_path / "index.html").write_text(f'<!doctype html><img id="outside" src="{OUTSIDE}">', encoding="utf-8")
    failed: list[str] = []
    with (  # noqa: PT012 - the guard raises on leaving the page
        served(tmp_path) as url,
        pytest.raises(AssertionError, match="外部地址") as raised,
        guarded_page(browser, url) as page,
    ):
        page.on("requestfailed", lambda request: failed.append(request.url))
        page.goto(url)
        assert page.evaluate("document.getElementById('outside').naturalWidth") == 0
    assert OUTSIDE in str(raised.value) and failed == [OUTSIDE]  # asked for, and refused by the browser


def test_a_page_that_opens_a_dialog_fails(browser, tmp_path):
    (tmp_path / "index.html").write_text("<!doctype html><script>alert('注入')</script>", encoding="utf-8")
    with (
        served(tmp_path) as url,
        pytest.raises(AssertionError, match="对话框"),
        guarded_page(browser, url) as page,
    ):
        page.goto(url)


def test_a_dialog_a_page_opens_shortly_after_loading_is_seen_before_the_next_page(browser, tmp_path):
    """Going on to the next page cancels what the last one still had queued: settle first."""
    script = "addEventListener('load', () => setTimeout(() => alert('注入'), 100))"
    (tmp_path / "index.html").write_text(f"<!doctype html><script>{script}</script>", encoding="utf-8")
    (tmp_path / "next.html").write_text("<!doctype html><p>下一页</p>", encoding="utf-8")
    with (  # noqa: PT012 - the guard raises on leaving the page
        served(tmp_path) as url,
        pytest.raises(AssertionError, match="对话框"),
        guarded_page(browser, url) as page,
    ):
        page.goto(url)
        settle(page)
        page.goto(url + "next.html")


def test_a_page_of_the_site_alone_passes(browser, tmp_path):
    (tmp_path / "index.html").write_text(
        '<!doctype html><meta charset="utf-8"><img src="a.png"><p>本站</p>', encoding="utf-8"
    )
    for name in ("a.png", "favicon.ico"):
        (tmp_path / name).write_bytes(b"")
    with served(tmp_path) as url, guarded_page(browser, url) as page:
        page.goto(url)
        assert page.inner_text("p") == "本站"


def test_a_tab_shared_by_tests_charges_each_test_with_what_its_own_pages_did(browser, tmp_path):
    """conftest.page: one tab per engine for the portal tests, its guard cleared before each test and checked after."""
    (tmp_path / "index.html").write_text("<!doctype html><script>alert('注入')</script>", encoding="utf-8")
    (tmp_path / "next.html").write_text("<!doctype html><p>下一页</p>", encoding="utf-8")
    (tmp_path / "favicon.ico").write_bytes(b"")  # Chromium asks for it: a 404 would be an error of the page
    with served(tmp_path) as url, guarded_tab(browser, url) as (page, guard):
        page.goto(url)
        with pytest.raises(AssertionError, match="对话框"):
            guard.check()
        guard.clear()
        page.goto(url + "next.html")
        guard.check()
