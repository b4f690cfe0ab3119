"""``ecoredress cms serve``: the form editor on one PC, without a git server.

decap-server (from npm, pinned by package-lock.json) reads and writes the case files of this repository; the
internal site, with the form editor at /admin/, is served next to it. Both listen on 127.0.0.1 only. The
decap-server runs in its file mode: a save writes the file and nothing else; its git mode would run
``git add .`` (committing whatever else lies in the working copy) and switch branches under the user's feet.
The user commits with git as after any edit.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from ecoredress.errors import UserError
from ecoredress.project import Project
from ecoredress.publish.serve import serve_rebuilding, watched
from ecoredress.workbench.internal_site import build_internal_site

DECAP_SERVER = "node_modules/decap-server/dist/index.js"
OUT = "build/cms"
DEFAULT_BACKEND = "http://127.0.0.1:8081/api/v1"  # decap-server's own default port
START_SECONDS = 30


def serve_editor(project: Project, port: int, backend_port: int, as_of: dt.date | None = None) -> None:
    node = shutil.which("node")
    script = project.root / DECAP_SERVER
    if node is None:
        raise UserError(
            "找不到 Node.js（node 命令）。请安装 Node.js（Debian：apt-get install nodejs npm），再运行 npm ci。"
        )
    if not script.is_file():
        raise UserError(
            f"找不到 {DECAP_SERVER}。请在案件仓库目录运行 npm ci"
            "（按 package-lock.json 安装 decap-server 和 Decap CMS）。"
        )
    backend_port = backend_port or _free_port()
    backend = f"http://127.0.0.1:{backend_port}/api/v1"
    env = {
        **os.environ,
        "PORT": str(backend_port),
        "BIND_HOST": "127.0.0.1",
        "GIT_REPO_DIRECTORY": str(project.root),
        "MODE": "fs",
        "LOG_LEVEL": "warn",
    }
    # cwd: the package's own folder, so that no .env file of the repository changes its settings.
    server = subprocess.Popen([node, str(script)], cwd=script.parent.parent, env=env, preexec_fn=_end_with_parent)
    try:
        _wait_until_ready(server, backend)
        out = project.root / OUT
        serve_rebuilding(
            lambda: build_internal_site(project, out, as_of, local_backend=backend),
            out,
            watched(project),
            port,
            "表单编辑器：{url}admin/ （内部网站：{url}）\n保存即写入本机 cases/ 下的案件文件；改完请运行 ecoredress "
            "check，再用 git 提交。按 Ctrl+C 结束。",
        )
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def _wait_until_ready(server: subprocess.Popen[bytes], backend: str) -> None:
    request = urllib.request.Request(
        backend, data=json.dumps({"action": "info"}).encode(), headers={"Content-Type": "application/json"}
    )
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise UserError(
                f"decap-server 未能启动（退出码 {server.returncode}）。请检查端口是否被占用，或重新运行 npm ci。"
            )
        try:
            with urllib.request.urlopen(request, timeout=2) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise UserError(f"decap-server 在 {START_SECONDS} 秒内没有响应（{backend}）。")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _end_with_parent() -> None:
    """The decap-server ends with this process, even when it is killed (Linux prctl PR_SET_PDEATHSIG)."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)
