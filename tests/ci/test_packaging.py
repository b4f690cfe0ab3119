"""Packaging gates: a PEP 639 licence that setuptools builds without a deprecation warning, one version
source, ``py.typed`` in the wheel, and a lock file that pins every dependency within pyproject's ranges."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from importlib.metadata import version

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import ecoredress
from tests.conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# Byte-identical documents and sites depend on these versions (pandoc ships inside pypandoc-binary).
OUTPUT_TOOLS = ("pypandoc-binary", "typst", "zensical", "mkdocs-material", "ruamel.yaml")


def locked() -> dict[str, str]:
    pins = re.findall(r"^([A-Za-z0-9._-]+)==(\S+)", (ROOT / "requirements.lock").read_text(encoding="utf-8"), re.M)
    return {canonicalize_name(name): pin for name, pin in pins}


def declared() -> list[Requirement]:
    project = PYPROJECT["project"]
    return [Requirement(r) for r in [*project["dependencies"], *project["optional-dependencies"]["test"]]]


def test_every_dependency_is_locked_within_its_range():
    pins = locked()
    for requirement in declared():
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement.name} is not in requirements.lock: re-lock (see .ci/install)"
        assert requirement.specifier.contains(pins[name], prereleases=True), f"{name}=={pins[name]}: {requirement}"
    assert all(r.specifier and "==" not in str(r.specifier) for r in declared()), "pyproject: ranges; the lock: pins"


@pytest.mark.parametrize("tool", OUTPUT_TOOLS)
def test_output_tools_run_at_their_locked_versions(tool):
    assert version(tool) == locked()[canonicalize_name(tool)], f"pip install -c requirements.lock -e '.[test]' ({tool})"


def test_the_version_is_written_once():
    written = PYPROJECT["project"]["version"]
    assert ecoredress.__version__ == written
    stray = [p for p in (ROOT / "scripts").rglob("*.py") if f'"{written}"' in p.read_text(encoding="utf-8")]
    assert not stray, f"the version {written} is also written in {stray}"


@pytest.mark.slow
def test_wheel_builds_without_deprecation_and_carries_licence_and_types(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copyfile(ROOT / name, source / name)
    shutil.copytree(ROOT / "scripts", source / "scripts", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-v", "--wheel-dir", str(tmp_path / "dist"), str(source)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    assert "Deprecat" not in build.stdout + build.stderr, "setuptools warns about the project's metadata"
    (wheel,) = (tmp_path / "dist").glob("ecoredress-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode("utf-8")
    assert "ecoredress/py.typed" in names
    package = ROOT / "scripts" / "ecoredress"
    data = {  # every file the package reads at run time (package-data patterns are easy to forget)
        f"ecoredress/{path.relative_to(package).as_posix()}"
        for path in package.rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts
    }
    assert data <= set(names), sorted(data - set(names))
    assert "License-Expression: Apache-2.0" in metadata.splitlines()
    assert f"Version: {PYPROJECT['project']['version']}" in metadata.splitlines()
