"""Two clean builds of one commit give byte-identical sites and documents, so a deploy changes nothing.

The builds are the deploy workflow's own steps (pages.yml), run in two fresh copies of the project that
differ in absolute path and time zone: anything that leaks a path, a clock or a locale into the output
shows up here.
"""

from __future__ import annotations

from ecoredress.publish.sync import MANIFEST, file_hashes
from tests.ci.workflows import load_yaml
from tests.conftest import ROOT, run_cli

# The incremental-render state is the renderer's private cache, neither published nor a document.
PRIVATE_STATE = ".cache/"


def outputs(run) -> dict[str, dict[str, str]]:
    site_dir = load_yaml(ROOT / ".github" / "workflows" / "pages.yml")["env"]["SITE_DIR"]
    documents = file_hashes(run.repo.root / "build" / "documents")
    return {
        "site": file_hashes(run.repo.root / site_dir),
        "documents": {name: digest for name, digest in documents.items() if not name.startswith(PRIVATE_STATE)},
    }


def test_two_clean_builds_are_identical(pages_runs):
    first, second = (outputs(run) for run in pages_runs)
    assert first["site"] and any(name.endswith(".pdf") for name in first["site"]), "the site carries public PDFs"
    assert any(name.endswith(".docx") for name in first["documents"])
    for kind in ("site", "documents"):
        differing = sorted(
            n for n in first[kind].keys() | second[kind].keys() if first[kind].get(n) != second[kind].get(n)
        )
        assert not differing, f"{kind}: {differing[:10]}"


def test_deploying_the_second_build_changes_no_file(pages_runs, tmp_path, monkeypatch):
    www = tmp_path / "www"
    first, second = (run.repo.root / "public" for run in pages_runs)
    monkeypatch.chdir(pages_runs[0].repo.root)
    initial = run_cli("site", "publish", "--from", str(first), "--to", str(www))
    assert initial.code == 0 and f"更新 {len(file_hashes(first))} 个文件" in initial.out
    again = run_cli("site", "publish", "--from", str(second), "--to", str(www))
    assert again.code == 0, again.err
    assert "更新 0 个文件" in again.out and "删除 0 个" in again.out
    assert (www / MANIFEST).is_file() and file_hashes(www) == file_hashes(second)
