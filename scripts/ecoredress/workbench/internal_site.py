"""The internal site (``ecoredress site build --internal``): every case, published or not, unmasked.

Built like the portal, with the same engine (``site.engine``), theme folder, escape and crash-safe swap
(publish/site.py, publish/swap.py), from other pages: the duties dashboard, one page per case with all its
facts, its `check` findings and its documents (internal and public versions), the registers and the annual
reports, and the form editor at ``admin/``. Every page says 内部资料 and asks search engines to stay away;
the site has no sitemap, feed or open data, and it is never built into ``public/``, the folder the Pages jobs
deploy. It must only be served to staff (README: 内部网站).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ecoredress.confined import copy_tree, read_file
from ecoredress.errors import UserError
from ecoredress.loading.discovery import discover_case_files
from ecoredress.project import Project
from ecoredress.publish.site import build_date, run_mkdocs, site_engine
from ecoredress.publish.swap import replacing
from ecoredress.publish.zensical_engine import run_zensical, zensical_version
from ecoredress.registers.cases import Repository, repository_as_of
from ecoredress.regulation.calendar import load_calendar
from ecoredress.regulation.profile import project_profile
from ecoredress.validation.checker import check_files
from ecoredress.validation.repository import report_skipped
from ecoredress.workbench.admin import write_admin
from ecoredress.workbench.pages import write_internal_pages

DEFAULT_OUT = "build/internal"
PUBLIC_OUT = "public"  # what `ecoredress build` and the Pages jobs publish
# First line of robots.txt: also how `ecoredress site publish` recognises an internal build.
ROBOTS = "# ecoredress 内部网站（内部资料）：不得公开发布\nUser-agent: *\nDisallow: /\n"
SHARED_PAGES = ("regulation.md", "handbook.md")  # from site/: the rest of site/ is the portal's
OVERRIDES = {
    "site_description": "生态环境损害赔偿案件、法定期限、台账和年度报告（内部资料，不得公开）",
    "site_url": None,  # no canonical links to the portal's address
    "nav": [
        {"待办期限": "index.md"},
        {"案件": "cases/index.md"},
        {"台账": "ledger.md"},
        {"线索筛查": "screening.md"},
        {"年度报告": "annual/index.md"},
        {"表单编辑": "edit.md"},
        {"工作手册": "handbook.md"},
        {"《规定》全文": "regulation.md"},
    ],
    "not_in_nav": "/cases/*.md\n/annual/*.md",
    "extra": {"generator": False, "internal": True},
    "extra_css": ["assets/portal.css", "assets/internal.css"],
}


def site_overrides(project: Project) -> dict[str, Any]:
    """mkdocs settings of the internal site: its own name (with the region's), navigation and no public address."""
    return {"site_name": f"{project.settings.region.name}生态环境损害赔偿案件办理（内部资料）", **OVERRIDES}


@dataclass(frozen=True)
class InternalResult:
    out: Path
    cases: int
    invalid: int
    documents: int
    editor: bool


def build_internal_site(
    project: Project,
    out: Path,
    as_of: dt.date | None = None,
    documents: Path | None = None,
    local_backend: str | None = None,
    engine: str | None = None,
) -> InternalResult:
    """Build the internal site into ``out`` (replaced only once complete). ``as_of`` is "today" for the
    duties and the checks (default: today); a past ``as_of`` shows every page as of that day (cases found later
    left out, later facts not yet there); ``documents`` the output of ``ecoredress render``;
    ``local_backend`` the decap-server the form editor saves through on this PC; ``engine`` as for the portal
    (publish/site.site_engine: the option, else ``site.engine``, else Zensical)."""
    refuse_public_target(project, out)
    day = as_of or dt.date.today()
    with replacing(out) as work:
        report = check_files(discover_case_files([project.cases_dir]), base=project.root, as_of=as_of, project=project)
        report_skipped([f for f in report.files if f.case is None], "其中的案件只在首页列出问题")
        cases = sorted(report.cases, key=lambda c: c.id)
        repo = Repository(project, cases, project_profile(project), load_calendar(project.root))
        if as_of is not None:  # as ``check --as-of`` and ``deadlines --as-of`` see it: each case as of that day
            repo = repository_as_of(repo, as_of)
        docs = work / "docs"
        _shared_pages(project, docs)
        rendered = documents or project.root / project.settings.documents.out
        copied = write_internal_pages(repo, report, project.template_folder("site"), docs, day, rendered)
        site = work / "site"
        if site_engine(project, engine) == "mkdocs":
            run_mkdocs(project, docs, site, day, overrides=site_overrides(project))
        else:  # in the work folder, which holds docs/ and site/: no cache is kept between internal builds
            zensical_version()
            with build_date(day):
                run_zensical(project, work, "", site_overrides(project))
        for name in ("sitemap.xml", "sitemap.xml.gz"):  # a list of every page is the last thing to leave lying around
            (site / name).unlink(missing_ok=True)
        (site / "robots.txt").write_text(ROBOTS, encoding="utf-8")
        editor = write_admin(project, site, local_backend)
    return InternalResult(out, len(repo.cases), sum(1 for f in report.files if f.case is None), copied, editor)


def is_internal_build(folder: Path) -> bool:
    """Whether ``folder`` holds an internal site (its robots.txt starts with the internal marker)."""
    try:
        return read_file(folder / "robots.txt").decode("utf-8", "replace").startswith(ROBOTS.split("\n", 1)[0])
    except (FileNotFoundError, NotADirectoryError, UserError):
        return False


def refuse_public_target(project: Project, out: Path) -> None:
    if out.resolve() == (project.root / PUBLIC_OUT).resolve():
        raise UserError(
            f"内部网站不能生成到 {PUBLIC_OUT}/：该目录由 ecoredress build 和持续集成的 Pages 作业公开发布。"
            f"请另选目录，如 --out {DEFAULT_OUT}。",
            exit_code=2,
        )


def _shared_pages(project: Project, docs: Path) -> None:
    site = project.root / "site"
    copy_tree(site / "assets", docs / "assets", project.root)  # links refused: nothing from outside the repository
    for name in SHARED_PAGES:
        (docs / name).write_bytes(read_file(site / name, project.root))
