"""``admin/`` of the internal site: the form editor (Decap CMS), its generated configuration and its own
Content Security Policy.

Decap CMS and the ``yaml`` library come from npm, pinned by package-lock.json (``npm ci``), and are copied from
node_modules at build time: about 6 MB that change with every upgrade have no place in the repository's
history, and the lock file already records their exact versions and hashes. Nothing is loaded from a CDN.
"""

from __future__ import annotations

import json
import re
from pathlib import Path, PurePosixPath
from typing import Any

import jinja2

from ecoredress.confined import read_file, walk
from ecoredress.errors import UserError
from ecoredress.project import Project
from ecoredress.workbench.cms_config import cms_config, config_text
from ecoredress.workbench.cms_settings import CmsSettings, cms_settings, origin

ADMIN = "admin"
TEMPLATES = "cms"
OWN_FILES = ("manual-init.js", "ecoredress-cms.js", "ecoredress-yaml.js", "ecoredress-cms.css")
# (folder in node_modules, files to take from it, folder in admin/)
VENDORED = (
    ("decap-cms/dist", re.compile(r"^(\d+\.)?decap-cms\.js$|^decap-cms\.js\.LICENSE\.txt$|^[0-9a-f]+\.wasm$"), ""),
    ("yaml/browser/dist", re.compile(r"\.js$"), "vendor/yaml"),
)
NO_SCRIPT_CSP = "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'self'; form-action 'self'"
LICENCES = (("yaml/LICENSE", "vendor/yaml/LICENSE"),)


def schema(project: Project) -> dict[str, Any]:
    """``schema/case.schema.json`` of the repository (``ecoredress schema`` writes it from the model)."""
    path = project.root / "schema" / "case.schema.json"
    try:
        loaded: dict[str, Any] = json.loads(read_file(path, project.root))
        return loaded
    except FileNotFoundError:
        raise UserError(f"找不到 {path}。请运行 ecoredress schema 生成案件文件的 JSON Schema。", exit_code=1) from None


def admin_csp(settings: CmsSettings | None, local_backend: str | None) -> str:
    """The policy of the form editor's page, looser than the rest of the site where Decap needs it:
    - script-src 'unsafe-eval': Decap checks its configuration with ajv, which compiles its checks with
      ``new Function``; still no inline script and no script from elsewhere;
    - style-src 'unsafe-inline': Decap's components insert their styles as <style> elements (emotion);
    - connect-src and img-src: the git server's API and login (and this PC's decap-server in local mode).
    The policy is this page's own (a meta element), so the case pages keep the strict one."""
    servers = " ".join([*(settings.origins() if settings else []), *([origin(local_backend)] if local_backend else [])])
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            f"connect-src 'self' {servers}".rstrip(),
            f"img-src 'self' data: blob: {servers}".rstrip(),
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def write_admin(project: Project, site: Path, local_backend: str | None = None) -> bool:
    """Write ``admin/`` into the built ``site``; True if the editor can save somewhere (settings or local mode)."""
    settings = cms_settings(project)
    configured = settings is not None or local_backend is not None
    folder = site / ADMIN
    folder.mkdir()
    templates = project.template_folder(TEMPLATES)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates), autoescape=True, undefined=jinja2.StrictUndefined
    )
    csp = admin_csp(settings, local_backend) if configured else NO_SCRIPT_CSP  # (the notice page runs nothing)
    page = env.get_template("index.html.j2").render(csp=csp, configured=configured)
    (folder / "index.html").write_text(page, encoding="utf-8")
    (folder / "ecoredress-cms.css").write_bytes(read_file(templates / "ecoredress-cms.css", project.root))
    if not configured:
        return False
    (folder / "config.yml").write_text(
        config_text(cms_config(schema(project), settings, local_backend)), encoding="utf-8"
    )
    for name in OWN_FILES:
        (folder / name).write_bytes(read_file(templates / name, project.root))
    _vendor(project, folder)
    return True


def _vendor(project: Project, folder: Path) -> None:
    for package, wanted, target in VENDORED:
        source = project.root / "node_modules" / package
        copied = 0
        try:
            for relative, fd in walk(source, project.root):
                if fd is None or not wanted.search(relative.name):
                    continue
                destination = folder / target / PurePosixPath(relative)
                destination.parent.mkdir(parents=True, exist_ok=True)
                with open(fd, "rb", closefd=False) as stream:
                    destination.write_bytes(stream.read())
                copied += 1
        except FileNotFoundError:
            pass
        if not copied:
            raise UserError(
                f"找不到表单编辑器的文件 node_modules/{package}。请在案件仓库目录运行 npm ci（按 package-lock.json "
                "安装 Decap CMS），"
                "然后重新生成内部网站。",
                exit_code=1,
            )
    for licence, copy in LICENCES:
        (folder / copy).write_bytes(read_file(project.root / "node_modules" / licence, project.root))
