"""Copy a built site to the folder a web server serves, touching only files whose content changed.

Builds are byte-identical for identical inputs, so after a change only the affected pages differ: the others
keep their modification time and ETag, and visitors' caches stay valid. A manifest of every published file
and its SHA-256 is written beside the files; a later sync deletes only files an earlier sync published, so
files the server's administrators put there (certificates, server configuration) are never removed.

No link is followed on either side: a link in the built site is refused (it could publish any file of the
machine), and the served folder is written and cleaned through descriptors opened without following links,
so a linked folder there cannot redirect a write or a deletion; a manifest entry that would leave the
served folder (``../x``, ``/etc/x``) is refused as a damaged manifest.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from ecoredress.confined import open_folder, read_file, relative_inside, walk
from ecoredress.errors import UserError

MANIFEST = ".ecoredress-manifest.json"
MANIFEST_VERSION = 1


@dataclass
class SyncResult:
    copied: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def file_hashes(root: Path) -> dict[str, str]:
    """SHA-256 of every file under ``root``, by POSIX path relative to it, sorted; the manifest excluded.
    A link or a special file under ``root`` is refused (RefusedFile)."""
    hashes = {}
    for relative, fd in walk(root, root):
        if fd is not None and relative.as_posix() != MANIFEST:
            with os.fdopen(os.dup(fd), "rb") as stream:
                hashes[relative.as_posix()] = _sha256(stream)
    return dict(sorted(hashes.items()))


def sync_tree(source: Path, target: Path) -> SyncResult:
    """Make ``target`` hold exactly the files of ``source``: changed files first, stale ones removed last."""
    source, target = source.resolve(), target.resolve()
    _check_folders(source, target)
    wanted = file_hashes(source)
    previous = _read_manifest(target)
    target.mkdir(parents=True, exist_ok=True)
    result = SyncResult()
    for name, digest in wanted.items():
        relative = PurePosixPath(name)
        folder = open_folder(target, relative.parent, create=True)
        try:
            if _served_digest(folder, relative.name) == digest:
                result.unchanged.append(name)
            else:
                _write_atomically(folder, relative.name, read_file(source / name, source))
                result.copied.append(name)
        finally:
            os.close(folder)
    # Deleting after copying means a page is never served while an asset it links to is already gone.
    for name in sorted(previous.keys() - wanted.keys()):
        if _remove(target, PurePosixPath(name)):
            result.removed.append(name)
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
    try:
        files = json.loads(read_file(path, target))["files"]
    except FileNotFoundError:
        return {}
    except (ValueError, KeyError, TypeError) as exc:
        raise UserError(
            f"{path} 已损坏（{exc}），无法判断哪些文件由 ecoredress 发布。请核对后删除该文件并改用空目录发布。"
        ) from exc
    outside = sorted(str(name) for name in files if relative_inside(str(name)) is None)
    if outside:
        raise UserError(
            f"{path} 已损坏或被改动：其中的 {'、'.join(outside)} 不在发布目录之内，为免删除其他文件，未作任何改动。"
            "请核对后删除该文件并改用空目录发布。"
        )
    return {str(k): str(v) for k, v in files.items()}


def _write_manifest(target: Path, files: dict[str, str]) -> None:
    payload = {"version": MANIFEST_VERSION, "algorithm": "sha256", "files": files}
    text = json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    folder = open_folder(target, PurePosixPath())
    try:
        _write_atomically(folder, MANIFEST, text.encode("utf-8"))
    finally:
        os.close(folder)


def _served_digest(folder: int, name: str) -> str | None:
    """SHA-256 of the regular file ``name`` in the served folder; None if it is missing or anything else."""
    try:
        if not stat.S_ISREG(os.stat(name, dir_fd=folder, follow_symlinks=False).st_mode):
            return None
        with os.fdopen(os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=folder), "rb") as stream:
            return _sha256(stream)
    except OSError:
        return None


def _write_atomically(folder: int, name: str, data: bytes) -> None:
    # Readers of the served folder see either the old file or the new one, never half of it; a link in the
    # file's place is replaced, not written through.
    temporary = f".tmp-{secrets.token_hex(8)}"
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644, dir_fd=folder)
    try:
        with os.fdopen(fd, "wb") as stream:
            os.fchmod(stream.fileno(), 0o644)
            stream.write(data)
        os.replace(temporary, name, src_dir_fd=folder, dst_dir_fd=folder)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary, dir_fd=folder)
        raise


def _remove(target: Path, relative: PurePosixPath) -> bool:
    """Delete a file an earlier sync published, if it is still a regular file, then its emptied folders."""
    try:
        folder = open_folder(target, relative.parent)
    except FileNotFoundError:
        return False
    try:
        if not stat.S_ISREG(os.stat(relative.name, dir_fd=folder, follow_symlinks=False).st_mode):
            return False
        os.unlink(relative.name, dir_fd=folder)
    except FileNotFoundError:
        return False
    finally:
        os.close(folder)
    for emptied in relative.parents[:-1]:  # never the target itself
        parent = open_folder(target, emptied.parent)
        try:
            os.rmdir(emptied.name, dir_fd=parent)
        except OSError:  # not empty (or gone): stop
            return True
        finally:
            os.close(parent)
    return True


def _sha256(stream: BinaryIO) -> str:
    digest = hashlib.sha256()
    for block in iter(lambda: stream.read(1 << 20), b""):
        digest.update(block)
    return digest.hexdigest()
