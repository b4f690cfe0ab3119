"""The live preview (`site serve`, `cms serve`): serves the built folder and rebuilds when a source changes."""

from __future__ import annotations

import re
import threading
import urllib.request
from pathlib import Path

from ecoredress.errors import UserError
from ecoredress.publish.serve import serve_rebuilding

WAIT = 30  # seconds granted to each step on a loaded machine; the steps end as soon as they are done


class Builds:
    """A build that writes its count into the served folder; fails with a UserError while ``broken`` is set."""

    def __init__(self, out: Path) -> None:
        self.out, self.count, self.broken = out, 0, False
        self.done = threading.Semaphore(0)

    def __call__(self) -> None:
        try:
            if self.broken:
                raise UserError("案件文件有错误")
            self.count += 1
            self.out.mkdir(parents=True, exist_ok=True)
            (self.out / "index.html").write_text(f"第{self.count}次", encoding="utf-8")
        finally:
            self.done.release()


def test_a_change_in_a_source_rebuilds_and_the_output_folder_does_not(tmp_path, capsys):
    cases, out = tmp_path / "cases", tmp_path / "build" / "preview"
    cases.mkdir()
    (cases / "A.yaml").write_text("id: A\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\n", encoding="utf-8")
    build, stop, printed = Builds(out), threading.Event(), []
    sources = [cases, config, tmp_path / "missing"]  # a missing source (no site/ folder) is no error
    arguments = (build, out, sources, 0, "预览：{url}")
    server = threading.Thread(target=serve_rebuilding, args=arguments, kwargs={"stop": stop})
    server.start()
    try:
        assert build.done.acquire(timeout=WAIT)
        assert _wait_for(lambda: printed.append(capsys.readouterr().out) or "预览：" in "".join(printed))
        urls = re.findall(r"预览：(\S+)", "".join(printed))
        assert _page(urls[0]) == "第1次"

        (cases / "A.yaml").write_text("id: A\ntitle: 改\n", encoding="utf-8")
        assert build.done.acquire(timeout=WAIT), "a changed case file rebuilds"
        assert _page(urls[0]) == "第2次"

        (cases / "sub").mkdir()
        (cases / "sub" / "B.yaml").write_text("id: B\n", encoding="utf-8")
        assert build.done.acquire(timeout=WAIT), "a new file in a new folder rebuilds"
        config.write_text("site_name: y\n", encoding="utf-8")
        assert build.done.acquire(timeout=WAIT), "a changed settings file rebuilds"

        build.broken = True
        (cases / "A.yaml").write_text("id: [\n", encoding="utf-8")
        assert build.done.acquire(timeout=WAIT)
        assert _page(urls[0]).startswith("第"), "the previous site is still served"
        assert "错误：案件文件有错误" in capsys.readouterr().err
    finally:
        stop.set()
        server.join(timeout=WAIT)
    assert not server.is_alive()
    # Only the builds' own writes into the output folder followed: they started no build of their own.
    assert not build.done.acquire(timeout=0)


def _wait_for(condition) -> bool:
    done = threading.Event()
    for _ in range(WAIT * 10):
        if condition():
            return True
        done.wait(0.1)
    return False


def _page(url: str) -> str:
    with urllib.request.urlopen(url + "index.html", timeout=WAIT) as response:
        return response.read().decode("utf-8")
