"""Copy a built site to the folder a web server serves, touching only files whose content changed.

Builds are byte-identical for identical inputs, so after a change only the affected pages differ: the others
keep their modification time and ETag, and visitors' caches stay valid. A manifest of every published file
and its SHA-256 is written beside the files; a later sync deletes only files an earlier sync published, so
files the server's administrators put there (certificates, server configuration) are never removed.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ecoredress.errors import UserError

MANIFEST = ".ecoredress-manifest.json"
MANIFEST_VERSION = 1


@dataclass
class SyncResult:
    copied: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def file_hashes(root: Path) -> dict[str, str]:
    """SHA-256 of every file under ``root``, by POSIX path relative to it, sorted; the manifest excluded."""
    return {
        path.relative_to(root).as_posix(): _sha256(path)
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.relative_to(root).as_posix() != MANIFEST
    }


def sync_tree(source: Path, target: Path) -> SyncResult:
    """Make ``target`` hold exactly the files of ``source``: changed files first, stale ones removed last."""
    source, target = source.resolve(), target.resolve()
    _check_folders(source, target)
    wanted = file_hashes(source)
    previous = _read_manifest(target)
    result = SyncResult()
    for name, digest in wanted.items():
        destination = target / name
        if destination.is_file() and _sha256(destination) == digest:
            result.unchanged.append(name)
        else:
            _copy_atomically(source / name, destination)
            result.copied.append(name)
    # Deleting after copying means a page is never served while an asset it links to is already gone.
    for name in sorted(previous.keys() - wanted.keys()):
        stale = target / name
        if stale.is_file():
            stale.unlink()
            result.removed.append(name)
            _remove_empty_parents(stale.parent, target)
    _write_manifest(target, wanted)
    return result


def _check_folders(source: Path, target: Path) -> None:
    if not (source / "index.html").is_file():
        raise UserError(f"{source} 不是构建好的门户（缺少 index.html）。请先运行 ecoredress site build。")
    if source == target or source in target.parents or target in source.parents:
        raise UserError(f"发布目录 {target} 与构建目录 {source} 不能相同或互相包含。请另选发布目录。")
    if target.exists() and not target.is_dir():
        raise UserError(f"发布目标 {target} 不是目录。")
    if target.is_dir() and any(target.iterdir()) and not (target / MANIFEST).is_file():
        raise UserError(
            f"发布目录 {target} 不是空目录，也不是由 ecoredress 发布过的目录（缺少 {MANIFEST}）。"
            "为避免覆盖其他网站的文件，请指定空目录或以前发布过的目录。"
        )


def _read_manifest(target: Path) -> dict[str, str]:
    path = target / MANIFEST
    if not path.is_file():
        return {}
    try:
        files = json.loads(path.read_text(encoding="utf-8"))["files"]
    except (ValueError, KeyError, TypeError) as exc:
        raise UserError(f"{path} 已损坏（{exc}），无法判断哪些文件由 ecoredress 发布。请核对后删除该文件并改用空目录发布。") from exc
    return {str(k): str(v) for k, v in files.items()}


def _write_manifest(target: Path, files: dict[str, str]) -> None:
    payload = {"version": MANIFEST_VERSION, "algorithm": "sha256", "files": files}
    text = json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    _write_atomically(target / MANIFEST, text.encode("utf-8"))


def _copy_atomically(source: Path, destination: Path) -> None:
    _write_atomically(destination, source.read_bytes())


def _write_atomically(destination: Path, data: bytes) -> None:
    # Readers of the served folder see either the old file or the new one, never half of it.
    destination.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=destination.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, destination)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _remove_empty_parents(folder: Path, root: Path) -> None:
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
