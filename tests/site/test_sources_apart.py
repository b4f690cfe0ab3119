"""A large repository's site sources are generated in a process of their own (issue 14, part 3: memory), so that
the process running the engine never holds every case besides. The site is the same byte for byte; a broken
file, a refused link and a process that dies are said as they are in one process, in Chinese.

The tests lower the threshold (``SOURCES_APART``) to every repository, so the samples go the large way."""

from __future__ import annotations

import functools
import os
import re

import pytest

from ecoredress.errors import UserError
from ecoredress.project import find_project
from ecoredress.publish import site as site_module
from ecoredress.publish.site import build_site
from ecoredress.publish.sync import file_hashes
from tests.conftest import case_repository, run_cli


@pytest.fixture
def repo(tmp_path, monkeypatch):
    root = case_repository(tmp_path / "repo")
    monkeypatch.chdir(root)
    return root


def _pid_with(work):
    return os.getpid(), work()


def in_another_process(apart, pids, work):
    pid, result = apart(functools.partial(_pid_with, work))
    pids.append(pid)
    return result


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_the_site_is_the_same_built_apart_or_here(repo, tmp_path, monkeypatch, engine):
    project = find_project(repo)
    here = build_site(project, tmp_path / "here", engine=engine)
    monkeypatch.setattr(site_module, "SOURCES_APART", 0)
    pids = []
    monkeypatch.setattr(site_module, "_apart", functools.partial(in_another_process, site_module._apart, pids))
    apart = build_site(project, tmp_path / "apart", engine=engine)
    assert pids and os.getpid() not in pids
    assert here == apart.__class__(**{**apart.__dict__, "out": here.out})
    assert file_hashes(tmp_path / "here") == file_hashes(tmp_path / "apart")
    again = build_site(project, tmp_path / "apart", engine=engine)
    assert not again.changed  # the workspace state written after the engine is the one the next build reads


def test_a_file_that_cannot_be_used_is_said_from_the_other_process(repo, tmp_path, monkeypatch, capfd):
    (repo / "cases" / "YC-2099-001.yaml").write_text("id: YC-2099-001\ntitle: [未闭合\n", encoding="utf-8")
    monkeypatch.setattr(site_module, "SOURCES_APART", 0)
    result = run_cli("site", "build", "--out", str(tmp_path / "public"))
    said = result.err + capfd.readouterr().err
    assert result.code == 1 and "Traceback" not in said
    assert re.search(r"cases/YC-2099-001\.yaml:\d+:\d+: 错误 yaml-syntax ", said) and "已跳过以上 1 个" in said
    assert (tmp_path / "public" / "cases" / "YC-2023-002" / "index.html").is_file()


def test_an_error_in_the_other_process_is_the_same_chinese_message(repo, tmp_path, monkeypatch):
    os.symlink("/etc/passwd", repo / "site" / "passwd.md")
    here = run_cli("site", "build", "--out", str(tmp_path / "here"))
    monkeypatch.setattr(site_module, "SOURCES_APART", 0)
    apart = run_cli("site", "build", "--out", str(tmp_path / "apart"))
    assert here.code == apart.code != 0 and "Traceback" not in apart.err
    assert apart.err.replace("apart", "here") == here.err and re.search(r"[\u4e00-\u9fff]", apart.err)


def test_a_process_that_dies_is_said_in_chinese():
    with pytest.raises(UserError, match="意外退出") as raised:
        site_module._apart(functools.partial(os._exit, 9))
    assert raised.value.exit_code == 1
