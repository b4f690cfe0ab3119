"""Case text is inert on the portal (issue 9, finding 1).

One escape for every value of every generated page (publish/inert.py, the Jinja finalize of publish/pages.py),
and a Content Security Policy on every page in case anything slips through. Checked on the escape itself
(hypothesis, through the real Python-Markdown with the site's extensions), on the template environment, on
the exact finding, and with a payload corpus in every public string field of the model, in the built files
and in Chromium.
"""

from __future__ import annotations

import html
import re
import shutil
import string
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.etree import ElementTree as ET

import markdown
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from browsing import console_errors, guarded_page, search, served, settle
from ecoredress.model import Case
from ecoredress.project import find_project
from ecoredress.publish import pages
from ecoredress.publish.inert import inert
from ecoredress.publish.pages import cjk
from ecoredress.publish.projection import publish_case
from ecoredress.publish.site import build_site
from ecoredress.publish.zensical_engine import THEME, zensical_config
from payloads import COMPACT, CORPUS, CORPUS_TEXT, FENCE, public_text_fields, sections, text_locations, with_text
from portal_scan import ENGINES, SEARCH_INDEX, injections, json_of, search_entries, shape
from tests.conftest import built_once

ROOT = Path(__file__).resolve().parents[2]
SITE_NAME = "宁夏生态环境损害赔偿信息公开"
_WHITESPACE = re.compile(r"\s+")


_SHOWN = str.maketrans(
    {
        **dict.fromkeys([*range(0x20), *range(0x7F, 0xA0), 0xFFFE, 0xFFFF], 0xFFFD),
        **{ord(c): " " for c in "\t\n\v\f\r\x1c\x1d\x1e\x1f\x85\u2028\u2029"},
    }
)


def visible(text: str) -> str:
    """What a reader sees of case text: every character as typed, line breaks as spaces, unprintable ones as U+FFFD."""
    return text.translate(_SHOWN)


def squashed(text: str) -> str:
    """Text compared as a reader sees it: whitespace aside.

    The portal folds line breaks and sets Chinese without spaces.
    """
    return _WHITESPACE.sub("", text)


def build(tmp_path: Path, cases: list[Case], engine: str, name: str = "public") -> Path:
    out = tmp_path / name
    build_site(find_project(ROOT), out, documents=tmp_path / "no-documents", cases=cases, engine=engine)
    return out


def case_page(site: Path, case_id: str) -> str:
    return (site / "cases" / case_id / "index.html").read_text(encoding="utf-8")


# -- the escape ---------------------------------------------------------------------------------------


@cache
def site_markdown(engine: str) -> markdown.Markdown:
    """Python-Markdown with exactly the extensions ``engine`` uses for the portal: mkdocs' defaults and mkdocs.yml,
    or Zensical's reading of the configuration it is given (its own fences, pymdownx.superfences, among them)."""
    if engine == "mkdocs":
        from mkdocs.config import load_config

        config = load_config(config_file=str(ROOT / "mkdocs.yml"), docs_dir=str(ROOT / "site"))
        return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    from zensical.config import parse_mkdocs_config

    with tempfile.TemporaryDirectory() as workspace:
        for folder in (THEME, "docs"):
            (Path(workspace) / folder).mkdir()
        settings = Path(workspace) / "mkdocs.yml"
        settings.write_bytes(zensical_config(find_project(ROOT), ""))
        parsed = parse_mkdocs_config(str(settings))
    return markdown.Markdown(extensions=parsed["markdown_extensions"], extension_configs=parsed["mdx_configs"])


def test_each_engine_reads_fences_with_its_own_extension():
    # Why the escape is checked with both: the engines parse the same sources with different fence extensions.
    def extensions(engine: str) -> set[str]:
        return {type(e).__name__ for e in site_markdown(engine).registeredExtensions}

    assert {"FencedCodeExtension", "AttrListExtension"} <= extensions("mkdocs")
    assert {"SuperFencesCodeExtension", "AttrListExtension"} <= extensions("zensical")


def rendered(context: str, value: str, engine: str) -> tuple[list, str]:
    md = site_markdown(engine)
    md.reset()
    result = shape(md.convert(context.replace("VALUE", value)))
    return result.elements, "".join(result.text)


