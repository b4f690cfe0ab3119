"""The import contracts of pyproject.toml ([tool.importlinter]): the layers of the package import only downward,
and documents, registers and the portal do not import each other. Run here on the package as it is, and on a copy
with one deliberate wrong import, which the same contracts must refuse by name."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LAYERS = "Layers import only downward"
OUTPUTS = "Documents, registers and the portal do not import each other"


def lint_imports(repository: Path) -> subprocess.CompletedProcess[str]:
    """import-linter's `lint-imports` on the package under ``repository``/scripts, with its pyproject.toml."""
    env = {**os.environ, "PYTHONPATH": str(repository / "scripts"), "COLUMNS": "300", "NO_COLOR": "1"}
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "from importlinter.cli import lint_imports_command; lint_imports_command()",
            "--no-cache",
        ],
        cwd=repository,
        env=env,
        capture_output=True,
        text=True,
    )


def test_the_package_keeps_its_import_contracts():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{LAYERS} KEPT" in result.stdout and f"{OUTPUTS} KEPT" in result.stdout
    assert "Contracts: 2 kept, 0 broken." in result.stdout


def _append(module: str, text: str) -> Callable[[Path], None]:
    def edit(package: Path) -> None:
        path = package.joinpath(*module.split(".")[1:]).with_suffix(".py")
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")

    return edit


def _new_module(name: str) -> Callable[[Path], None]:
    def edit(package: Path) -> None:
        (package / f"{name}.py").write_text('"""A module the layers do not place."""\n', encoding="utf-8")

    return edit


WRONG_IMPORTS = {
    # Inside a function, as the old code hid its upward imports: import-linter reads every import statement.
    "model-imports-the-portal": (
        _append("ecoredress.model.types", "\n\ndef _upward() -> None:\n    from ecoredress.publish import site\n"),
        LAYERS,
        "- ecoredress.model.types -> ecoredress.publish.site (l.",
    ),
    "a-rule-imports-the-checker": (
        _append("ecoredress.regulation.rules.art05_jurisdiction", "\nfrom ecoredress.validation import checker\n"),
        LAYERS,
        "- ecoredress.regulation.rules.art05_jurisdiction -> ecoredress.validation.checker (l.",
    ),
    "documents-import-the-portal": (
        _append("ecoredress.documents.plan", "\nfrom ecoredress.publish import pages\n"),
        OUTPUTS,
        "- ecoredress.documents.plan -> ecoredress.publish.pages (l.",
    ),
    "a-module-without-a-layer": (_new_module("stray"), LAYERS, "- ecoredress.stray"),
}


@pytest.mark.parametrize("wrong", WRONG_IMPORTS)
def test_a_deliberate_wrong_import_breaks_the_contract_that_names_it(tmp_path, wrong):
    edit, contract, line = WRONG_IMPORTS[wrong]
    package = tmp_path / "scripts" / "ecoredress"
    shutil.copytree(ROOT / "scripts" / "ecoredress", package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    edit(package)
    result = lint_imports(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{contract} BROKEN" in result.stdout
    assert line in broken_section(result.stdout, contract), result.stdout


def broken_section(report: str, contract: str) -> str:
    """What the report says under the heading of the broken ``contract`` (up to the next contract's heading)."""
    section = report.split(f"\n{contract}\n{'-' * len(contract)}\n", 1)[1]
    others = [name for name in (LAYERS, OUTPUTS) if name != contract]
    return min((section.split(f"\n{name}\n", 1)[0] for name in others), key=len)
