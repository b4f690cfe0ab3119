"""Nothing from outside the repository: a symbolic link or a special file in cases/, site/, templates/, the
calendar override, mkdocs.yml, its theme folder or the rendered documents is refused with a message naming
it, never followed. Links are refused wherever they point (ecoredress/confined.py explains why)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ecoredress.errors import UserError
from ecoredress.project import find_project
from ecoredress.publish.site import build_site
from portal_factory import write_agreement_manifest
from tests.conftest import case_repository, run_cli

ROOT = Path(__file__).resolve().parents[2]
SECRET = "ECOREDRESS_TEST_SECRET"
SECRET_VALUE = "ci-token-5d1f0a9e"
CASES = ("YC-2023-002", "NX-2023-001")


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """A small case repository (copies: links are what is tested) and a secret in the environment."""
    root = case_repository(tmp_path / "repo", list(CASES))
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.md").write_text(f"# 仓库之外\n\n{SECRET_VALUE}\n", encoding="utf-8")
    monkeypatch.setenv(SECRET, SECRET_VALUE)
    monkeypatch.chdir(root)
    return root


def build(root: Path, engine: str | None = None) -> Path:
    out = root.parent / "public"
    build_site(find_project(root), out, documents=root.parent / "no-documents", engine=engine)
    return out


def published_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()) if folder.exists() else b""


def link_targets(root: Path) -> dict[str, str]:
    outside = str(root.parent / "outside" / "secret.md")
    return {
        "environment": "/proc/self/environ",
        "passwd": "/etc/passwd",
        "absolute": outside,
        "climbing": "../../outside/secret.md",
        "inside": "../README.md",  # inside the repository: refused too (one rule, no exceptions)
        "dangling": "../nothing-here.md",
    }


@pytest.mark.parametrize("kind", ["environment", "passwd", "absolute", "climbing", "inside", "dangling"])
def test_a_link_in_site_is_refused_and_nothing_is_published(project, kind):
    (project / "README.md").write_text("仓库说明", encoding="utf-8")
    target = link_targets(project)[kind]
    (project / "site" / "assets" / "env.txt").symlink_to(target)
    with pytest.raises(UserError) as refused:
        build(project)
    message = str(refused.value)
    assert "site/assets/env.txt 是符号链接" in message and target in message and "请删除该链接" in message
    assert not (project.parent / "public").exists()


def test_a_chain_of_links_is_named_with_its_final_target(project):
    (project / "site" / "hop.txt").symlink_to("/proc/self/environ")
    (project / "site" / "env.txt").symlink_to("hop.txt")
    with pytest.raises(UserError, match=r"env.txt 是符号链接，指向 hop.txt（最终指向 /proc/\S+/environ），在 \S+ 之外"):
        build(project)


def test_a_linked_folder_and_a_named_pipe_in_site_are_refused(project):
    (project / "site" / "more").symlink_to(project.parent / "outside")
    with pytest.raises(UserError, match="site/more 是符号链接"):
        build(project)
    (project / "site" / "more").unlink()
    os.mkfifo(project / "site" / "pipe.md")
    with pytest.raises(UserError, match="site/pipe.md 是命名管道"):
        build(project)


def test_a_linked_template_is_refused(project):
    page = project / "templates" / "site" / "case.md.j2"
    page.unlink()
    page.symlink_to(project.parent / "outside" / "secret.md")
    with pytest.raises(UserError, match="templates/site/case.md.j2 是符号链接"):
        build(project)
    assert not (project.parent / "public").exists()


def test_a_linked_document_template_stops_render(project):
    template = project / "templates" / "documents" / "agreement.md.j2"
    template.unlink()
    template.symlink_to(project.parent / "outside" / "secret.md")
    result = run_cli("render", "YC-2023-002", "--kind", "agreement", "--out", str(project.parent / "docs"))
    assert result.code == 1 and "agreement.md.j2 是符号链接" in result.err and "Traceback" not in result.err


def test_mkdocs_settings_and_theme_outside_the_repository_are_refused(project):
    settings = project / "mkdocs.yml"
    original = settings.read_text(encoding="utf-8")
    theme = project.parent / "outside" / "theme"
    theme.mkdir()
    settings.write_text(original.replace("custom_dir: templates/site/theme", f"custom_dir: {theme}"), encoding="utf-8")
    with pytest.raises(UserError, match="custom_dir 指向仓库之外"):
        build(project, "mkdocs")  # Zensical reads no theme folder of mkdocs.yml (publish/zensical_engine.py)
    (project.parent / "elsewhere.yml").write_text(original, encoding="utf-8")
    settings.unlink()
    settings.symlink_to(project.parent / "elsewhere.yml")
    with pytest.raises(UserError, match="mkdocs.yml 是符号链接"):
        build(project)


def test_a_linked_holiday_override_is_refused(project):
    (project / "calendar").mkdir()
    (project / "calendar" / "holidays.local.yaml").symlink_to(project.parent / "outside" / "secret.md")
    result = run_cli("check")
    assert (
        result.code == 1 and "calendar/holidays.local.yaml 是符号链接" in result.err and "Traceback" not in result.err
    )


def test_a_linked_case_file_is_a_located_error_and_the_others_are_still_checked(project):
    outside = project.parent / "outside" / "NX-2099-001.yaml"
    shutil.copyfile(ROOT / "cases" / "YC-2023-002.yaml", outside)
    (project / "cases" / "NX-2099-001.yaml").symlink_to(outside)
    (project / "cases" / "archive").symlink_to(project.parent / "outside")
    os.mkfifo(project / "cases" / "YC-2099-001.yaml")
    result = run_cli("check", "--format", "json")
    assert result.code == 1, result.err
    report = json.loads(result.out)
    refused = {f["path"]: f for f in report["findings"] if f["code"] == "not-a-regular-file"}
    assert set(refused) == {"cases/NX-2099-001.yaml", "cases/archive", "cases/YC-2099-001.yaml"}
    assert all(f["line"] == 1 and f["column"] == 1 for f in refused.values())
    assert (
        str(outside) in refused["cases/NX-2099-001.yaml"]["message"]
        and "命名管道" in refused["cases/YC-2099-001.yaml"]["message"]
    )
    assert report["counts"]["files"] == len(CASES) + 3 and report["counts"]["cases"] == len(CASES)
    site = build_site(find_project(project), project.parent / "public", documents=project.parent / "none")
    assert site.skipped == 3 and site.cases == len(CASES)  # refused, never read, never published
    assert not any("NX-2099-001" in p.name for p in (project.parent / "public").rglob("*"))


def test_fix_neither_reads_nor_rewrites_through_a_link(project):
    outside = project.parent / "outside" / "YC-2099-001.yaml"
    text = (
        (ROOT / "cases" / "YC-2023-002.yaml")
        .read_text(encoding="utf-8")
        .replace("银环赔〔2023〕5号", "银环赔[2023]5号")
    )
    outside.write_text(text, encoding="utf-8")
    link = project / "cases" / "YC-2099-001.yaml"
    link.symlink_to(outside)
    os.mkfifo(project / "cases" / "YC-2099-002.yaml")
    result = run_cli("fix")
    assert (
        result.code == 1
        and "cases/YC-2099-001.yaml: 已跳过" in result.err
        and "cases/YC-2099-002.yaml: 已跳过" in result.err
    )
    assert link.is_symlink() and outside.read_text(encoding="utf-8") == text


def test_a_manifest_entry_or_link_outside_the_documents_folder_is_refused(project, sample_cases):
    case = next(c for c in sample_cases if c.id == "YC-2023-002")
    rendered = project.parent / "documents"
    (rendered / case.id).mkdir(parents=True)
    secret = project.parent / "outside" / "secret.pdf"
    secret.write_bytes(b"%PDF-1.4 " + SECRET_VALUE.encode())
    (rendered / case.id / "leak.pdf").symlink_to(secret)
    for name, refusal in (("../outside/secret.pdf", "不在文书目录"), (f"{case.id}/leak.pdf", "leak.pdf 是符号链接")):
        write_agreement_manifest(rendered, case.id, name, secret.read_bytes())
        with pytest.raises(UserError, match=refusal):
            build_site(find_project(project), project.parent / "public", documents=rendered, cases=[case])
        assert not (project.parent / "public").exists()


# -- property: whatever the tree, a copy never follows a link -----------------------------------------

NAMES = st.sampled_from(["a", "b", "c.md", "d.txt", "资料"])
ENTRY = st.sampled_from(
    ["file", "folder", "link-outside", "link-inside", "link-climbing", "link-chain", "dangling", "pipe"]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tree=st.lists(st.tuples(st.lists(NAMES, min_size=1, max_size=3), ENTRY), max_size=8))
def test_copy_refuses_every_link_and_special_file_and_copies_the_rest(tmp_path_factory, tree):
    from ecoredress.confined import RefusedFile, copy_tree

    base = tmp_path_factory.mktemp("tree")
    secret = base / "secret.txt"
    secret.write_text(SECRET_VALUE, encoding="utf-8")
    repo, folder = base / "repo", base / "repo" / "site"
    folder.mkdir(parents=True)
    made: dict[PurePosixPath, str] = {}
    for parts, kind in tree:
        path = PurePosixPath(*parts)
        if any(parent in made and made[parent] != "folder" for parent in path.parents) or path in made:
            continue
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        for parent in path.parents:
            made.setdefault(parent, "folder")
        made[path] = kind
        place = folder / path
        if kind == "file":
            place.write_text(f"内容 {path}", encoding="utf-8")
        elif kind == "folder":
            place.mkdir()
        elif kind == "pipe":
            os.mkfifo(place)
        else:
            target = {
                "link-outside": str(secret),
                "link-inside": os.path.relpath(repo / "README.md", place.parent),
                "link-climbing": os.path.relpath(secret, place.parent),
                "link-chain": os.path.relpath(repo / "hop", place.parent),
                "dangling": "nowhere",
            }[kind]
            place.symlink_to(target)
    (repo / "README.md").write_text("说明", encoding="utf-8")
    (repo / "hop").symlink_to(secret)
    bad = sorted(str(p) for p, kind in made.items() if kind not in ("file", "folder"))
    copy = base / "copy"
    if bad:
        with pytest.raises(RefusedFile) as refused:
            copy_tree(folder, copy, repo)
        assert any(f"site/{name} " in str(refused.value) for name in bad)
    else:
        copy_tree(folder, copy, repo)
        copied = {p.relative_to(copy).as_posix() for p in copy.rglob("*")}
        assert copied == {str(p) for p in made if str(p) != "."}
    assert SECRET_VALUE.encode() not in published_bytes(copy)
