"""Read and copy the repository's files without following symbolic links.

A link in ``cases/``, ``site/`` or ``templates/`` could make the build read, and the portal publish, a file
from anywhere on the machine (``/proc/self/environ`` holds the build's secrets). The rule is simple and
has no exceptions: below the folder a path is taken from, every component is opened with ``O_NOFOLLOW``
relative to its parent's descriptor, so a link is refused wherever it points, even to a file inside the
repository, and a link swapped in after a check is refused too. Only regular files and folders are
accepted: a named pipe, a device or a socket is refused before it is opened. The folder itself (the
repository's place on the machine) is taken as the system resolves it.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path, PurePosixPath

from ecoredress.errors import UserError

_FOLDER = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
_FILE = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC  # a pipe swapped in must not block the open
_PATH = getattr(os, "O_PATH", os.O_RDONLY)
_SPECIAL = {stat.S_IFIFO: "命名管道", stat.S_IFCHR: "字符设备", stat.S_IFBLK: "块设备", stat.S_IFSOCK: "套接字"}


class RefusedFile(UserError):
    """A symbolic link, a special file, or a file that cannot be read where a repository file was expected."""

    exit_code = 1


class OversizedFile(UserError):
    """A file larger than the caller's limit; nothing beyond the limit was read."""

    exit_code = 1

    def __init__(self, path: Path, size: int, limit: int) -> None:
        super().__init__(f"{path} 有 {size} 字节，超过上限 {limit} 字节。")
        self.size, self.limit = size, limit


def read_file(path: Path, root: Path | None = None, limit: int | None = None) -> bytes:
    """The bytes of the regular file ``path``. No link is followed in the components of ``path`` below
    ``root`` (default: its own folder, so only its last component is checked). A missing file raises
    FileNotFoundError; a link, a special file or an unreadable file raises RefusedFile. With ``limit``, a
    larger file raises OversizedFile before it is read (its size is taken from the open descriptor, and at
    most ``limit`` + 1 bytes are ever read, in case it grows meanwhile)."""
    with os.fdopen(_open_below(*_split(path, root), folder=False), "rb") as stream:
        if limit is None:
            return stream.read()
        size = os.fstat(stream.fileno()).st_size
        data = stream.read(limit + 1) if size <= limit else b""
        if size > limit or len(data) > limit:
            raise OversizedFile(path, max(size, len(data)), limit)
        return data


def copy_tree(folder: Path, target: Path, root: Path) -> None:
    """Copy the regular files and folders under ``folder`` (inside ``root``) to the new folder ``target``."""
    target.mkdir(parents=True)
    for relative, fd in walk(folder, root):
        destination = target.joinpath(*relative.parts)
        if fd is None:
            destination.mkdir()
        else:
            with os.fdopen(os.dup(fd), "rb") as source, destination.open("wb") as copy:
                shutil.copyfileobj(source, copy)


def check_tree(folder: Path, root: Path) -> None:
    """Refuse ``folder`` (inside ``root``) if it holds a link or a special file, for readers we do not
    control (Jinja's and mkdocs' template loaders follow links)."""
    for _ in walk(folder, root):
        pass


def walk(folder: Path, root: Path) -> Iterator[tuple[PurePosixPath, int | None]]:
    """(path relative to ``folder``, open descriptor of a file or None for a folder), folders before their
    contents, in name order. The descriptor is closed when the walk moves on."""
    base, relative = _split(folder, root)
    with _closing(_open_below(base, relative, folder=True)) as fd:
        yield from _walk(fd, PurePosixPath(), base, relative)


def open_folder(root: Path, relative: PurePosixPath, create: bool = False) -> int:
    """A descriptor of the folder ``root/relative``, every component below ``root`` opened without following
    links (created first if ``create``). The caller closes it."""
    return _open_below(root, relative, folder=True, create=create)


def relative_inside(name: str) -> PurePosixPath | None:
    """``name`` (from a manifest) as a path inside a folder, or None if it is empty, absolute or climbs out."""
    path = PurePosixPath(name)
    if not name or path.is_absolute() or ".." in path.parts or path == PurePosixPath("."):
        return None
    return path


