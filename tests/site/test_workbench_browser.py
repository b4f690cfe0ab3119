"""The staff workbench in Debian Chromium: the form editor saving through the local backend
(`ecoredress cms serve` on a copy of the repository), and the internal site's dashboard and Chinese search."""

from __future__ import annotations

import difflib
import re
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import expect

from browsing import console_errors, search
from cms_form import add_item, choose, log_in, publish, running_editor, text, wait_for_file
from ecoredress.loading.yamlio import load_data
from tests.site.conftest import PEOPLE_CASE

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
NEW_CASE = "YC-2024-090"
EDITED = "YC-2023-002"


@pytest.fixture
def local_page(browser):
    """A page that may talk to 127.0.0.1 only (the internal site and decap-server), and fails on any script
    error or Content Security Policy violation."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside: list[str] = []

    def guard(route):
        if route.request.url.startswith(("http://127.0.0.1:", "data:", "blob:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    errors = console_errors(page)
    yield page
    context.close()
    assert outside == [] and errors == [], (outside, errors)


def test_form_creates_a_case_and_edits_an_amount_through_the_local_backend(local_page, tmp_path):
    page = local_page
    with running_editor(tmp_path / "repo", "2024-06-30") as editor:
        cases = editor.repo.cases
        log_in(page, editor)

        # A new case, required fields only.
        page.goto(editor.url + "admin/#/collections/cases/new")
        text(page, "案件编号", NEW_CASE)
        text(page, "案件名称", "某公司向某河排放废水生态环境损害赔偿案")
        text(page, "案情简介", "2024年3月，某公司向某河排放超标废水，造成河段水体污染。")
        choose(page, "赔偿权利人", "银川市人民政府")
        add_item(page, "指定部门或机构", "银川市生态环境局")
        choose(page, "线索来源", "群众举报")
        page.get_by_label("发现日期", exact=True).fill("2024-03-02")
        text(page, "线索概述", "群众举报某公司夜间向某河排放废水。")
        choose(page, "损害类型", "水污染")
        choose(page, "所在设区市", "银川市")
        text(page, "损害地点", "银川市某区某河段")
        text(page, "损害情况", "排放超标废水，河段水质恶化。")
        publish(page)
        created = wait_for_file(page, cases / f"{NEW_CASE}.yaml")
        assert load_data(created)["clue"]["found_on"].isoformat() == "2024-03-02"
        check = subprocess.run(
            ["ecoredress", "check", f"cases/{NEW_CASE}.yaml"], cwd=editor.repo.root, capture_output=True, text=True
        )
        assert check.returncode == 0 and "0 个错误" in check.stdout, check.stdout

        # A sample case: one amount changed, every other value and line as it was.
        before = (cases / f"{EDITED}.yaml").read_text(encoding="utf-8")
        page.goto(editor.url + f"admin/#/collections/cases/entries/{EDITED}")
        page.reload()  # (a change of the URL fragment alone keeps the editor of the case just saved)
        amount = page.get_by_label("预估损害金额（元）", exact=False)
        expect(amount).to_have_value(re.compile(r"\d"))  # the entry has loaded
        assert Decimal(amount.input_value()) == load_data(before)["damage"]["estimated_amount"]
        amount.fill("1250000.5")
        publish(page)
        after = wait_for_file(page, cases / f"{EDITED}.yaml", differs_from=before)
        expected = load_data(before)
        expected["damage"]["estimated_amount"] = Decimal("1250000.50")
        assert load_data(after) == expected
        changed = [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"]
        assert changed == ["-   estimated_amount: 1200000", "+   estimated_amount: 1250000.50"]


def test_internal_site_in_chromium(local_page, internal_url, sites):
    page = local_page
    page.goto(internal_url)
    assert page.locator(".md-banner").inner_text().startswith("内部资料")
    assert page.locator("tr[data-duty]").count() > 0
    found = search(page, sites.engine, "张德顺").and_(page.locator(f"[href*='cases/{PEOPLE_CASE}/']"))
    found.first.wait_for(timeout=10000)
    for path in ("", f"cases/{PEOPLE_CASE}/"):
        page.goto(internal_url + path)
        page.evaluate(AXE.read_text(encoding="utf-8"))
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        assert [v["id"] for v in result["violations"] if v["impact"] in ("serious", "critical")] == [], path
