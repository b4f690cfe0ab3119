"""built_once (tests/conftest.py): the expensive session builds are made once per test run, also when pytest-xdist
workers ask for them at the same time, and a build that failed half-way is not taken for done."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import built_once


class Session:
    """What built_once reads of pytest's tmp_path_factory: the session's own temporary folder."""

    def __init__(self, basetemp: Path) -> None:
        self.basetemp = basetemp

    def getbasetemp(self) -> Path:
        self.basetemp.mkdir(parents=True, exist_ok=True)
        return self.basetemp


def test_two_xdist_workers_asking_at_once_share_one_build(tmp_path, monkeypatch):
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw0")
    builds, both_asked = [], threading.Barrier(2)

    def build(folder: Path) -> dict[str, int]:
        builds.append(folder)
        time.sleep(0.5)  # room for the other worker to start a build of its own, were it not locked out
        (folder / "index.html").write_text("站点", encoding="utf-8")
        return {"pages": 1}

    def worker(name: str) -> tuple[Path, dict[str, int]]:
        both_asked.wait()
        return built_once(Session(tmp_path / "pytest-1" / f"popen-{name}"), "portal", build)

    with ThreadPoolExecutor(2) as pool:
        first, second = pool.map(worker, ["gw0", "gw1"])
    assert len(builds) == 1
    assert first == second == (tmp_path / "pytest-1" / "built-once" / "portal", {"pages": 1})
    assert (first[0] / "index.html").read_text(encoding="utf-8") == "站点"


def test_without_xdist_the_build_is_in_the_sessions_own_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)
    folder, value = built_once(Session(tmp_path / "pytest-2"), "documents", lambda out: out.name)
    assert folder == tmp_path / "pytest-2" / "built-once" / "documents" and value == "documents"


def test_a_build_that_failed_half_way_is_done_again_from_an_empty_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)

    def failing(folder: Path) -> None:
        (folder / "half.html").write_text("", encoding="utf-8")
        raise RuntimeError("构建中断")

    with pytest.raises(RuntimeError):
        built_once(Session(tmp_path), "portal", failing)
    _, left = built_once(Session(tmp_path), "portal", lambda folder: sorted(p.name for p in folder.iterdir()))
    assert left == []