def _split(path: Path, root: Path | None) -> tuple[Path, PurePosixPath]:
    path = Path(os.path.abspath(path))
    if root is None:
        return path.parent, PurePosixPath(path.name)
    root = Path(os.path.abspath(root))
    return root, PurePosixPath(path.relative_to(root).as_posix())  # ValueError: a caller's mistake


def _open_below(root: Path, relative: PurePosixPath, folder: bool, create: bool = False) -> int:
    parts = [p for p in relative.parts if p != "."]
    # The root is the machine's business (it may sit under a linked path); O_PATH needs no read permission.
    fd = os.open(root, (_PATH if parts else os.O_RDONLY) | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        for index, name in enumerate(parts):
            last = index == len(parts) - 1
            if create and (folder or not last):
                _mkdir(name, fd)
            child = _open_entry(fd, name, root.joinpath(*parts[: index + 1]), root, folder or not last)
            os.close(fd)
            fd = child
    except BaseException:
        os.close(fd)
        raise
    return fd


def _mkdir(name: str, dir_fd: int) -> None:
    with suppress(FileExistsError):
        os.mkdir(name, dir_fd=dir_fd)


def _walk(
    dir_fd: int, prefix: PurePosixPath, root: Path, base: PurePosixPath
) -> Iterator[tuple[PurePosixPath, int | None]]:
    with os.scandir(dir_fd) as entries:
        names = sorted((entry.name, entry.is_dir(follow_symlinks=False)) for entry in entries)
    for name, is_folder in names:
        relative = prefix / name
        with _closing(_open_entry(dir_fd, name, root / base / relative, root, is_folder)) as fd:
            if is_folder:
                yield relative, None
                yield from _walk(fd, relative, root, base)
            else:
                yield relative, fd


def _open_entry(dir_fd: int, name: str, path: Path, root: Path, folder: bool) -> int:
    """Open ``name`` in ``dir_fd`` if it is a regular file (or a folder, if ``folder``); check before
    opening (a device is never opened) and after (the entry may have been swapped in between)."""
    if name in ("..", ""):
        raise RefusedFile(f"路径 {path} 含有“..”，指向上级目录。请直接写出文件在仓库中的位置。")
    try:
        _require(os.stat(name, dir_fd=dir_fd, follow_symlinks=False), dir_fd, name, path, root, folder)
        fd = os.open(name, _FOLDER if folder else _FILE, dir_fd=dir_fd)
    except FileNotFoundError:
        raise
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.ENOTDIR):  # swapped for a link since the check
            _require(os.stat(name, dir_fd=dir_fd, follow_symlinks=False), dir_fd, name, path, root, folder)
        raise RefusedFile(f"无法读取 {path}（{exc.strerror}）。请检查文件权限。") from exc
    try:
        _require(os.fstat(fd), dir_fd, name, path, root, folder)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _require(info: os.stat_result, dir_fd: int, name: str, path: Path, root: Path, folder: bool) -> None:
    mode = info.st_mode
    if stat.S_ISLNK(mode):
        raise RefusedFile(_link_message(path, os.readlink(name, dir_fd=dir_fd), root))
    if stat.S_ISDIR(mode) if folder else stat.S_ISREG(mode):
        return
    kind = _SPECIAL.get(stat.S_IFMT(mode))
    if kind:
        raise RefusedFile(f"{path} 是{kind}，不是普通文件。ecoredress 只读取普通文件和目录。请删除它，或换成普通文件。")
    wanted, found = ("目录", "文件") if folder else ("文件", "目录")
    raise RefusedFile(f"{path} 应为{wanted}，实际是{found}。请检查该路径。")


def _link_message(path: Path, target: str, root: Path) -> str:
    final = os.path.realpath(path)
    outside = os.path.commonpath([final, os.path.realpath(root)]) != os.path.realpath(root)
    where = f"（最终指向 {final}）" if final != target else ""
    scope = f"，在 {root} 之外" if outside else ""
    return (
        f"{path} 是符号链接，指向 {target}{where}{scope}。ecoredress 不跟随符号链接，"
        "以免把仓库之外的文件（系统文件、构建环境中的密钥等）读入或公开。"
        "请删除该链接，把文件本身放在这里（如确需其内容，请复制一份）。"
    )


@contextmanager
def _closing(fd: int) -> Iterator[int]:
    try:
        yield fd
    finally:
        os.close(fd)
