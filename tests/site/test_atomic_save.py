"""A save from the form editor replaces the case file whole (workbench/atomic_save.cjs, loaded into decap-server):
a reader sees the old content or the new, never an empty or half-written file, and a save that fails leaves the
file as it was."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import urllib.request
from pathlib import Path

import pytest

from ecoredress.project import find_project
from ecoredress.workbench.local import ATOMIC_SAVE, start_backend, stop_backend
from tests.conftest import case_repository, install_cms_files

NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="需要 Node.js")
OLD = "id: YC-2023-002\nnote: 旧\n"


def node_save(path: Path, data_js: str) -> subprocess.CompletedProcess[str]:
    """``fs.promises.writeFile(path, <data_js>)`` in node, as decap-server calls it, with the module loaded."""
    failed = "e => { console.error(e.message); process.exit(3); }"
    script = f"require('fs').promises.writeFile({json.dumps(str(path))}, {data_js}).catch({failed})"
    return subprocess.run([NODE, "--require", str(ATOMIC_SAVE), "-e", script], capture_output=True, text=True)


@pytest.fixture
def case_file(tmp_path) -> Path:
    path = tmp_path / "cases" / "YC-2023-002.yaml"
    path.parent.mkdir()
    path.write_text(OLD, encoding="utf-8")
    path.chmod(0o640)
    return path


def test_a_save_replaces_the_file_whole_and_leaves_nothing_beside_it(case_file):
    before = case_file.stat()
    assert node_save(case_file, json.dumps("id: YC-2023-002\nnote: 新\n")).returncode == 0
    assert case_file.read_text(encoding="utf-8") == "id: YC-2023-002\nnote: 新\n"
    after = case_file.stat()
    assert after.st_ino != before.st_ino  # renamed over, not rewritten in place
    assert after.st_mode & 0o777 == 0o640
    assert os.listdir(case_file.parent) == [case_file.name]


def test_a_save_that_fails_half_way_leaves_the_file_as_it_was(case_file):
    # writeFile takes an async iterable: the first chunk is written, then the source fails.
    failing = "(async function* () { yield 'id: YC-2023-002\\n'; throw new Error('断开'); })()"
    result = node_save(case_file, failing)
    assert result.returncode == 3 and "断开" in result.stderr
    assert case_file.read_text(encoding="utf-8") == OLD
    assert os.listdir(case_file.parent) == [case_file.name]


def test_a_save_through_a_link_replaces_what_it_points_to_and_keeps_the_link(case_file):
    link = case_file.with_name("link.yaml")
    link.symlink_to(case_file.name)
    assert node_save(link, json.dumps("id: YC-2023-002\nnote: 新\n")).returncode == 0
    assert link.is_symlink() and case_file.read_text(encoding="utf-8") == "id: YC-2023-002\nnote: 新\n"


def test_the_editors_backend_saves_with_it(tmp_path):
    root = case_repository(tmp_path / "repo", ["YC-2023-002"])
    install_cms_files(root, server=True)
    case_file = root / "cases" / "YC-2023-002.yaml"
    before = case_file.stat().st_ino
    server, backend = start_backend(find_project(root), 0)
    try:
        entry = {"slug": "YC-2023-002", "path": "cases/YC-2023-002.yaml", "raw": OLD}
        body = {
            "action": "persistEntry",
            "params": {
                "branch": "main",
                "entry": entry,
                "assets": [],
                "options": {"commitMessage": "保存", "useWorkflow": False, "status": "draft"},
            },
        }
        request = urllib.request.Request(
            backend, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=10) as answer:
            assert answer.status == 200
    finally:
        stop_backend(server)
    assert case_file.read_text(encoding="utf-8") == OLD and case_file.stat().st_ino != before
