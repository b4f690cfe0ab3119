"""`site build` killed with SIGKILL at any step: the live site stays complete and readable by a web server
running as another user; what the killed build left is removed by the next build, but a build still running
keeps its work folder; no source folder is left in the temporary directory."""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import ecoredress
from ecoredress.errors import UserError
from ecoredress.project import find_project
from ecoredress.publish import site as site_module
from ecoredress.publish.site import build_site
from ecoredress.publish.sync import file_hashes
from ecoredress.publish.workspace import workspace_for

ROOT = Path(__file__).resolve().parents[2]
ENGINE = "mkdocs"  # as crash_build.py, whose crash points are hooks in mkdocs
CRASH = Path(__file__).with_name("crash_build.py")


@pytest.fixture(autouse=True)
def umask_022():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> Path:
    """A complete build of the sample repository (builds are byte-identical)."""
    out = tmp_path_factory.mktemp("reference") / "public"
    previous = os.umask(0o022)
    build_site(find_project(ROOT), out, engine=ENGINE)
    os.umask(previous)
    return out


@pytest.fixture
def complete(reference) -> dict[str, str]:
    return file_hashes(reference)


@pytest.fixture
def live(tmp_path, reference) -> Path:
    """A served site, as an earlier build left it."""
    out = tmp_path / "www" / "public"
    shutil.copytree(reference, out)
    return out


def crash(step: str, action: str, out: Path, tmpdir: Path) -> subprocess.Popen:
    tmpdir.mkdir(exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(Path(ecoredress.__file__).parents[1]), "TMPDIR": str(tmpdir)}
    return subprocess.Popen(
        [sys.executable, str(CRASH), step, action, str(ROOT), str(out)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: os.umask(0o022),
    )


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}."))


def assert_served(out: Path, complete: dict[str, str]) -> None:
    """The site is complete and every folder and file is readable by others (a web server's user)."""
    assert file_hashes(out) == complete
    for path in [out, *out.rglob("*")]:
        mode = path.stat().st_mode
        wanted = 0o005 if stat.S_ISDIR(mode) else 0o004
        assert mode & wanted == wanted, f"{path} 的权限 {oct(mode & 0o777)} 不允许网站服务器读取"


def test_site_root_is_readable_by_the_web_server(tmp_path, complete):
    out = tmp_path / "public"
    build_site(find_project(ROOT), out, engine=ENGINE)
    assert stat.S_IMODE(out.stat().st_mode) == 0o755
    assert_served(out, complete)
    assert leftovers(out) == []


@pytest.mark.parametrize("step", ["sources", "pages", "exchanged"])
def test_killed_build_leaves_the_live_site_complete_and_is_cleaned_next_time(tmp_path, complete, live, step):
    out = live
    killed = crash(step, "kill", out, tmp_path / "tmp")
    killed.wait(timeout=120)
    assert killed.returncode == -signal.SIGKILL, killed.stderr.read().decode()
    assert any(name.startswith(".public.new-") for name in leftovers(out)), "the kill came before the build began"
    assert_served(out, complete)
    temporary = [p.name for p in (tmp_path / "tmp").iterdir() if p.name != "jieba.cache"]  # jieba's dictionary cache
    assert temporary == [], "sources left in the temporary directory"
    build_site(find_project(ROOT), out, engine=ENGINE)
    assert leftovers(out) == []
    assert_served(out, complete)


def test_killed_between_fallback_renames_the_next_build_restores_the_old_site(tmp_path, complete, live, monkeypatch):
    """Without RENAME_EXCHANGE the swap takes two renames; a kill between them leaves no target. The next
    build puts the old site back first, even if that build itself fails."""
    out = live
    killed = crash("renamed", "kill", out, tmp_path / "tmp")
    killed.wait(timeout=120)
    assert killed.returncode == -signal.SIGKILL, killed.stderr.read().decode()
    assert not out.exists()

    def broken(*args, **kwargs):
        raise UserError("网站生成失败（测试）")

    monkeypatch.setattr(site_module, "run_mkdocs", broken)
    with pytest.raises(UserError):
        build_site(find_project(ROOT), out, engine=ENGINE)
    assert leftovers(out) == []
    assert_served(out, complete)


def test_a_running_build_keeps_its_work_folder(tmp_path, complete, live):
    out = live
    running = crash("sources", "stop", out, tmp_path / "tmp")
    try:
        _, status = os.waitpid(running.pid, os.WUNTRACED)
        assert os.WIFSTOPPED(status)
        [work] = leftovers(out)
        assert (workspace_for(out, ENGINE) / "docs" / "index.md").is_file()  # stopped after the sources
        build_site(find_project(ROOT), out, engine=ENGINE)  # e.g. the preview server rebuilding while a build runs
        assert leftovers(out) == [work]
    finally:
        running.send_signal(signal.SIGCONT)
    assert running.wait(timeout=120) == 0, running.stderr.read().decode()
    assert leftovers(out) == []
    assert_served(out, complete)
