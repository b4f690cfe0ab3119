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
from pathlib import Path

from ecoredress.errors import UserError
from ecoredress.project import Project
from ecoredress.publish.serve import serve_rebuilding, watched
from ecoredress.workbench.internal_site import build_internal_site

DECAP_SERVER = "node_modules/decap-server/dist/index.js"
ATOMIC_SAVE = Path(__file__).with_name("atomic_save.cjs")  # saves replace a case file whole (see the file)
OUT = "build/cms"
DEFAULT_BACKEND = "http://127.0.0.1:8081/api/v1"  # decap-server's own default port
START_SECONDS = 30


def serve_editor(project: Project, port: int, backend_port: int, as_of: dt.date | None = None) -> None:
    server, backend = start_backend(project, backend_port)
    try:
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
        stop_backend(server)


def start_backend(project: Project, port: int) -> tuple[subprocess.Popen[bytes], str]:
    """decap-server in its file mode for this repository on 127.0.0.1 (``port``, 0 for any free one), once it
    answers; and its API address."""
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
    port = port or _free_port()
    backend = f"http://127.0.0.1:{port}/api/v1"
    env = {
        **os.environ,
        "PORT": str(port),
        "BIND_HOST": "127.0.0.1",
        "GIT_REPO_DIRECTORY": str(project.root),
        "MODE": "fs",
        "LOG_LEVEL": "warn",
    }
    # cwd: the package's own folder, so that no .env file of the repository changes its settings.
    server = subprocess.Popen(
        decap_server_command(node, script), cwd=script.parent.parent, env=env, preexec_fn=_end_with_parent
    )
    try:
        _wait_until_ready(server, backend)
    except BaseException:
        stop_backend(server)
        raise
    return server, backend


def stop_backend(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()


def decap_server_command(node: str, script: Path) -> list[str]:
    return [node, "--require", str(ATOMIC_SAVE), str(script)]


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