# Where generated pages put values: raw HTML blocks, attributes, and Markdown itself (headings, paragraphs).
CONTEXTS = (
    '<div class="er-text">\n<p><strong>标签：</strong>VALUE</p>\n</div>',
    '<table class="er-data">\n<tbody><tr><td data-x="VALUE">VALUE</td></tr></tbody>\n</table>',
    "VALUE",
    "## VALUE",
    "text\n\nVALUE\n\nmore",
)
SYNTAX = (
    *CORPUS,
    "```",
    "~~~",
    "{",
    "}",
    "{:",
    "#",
    "\n",
    "\n\n",
    "    ",
    "\t",
    "<",
    ">",
    "&",
    "&amp;",
    "&#60;",
    "&#x3c;",
    "*",
    "_",
    "[",
    "]",
    "(",
    ")",
    "!",
    "|",
    "-",
    "=",
    "+",
    ".",
    ":",
    "\\",
    "`",
    "{{",
    "}}",
    "{%",
    "%}",
    "---",
    "===",
    "1. ",
    "> ",
    "\u2028",
    "\u2029",
    "\x85",
    "\x00",
    "\x02",
    "\x03",
    "\x0b",
    "\x7f",
    "\ufffe",
    "\u3000",
    "\xa0",
)
hostile_text = st.lists(st.one_of(st.sampled_from(SYNTAX), st.text(max_size=8)), max_size=12).map("".join)


@pytest.mark.parametrize("engine", ENGINES)
@settings(max_examples=300, deadline=None)
@given(hostile_text)
@example("\n")
@example("    ```{ onfocus=alert(1) }\n")
def test_inert_text_reads_the_same_and_makes_no_markup(engine, text):
    value = inert(text)
    assert not set(re.sub(r"&#\d+;", "", value)) & set(string.punctuation + "\n\r\t")
    for context in CONTEXTS:
        raw = context.startswith("<")  # a raw HTML block keeps the text exactly; Markdown trims a paragraph's ends
        elements, shown = rendered(context, "MARK", engine)
        got_elements, got_shown = rendered(context, value, engine)
        if raw:
            assert got_elements == elements, context  # no element, no attribute from the text
            assert got_shown == shown.replace("MARK", visible(text))
        elif visible(text).strip():
            assert got_elements == elements, context
            assert got_shown.split() == shown.replace("MARK", visible(text)).split()
        else:  # blank text: a paragraph of spaces at most
            assert set(got_elements) <= set(elements) and got_shown.split() == shown.replace("MARK", "").split()
    attribute = rendered('<p data-x="VALUE"></p>', value, engine)[0]
    assert attribute == [("p", ("data-x",))]


@settings(max_examples=200, deadline=None)
@given(hostile_text)
def test_inert_text_is_a_front_matter_title(text):
    from mkdocs.utils.meta import get_data

    body, meta = get_data(f'---\ntitle: "{inert(text)}（YC-2023-002）"\n---\n\n<h1>x</h1>\n')
    assert html.unescape(meta["title"]) == f"{visible(text)}（YC-2023-002）"
    assert body == "<h1>x</h1>\n"


def test_inert_keeps_letters_digits_and_chinese_punctuation():
    assert inert("宁夏 A-1 “公司”，１２３。") == "宁夏 A&#45;1 “公司”，１２３。"
    assert inert("    code  ") == "&#32;   code &#32;"  # no indented code block, no Markdown line break
    assert visible("a\r\n\tb\u2028c\x00d\ufffee") == "a   b c\ufffdd\ufffde"


# -- the template environment -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "template",
    [
        "{{ x }}",
        "{{ x | tojson }}",
        "{{ [x, x] | join('、') }}",
        "{{ x | safe }}",
        "{{ x | e }}",
        "{{ x | upper }}",
        "{{ x | cjk }}",
        "{% macro m(v) %}<b>{{ v }}</b>{% endmacro %}{{ m(x) }}",
        "{% macro m() %}<b>{% endmacro %}{{ m() ~ x }}",
        "{% macro m() %}<b>{% endmacro %}{{ m() + x }}",
        "{% macro m() %}<b>{% endmacro %}{{ [m(), x] | join }}",
        "{% set s %}{{ x }}{% endset %}{{ s ~ x }}",
        "{% autoescape false %}{{ x }}{% endautoescape %}",
    ],
)
def test_no_filter_macro_or_operator_lets_markup_through(template):
    # Markup from a filter, a macro or a concatenation is escaped like text: only template text is markup.
    env = pages.environment(ROOT / "templates" / "site")
    output = env.from_string(template).render(x=FENCE + "<img src=x onerror=alert(1)>")
    assert not set(re.sub(r"&#\d+;", "", output)) & set(string.punctuation + "\n")


