"""The internal site (`ecoredress site build --internal`): every case unmasked, 内部资料 and noindex on every
page, the same duties as `ecoredress deadlines`, every fact, finding and document of a case; and nothing of it
in the portal built from the same cases."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pydantic import BaseModel

from ecoredress.model.parties import Person
from ecoredress.project import find_project
from ecoredress.publish.sync import file_hashes
from ecoredress.validation.repository import check_files
from ecoredress.workbench.facts import text
from ecoredress.workbench.internal_site import build_internal_site
from portal_scan import injections, leaks, readable_text, shape
from tests.ci.gitrepo import CaseRepo
from tests.site.conftest import INTERNAL_AS_OF, PEOPLE_CASE

ROOT = Path(__file__).resolve().parents[2]
STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'"


def page_text(path: Path) -> str:
    return re.sub(r"\s+", "", html.unescape(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8"))))


def persons(cases) -> set[str]:
    return {o.name for c in cases for o in c.obligors if isinstance(o, Person)}


def test_internal_site_names_natural_persons_and_the_portal_does_not(sites, sample_cases):
    names = persons(sample_cases)
    assert len(names) >= 4
    shown = "".join(page_text(p) for p in (sites.internal / "cases").rglob("index.html"))
    assert all(name in shown for name in names)
    assert leaks(sites.public, names) == [], "the portal of the same commit shows no full name"
    internal_pdf = next((sites.internal / "documents" / PEOPLE_CASE).glob("agreement.pdf"))
    public_pdf = next((sites.internal / "documents" / PEOPLE_CASE).glob("agreement-public.pdf"))
    assert "张德顺" in readable_text(internal_pdf) and "张德顺" not in readable_text(public_pdf)


def test_every_page_says_internal_and_asks_search_engines_to_stay_away(sites):
    pages = sorted(sites.internal.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        markup = page.read_text(encoding="utf-8")
        assert "内部资料" in page_text(page), page
        assert '<meta name="robots" content="noindex, nofollow, noarchive">' in markup, page
    assert (sites.internal / "robots.txt").read_text(encoding="utf-8").endswith("User-agent: *\nDisallow: /\n")
    left = [p.name for p in sites.internal.iterdir() if p.name in ("sitemap.xml", "sitemap.xml.gz", "feed.xml", "data")]
    assert left == [], "nothing that lists the site or its data for others"


def test_portal_has_no_admin_and_no_link_to_the_internal_site(portal):
    assert not (portal.site / "admin").exists()
    for path in portal.site.rglob("*"):
        if path.suffix in (".html", ".xml", ".json", ".txt"):
            content = path.read_text(encoding="utf-8")
            assert not re.search(r"""(href|src)=["'][^"']*admin""", content), path
            assert 'class="er-internal"' not in content and "noindex" not in content, path  # (the handbook may name it)
    assert not (portal.site / "robots.txt").exists() or "Disallow: /\n" not in (portal.site / "robots.txt").read_text()


def test_the_editor_page_alone_has_the_looser_policy(sites):
    for page in sites.internal.rglob("*.html"):
        if page.parent.name != "admin":
            assert STRICT_CSP in html.unescape(page.read_text(encoding="utf-8")) and "unsafe" not in page.read_text(
                encoding="utf-8"
            ), page
    # No [tool.ecoredress.cms] in this repository: the editor page explains, and runs nothing.
    admin = html.unescape((sites.internal / "admin" / "index.html").read_text(encoding="utf-8"))
    assert "<script" not in admin and "script-src 'none'" in admin and "表单编辑尚未设置" in admin
    assert not (sites.internal / "admin" / "config.yml").exists()


def test_dashboard_lists_the_duties_of_ecoredress_deadlines(sites, cli):
    result = cli("deadlines", "--as-of", INTERNAL_AS_OF.isoformat(), "--format", "json")
    wanted = [d["uid"] for d in json.loads(result.out)["duties"]]
    dashboard = (sites.internal / "index.html").read_text(encoding="utf-8")
    listed = [html.unescape(uid) for uid in re.findall(r'data-duty="([^"]+)"', dashboard)]
    assert wanted and sorted(listed) == sorted(wanted)
    overdue = [d for d in json.loads(result.out)["duties"] if d["overdue"]]
    assert overdue, "the chosen day has an overdue duty"
    section = re.search(r'data-bucket="overdue">(.*?)</div>', dashboard, re.S).group(1)
    assert sorted(html.unescape(uid) for uid in re.findall(r'data-duty="([^"]+)"', section)) == sorted(
        d["uid"] for d in overdue
    )
    for duty in overdue:  # article, responsible party and how the date was counted
        assert all(
            part in page_text(sites.internal / "index.html")
            for part in (duty["article"], duty["responsible"], re.sub(r"\s+", "", duty["basis"]))
        )


def leaves(value, path=()):
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from leaves(getattr(value, name), (*path, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from leaves(item, (*path, index))
    elif value is not None and not isinstance(value, bool) and value != "":
        yield path, value


def test_case_page_holds_every_fact_of_the_case(sites, sample_cases):
    for case in sample_cases:
        shown = page_text(sites.internal / "cases" / case.id / "index.html")
        missing = [path for path, value in leaves(case) if re.sub(r"\s+", "", text(value)) not in shown]
        assert missing == [], case.id


def test_case_page_shows_the_findings_of_check(sites):
    project = find_project(ROOT)
    report = check_files(
        sorted(project.cases_dir.glob("*.yaml")), base=project.root, as_of=INTERNAL_AS_OF, project=project
    )
    assert report.findings, "the samples have findings on that day"
    for checked in report.files:
        page = (sites.internal / "cases" / checked.case.id / "index.html").read_text(encoding="utf-8")
        assert page.count('<tr class="er-warning">') + page.count('<tr class="er-error">') + page.count(
            '<tr class="er-info">'
        ) == len(checked.findings)
        for finding in checked.findings:
            assert f"{finding.path}:{finding.line}:{finding.column}" in html.unescape(page)
            assert re.sub(r"\s+", "", finding.message) in page_text(
                sites.internal / "cases" / checked.case.id / "index.html"
            )


def test_case_page_offers_internal_and_public_versions_of_its_documents(sites):
    page = (sites.internal / "cases" / PEOPLE_CASE / "index.html").read_text(encoding="utf-8")
    links = [html.unescape(href) for href in re.findall(r'class="er-download" href="([^"]+)"', page)]
    files = sorted(Path(link).name for link in links)
    assert files == ["agreement-public.docx", "agreement-public.pdf", "agreement.docx", "agreement.pdf"]
    assert "内部版" in page_text(sites.internal / "cases" / PEOPLE_CASE / "index.html") and "公开版" in page
    manifest = json.loads((sites.documents / "manifest.json").read_text(encoding="utf-8"))
    listed = {Path(f["name"]).name: f["sha256"] for e in manifest["documents"] for f in e["files"]}
    for name, digest in listed.items():
        copied = sites.internal / "documents" / PEOPLE_CASE / name
        assert file_hashes(copied.parent)[name] == digest


def test_registers_are_pages_and_workbooks(sites):
    for page, workbook, sheets in [
        ("ledger", "ledger.xlsx", ["重大案件台账", "全部案件"]),
        ("screening", "screening.xlsx", ["季度筛查合规", "线索筛查记录"]),
        (f"annual/{INTERNAL_AS_OF.year - 1}", f"annual-{INTERNAL_AS_OF.year - 1}.xlsx", ["概况", "按阶段"]),
    ]:
        shown = page_text(sites.internal / page / "index.html")
        assert all(sheet in shown for sheet in sheets), page
        book = load_workbook(sites.internal / "downloads" / workbook)
        assert book.sheetnames[: len(sheets)] == sheets
    assert (
        (sites.internal / "downloads" / f"annual-{INTERNAL_AS_OF.year - 1}.md.txt")
        .read_text(encoding="utf-8")
        .startswith("# ")
    )
    assert not (sites.internal / "downloads" / f"annual-{INTERNAL_AS_OF.year - 1}.md").exists()


def test_internal_site_is_refused_into_public_and_not_published_as_the_portal(sites, tmp_path, cli):
    refused = cli("site", "build", "--internal", "--out", "public")
    assert refused.code == 2 and "public/" in refused.err
    www = tmp_path / "www"
    published = cli("site", "publish", "--from", str(sites.internal), "--to", str(www))
    assert published.code == 2 and "内部网站" in published.err and not www.exists()
    assert cli("site", "publish", "--from", str(sites.internal), "--to", str(www), "--internal").code == 0
    assert cli("site", "publish", "--from", str(sites.public), "--to", str(tmp_path / "p"), "--internal").code == 2
    assert cli("site", "build", "--as-of", "2024-01-01", "--out", str(tmp_path / "x")).code == 2


def test_two_builds_are_identical(sites, tmp_path):
    build_internal_site(find_project(ROOT), tmp_path / "again", INTERNAL_AS_OF, sites.documents, engine=sites.engine)
    assert file_hashes(tmp_path / "again") == file_hashes(sites.internal)


def test_a_broken_case_file_is_listed_on_the_dashboard_and_the_rest_is_built(tmp_path):
    repo = CaseRepo.from_project(tmp_path / "repo")
    (repo.cases / "YC-2024-099.yaml").write_text("id: YC-2024-099\ntitle: [\n", encoding="utf-8")
    done = subprocess.run(
        ["ecoredress", "site", "build", "--internal", "--as-of", "2025-01-01"],
        cwd=repo.root,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1 and "1 个文件未通过校验" in done.stdout, done.stdout + done.stderr
    assert (
        "cases/YC-2024-099.yaml:3:1: 错误 yaml-syntax" in done.stderr and "已跳过以上 1 个" in done.stderr
    )  # the common policy
    dashboard = page_text(repo.root / "build" / "internal" / "index.html")
    assert (
        "未通过校验的案件文件" in dashboard
        and "cases/YC-2024-099.yaml:3:1" in dashboard
        and "YAML语法错误" in dashboard
    )


def test_the_editor_is_there_when_a_git_server_is_set(tmp_path):
    repo = CaseRepo.from_project(tmp_path / "repo")
    pyproject = repo.root / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text(encoding="utf-8")
        + '\n[tool.ecoredress.cms]\nbackend = "gitlab"\nrepo = "eco/cases"\nbase_url = "https:'
        '//git.example.gov.cn"\napp_id = "abc"\n',
        encoding="utf-8",
    )
    result = build_internal_site(find_project(repo.root), tmp_path / "site", INTERNAL_AS_OF, tmp_path / "none")
    admin = tmp_path / "site" / "admin"
    assert result.editor and (admin / "decap-cms.js").stat().st_size > 1_000_000
    config = json.loads((admin / "config.yml").read_text(encoding="utf-8"))
    assert (
        config["backend"]["base_url"] == "https://git.example.gov.cn" and config["publish_mode"] == "editorial_workflow"
    )
    page = html.unescape((admin / "index.html").read_text(encoding="utf-8"))
    assert "script-src 'self' 'unsafe-eval';" in page and "connect-src 'self' https://git.example.gov.cn;" in page
    assert list(re.findall(r'<script[^>]*src="([^"]+)"', page)) == [
        "manual-init.js",
        "decap-cms.js",
        "ecoredress-cms.js",
    ]
    shutil.rmtree(repo.root / "node_modules" / "decap-cms")
    with pytest.raises(Exception, match="npm ci"):
        build_internal_site(find_project(repo.root), tmp_path / "site", INTERNAL_AS_OF, tmp_path / "none")
    assert (admin / "decap-cms.js").is_file(), "a failed build leaves the previous site in place"


def test_case_text_makes_no_markup_on_internal_pages(tmp_path, sample_cases):
    """Every string of every sample case, private and internal fields too, replaced by the payload corpus
    (where the field accepts it): the case pages have the same elements as with harmless text."""
    from payloads import COMPACT, CORPUS_TEXT

    def filled(text_of) -> Path:
        repo = CaseRepo.from_project(tmp_path / text_of.__name__)
        for case in sample_cases:
            data = case.model_dump(mode="json", exclude_none=True)
            replace_strings(data, case, text_of)
            (repo.cases / f"{case.id}.yaml").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        build_internal_site(
            find_project(repo.root), tmp_path / f"site-{text_of.__name__}", INTERNAL_AS_OF, tmp_path / "none"
        )
        return tmp_path / f"site-{text_of.__name__}"

    def hostile(value: str) -> tuple[str, ...]:
        return (f"{value}\n{CORPUS_TEXT}", COMPACT + value)

    def plain(value: str) -> tuple[str, ...]:
        return (f"{value}\n无害的文字", "无害" + value)

    bad, good = filled(hostile), filled(plain)
    assert injections(bad) == []
    for case in sample_cases:
        page = Path("cases") / case.id / "index.html"
        hostile_page, plain_page = (shape((site / page).read_text(encoding="utf-8")) for site in (bad, good))
        shown = "".join(hostile_page.text)
        assert "<script>alert(1)</script>" in shown, case.id  # shown as text
        assert hostile_page.elements == plain_page.elements, case.id
        assert any(name in shown for name in (CORPUS_TEXT.splitlines()[0], COMPACT))


def replace_strings(data, case, text_of) -> None:
    """Put ``text_of(value)`` into every string of ``data`` where the case model accepts it (an enum, a date,
    an amount or a checked code refuses it and keeps its value)."""
    from pydantic import ValidationError

    from ecoredress.model import Case

    def walk(node):
        for key, value in list(node.items() if isinstance(node, dict) else enumerate(node)):
            if isinstance(value, (dict, list)):
                walk(value)
            elif isinstance(value, str) and key != "kind":
                for candidate in text_of(value):
                    node[key] = candidate
                    try:
                        Case.model_validate(data)
                        break
                    except ValidationError:
                        node[key] = value

    walk(data)


def test_internal_site_as_of_a_past_day_shows_the_cases_of_that_day(tmp_path, cli, sample_cases):
    """Built as of 2024-05-01 (issue 11 item 4), the site shows what `deadlines --as-of` and `check --as-of` see:
    no page of a case whose clue was found later, each case in its stage of that day, the same duties."""
    day = "2024-05-01"
    result = build_internal_site(find_project(ROOT), tmp_path / "site", dt.date.fromisoformat(day), tmp_path / "none")
    site = tmp_path / "site"
    existing = sorted(c.id for c in sample_cases if c.clue.found_on <= dt.date.fromisoformat(day))
    assert result.cases == len(existing) < len(sample_cases)
    assert sorted(p.name for p in (site / "cases").iterdir() if (p / "index.html").is_file()) == existing
    assert "YC-2026-001" not in page_text(site / "cases" / "index.html")
    assert f"全部{len(existing)}件案件" in page_text(site / "index.html")
    wanted = [d["uid"] for d in json.loads(cli("deadlines", "--as-of", day, "--format", "json").out)["duties"]]
    listed = [
        html.unescape(uid)
        for uid in re.findall(r'data-duty="([^"]+)"', (site / "index.html").read_text(encoding="utf-8"))
    ]
    assert wanted and sorted(listed) == sorted(wanted)
    # NX-2023-001 ended on 2026 with a passed evaluation; on 2024-05-01 its evaluation had not happened
    nx = page_text(site / "cases" / "NX-2023-001" / "index.html")
    assert "2026-06-18" not in nx and "2026年6月18日" not in nx
