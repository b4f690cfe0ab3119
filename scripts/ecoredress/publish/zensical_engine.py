"""Build the portal's Markdown sources with Zensical (the successor of mkdocs-material, by the same authors).

Zensical reads mkdocs.yml but insists that its sources, output and theme folder lie inside the folder of the
configuration file, and keeps its incremental cache (``.cache``) there. So each output gets a workspace of its
own (publish/workspace.py) holding the generated configuration, the sources, the theme override, the cache and
Zensical's output, kept from one build to the next: with nothing changed Zensical reuses every cached page.

The theme override is the portal's ``main.html`` (the Content Security Policy on every page) plus
``templates/site/theme-zensical/``: Zensical's own partials with their inline scripts served as files.
Zensical's search splits Chinese text into words in the browser (``Intl.Segmenter``, language from
``theme.language``), so its index needs no jieba pass.
"""

from __future__ import annotations

import datetime as dt
import gzip
import html
import io
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any
from xml.etree import ElementTree

from ecoredress.confined import read_file, walk
from ecoredress.errors import UserError
from ecoredress.project import Project
from ecoredress.publish.workspace import write_if_changed

THEME = "theme"
# The style sheet Zensical 0.0.73's search dialog writes into its shadow root (a <style> element, which the
# policy's style-src 'self' refuses): admitted by its hash, so the dialog is styled and nothing else inline is.
# A new Zensical version has a new sheet: the browser test of the search dialog fails on the CSP violation.
SEARCH_STYLE_HASH = "sha256-NwSx/R2V/U4jnW0Tq5pQ53Y/rzPVJ4dqE7D6UTA/J1k="
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
SHARED_THEME_FILES = ("main.html",)  # from templates/site/theme: the policy and the internal banner


def zensical_version() -> str:
    try:
        import zensical
    except ImportError:
        raise UserError(
            "未安装网站生成引擎 Zensical。请运行 bash .ci/install（或 pip install 'zensical==0.0.73'），或用 "
            '--engine mkdocs（或 pyproject.toml [tool.ecoredress.site] engine = "mkdocs"）改用 mkdocs-material。',
            exit_code=1,
        ) from None
    return zensical.version()


def zensical_config(project: Project, site_url: str, overrides: Mapping[str, Any] | None = None) -> bytes:
    """The repository's mkdocs.yml with the folders moved into the workspace (comments and order kept);
    ``overrides`` replace top-level settings, None removes one (the internal site, as with mkdocs)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    settings = project.root / "mkdocs.yml"
    try:
        yaml = YAML()
        config = yaml.load(read_file(settings, project.root))
    except FileNotFoundError:
        raise UserError(f"找不到网站配置文件 {settings}。请从 ecoredress 仓库复制 mkdocs.yml。", exit_code=1) from None
    except YAMLError as exc:
        raise UserError(f"网站配置文件 {settings} 不是有效的 YAML：{exc}", exit_code=1) from None
    config["docs_dir"], config["site_dir"] = "docs", "site"
    config.pop("strict", None)  # Zensical takes strictness from the build call, not the file
    if site_url:
        config["site_url"] = site_url
    else:
        config.pop("site_url", None)
    for key, value in (overrides or {}).items():
        if value is None:
            config.pop(key, None)
        else:
            config[key] = value
    config["theme"]["custom_dir"] = THEME
    config.setdefault("extra", {})["style_hashes"] = [SEARCH_STYLE_HASH]
    out = io.StringIO()
    yaml.dump(config, out)
    return out.getvalue().encode("utf-8")


def write_theme(project: Project, workspace: Path) -> None:
    """The theme override for Zensical in ``workspace/theme``; files are rewritten only when changed."""
    theme = project.template_folder("site") / "theme"
    wanted = {name: read_file(theme / name, project.root) for name in SHARED_THEME_FILES}
    own = project.template_folder("site") / "theme-zensical"
    for relative, fd in walk(own, project.root):  # links refused, as for every template
        if fd is not None:
            wanted[relative.as_posix()] = read_file(own / relative, project.root)
    for name, data in wanted.items():
        write_if_changed(workspace / THEME / name, data)
    for stale in sorted((workspace / THEME).rglob("*"), reverse=True):
        if stale.is_file() and stale.relative_to(workspace / THEME).as_posix() not in wanted:
            stale.unlink()


def run_zensical(project: Project, workspace: Path, site_url: str, overrides: Mapping[str, Any] | None = None) -> Path:
    """Build ``workspace/docs`` into ``workspace/site`` with Zensical's incremental cache; the output folder."""
    import zensical

    config = workspace / "mkdocs.yml"
    write_if_changed(config, zensical_config(project, site_url, overrides))
    write_theme(project, workspace)
    with tempfile.TemporaryFile() as said:
        try:
            with _output_to(said):  # its English progress lines are not for the user; its messages go with a failure
                zensical.build(str(config), {"clean": False, "strict": True})
        except Exception as exc:  # the Rust runtime raises plain exceptions of several kinds
            said.seek(0)
            detail = said.read().decode("utf-8", "replace").strip()
            raise UserError(
                f"网站生成失败（Zensical）：{exc}。原网站保持不变。\n{detail}".rstrip(), exit_code=1
            ) from exc
    _decode_search_paths(workspace / "site" / "search.json")
    _date_sitemap(workspace / "site" / "sitemap.xml")
    return workspace / "site"


@contextmanager
def _output_to(stream: IO[bytes]) -> Iterator[None]:
    """Standard output and error of this process, Rust's included (file descriptors 1 and 2), into ``stream``."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = [os.dup(1), os.dup(2)]
    try:
        os.dup2(stream.fileno(), 1)
        os.dup2(stream.fileno(), 2)
        yield
    finally:
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        for fd in saved:
            os.close(fd)


def _decode_search_paths(index: Path) -> None:
    """Zensical copies a page's title into its search entries' ``path`` still holding the character references
    the generated pages write every ASCII punctuation as (publish/inert.py), and its dialog showed them as typed:
    "YC&#45;2023&#45;002". The dialog reads ``path`` as HTML, like ``title`` and ``text``: decode the references
    and escape the text again, so it shows what the page shows and markup in it stays text."""
    try:
        data = json.loads(index.read_bytes())
    except FileNotFoundError:
        return
    for item in data.get("items", []):
        item["path"] = [html.escape(html.unescape(part), quote=False) for part in item.get("path", [])]
    index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _date_sitemap(sitemap: Path) -> None:
    """Zensical's sitemap gives no dates. Date every entry as mkdocs does, with the build date that
    publish/site.build_date pins to the data's date (``SOURCE_DATE_EPOCH``), and write the gzip copy mkdocs
    writes beside it: crawlers get the same sitemaps at the same addresses whichever engine built the site."""
    try:
        tree = ElementTree.parse(sitemap)
    except FileNotFoundError:
        return
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH") or time.time())  # unset: today, as mkdocs does
    day = dt.datetime.fromtimestamp(epoch, dt.UTC).date().isoformat()
    for url in tree.getroot().iter(f"{{{SITEMAP}}}url"):
        for stale in url.findall(f"{{{SITEMAP}}}lastmod"):  # an entry kept from the last build is dated already
            url.remove(stale)
        ElementTree.SubElement(url, f"{{{SITEMAP}}}lastmod").text = day
    ElementTree.register_namespace("", SITEMAP)
    ElementTree.indent(tree)
    data = ElementTree.tostring(tree.getroot(), encoding="unicode", xml_declaration=True).encode("utf-8")
    sitemap.write_bytes(data)
    sitemap.with_name(sitemap.name + ".gz").write_bytes(gzip.compress(data, mtime=epoch))
