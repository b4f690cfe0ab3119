"""Build the static portal: published projections → Markdown sources → mkdocs → an atomically swapped folder.

Everything read from the repository (site/, templates/site/, mkdocs.yml and its theme folder) is read without
following links (ecoredress/confined.py): a link could otherwise publish any file of the build machine."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import logging
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any, get_args

from ecoredress.confined import check_tree, copy_tree, read_file
from ecoredress.errors import UserError
from ecoredress.model import Case
from ecoredress.project import Project
from ecoredress.publish.documents import PublicPdf, copy_public_documents
from ecoredress.publish.opendata import Publisher, release_date, write_open_data
from ecoredress.publish.pages import write_pages
from ecoredress.publish.projection import PublishedCase, publish_cases
from ecoredress.publish.swap import replacing
from ecoredress.publish.workspace import (
    BuildState,
    ProjectionCache,
    code_digest,
    copy_site,
    digest,
    folder_identity,
    locked,
    merge_tree,
    tree_digest,
    workspace_for,
)
from ecoredress.publish.zensical_engine import run_zensical, zensical_version
from ecoredress.regulation.profile import project_profile
from ecoredress.settings import Engine
from ecoredress.validation.repository import load_cases

ENGINES: tuple[Engine, ...] = get_args(Engine)


@dataclass(frozen=True)
class SiteResult:
    out: Path
    cases: int
    published: int
    documents: int
    changed: bool = True  # False: nothing changed since the last build of ``out``, which was left as it was
    skipped: int = 0  # case files that could not be used (reported on stderr)


def publisher(project: Project) -> Publisher:
    """The publisher named in [tool.ecoredress.site] (keys publisher, contact, licence, licence_title, url), its
    region ([tool.ecoredress.region]) and the regulation of the repository's rule profile."""
    site, region = project.settings.site, project.settings.region
    profile = project_profile(project)
    return Publisher(
        name=site.publisher or region.department,
        contact=site.contact,
        licence=site.licence,
        licence_title=site.licence_title,
        url=site.url,
        region=region.name,
        region_code=region.code,
        regulation=f"《{profile.title}》",
        in_force_from=profile.in_force_from,
    )


def stage_sources(
    project: Project,
    cases: list[Case],
    docs: Path,
    documents: Path | None = None,
    with_documents: bool = True,
    publish: Callable[[list[Case], dict[str, list[PublicPdf]]], list[PublishedCase]] = publish_cases,
) -> tuple[list[PublishedCase], int]:
    """Fill ``docs`` (emptied first) with the hand-written pages of site/ and the public documents; the
    published projections (made by ``publish``) and the number of documents copied."""
    if docs.exists():
        shutil.rmtree(docs)
    copy_tree(project.root / "site", docs, project.root)  # links refused: nothing from outside the repository
    rendered = documents or project.root / project.settings.documents.out
    pdfs = copy_public_documents(rendered, docs, cases) if with_documents else {}
    published = publish(cases, pdfs)
    return published, sum(1 for case in published for d in case.documents if d.file)


def write_generated(
    project: Project, published: list[PublishedCase], docs: Path, engine: str, skip: frozenset[str] = frozenset()
) -> None:
    """Every generated page and file, except the pages of the cases in ``skip`` (unchanged since the last build)."""
    portal = publisher(project)
    write_pages(published, project.template_folder("site"), docs, portal, skip, links_from_source=engine == "zensical")
    write_open_data(published, portal, docs)


@contextmanager
def build_date(day: dt.date) -> Iterator[None]:
    """Pin mkdocs' build date (sitemap lastmod, footer) to the data's date, not the clock: same input, same bytes."""
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp()))
    try:
        yield
    finally:
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def run_mkdocs(
    project: Project, docs: Path, out: Path, released: dt.date | None = None, overrides: dict[str, Any] | None = None
) -> None:
    """Build ``docs`` into ``out`` with the repository's mkdocs.yml; ``overrides`` replace top-level settings
    (the internal site gives its own name, navigation and no public address)."""
    import jieba
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    jieba.setLogLevel(logging.WARNING)
    portal = publisher(project)
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
            **{
                "site_url": portal.url or None,
                **(overrides or {}),
                "docs_dir": str(docs),
                "site_dir": str(out),
            },
        )
        _check_theme_folder(project, config.theme.custom_dir)
        with build_date(released or portal.in_force_from):  # no cases yet: the day the regulation took effect
            build(config)
    except MkDocsException as exc:
        raise UserError(f"网站生成失败（mkdocs）：{exc}。原网站保持不变。", exit_code=1) from exc


