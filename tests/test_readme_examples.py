"""Every `ecoredress …` command shown in README.md runs, in a copy of this repository, and succeeds."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.ci import runs
from tests.conftest import ROOT


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"```bash\n(.*?)```", text, flags=re.S):
        for line in block.splitlines():
            line = re.split(r"\s{2,}#", line)[0].strip()  # drop the trailing explanation
            line = line.split("&&")[-1].strip()  # `bash .ci/install && ecoredress build`: the install is .ci/run itself
            if line.startswith("ecoredress ") and line not in commands:  # shown twice, run once
                commands.append(line)
    return commands


COMMANDS = readme_commands()
# Exit codes other than 0 that the README documents next to the command.
EXPECTED_EXIT = {
    "ecoredress screening": 1,  # the samples leave 固原市 2025 Q3 unscreened on purpose
}


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """A copy of the repository GitHub's deploy workflow built (tests/ci/runs.py): a git history, here with an
    origin/main for `site diff --base origin/main`, and every document rendered, so that `ecoredress build` renders
    nothing again (the cold build is that run's, compared byte for byte in tests/ci/test_reproducible.py)."""
    target = tmp_path_factory.mktemp("readme") / "repo"
    shutil.copytree(runs.pages_run(tmp_path_factory).repo.root, target, symlinks=True)
    git = ["git", "update-ref", "refs/remotes/origin/main", "HEAD"]
    subprocess.run(git, cwd=target, check=True, capture_output=True)
    return target


def test_readme_shows_the_main_commands():
    assert {"ecoredress build", "ecoredress check", "ecoredress site serve"} <= set(COMMANDS)
    assert len(COMMANDS) >= 15


SERVERS = {
    "ecoredress site serve",
    "ecoredress cms serve",
}  # they run until stopped: the site one below, the editor in tests/site


@pytest.mark.parametrize("command", [c for c in COMMANDS if c not in SERVERS])
def test_readme_command_succeeds(repo, command):
    result = subprocess.run(command, shell=True, cwd=repo, capture_output=True, text=True, timeout=600)
    assert result.returncode == EXPECTED_EXIT.get(command, 0), f"{command}\n{result.stdout}\n{result.stderr}"
    assert "Traceback" not in result.stderr


def test_readme_site_serve_serves_the_portal(repo):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        ["ecoredress", "site", "serve", "--port", str(port)],
        cwd=repo,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 240
        while True:
            assert server.poll() is None, server.stdout.read()
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    page = response.read().decode("utf-8")
                break
            except OSError:
                assert time.monotonic() < deadline, "site serve did not answer"
                time.sleep(1)
        assert "生态环境损害赔偿" in page
    finally:
        server.terminate()
        server.wait(timeout=30)
