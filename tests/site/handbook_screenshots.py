"""The staff handbook's screenshots (site/assets/handbook/*.png), taken in headless Debian Chromium from the
sample cases with the same steps as the end-to-end test: `python3 tests/site/handbook_screenshots.py`.

The handbook is also a page of the public portal: the screenshots show no natural person's name (checked
below), only cases of companies, on a day when the samples have an overdue duty and duties due soon.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(HERE), str(ROOT), str(ROOT / "scripts")]

from playwright.sync_api import sync_playwright  # noqa: E402

from cms_form import add_item, choose, log_in, running_editor, text, wait_for_file  # noqa: E402
from ecoredress.loading.discovery import discover_case_files  # noqa: E402
from ecoredress.model.parties import Person  # noqa: E402
from ecoredress.validation.checker import load_case  # noqa: E402
from tests.site.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

OUT = ROOT / "site" / "assets" / "handbook"
AS_OF = "2023-05-11"
NEW_CASE = "YC-2023-003"
PEOPLE = {
    o.name
    for p in discover_case_files([ROOT / "cases"])
    for o in load_case(p, p.name).case.obligors
    if isinstance(o, Person)
}


def shoot(page, name: str, clip_to: str | None = None) -> None:
    """Save the viewport (or the element ``clip_to``) after checking that it names no natural person."""
    target = page.locator(clip_to).first if clip_to else page
    shown = target.inner_text() if clip_to else page.evaluate("() => document.body.innerText")
    named = [person for person in PEOPLE if person in shown]
    assert not named, f"{name}: {named}"
    target.screenshot(path=str(OUT / name), scale="css") if clip_to else page.screenshot(
        path=str(OUT / name), scale="css"
    )
    print(f"{OUT / name}: {(OUT / name).stat().st_size // 1024} KB")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with (
        tempfile.TemporaryDirectory() as work,
        running_editor(Path(work) / "repo", AS_OF) as editor,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 760}, locale="zh-CN")
        page.goto(editor.url)
        shoot(page, "dashboard.png")
        page.goto(editor.url + "cases/")
        shoot(page, "next-id.png", ".er-next-ids")
        log_in(page, editor)
        page.goto(editor.url + "admin/#/collections/cases/new")
        text(page, "案件编号", NEW_CASE)
        text(page, "案件名称", "宁夏虚构纸业有限公司向黄河支流排放超标废水生态环境损害赔偿案")
        text(
            page,
            "案情简介",
            "2023年5月，群众举报宁夏虚构纸业有限公司夜间通过雨水管排放超标废水，排放口下游约1公里河段水体发黑。",
        )
        choose(page, "赔偿权利人", "银川市人民政府")
        add_item(page, "指定部门或机构", "银川市生态环境局")
        choose(page, "线索来源", "群众举报")
        page.get_by_label("发现日期", exact=True).fill("2023-05-04")
        text(page, "线索概述", "群众举报宁夏虚构纸业有限公司夜间排放废水，执法人员现场取样。")
        page.evaluate("() => window.scrollTo(0, 0)")
        page.locator("[class*=ControlPaneContainer], main").first.evaluate("e => e.scrollTo && e.scrollTo(0, 0)")
        shoot(page, "form-new.png")
        choose(page, "损害类型", "水污染")
        choose(page, "所在设区市", "银川市")
        text(page, "损害地点", "银川市某区典农河支流")
        text(page, "损害情况", "超标废水经雨水管排入支流，约 1 公里河段水体发黑、鱼类死亡。")
        page.get_by_role("button", name="发布").first.click()
        shoot(page, "form-publish.png")
        page.get_by_role("menuitem", name="立即发布").click()
        wait_for_file(page, editor.repo.cases / f"{NEW_CASE}.yaml")
        page.goto(editor.url + "admin/#/collections/cases/entries/YC-2023-002")
        page.reload()
        page.get_by_label("预估损害金额（元）", exact=False).scroll_into_view_if_needed()
        shoot(page, "form-edit.png")
        for _ in range(150):  # the internal site is rebuilt after the save
            page.wait_for_timeout(200)
            if page.goto(editor.url + f"cases/{NEW_CASE}/").ok:
                break
        shoot(page, "case-page.png")
        browser.close()


if __name__ == "__main__":
    main()