# -- the finding --------------------------------------------------------------------------------------


def fenced(case: Case) -> Case:
    """The case of issue 9: a fence with an attribute list in a body field and in the title, each on lines of
    its own between lines of Latin text (the Chinese typesetting joins lines next to Chinese characters)."""
    data = case.model_dump()
    data["summary"] += f"\nSee annex A\n{FENCE}\nEnd of annex A\n"
    data["title"] += f" A\n{FENCE}\nB"
    return Case.model_validate(data)


@pytest.fixture(scope="module", params=ENGINES)
def fenced_site(request, sample_cases, tmp_path_factory) -> tuple[Path, Case]:
    case = fenced(next(c for c in sample_cases if c.id == "YC-2023-002"))
    site = built_once(tmp_path_factory, f"fenced-{request.param}", lambda work: build(work, [case], request.param))[1]
    return site, case


def test_fence_with_attribute_list_makes_no_element(fenced_site):
    site, case = fenced_site
    assert injections(site) == []
    page = shape(case_page(site, case.id))
    assert not {"pre", "code"} & {tag for tag, _ in page.elements}
    title = cjk(visible(case.title))
    heading = page.elements.index(("h1", ("id",)))
    assert page.elements[heading + 1] == ("dl", ("class",))  # the title is text only; the facts follow
    assert squashed(title) in squashed("".join(page.text))


def test_fence_with_attribute_list_runs_nothing_in_chromium(browser, fenced_site):
    site, case = fenced_site
    with served(site) as url, guarded_page(browser, url) as page:  # fails on a dialog or a CSP violation
        page.goto(f"{url}cases/{case.id}/")
        page.wait_for_timeout(300)
        assert page.evaluate("document.activeElement === document.body")
        assert page.locator("[onfocus], pre, code").count() == 0
        assert squashed(page.locator("h1").inner_text()) == squashed(cjk(visible(case.title)))
        assert page.title() == f"{cjk(visible(case.title))}（{case.id}） - {SITE_NAME}"


# -- the payload corpus in every public string field --------------------------------------------------


@dataclass
class PayloadSites:
    hostile: Path
    plain: Path
    cases: list[Case]
    refused: set[str]
    engine: str


# Harmless text as long as the corpus: a title that overflows the header must overflow it in both sites.
PLAIN = ("无害的文字 plain text " * len(CORPUS_TEXT))[: len(CORPUS_TEXT)]


def sentinel(path: str) -> str:
    return f"⟪{path}⟫"


@pytest.fixture(scope="module", params=ENGINES)
def payload_sites(request, sample_cases, tmp_path_factory) -> PayloadSites:
    """Every sample case with the corpus in every public string field (after a sentinel naming the field), and
    the same cases with harmless text instead: the two sites must have the same elements and attributes."""
    filling = sections(sample_cases)
    hostile, plain, refused = [], [], set()
    for case in sample_cases:
        bad, refusing = with_text(
            case, lambda v, path: (f"{v}\n{sentinel(path)}\n{CORPUS_TEXT}", sentinel(path) + COMPACT + v), filling
        )
        good, _ = with_text(
            case, lambda v, path: (f"{v}\n{sentinel(path)}\n{PLAIN}", f"{sentinel(path)}无害{v}"), filling
        )
        hostile.append(bad)
        plain.append(good)
        refused |= refusing
    engine = request.param
    _, (hostile_site, plain_site) = built_once(
        tmp_path_factory,
        f"payloads-{engine}",
        lambda work: (build(work, hostile, engine, "hostile"), build(work, plain, engine, "plain")),
    )
    return PayloadSites(hostile_site, plain_site, hostile, refused, engine)


def test_payload_is_in_every_public_text_field(payload_sites):
    carried = set()
    for case in payload_sites.cases:
        for _, path, value in text_locations(case):
            if sentinel(path) in value:
                assert CORPUS_TEXT in value or COMPACT in value, path  # the model keeps the payload as typed
                carried.add(path)
    # A field that refuses the payload (a pattern or check digit: 案件编号, 统一社会信用代码) cannot carry it.
    assert public_text_fields() - carried == payload_sites.refused
    assert len(carried) > 50


def test_payload_makes_no_element_or_attribute_in_any_built_page(payload_sites):
    assert injections(payload_sites.hostile) == []
    built = sorted(p.relative_to(payload_sites.hostile) for p in payload_sites.hostile.rglob("*.html"))
    assert len(built) > len(payload_sites.cases)
    for page in built:
        hostile = shape((payload_sites.hostile / page).read_text(encoding="utf-8")).elements
        plain = shape((payload_sites.plain / page).read_text(encoding="utf-8")).elements
        assert hostile == plain, page


