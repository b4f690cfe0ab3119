"""The pre-commit hook other case repositories use, and this repository's own configuration."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.ci.gitrepo import CaseRepo
from tests.conftest import ROOT

HOOKS = ROOT / ".pre-commit-hooks.yaml"
CONFIG = ROOT / ".pre-commit-config.yaml"


def load(path: Path):
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def pre_commit(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env, capture_output=True, text=True)


def published_hook() -> dict:
    (hook,) = load(HOOKS)
    return hook


def local_hook() -> dict:
    (repo,) = load(CONFIG)["repos"]
    (hook,) = repo["hooks"]
    return hook


@pytest.mark.parametrize(("command", "path"), [("validate-manifest", HOOKS), ("validate-config", CONFIG)])
def test_files_are_valid_for_pre_commit(command, path, tmp_path):
    result = pre_commit(command, str(path), cwd=ROOT, home=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_pre_commit_rejects_a_broken_manifest(tmp_path):
    broken = tmp_path / ".pre-commit-hooks.yaml"
    broken.write_text(HOOKS.read_text(encoding="utf-8").replace("  entry:", "  entyr:"), encoding="utf-8")
    result = pre_commit("validate-manifest", str(broken), cwd=tmp_path, home=tmp_path)
    assert result.returncode != 0 and "entry" in result.stdout + result.stderr


def test_the_local_hook_is_the_published_hook():
    published, local = published_hook(), local_hook()
    assert published["id"] == local["id"] == "ecoredress-check"
    for key in ("entry", "files", "exclude", "types", "require_serial"):
        assert published[key] == local[key], key


def test_hook_selects_case_files_only():
    hook = published_hook()
    files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])
    selected = lambda p: bool(files.search(p)) and not exclude.search(p)  # noqa: E731
    assert selected("cases/YC-2023-002.yaml") and selected("cases/2024/YC-2024-001.yml")
    assert not selected("cases/screening/YC-2023-Q1.yaml")
    assert not selected("schema/case.schema.json") and not selected("mkdocs.yml")


def test_entry_command_passes_good_cases_and_stops_a_broken_one(tmp_path):
    """What pre-commit runs: the entry with the staged case files as arguments."""
    repo = CaseRepo.create(tmp_path)
    entry = shlex.split(published_hook()["entry"])
    assert shutil.which(entry[0]), f"{entry[0]} is not on PATH"
    ok = subprocess.run([*entry, "cases/YC-2023-002.yaml"], cwd=repo.root, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    repo.edit("YC-2023-002.yaml", ("  total: 1272400.00", "  total: 1272400.01"))
    bad = subprocess.run([*entry, "cases/YC-2023-002.yaml"], cwd=repo.root, capture_output=True, text=True)
    assert bad.returncode == 1 and "amount-mismatch" in bad.stdout


def test_pre_commit_runs_the_local_hook_in_a_case_repository(tmp_path):
    repo = CaseRepo.create(tmp_path / "repo")
    shutil.copy(CONFIG, repo.root / CONFIG.name)
    repo.commit("启用 pre-commit")
    home = tmp_path / "pre-commit-home"
    assert pre_commit("run", "--all-files", cwd=repo.root, home=home).returncode == 0
    repo.edit("YC-2023-002.yaml", ("  report_on: 2023-05-31", "  report_on: 2023-04-10"))
    result = pre_commit("run", "--all-files", cwd=repo.root, home=home)
    assert result.returncode == 1
    assert "date-order" in result.stdout and "cases/YC-2023-002.yaml:" in result.stdout
