"""Incremental builds: content hashes of each case's published projection, the templates and the configuration
decide what is regenerated; unchanged sources are not rewritten; `ecoredress build` with nothing changed says
so and does nothing; a changed case, template or setting does rebuild."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from ecoredress.commands.build import NOTHING_CHANGED
from ecoredress.project import find_project
from ecoredress.publish.site import build_site
from ecoredress.publish.workspace import folder_identity, workspace_for
from tests.conftest import case_repository, run_cli

ROOT = Path(__file__).resolve().parents[2]
ENGINES = [
    "mkdocs",
    pytest.param("zensical", marks=pytest.mark.skipif(shutil.which("zensical") is None, reason="Zensical 未安装")),
]


def _mtimes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("engine", ENGINES)
def test_unchanged_build_rewrites_nothing_and_a_change_rebuilds_only_what_it_touches(tmp_path, engine):
    repo = case_repository(tmp_path / "repo")
    out = tmp_path / "public"
    build = lambda: build_site(find_project(repo), out, documents=tmp_path / "none", engine=engine)  # noqa: E731
    assert build().changed
    docs = workspace_for(out, engine) / "docs"
    sources, site = _mtimes(docs), folder_identity(out)
    assert len([name for name in sources if name.startswith("cases/")]) > 10

    again = build()
    assert not again.changed and _mtimes(docs) == sources and folder_identity(out) == site

    _edit(repo / "cases" / "ZW-2022-001.yaml", "腾格里沙漠", "腾格里沙漠南缘")
    assert build().changed
    rewritten = {name for name, mtime in _mtimes(docs).items() if sources.get(name) != mtime}
    assert "cases/ZW-2022-001.md" in rewritten
    assert not any(
        name.startswith("cases/") and name.endswith(".md") and "ZW-2022-001" not in name and name != "cases/index.md"
        for name in rewritten
    )
    assert "腾格里沙漠南缘" in (out / "cases" / "ZW-2022-001" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("path", "old", "new"),
    [
        ("templates/site/case.md.j2", "", "{# a template comment: same pages, new templates #}\n"),
        ("mkdocs.yml", "site_description: ", "site_description: 修改后的说明。"),
    ],
)
def test_a_changed_template_or_setting_rebuilds(tmp_path, path, old, new):
    repo = case_repository(tmp_path / "repo")
    out = tmp_path / "public"
    build = lambda: build_site(find_project(repo), out, documents=tmp_path / "none")  # noqa: E731
    build()
    assert not build().changed
    target = repo / path
    target.write_text(
        new + target.read_text(encoding="utf-8")
        if not old
        else target.read_text(encoding="utf-8").replace(old, new, 1),
        encoding="utf-8",
    )
    before = folder_identity(out)
    assert build().changed and folder_identity(out) != before


def test_build_command_with_nothing_changed_says_so_and_touches_nothing(tmp_path):
    repo = case_repository(tmp_path / "repo")
    out = tmp_path / "public"
    command = ("--project", str(repo), "build", "--skip-documents", "--out", str(out))
    first = run_cli(*command)
    assert first.code == 0 and "生成完成" in first.out and NOTHING_CHANGED not in first.out
    site = folder_identity(out)

    second = run_cli(*command)
    assert second.code == 0 and NOTHING_CHANGED in second.out and "生成完成" not in second.out
    assert "art14-extension-notice-late" in second.out  # the findings are shown again, as they still hold
    assert folder_identity(out) == site

    _edit(repo / "cases" / "ZW-2022-001.yaml", "腾格里沙漠", "腾格里沙漠南缘")
    third = run_cli(*command)
    assert third.code == 0 and NOTHING_CHANGED not in third.out and folder_identity(out) != site

    shutil.rmtree(out)  # an output removed by hand is built again
    fourth = run_cli(*command)
    assert NOTHING_CHANGED not in fourth.out and (out / "index.html").is_file()


@pytest.mark.parametrize("engine", ENGINES)
def test_an_incremental_build_gives_the_bytes_of_a_cold_build(tmp_path, sample_cases, engine):
    from ecoredress.publish.sync import file_hashes

    project = find_project(ROOT)
    cold, warm = tmp_path / "cold", tmp_path / "warm"
    build_site(project, cold, documents=tmp_path / "none", cases=sample_cases, engine=engine)
    changed = [
        c.model_copy(update={"title": c.title + "（更正）"}) if c.id == "ZW-2022-001" else c for c in sample_cases
    ]
    build_site(project, warm, documents=tmp_path / "none", cases=changed, engine=engine)
    assert "（更正）" in (warm / "cases" / "ZW-2022-001" / "index.html").read_text(encoding="utf-8")
    assert build_site(project, warm, documents=tmp_path / "none", cases=sample_cases, engine=engine).changed
    assert file_hashes(warm) == file_hashes(cold)


@pytest.mark.parametrize("engine", ENGINES)
def test_clean_builds_in_two_places_and_time_zones_give_the_same_bytes(tmp_path, monkeypatch, engine):
    # Nothing of a path, a clock or a time zone reaches the site: a deploy of the second build changes no file.
    from ecoredress.publish.sync import file_hashes

    hashes = []
    try:
        for place, zone in (("a", "UTC"), ("somewhere/else", "Asia/Shanghai")):
            monkeypatch.setenv("TZ", zone)
            time.tzset()
            repo = case_repository(tmp_path / place / "repo")
            build_site(find_project(repo), tmp_path / place / "public", documents=tmp_path / "none", engine=engine)
            hashes.append(file_hashes(tmp_path / place / "public"))
    finally:
        monkeypatch.undo()
        time.tzset()
    assert len(hashes[0]) > 40 and "sitemap.xml" in hashes[0]
    assert hashes[0] == hashes[1]
