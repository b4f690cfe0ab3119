"""Live preview on 127.0.0.1: serve the built site and rebuild it whenever a case, page or template changes."""

from __future__ import annotations

import functools
import http.server
import sys
import threading
import time
from pathlib import Path

from ecoredress.errors import UserError
from ecoredress.project import Project
from ecoredress.publish.site import build_site

POLL_SECONDS = 1.0


def _fingerprint(paths: list[Path]) -> tuple[tuple[str, int], ...]:
    files = [p for path in paths for p in ([path] if path.is_file() else path.rglob("*")) if p.is_file()]
    return tuple(sorted((str(p), p.stat().st_mtime_ns) for p in files))


def serve(project: Project, port: int) -> None:
    out = project.root / "build" / "preview"
    watched = [project.cases_dir, project.root / "site", project.templates_dir / "site", project.root / "mkdocs.yml"]
    build_site(project, out)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"预览地址：http://127.0.0.1:{server.server_port}/ （修改案件后刷新页面即可看到；按 Ctrl+C 结束）")
    seen = _fingerprint(watched)
    try:
        while True:
            time.sleep(POLL_SECONDS)
            now = _fingerprint(watched)
            if now != seen:
                seen = now
                try:
                    build_site(project, out)
                    print("已重新生成。")
                except UserError as exc:  # keep serving the previous site while the user fixes the file
                    print(f"错误：{exc}", file=sys.stderr)
    finally:
        server.shutdown()
