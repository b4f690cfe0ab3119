"""Two clean builds of one commit give byte-identical sites and documents, so a deploy changes nothing.

The builds are the two CI definitions' own deploy steps, GitHub's pages.yml and GitLab's default-branch
pipeline, run in two fresh copies of the project that differ in absolute path and time zone: anything that
leaks a path, a clock or a locale into the output shows up here, and either CI publishes the same portal.
"""

from __future__ import annotations

from pathlib import Path

from ecoredress.publish.sync import MANIFEST, file_hashes
from tests.ci.workflows import gitlab_jobs, load_yaml
from tests.conftest import ROOT, run_cli

# The incremental-render state is the renderer's private cache, neither published nor a document.
PRIVATE_STATE = ".cache/"


def deployed(run) -> Path:
    """The folder a run publishes: GitHub's SITE_DIR, or GitLab's Pages artifact."""
    if run.ran[0].step.source.startswith(".gitlab-ci.yml"):
        (folder,) = gitlab_jobs()["pages"]["artifacts"]["paths"]
    else:
        folder = load_yaml(ROOT / ".github" / "workflows" / "pages.yml")["env"]["SITE_DIR"]
    return run.repo.root / folder


def outputs(run) -> dict[str, dict[str, str]]:
    documents = file_hashes(run.repo.root / "build" / "documents")
    return {
        "site": file_hashes(deployed(run)),
        "documents": {name: digest for name, digest in documents.items() if not name.startswith(PRIVATE_STATE)},
    }


def test_two_clean_builds_are_identical(pages_run, gitlab_main_run):
    first, second = outputs(pages_run), outputs(gitlab_main_run)
    assert first["site"] and any(name.endswith(".pdf") for name in first["site"]), "the site carries public PDFs"
    assert any(name.endswith(".docx") for name in first["documents"])
    for kind in ("site", "documents"):
        differing = sorted(
            n for n in first[kind].keys() | second[kind].keys() if first[kind].get(n) != second[kind].get(n)
        )
        assert not differing, f"{kind}: {differing[:10]}"


def test_deploying_the_second_build_changes_no_file(pages_run, gitlab_main_run, tmp_path, monkeypatch):
    www = tmp_path / "www"
    first, second = deployed(pages_run), deployed(gitlab_main_run)
    monkeypatch.chdir(pages_run.repo.root)
    initial = run_cli("site", "publish", "--from", str(first), "--to", str(www))
    assert initial.code == 0 and f"更新 {len(file_hashes(first))} 个文件" in initial.out
    again = run_cli("site", "publish", "--from", str(second), "--to", str(www))
    assert again.code == 0, again.err
    assert "更新 0 个文件" in again.out and "删除 0 个" in again.out
    assert (www / MANIFEST).is_file() and file_hashes(www) == file_hashes(second)
