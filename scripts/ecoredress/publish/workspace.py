"""The workspace an output keeps between builds, ``.ecoredress-cache/site-NAME/ENGINE/`` beside it: the Markdown
sources, the engine's own cache and what the last successful build was made from.

What must be regenerated is decided by content hashes: of each case's published projection, of the site
templates, of the configuration (mkdocs.yml, [tool.ecoredress], engine and its version, ecoredress' own code).
A source file is written only when its bytes change, so unchanged sources keep their modification time and an
engine that looks at them (Zensical's cache) skips them. The state is removed before an engine runs and written
only after the new site is in place: a build killed half-way leaves no state, and the next one rebuilds.

The workspace is locked (``flock``) for the whole build. A build that finds it locked (a preview server and a
command-line build of the same output at the same time) neither waits nor shares it: it builds everything in a
private temporary workspace, removed when it ends, so no build writes into another one's sources.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ecoredress.confined import copy_tree, walk

if TYPE_CHECKING:
    from ecoredress.model import Case
    from ecoredress.publish.documents import PublicPdf
    from ecoredress.publish.projection import PublishedCase

STATE = "state.json"
STATE_VERSION = 1


def workspace_for(out: Path, engine: str) -> Path:
    out = out.resolve()
    return out.parent / ".ecoredress-cache" / f"site-{out.name}" / engine


@contextmanager
def locked(folder: Path) -> Iterator[Path]:
    """``folder``, locked for this build; a private temporary folder if another build holds it."""
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            with tempfile.TemporaryDirectory(prefix="ecoredress-site-") as private:
                yield Path(private)
            return
        yield folder
    finally:
        os.close(fd)


def digest(*parts: str | bytes) -> str:
    """SHA-256 of ``parts``, each length-prefixed so that no two different lists of parts collide."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "big") + data)
    return hasher.hexdigest()


def tree_digest(folder: Path, root: Path) -> str:
    """One hash of every file name and content under ``folder`` (links refused, as everywhere); "" if absent."""
    if not os.path.lexists(folder):
        return ""
    parts: list[str | bytes] = []
    for relative, fd in walk(folder, root):
        if fd is not None:
            with os.fdopen(os.dup(fd), "rb") as stream:
                parts += [relative.as_posix(), hashlib.file_digest(stream, "sha256").digest()]
    return digest(*parts)


def code_digest() -> str:
    """ecoredress' own code and data files: an upgrade regenerates everything."""
    package = Path(__file__).resolve().parents[1]
    files = sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return digest(*[part for p in files for part in (p.relative_to(package).as_posix(), p.read_bytes())])


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` (atomically) unless it already holds exactly that; whether it was written."""
    try:
        if not path.is_symlink() and path.is_file() and path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    with os.fdopen(fd, "wb") as stream:
        stream.write(data)
    os.chmod(temporary, 0o644)
    os.replace(temporary, path)
    return True


def merge_tree(stage: Path, target: Path, keep: Iterable[str] = ()) -> int:
    """Make ``target`` hold the files of ``stage`` and the files ``keep`` (paths relative to ``target``) and
    nothing else, writing only files whose bytes differ; the number of files written or removed."""
    wanted = {p.relative_to(stage).as_posix(): p for p in stage.rglob("*") if p.is_file()}
    changes = sum(write_if_changed(target / name, source.read_bytes()) for name, source in sorted(wanted.items()))
    kept = set(wanted) | set(keep)
    for path in sorted(target.rglob("*"), reverse=True) if target.exists() else []:
        relative = path.relative_to(target).as_posix()
        if path.is_dir() and not path.is_symlink():
            if not any(path.iterdir()):
                path.rmdir()
        elif relative not in kept:
            path.unlink()
            changes += 1
    return changes


@dataclass
class BuildState:
    """What the last successful build of a workspace was made from."""

    settings: str = ""  # hash of templates, configuration, engine and code
    pages: dict[str, str] = field(default_factory=dict)  # case id → hash of its page's inputs
    out: list[int] = field(default_factory=list)  # device and inode of the output folder it swapped in

    @classmethod
    def read(cls, workspace: Path) -> BuildState:
        try:
            data = json.loads((workspace / STATE).read_text(encoding="utf-8"))
            if data.pop("version") == STATE_VERSION:
                return cls(**data)
        except (OSError, ValueError, TypeError, KeyError):
            pass  # no state, or a damaged one: build everything
        return cls()

    def write(self, workspace: Path) -> None:
        data = {
            "version": STATE_VERSION,
            "settings": self.settings,
            "pages": dict(sorted(self.pages.items())),
            "out": self.out,
        }
        write_if_changed(workspace / STATE, json.dumps(data, ensure_ascii=False, indent=0).encode("utf-8"))

    @staticmethod
    def forget(workspace: Path) -> None:
        (workspace / STATE).unlink(missing_ok=True)


def folder_identity(folder: Path) -> list[int]:
    """Device and inode of ``folder`` (each swap puts a new folder in place), or [] if it is gone."""
    try:
        info = os.stat(folder, follow_symlinks=False)
    except OSError:
        return []
    return [info.st_dev, info.st_ino]


def copy_site(built: Path, target: Path, workspace: Path) -> None:
    """Copy an engine's output kept in the workspace into the (empty) folder that will be swapped in; a link
    in it is refused, as in every tree the portal publishes."""
    target.rmdir()
    copy_tree(built, target, workspace)


class ProjectionCache:
    """Each case's published projection kept in the workspace by the hash of what it is made from (the case as
    parsed, its public documents, ``settings``): masking, the costly part of a build, runs only for cases that
    changed. Entries no build asked for are removed by ``prune``."""

    def __init__(self, folder: Path, settings: str) -> None:
        self.folder, self.settings = folder, settings
        self.used: set[str] = set()

    def publish(self, cases: Iterable[Case], pdfs: dict[str, list[PublicPdf]] | None = None) -> list[PublishedCase]:
        from ecoredress.publish.projection import PublishedCase, publish_case

        published: list[PublishedCase] = []
        for case in sorted(cases, key=lambda c: c.id):
            documents = (pdfs or {}).get(case.id)
            key = digest(self.settings, case.model_dump_json(), repr(documents))
            entry = self.folder / f"{key}.json"
            self.used.add(entry.name)
            try:
                stored = entry.read_bytes()
                projection = None if stored == b"null" else PublishedCase.model_validate_json(stored)
            except (OSError, ValueError):
                projection = publish_case(case, documents)
                write_if_changed(entry, b"null" if projection is None else projection.model_dump_json().encode("utf-8"))
            if projection is not None:
                published.append(projection)
        return published

    def prune(self) -> None:
        for entry in self.folder.glob("*.json") if self.folder.is_dir() else []:
            if entry.name not in self.used:
                entry.unlink()
