"""Fixtures for the document tests: sample cases by id, the project, one full render of every case, synthetic
documents through the same pipeline, and LibreOffice's view of the docx."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from ecoredress.documents.plan import DocumentJob, plan_jobs
from ecoredress.documents.renderer import render_documents
from ecoredress.documents.settings import document_settings
from ecoredress.documents.templating import environment
from ecoredress.project import find_project
from ecoredress.regulation.calendar import load_calendar
from ecoredress.regulation.profile import load_profile
from tests.conftest import built_once
from tests.documents.pages import convert_with_office, soffice

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def project():
    return find_project(ROOT)


@pytest.fixture(scope="session")
def templates(project):
    return project.templates_dir / "documents"


@pytest.fixture(scope="session")
def profile(project):
    return load_profile(project_root=project.root)


@pytest.fixture(scope="session")
def calendar(project):
    return load_calendar(project.root)


@pytest.fixture(scope="session")
def cases_by_id(sample_cases):
    return {case.id: case for case in sample_cases}


@pytest.fixture(scope="session")
def rendered(sample_cases, project, templates, profile, calendar, tmp_path_factory):
    """Every document every sample case calls for, in docx and pdf (rendered once for the test run, built_once)."""
    jobs = plan_jobs(sample_cases, profile, calendar, templates, None, project.settings.departments)
    out, result = built_once(
        tmp_path_factory,
        "documents",
        lambda out: render_documents(jobs, document_settings(project), templates, out, workers=2),
    )
    return out, jobs, result


@pytest.fixture(scope="session")
def typeset(project, templates, tmp_path_factory):
    """Render Markdown written as the templates write it (title front matter, _layout.md.j2 blocks) to docx
    and pdf through the real pipeline; returns the output folder. Names become file stems."""

    def render(documents: dict[str, str]) -> Path:
        out = tmp_path_factory.mktemp("typeset")
        jobs = [
            DocumentJob(name, "TEST", "test", "测试", name, "", None, dt.date(2024, 1, 1), False, markdown)
            for name, markdown in documents.items()
        ]
        render_documents(jobs, document_settings(project), templates, out, workers=1)
        return out

    return render


def office_convert(docx_by_stem: dict[str, Path], folder: Path, profile: Path) -> dict[str, Path]:
    """LibreOffice's PDFs of docx files, in ``folder`` by one soffice process: {stem: pdf}."""
    # soffice names each PDF after its file name only: give every docx a unique flat name first.
    flat = {}
    for stem, docx in docx_by_stem.items():
        flat[stem] = folder / (stem.replace("/", "__") + ".docx")
        shutil.copyfile(docx, flat[stem])
    convert_with_office(list(flat.values()), folder / "pdf", profile)
    return {stem: folder / "pdf" / (path.stem + ".pdf") for stem, path in flat.items()}


@pytest.fixture(scope="session")
def office_profile(tmp_path_factory) -> Path:
    """A LibreOffice user profile for this session's soffice processes."""
    if not soffice():
        pytest.skip("需要 LibreOffice（Debian libreoffice-writer-nogui），由 .ci/install 安装")
    return tmp_path_factory.mktemp("office-profile")


@pytest.fixture(scope="session")
def office_pdfs(office_profile, tmp_path_factory):
    """LibreOffice's PDFs of docx files, one soffice process per call: {stem: pdf}."""
    return lambda docx_by_stem: office_convert(docx_by_stem, tmp_path_factory.mktemp("office"), office_profile)


@pytest.fixture(scope="session")
def office_rendered(rendered, office_profile, tmp_path_factory):
    """Every rendered docx as LibreOffice lays it out: {stem: pdf} (once for the test run, built_once)."""
    out, jobs, _ = rendered
    docx = {job.stem: out / f"{job.stem}.docx" for job in jobs}
    return built_once(tmp_path_factory, "office", lambda folder: office_convert(docx, folder, office_profile))[1]


def document(title: str, *blocks: str) -> str:
    """A document's Markdown as the templates write it: title front matter, then the blocks."""
    return f"---\ntitle: {title}\n---\n\n" + "\n\n".join(blocks) + "\n"


SIGNATURE_ISSUER, SIGNATURE_DATE = "宁夏回族自治区生态环境厅", "2024年1月2日"
SIGNATURE_FILLS = range(14, 25)  # from a page ending well before the signature to one where only the date is left


def signature() -> str:
    return f"::: signature\n{SIGNATURE_ISSUER}\n\n{SIGNATURE_DATE}\n:::"


@pytest.fixture(scope="session")
def signature_sweep(typeset):
    """A notice with 14 to 24 full body lines before 特此告知 and the signature: the page break walks
    through the signature block. One render for all."""
    line = "生态环境损害赔偿磋商告知书依据鉴定评估报告制作本告知"  # 26 characters and the indent: one full line
    return typeset(
        {f"signature-{fill}": document("告知书", *[line] * fill, "特此告知。", signature()) for fill in SIGNATURE_FILLS}
    )


BIG_AMOUNTS = ["¥0.01", "¥21,560,000.00", "¥1,234,567,890.12", "¥99,999,999,999.99"]


def amount_table() -> str:
    """A table like the agreement's, its amount column a quarter of the line (as the template states)."""
    rows = "\n".join(f"| {n} | 修复费用 | {amount} |" for n, amount in enumerate(BIG_AMOUNTS, 1))
    return f"| 序号 | 赔偿项目 | 金额（元） |\n|:--:|:----------------|------:|\n{rows}"


@pytest.fixture(scope="session")
def amount_tables(typeset):
    return typeset({"table": document("赔偿协议", "赔偿项目和金额如下：", amount_table())})


@pytest.fixture(scope="session")
def layout(templates):
    """Markdown from the shared template macros (_layout.md.j2), as a document template writes it."""
    env = environment(templates)

    def render(source: str, **values) -> str:
        return env.from_string('{% import "_layout.md.j2" as layout %}' + source).render(**values)

    return render


ANNEXES = [
    "鉴定评估报告复印件",
    "生态环境损害赔偿协议及其附件、履行情况说明、修复效果评估意见和有关票据",
]  # the second wraps


@pytest.fixture(scope="session")
def annexed(typeset, layout):
    """A notice whose annexes (附件说明) come between its last paragraph and the signature."""
    annexes = layout("{{ layout.annexes(items) | safe }}", items=ANNEXES)
    single = layout("{{ layout.annexes(items[:1]) | safe }}", items=ANNEXES)
    return typeset(
        {
            "annexes": document("告知书", "特此告知。", annexes, signature()),
            "annex": document("告知书", "特此告知。", single, signature()),
        }
    )
