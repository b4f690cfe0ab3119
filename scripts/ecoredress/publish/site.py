"""Build the static portal: published projections → Markdown sources → mkdocs → an atomically swapped folder.

Everything read from the repository (site/, templates/site/, mkdocs.yml and its theme folder) is read without
following links (ecoredress/confined.py): a link could otherwise publish any file of the build machine."""

from __future__ import annotations

import datetime as dt
import io
import logging
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ecoredress.confined import check_tree, copy_tree, read_file
from ecoredress.errors import UserError
from ecoredress.model import Case
from ecoredress.project import Project
from ecoredress.publish.documents import copy_public_documents
from ecoredress.publish.opendata import Publisher, release_date, write_open_data
from ecoredress.publish.pages import write_pages
from ecoredress.publish.projection import PublishedCase, publish_cases
from ecoredress.publish.swap import replacing
from ecoredress.validation.repository import load_cases

DEFAULT_PUBLISHER = Publisher(
    name="宁夏回族自治区生态环境厅（示例数据）",
    contact="生态环境损害赔偿工作联系电话见“关于”页",
    licence="CC-BY-4.0",
    licence_title="知识共享署名 4.0 国际许可协议",
)


@dataclass(frozen=True)
class SiteResult:
    out: Path
    cases: int
    published: int
    documents: int
    skipped: int = 0  # case files that could not be used (reported on stderr)


def publisher(project: Project) -> Publisher:
    """The publisher named in [tool.ecoredress.site] (keys publisher, contact, licence, licence_title, url)."""
    site = project.setting("site", {}) or {}
    url = str(site.get("url", "")).strip()
    if url and not url.startswith(("https://", "http://")):
        raise UserError(f"pyproject.toml [tool.ecoredress.site] url 的值“{url}”不是网址。请写网站的完整地址，如 https://example.gov.cn/ecoredress/。")
    return Publisher(
        name=site.get("publisher", DEFAULT_PUBLISHER.name),
        contact=site.get("contact", DEFAULT_PUBLISHER.contact),
        licence=site.get("licence", DEFAULT_PUBLISHER.licence),
        licence_title=site.get("licence_title", DEFAULT_PUBLISHER.licence_title),
        url=url.rstrip("/") + "/" if url else "",
    )


def write_sources(
    project: Project, cases: list[Case], docs: Path, documents: Path | None = None, with_documents: bool = True
) -> tuple[list[PublishedCase], int]:
    """Fill ``docs`` (emptied first) with the hand-written pages of site/ and every generated page and file."""
    if docs.exists():
        shutil.rmtree(docs)
    copy_tree(project.root / "site", docs, project.root)  # links refused: nothing from outside the repository
    rendered = documents or project.root / project.setting("documents.out", "build/documents")
    pdfs = copy_public_documents(rendered, docs, cases) if with_documents else {}
    published = publish_cases(cases, pdfs)
    write_pages(published, project.template_folder("site"), docs)
    write_open_data(published, publisher(project), docs)
    return published, sum(1 for case in published for d in case.documents if d.file)


@contextmanager
def build_date(day: dt.date | None) -> Iterator[None]:
    """Pin mkdocs' build date (sitemap lastmod, footer) to the data's date, not the clock: same input, same bytes."""
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    day = day or dt.date(2024, 4, 3)  # no cases yet: the regulation's date
    os.environ["SOURCE_DATE_EPOCH"] = str(int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp()))
    try:
        yield
    finally:
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def run_mkdocs(project: Project, docs: Path, out: Path, released: dt.date | None = None, overrides: dict | None = None) -> None:
    """Build ``docs`` into ``out`` with the repository's mkdocs.yml; ``overrides`` replace top-level settings
    (the internal site gives its own name, navigation and no public address)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    import jieba

    jieba.setLogLevel(logging.WARNING)
    settings = project.root / "mkdocs.yml"
    try:
        text = read_file(settings, project.root)
    except FileNotFoundError:
        raise UserError(f"找不到网站配置文件 {settings}。请从 ecoredress 仓库复制 mkdocs.yml。", exit_code=1) from None
    try:
        # site_url gives the sitemap its entries and the pages their canonical links.
        config = load_config(
            config_file=io.BytesIO(text),
            config_file_path=str(settings),
            **{"site_url": publisher(project).url or None, **(overrides or {}), "docs_dir": str(docs), "site_dir": str(out)},
        )
        _check_theme_folder(project, config.theme.custom_dir)
        with build_date(released):
            build(config)
    except MkDocsException as exc:
        raise UserError(f"网站生成失败（mkdocs）：{exc}。原网站保持不变。", exit_code=1) from exc


def _check_theme_folder(project: Project, folder: str | None) -> None:
    """mkdocs reads the theme override (``theme.custom_dir``) itself, following links: check it first."""
    if not folder:
        return
    if os.path.commonpath([os.path.abspath(folder), project.root]) != str(project.root):
        raise UserError(f"mkdocs.yml 中 theme.custom_dir 指向仓库之外（{folder}）。请把主题覆盖文件放在仓库中，如 templates/site/theme。", exit_code=1)
    check_tree(Path(folder), project.root)


def build_site(
    project: Project,
    out: Path,
    docs: Path | None = None,
    documents: Path | None = None,
    cases: list[Case] | None = None,
    with_documents: bool = True,
) -> SiteResult:
    """Build the portal into ``out`` from ``cases`` (default: the repository's case files); ``out`` is replaced
    only once the new site is complete (publish/swap.py).

    The Markdown sources go to ``docs``, by default the build's own work folder beside ``out``, so that a
    preview server and a build running at the same time never write into each other's sources, and the
    sources of a killed build are found and removed by the next one."""
    skipped = 0
    with replacing(out) as work:
        if cases is None:  # a file that cannot be used is not published (validation/repository.py)
            loaded = load_cases(project, "其中的案件未列入网站")
            cases, skipped = loaded.cases, len(loaded.skipped)
        sources = docs or work / "docs"
        published, copied = write_sources(project, cases, sources, documents, with_documents)
        run_mkdocs(project, sources, work / "site", release_date(published))
    return SiteResult(out=out, cases=len(cases), published=len(published), documents=copied, skipped=skipped)