def test_search_index_holds_the_text_and_no_markup(payload_sites):
    # Both search boxes show the titles and texts of the index (and Zensical's the path of headings) as HTML:
    # they must hold the same elements as for harmless text, and the case title as typed.
    index = SEARCH_INDEX[payload_sites.engine]
    hostile, plain = (search_entries(site / index) for site in (payload_sites.hostile, payload_sites.plain))
    assert [d["location"] for d in hostile] == [d["location"] for d in plain]
    for bad, good in zip(hostile, plain, strict=True):
        for key in ("title", "text", "path"):
            assert shape(bad.get(key, "")).elements == shape(good.get(key, "")).elements, (bad["location"], key)
    titles = {d["location"]: squashed(html.unescape(d["title"])) for d in hostile}
    for case in map(publish_case, payload_sites.cases):  # (jieba separates words with zero-width spaces)
        assert titles[f"cases/{case.id}/"].replace("\u200b", "") == squashed(visible(case.title)).replace("\u200b", "")


def test_feed_and_open_data_carry_the_text_as_typed(payload_sites):
    published = {c.id: c for c in map(publish_case, payload_sites.cases)}
    atom = "{http://www.w3.org/2005/Atom}"
    entries = ET.parse(payload_sites.hostile / "feed.xml").getroot().findall(f"{atom}entry")
    assert {e.find(f"{atom}title").text for e in entries} == {f"{c.id} {c.title}" for c in published.values()}
    assert {c["id"]: c["summary"] for c in json_of(payload_sites.hostile / "data" / "cases.json")} == {
        c.id: c.summary for c in published.values()
    }


# What a page holds after its scripts ran: every element with its attribute names, handler attributes and
# script URLs anywhere, and the text a reader sees.
DOM = """() => ({
    elements: Array.from(document.querySelectorAll("*"),
        e => e.tagName + "[" + Array.from(e.attributes, a => a.name).sort() + "]"),
    handlers: Array.from(document.querySelectorAll("*")).flatMap(e => Array.from(e.attributes)
        .filter(a => a.name.startsWith("on")
            || /^\\s*(javascript|vbscript|data):/i.test(a.value) && /href|src|action|data/.test(a.name))
        .map(a => e.tagName + " " + a.name + "=" + a.value)),
    text: document.title + "\\n" + document.body.innerText,
})"""


def covering(published: dict) -> list[str]:
    """The fewest case pages (chosen greedily, in id order) that together carry every public text field any case
    carries, and every stage: the case template is one, so these pages put each field and each stage's sections
    before the browser. Every page of every case is scanned without a browser above
    (test_payload_makes_no_element_or_attribute_in_any_built_page)."""
    carried = {cid: {f for _, f, _ in text_locations(c)} | {("stage", c.stage)} for cid, c in published.items()}
    left, chosen = set().union(*carried.values()), []
    while left:
        best = max(sorted(carried), key=lambda cid: len(carried[cid] & left))
        chosen.append(best)
        left -= carried[best]
    return sorted(chosen)


# Each page would start the search worker, which indexes every case again (half this test's time on one CPU): the
# worker draws nothing, and what search shows of the payload is test_search_results_show_payload_as_text_in_chromium's.
NO_SEARCH_WORKER = (
    "window.Worker = class { postMessage() {} addEventListener() {} removeEventListener() {} terminate() {} }"
)


def test_payload_pages_run_nothing_and_show_the_text_in_chromium(browser, payload_sites):
    published = {case.id: publish_case(case) for case in payload_sites.cases}
    paths = ["", "cases/", "funds/", "statistics/", *(f"cases/{case_id}/" for case_id in covering(published))]
    with (
        served(payload_sites.hostile) as url,
        served(payload_sites.plain) as plain_url,
        guarded_page(browser, url) as page,
        guarded_page(browser, plain_url) as plain,
    ):
        for tab in (page, plain):
            tab.add_init_script(NO_SEARCH_WORKER)
        hovered = False
        for path in paths:
            page.goto(url + path, wait_until="commit")  # the two pages load side by side
            plain.goto(plain_url + path)
            page.wait_for_load_state()
            settle(page)  # usually at once: the plain page loaded meanwhile
            seen, expected = page.evaluate(DOM), plain.evaluate(DOM)
            assert seen["handlers"] == [], path
            assert seen["elements"] == expected["elements"], path  # no <script>, <iframe>, <img>, <code>… from text
            text = squashed(seen["text"])
            if case := published.get(path.removeprefix("cases/").rstrip("/")):
                if not hovered:  # the header is one template: every case page's title carries the same payload
                    hover_the_header_title(page)
                    hovered = True
                shown = {field for _, field, _ in text_locations(case) if squashed(sentinel(field)) in text}
                assert {"title", "summary", "damage.description"} <= shown, path
                for _, field, value in text_locations(case):
                    if field in shown:  # a field the page shows, it shows whole and as typed
                        assert squashed(visible(value)) in text, (path, field)
            elif path == "cases/":  # the index lists every title
                assert all(squashed(visible(c.title)) in text for c in published.values())


