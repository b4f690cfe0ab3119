"""Driving the form editor: `ecoredress cms serve` on a throw-away copy of the repository, and the few form
actions a newcomer takes (the end-to-end test and the handbook's screenshots use the same steps)."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.ci.gitrepo import CaseRepo
from tests.conftest import install_cms_files

START_SECONDS = 120  # the first build of the internal site runs before the editor is served


@dataclass
class Editor:
    repo: CaseRepo
    url: str  # the internal site; the editor is at url + "admin/"


@contextlib.contextmanager
def running_editor(root: Path, as_of: str) -> Iterator[Editor]:
    """`ecoredress cms serve` (decap-server and the internal site, any free ports) in a copy of this project."""
    repo = CaseRepo.from_project(root)
    install_cms_files(root, server=True)
    log = (root.parent / "cms-serve.log").open("w", encoding="utf-8")
    process = subprocess.Popen(
        ["ecoredress", "cms", "serve", "--port", "0", "--backend-port", "0", "--as-of", as_of],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
        start_new_session=True,
    )
    try:
        yield Editor(repo, _served_url(process, root.parent / "cms-serve.log"))
    finally:
        os.killpg(process.pid, signal.SIGTERM)  # the group this test started: the command and its decap-server
        process.wait(timeout=30)
        log.close()


def _served_url(process: subprocess.Popen, log: Path) -> str:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        match = re.search(r"内部网站：(http://127\.0\.0\.1:\d+/)", line)
        if match:
            return match.group(1)
        if not line and process.poll() is not None:
            break
    raise AssertionError(f"ecoredress cms serve did not start:\n{log.read_text(encoding='utf-8')}")


def log_in(page, editor: Editor) -> None:
    page.goto(editor.url + "admin/")
    page.get_by_role("button", name="登录").click()  # the local decap-server needs no password
    page.locator("a[href*='collections/cases/entries/']").first.wait_for()


def text(page, label: str, value: str) -> None:
    page.get_by_label(label, exact=True).fill(value)


def choose(page, label: str, *values: str) -> None:
    box = page.get_by_label(label, exact=True)
    for value in values:
        box.click()
        box.fill(value)
        page.keyboard.press("Enter")


def add_item(page, label: str, value: str) -> None:
    page.get_by_role("button", name=f"新增{label}").click()
    page.get_by_label(label, exact=True).last.fill(value)


def publish(page) -> None:
    page.get_by_role("button", name="发布").first.click()
    page.get_by_role("menuitem", name="立即发布").click()


def wait_for_file(page, path: Path, differs_from: str | None = None, seconds: float = 30) -> str:
    """The saved file, once two reads 200 ms apart find the same new content: decap-server writes in place
    (truncates, then writes), so a single read can fall in between and see an empty file. The page waits, not
    Python: its routed requests are answered by this thread."""
    deadline, last = time.monotonic() + seconds, None
    while time.monotonic() < deadline:
        content = path.read_text(encoding="utf-8") if path.is_file() else None
        if content and content != differs_from and content == last:
            return content
        last = content
        page.wait_for_timeout(200)
    raise AssertionError(f"{path} was not saved")
