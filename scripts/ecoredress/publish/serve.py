"""Live preview on 127.0.0.1: serve a built site and rebuild it whenever a case, page or template changes."""

from __future__ import annotations

import functools
import http.server
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from ecoredress.errors import UserError
from ecoredress.project import Project
from ecoredress.publish.site import build_site

POLL_SECONDS = 1.0


def _fingerprint(paths: list[Path]) -> tuple[tuple[str, int], ...]:
    files = [p for path in paths for p in ([path] if path.is_file() else path.rglob("*")) if p.is_file()]
    return tuple(sorted((str(p), p.stat().st_mtime_ns) for p in files))


def watched(project: Project) -> list[Path]:
    """What a site is built from: the cases, the hand-written pages, the templates and the mkdocs settings."""
    return [project.cases_dir, project.root / "site", project.templates_dir, project.root / "mkdocs.yml"]


def serve(project: Project, port: int) -> None:
    out = project.root / "build" / "preview"
    serve_rebuilding(lambda: build_site(project, out), out, watched(project), port, "预览地址：{url} （修改案件后刷新页面即可看到；按 Ctrl+C 结束）")


def serve_rebuilding(build: Callable[[], object], out: Path, sources: list[Path], port: int, banner: str) -> None:
    """Build, serve ``out`` on 127.0.0.1:``port`` (0: any free port) and rebuild when ``sources`` change;
    ``banner`` is printed with ``{url}`` filled in once the site is served."""
    build()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(banner.format(url=f"http://127.0.0.1:{server.server_port}/"), flush=True)
    seen = _fingerprint(sources)
    try:
        while True:
            time.sleep(POLL_SECONDS)
            now = _fingerprint(sources)
            if now != seen:
                seen = now
                try:
                    build()
                    print("已重新生成。", flush=True)
                except UserError as exc:  # keep serving the previous site while the user fixes the file
                    print(f"错误：{exc}", file=sys.stderr, flush=True)
    finally:
        server.shutdown()