def _check_theme_folder(project: Project, folder: str | None) -> None:
    """mkdocs reads the theme override (``theme.custom_dir``) itself, following links: check it first."""
    if not folder:
        return
    if os.path.commonpath([os.path.abspath(folder), project.root]) != str(project.root):
        raise UserError(
            f"mkdocs.yml 中 theme.custom_dir 指向仓库之外（{folder}）。请把主题覆盖文件放在仓库中，如 "
            "templates/site/theme。",
            exit_code=1,
        )
    check_tree(Path(folder), project.root)


def site_engine(project: Project, requested: str | None = None) -> str:
    """The engine asked for (``--engine``), else ``site.engine`` in [tool.ecoredress], else Zensical."""
    engine = requested or project.settings.site.engine
    if engine not in ENGINES:
        raise UserError(
            f"网站生成引擎“{engine}”不存在。请在 --engine 或 pyproject.toml [tool.ecoredress.site] engine 中写 "
            f"{' 或 '.join(ENGINES)}。"
        )
    return engine


def _settings_key(project: Project, engine: str) -> str:
    """Hash of everything besides the cases that shapes every page: templates, configuration, engine, code."""
    versions = [
        version(name) for name in (("mkdocs", "mkdocs-material", "jieba") if engine == "mkdocs" else ("zensical",))
    ]
    return digest(
        engine,
        *versions,
        tree_digest(project.templates_dir / "site", project.root),
        read_file(project.root / "mkdocs.yml", project.root) if (project.root / "mkdocs.yml").exists() else b"",
        project.settings.model_dump_json(),
        code_digest(),
    )


def build_site(
    project: Project,
    out: Path,
    documents: Path | None = None,
    cases: list[Case] | None = None,
    with_documents: bool = True,
    engine: str | None = None,
) -> SiteResult:
    """Build the portal into ``out`` from ``cases`` (default: the repository's case files) with ``engine``
    (site_engine); ``out`` is replaced only once the new site is complete (publish/swap.py).

    The Markdown sources live in the output's workspace (publish/workspace.py): only pages whose inputs changed
    are generated, only files whose bytes changed are written, and with nothing changed since the last build
    of ``out`` no engine runs at all (``changed`` is False)."""
    engine = site_engine(project, engine)
    if engine == "zensical":
        zensical_version()  # a missing engine is said before any work, not after the pages are generated
    workspace = workspace_for(out, engine)
    with locked(workspace):
        skipped = 0
        if cases is None:  # a file that cannot be used is not published (validation/repository.py)
            loaded = load_cases(project, "其中的案件未列入网站")
            cases, skipped = loaded.cases, len(loaded.skipped)
        state, settings = BuildState.read(workspace), _settings_key(project, engine)
        docs, stage = workspace / "docs", workspace / "stage"
        projections = ProjectionCache(workspace / "projections", settings)
        published, copied = stage_sources(project, cases, stage, documents, with_documents, projections.publish)
        projections.prune()
        keys = {case.id: digest(settings, case.model_dump_json()) for case in published}
        unchanged = frozenset(
            i
            for i, key in keys.items()
            if state.settings == settings and state.pages.get(i) == key and (docs / "cases" / f"{i}.md").is_file()
        )
        write_generated(project, published, stage, engine, unchanged)
        changes = merge_tree(stage, docs, keep=[f"cases/{i}.md" for i in unchanged])
        shutil.rmtree(stage)
        result = SiteResult(out=out, cases=len(cases), published=len(published), documents=copied, skipped=skipped)
        if changes == 0 and state.settings == settings and state.pages == keys and state.out == folder_identity(out):
            return dataclasses.replace(result, changed=False)
        BuildState.forget(workspace)
        with replacing(out) as work:
            if engine == "mkdocs":
                run_mkdocs(project, docs, work / "site", release_date(published))
            else:
                portal = publisher(project)
                with build_date(release_date(published) or portal.in_force_from):
                    built = run_zensical(project, workspace, portal.url)
                copy_site(built, work / "site", workspace)
        BuildState(settings, keys, folder_identity(out)).write(workspace)
    return result
