"""Live preview on 127.0.0.1: serve a built site and rebuild it whenever a case, page or template changes
(watchdog: the operating system reports the changes)."""

from __future__ import annotations

import functools
import http.server
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

from ecoredress.errors import UserError
from ecoredress.project import Project
from ecoredress.publish.site import build_site

SETTLE_SECONDS = 0.3  # an editor saves in several writes (temporary file, rename): rebuild once they are done


class _SourceChanged(FileSystemEventHandler):
    """Sets ``changed`` when a file at or below one of ``sources`` is created, changed, moved or deleted."""

    def __init__(self, sources: list[Path], changed: threading.Event) -> None:
        self.sources = [str(p) for p in sources]
        self.changed = changed

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed", "closed_no_write"):
            return
        paths = [event.src_path, getattr(event, "dest_path", "")]
        if any(os.fsdecode(p) == s or os.fsdecode(p).startswith(s + os.sep) for p in paths if p for s in self.sources):
            self.changed.set()


def _observe(sources: list[Path], changed: threading.Event) -> BaseObserver:
    """Watch each folder of ``sources`` recursively and the folder of each file (for that file only): the
    operating system reports changes (inotify on Linux) instead of every file being read each second."""
    sources = [p.resolve() for p in sources]
    observer = Observer()
    handler = _SourceChanged(sources, changed)
    for folder, recursive in sorted({(p, True) if p.is_dir() else (p.parent, False) for p in sources if p.exists()}):
        observer.schedule(handler, str(folder), recursive=recursive)
    observer.start()
    return observer


def watched(project: Project) -> list[Path]:
    """What a site is built from: the cases, the hand-written pages, the templates and the mkdocs settings."""
    return [project.cases_dir, project.root / "site", project.templates_dir, project.root / "mkdocs.yml"]


def serve(project: Project, port: int) -> None:
    out = project.root / "build" / "preview"
    banner = "预览地址：{url} （修改案件后刷新页面即可看到；按 Ctrl+C 结束）"
    serve_rebuilding(lambda: build_site(project, out), out, watched(project), port, banner)


def serve_rebuilding(
    build: Callable[[], object],
    out: Path,
    sources: list[Path],
    port: int,
    banner: str,
    stop: threading.Event | None = None,
) -> None:
    """Build, serve ``out`` on 127.0.0.1:``port`` (0: any free port) and rebuild when ``sources`` change, until
    Ctrl+C or ``stop`` is set; ``banner`` is printed with ``{url}`` filled in once the site is served."""
    stop = stop or threading.Event()
    build()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(banner.format(url=f"http://127.0.0.1:{server.server_port}/"), flush=True)
    changed = threading.Event()
    observer = _observe(sources, changed)
    try:
        while not stop.is_set():
            if not changed.wait(timeout=0.5):
                continue
            stop.wait(SETTLE_SECONDS)
            changed.clear()
            try:
                build()
                print("已重新生成。", flush=True)
            except UserError as exc:  # keep serving the previous site while the user fixes the file
                print(f"错误：{exc}", file=sys.stderr, flush=True)
    finally:
        observer.stop()
        observer.join()
        server.shutdown()