# The page title in the header, once it has slid in and is the element under its own middle.
HEADER_TITLE = """() => {
    const title = document.querySelectorAll(".md-header__topic .md-ellipsis")[1], box = title.getBoundingClientRect();
    const x = box.x + box.width / 2, y = box.y + box.height / 2;
    return document.elementFromPoint(x, y) === title && title.hasAttribute("title") && [x, y];
}"""


def hover_the_header_title(page) -> None:
    """Scroll past the heading, so that the header shows the page title, and point at it: Material gives a title
    that does not fit (a long case title) a tooltip, which must hold text only."""
    page.evaluate("window.scrollBy(0, document.querySelector('h1').getBoundingClientRect().bottom + 50)")
    x, y = page.wait_for_function(HEADER_TITLE).json_value()
    page.mouse.move(x, y)
    page.wait_for_timeout(400)
    assert page.locator("[role=tooltip] :not(.md-tooltip__inner, .md-tooltip2__inner)").count() == 0


def test_search_results_show_payload_as_text_in_chromium(browser, payload_sites):
    with served(payload_sites.hostile) as url, guarded_page(browser, url) as page:
        page.goto(url)
        results = search(page, payload_sites.engine, "onerror")
        results.first.wait_for(timeout=10000)
        assert results.locator("img, script, iframe, svg[onload], [onerror], [onload], [onfocus]").count() == 0
        assert "onerror" in " ".join(results.all_inner_texts())
        # The result opens with the term marked in the page's text (search.highlight rewrites text nodes as HTML).
        results.and_(page.locator("[href*='cases/']")).first.click()
        page.wait_for_url("**/cases/**")
        page.locator("article mark").first.wait_for()
        assert (
            page.locator("article img, article script, article iframe, article [onerror], article [onfocus]").count()
            == 0
        )


# -- the Content Security Policy ----------------------------------------------------------------------

POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def test_every_page_has_the_content_security_policy_before_any_script(portal):
    built = sorted(portal.site.rglob("*.html"))
    assert len(built) > len(portal.cases)
    for page in built:
        text = page.read_text(encoding="utf-8")
        meta = _META.search(text)
        assert meta, f"{page.relative_to(portal.site)} 缺少内容安全策略"
        assert meta.start() < text.index("<script"), page
        directives = {d.split()[0]: d.split()[1:] for d in meta.group(1).split(";") if d.strip()}
        assert {k: directives.get(k) for k in POLICY} == POLICY, page
        inline = [
            m
            for m in re.finditer(r"<script(?![^>]*\bsrc=)([^>]*)>", text)
            if 'type="application/json"' not in m.group(1)
        ]
        assert inline == [], page  # no inline script the policy would have to allow


def test_content_security_policy_stops_markup_that_slips_through(browser, portal, tmp_path):
    # Should escaping ever fail, the policy still refuses inline scripts, handlers and javascript: links.
    site = tmp_path / "site"
    shutil.copytree(portal.site, site)
    page_file = site / "cases" / "YC-2023-002" / "index.html"
    slipped = (
        '<img src=x onerror="alert(1)"><script>alert(2)</script><a id="er-slipped" href="javascript:alert(3)">x</a>'
    )
    page_file.write_text(
        page_file.read_text(encoding="utf-8").replace("</article>", slipped + "</article>", 1), encoding="utf-8"
    )
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    errors = console_errors(page)
    with served(site) as url:
        page.goto(url + "cases/YC-2023-002/")
        page.click("#er-slipped")
        page.wait_for_timeout(300)
    context.close()
    assert dialogs == []
    assert len([e for e in errors if "Content Security Policy" in e]) >= 3
