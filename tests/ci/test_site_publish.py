"""`site publish`: copy a built site to the served folder, skipping unchanged files, never deleting others'."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ecoredress.errors import UserError
from ecoredress.publish.sync import MANIFEST, file_hashes, sync_tree
from tests.conftest import run_cli


def write_tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


SITE = {"index.html": "<h1>首页</h1>", "cases/YC-2023-002/index.html": "<h1>案件</h1>", "assets/site.css": "body{}"}


def mtimes(root: Path) -> dict[str, int]:
    return {p.relative_to(root).as_posix(): p.stat().st_mtime_ns for p in root.rglob("*") if p.is_file()}


def test_first_publish_copies_everything_and_records_hashes(tmp_path):
    source = write_tree(tmp_path / "build", SITE)
    result = sync_tree(source, tmp_path / "www")
    assert sorted(result.copied) == sorted(SITE) and not result.unchanged and not result.removed
    manifest = json.loads((tmp_path / "www" / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["files"] == file_hashes(source) == file_hashes(tmp_path / "www")


def test_unchanged_files_are_not_touched(tmp_path):
    source = write_tree(tmp_path / "build", SITE)
    target = tmp_path / "www"
    sync_tree(source, target)
    before = mtimes(target)
    write_tree(source, {"index.html": "<h1>首页（更新）</h1>", "cases/YC-2024-001/index.html": "<h1>新案件</h1>"})
    (source / "assets" / "site.css").unlink()
    result = sync_tree(source, target)
    assert result.copied == ["cases/YC-2024-001/index.html", "index.html"]
    assert result.unchanged == ["cases/YC-2023-002/index.html"]
    assert result.removed == ["assets/site.css"]
    after = mtimes(target)
    assert after["cases/YC-2023-002/index.html"] == before["cases/YC-2023-002/index.html"]
    assert not (target / "assets").exists(), "an emptied folder goes too"
    assert file_hashes(target) == file_hashes(source)


def test_a_file_changed_on_the_server_is_restored(tmp_path):
    source = write_tree(tmp_path / "build", SITE)
    target = tmp_path / "www"
    sync_tree(source, target)
    (target / "index.html").write_text("被篡改", encoding="utf-8")
    assert sync_tree(source, target).copied == ["index.html"]
    assert (target / "index.html").read_text(encoding="utf-8") == SITE["index.html"]


def test_files_not_published_by_ecoredress_are_kept(tmp_path):
    source = write_tree(tmp_path / "build", SITE)
    target = tmp_path / "www"
    sync_tree(source, target)
    write_tree(target, {".well-known/acme-challenge/token": "x"})
    assert sync_tree(source, target).removed == []
    assert (target / ".well-known/acme-challenge/token").is_file()


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("not-built", "缺少 index.html"),
        ("foreign", "不是由 ecoredress 发布过的目录"),
        ("nested", "不能相同或互相包含"),
    ],
)
def test_refuses_unsafe_folders(tmp_path, case, message):
    source = write_tree(tmp_path / "build", SITE)
    target = tmp_path / "www"
    if case == "not-built":
        (source / "index.html").unlink()
    elif case == "foreign":
        write_tree(target, {"index.html": "另一个网站"})
    else:
        target = source / "www"
    with pytest.raises(UserError, match=message):
        sync_tree(source, target)
    if case == "foreign":
        assert (target / "index.html").read_text(encoding="utf-8") == "另一个网站"


def test_command_line_reports_in_chinese(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    source = write_tree(tmp_path / "build", SITE)
    done = run_cli("site", "publish", "--from", str(source), "--to", str(tmp_path / "www"))
    assert done.code == 0 and done.out.startswith(f"已发布到 {tmp_path / 'www'}：更新 3 个文件，未变 0 个，删除 0 个。")
    refused = run_cli("site", "publish", "--from", str(tmp_path / "nothing"), "--to", str(tmp_path / "www"))
    assert refused.code == 2 and "请先运行 ecoredress site build" in refused.err


# -- links and a tampered manifest ---------------------------------------------------------------------


@pytest.mark.parametrize("entry", ["../outside/secret.txt", "/OUTSIDE/secret.txt", "a/../../outside/secret.txt", ""])
def test_a_manifest_entry_outside_the_target_deletes_nothing(tmp_path, entry):
    source = write_tree(tmp_path / "build", SITE)
    target = tmp_path / "www"
    sync_tree(source, target)
    secret = write_tree(tmp_path / "outside", {"secret.txt": "管理员的文件"}) / "secret.txt"
    manifest = json.loads((target / MANIFEST).read_text(encoding="utf-8"))
    manifest["files"][entry.replace("/OUTSIDE", str(tmp_path / "outside"))] = "0" * 64
    (target / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(UserError, match="不在发布目录之内"):
        sync_tree(source, target)
    assert secret.read_text(encoding="utf-8") == "管理员的文件"


@pytest.mark.parametrize("link", ["/etc/passwd", "/proc/self/environ", "index.html"])
def test_a_link_in_the_built_site_is_refused(tmp_path, link):
    source = write_tree(tmp_path / "build", SITE)
    (source / "assets" / "leak.txt").symlink_to(link)
    with pytest.raises(UserError, match="leak.txt 是符号链接"):
        sync_tree(source, tmp_path / "www")
    assert not (tmp_path / "www" / "assets" / "leak.txt").exists()


def test_a_linked_folder_in_the_target_is_not_written_through(tmp_path):
    source = write_tree(tmp_path / "build", SITE)
    target = tmp_path / "www"
    sync_tree(source, target)
    elsewhere = write_tree(tmp_path / "elsewhere", {"keep.txt": "别处的文件"})
    shutil.rmtree(target / "assets")
    (target / "assets").symlink_to(elsewhere)
    write_tree(source, {"assets/site.css": "body{color:red}"})
    with pytest.raises(UserError, match="assets 是符号链接"):
        sync_tree(source, target)
    assert sorted(p.name for p in elsewhere.iterdir()) == ["keep.txt"]


def test_a_link_where_a_published_file_was_is_replaced_not_followed(tmp_path):
    source = write_tree(tmp_path / "build", SITE)
    target = tmp_path / "www"
    sync_tree(source, target)
    victim = write_tree(tmp_path / "elsewhere", {"victim.txt": "别处的文件"}) / "victim.txt"
    (target / "index.html").unlink()
    (target / "index.html").symlink_to(victim)
    assert sync_tree(source, target).copied == ["index.html"]
    assert victim.read_text(encoding="utf-8") == "别处的文件"
    assert (
        not (target / "index.html").is_symlink()
        and (target / "index.html").read_text(encoding="utf-8") == SITE["index.html"]
    )
