"""Shared fixtures: the repository root, the sample cases, and a CLI runner that captures output."""

from __future__ import annotations

import contextlib
import io
import os
import pickle
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pytest
from filelock import FileLock
from hypothesis import settings

from ecoredress.cli import main
from ecoredress.loading.discovery import discover_case_files
from ecoredress.validation.checker import load_case
from ecoredress.workbench.admin import LICENCES, VENDORED

# No per-example time limit: tests assert behaviour, never speed (speed is measured under bench/), and a
# shared or loaded machine must not turn a correct property into a flaky one.
settings.register_profile("ecoredress", deadline=None)
settings.load_profile("ecoredress")

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "cases"
T = TypeVar("T")


@dataclass
class Result:
    code: int
    out: str
    err: str


def case_repository(root: Path, cases: list[str] | None = None) -> Path:
    """A copy of this project at ``root`` (copies: ecoredress refuses links): its site pages, templates and settings,
    and the named sample cases (None: the whole cases folder)."""
    for name in ("site", "templates"):
        shutil.copytree(ROOT / name, root / name)
    for name in ("mkdocs.yml", "pyproject.toml"):
        shutil.copyfile(ROOT / name, root / name)
    if cases is None:
        shutil.copytree(ROOT / "cases", root / "cases")
    else:
        (root / "cases").mkdir()
        for case in cases:
            shutil.copyfile(ROOT / "cases" / f"{case}.yaml", root / "cases" / f"{case}.yaml")
    return root


def built_once(tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], T]) -> tuple[Path, T]:
    """A folder ``build`` fills, and what it returns, made once per test run: under pytest-xdist the workers share it
    (the first to take the lock builds, the others wait and read the same folder), so ``-n 2`` does not build the
    portal or render the documents twice. Tests only read it, as they read any session fixture's output."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's folder, above each worker's own
    folder, value = root / "built-once" / name, root / "built-once" / f"{name}.pickle"
    folder.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(folder.parent / f"{name}.lock"):
        if not value.exists():  # the value is written last: a build that failed half-way is done again
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            value.write_bytes(pickle.dumps(build(folder)))
    return folder, pickle.loads(value.read_bytes())


def run_cli(*args: str) -> Result:
    """Run ``ecoredress ARGS`` in-process; return exit code, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse usage errors and --help
            code = int(exc.code or 0)
    return Result(code, out.getvalue(), err.getvalue())


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(ROOT)
    return run_cli


@pytest.fixture(scope="session")
def sample_cases():
    """Every sample case in cases/, validated (a sample that does not validate fails here)."""
    loaded = []
    for path in discover_case_files([CASES]):
        checked = load_case(path, path.name)
        assert checked.case is not None, [f.message for f in checked.findings]
        loaded.append(checked.case)
    return loaded


def install_cms_files(root: Path, server: bool = False) -> None:
    """In a copy of the project at ``root``, what `npm ci` installs for the form editor: the browser files the
    internal site copies (real files: the build reads node_modules without following links) and, with
    ``server``, decap-server linked to this checkout's (node runs it, with the dependencies beside it)."""
    modules = ROOT / "node_modules"
    for package, wanted, _ in VENDORED:
        for source in (modules / package).rglob("*"):
            if source.is_file() and wanted.search(source.name):
                target = root / "node_modules" / package / source.relative_to(modules / package)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
    for source, _ in LICENCES:
        shutil.copyfile(modules / source, root / "node_modules" / source)
    if server:
        os.symlink(modules / "decap-server", root / "node_modules" / "decap-server")


# Modules whose tests (or their fixtures) each take about ten seconds or more: whole builds of the site or of the
# documents, LibreOffice layouts, the CI workflows run step by step, the README's commands, killed builds.
SLOW_MODULES = {
    "tests/ci/test_reproducible.py",
    "tests/ci/test_workflows.py",
    "tests/documents/test_document_render.py",
    "tests/documents/test_office_rendering.py",
    "tests/site/test_site_swap.py",
    "tests/test_readme_examples.py",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the slow modules' tests ``slow``, and every test that uses the browser (directly or through a
    fixture) ``browser``, so that ``-m "not slow and not browser"`` is a quick loop."""
    for item in items:
        if item.path.relative_to(ROOT).as_posix() in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
