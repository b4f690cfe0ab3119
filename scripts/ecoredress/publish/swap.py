"""Replace the folder a web server serves with a freshly built one, safe against a crash at any moment.

A build works in a private folder beside the target, ``.NAME.new-<8 random characters>/``, which holds the Markdown
sources and the new site and stays locked (``flock``) while the build runs. When the new site is complete,
``renameat2(RENAME_EXCHANGE)`` swaps it with the live one in one step, so the target is never missing nor
partial; the old site, now in the work folder, is removed with it. A build killed at any moment leaves only
its work folder, which the next build removes, but never a folder whose lock a running build holds (a
preview server's build and a command-line build may run side by side).

Where the exchange is not available (not Linux, or a file system without it) the old site is first renamed
to ``.NAME.old-<8 random characters>`` and the new one into place. A crash between these two renames leaves no target;
the next build, even one that fails, first renames the old site back. Creating, cleaning and swapping are
serialised by a lock on the target's parent folder, so no build sees another one half-way.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ecoredress.errors import UserError

_RENAME_EXCHANGE = 2  # linux/fs.h
_AT_FDCWD = -100


@contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """A locked work folder beside ``target``; its ``site`` folder replaces ``target`` if the block succeeds."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    if os.path.lexists(target) and not target.is_dir():
        raise UserError(f"输出位置 {target} 已存在且不是目录。请另选输出目录。")
    with _locked(target.parent):
        _clean_stale(target)
        work = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
        lock = os.open(work, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        fcntl.flock(lock, fcntl.LOCK_EX)
    try:
        (work / "site").mkdir()  # the future site root: mode from the umask (mkdtemp's 0700 is for the work folder)
        yield work
        with _locked(target.parent):
            _swap(work / "site", target, _retired(work))
    finally:
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(_retired(work), ignore_errors=True)
        os.close(lock)


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _retired(work: Path) -> Path:
    """Where the fallback swap parks the old site: named after the work folder, so its lock covers it."""
    return work.with_name(work.name.replace(".new-", ".old-", 1))


def _clean_stale(target: Path) -> None:
    """Remove the work folders of builds no longer running, after renaming back an old site that a build
    killed between the fallback's two renames left as the only copy."""
    prefix = f".{target.name}."
    for old in sorted(target.parent.glob(f"{prefix}old-*")):
        work = old.with_name(old.name.replace(".old-", ".new-", 1))
        if not _in_use(work) and not os.path.lexists(target):
            old.rename(target)
    for stale in sorted([*target.parent.glob(f"{prefix}new-*"), *target.parent.glob(f"{prefix}old-*")]):
        if not _in_use(stale.with_name(stale.name.replace(".old-", ".new-", 1))):
            shutil.rmtree(stale, ignore_errors=True)


def _in_use(work: Path) -> bool:
    try:
        fd = os.open(work, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return False  # gone, or not a folder: no build holds it
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def _swap(site: Path, target: Path, retired: Path) -> None:
    if not os.path.lexists(target):
        os.rename(site, target)
    elif not _exchange(site, target):
        os.rename(target, retired)
        os.rename(site, target)


def _exchange(new: Path, target: Path) -> bool:
    """Swap two folders in one atomic step; False where the system cannot (the caller falls back)."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(new), _AT_FDCWD, os.fsencode(target), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(target))
