"""No personal data reaches any public artifact, however it is typed and wherever it is written (issue 9, finding 2).

Hypothesis draws e-mail addresses, ID numbers, mobiles, landlines (with and without area code), bank cards,
plates and addresses in many forms (grouped by spaces, dashes or dots, full-width, Chinese numerals, 幺) and
names of persons the case lists for masking, appends them all to every public string field of a sample case,
builds the portal and renders the case's public documents (PDF and DOCX), and looks for every value in every
built file: HTML, JSON, CSV, XML, the search index, .gz files, PDF text (pdftotext) and the DOCX XML.

The site build and the typesetting take seconds, so the default budget is a few examples with many values each
(``MASKING_EXAMPLES``, default 3). A longer run: ``MASKING_EXAMPLES=50 python3 -m pytest
tests/site/test_masking_property.py``.
"""

from __future__ import annotations

import os
import zipfile
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ecoredress.model import Case
from ecoredress.model.identifiers import id_number_check_char
from ecoredress.project import find_project
from ecoredress.publish.site import build_site
from payloads import sections, with_text
from portal_factory import GIVEN, SURNAMES, base_data
from portal_scan import readable_text, scanned_files

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = int(os.environ.get("MASKING_EXAMPLES", "3"))
FULL_WIDTH = str.maketrans(
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ"
)
CHINESE = str.maketrans("0123456789", "〇一二三四五六七八九")


def _digits(n: int, first: str = "0123456789") -> st.SearchStrategy[str]:
    return st.builds(lambda a, b: a + b, st.sampled_from(first), st.text("0123456789", min_size=n - 1, max_size=n - 1))


def _written(groups: list[int]):
    """A number drawn as digits, then written the way people type it: grouped, full-width or in Chinese numerals."""

    def write(digits: str, separator: str, form: str) -> str:
        parts, at = [], 0
        for size in groups:
            parts.append(digits[at : at + size])
            at += size
        text = separator.join(p for p in parts if p) if separator != "none" else digits
        if form == "full":
            return text.translate(FULL_WIDTH)
        if form == "chinese":
            return text.translate(CHINESE)
        if form == "yao":
            return text.translate(CHINESE).replace("一", "幺")
        return text

    return lambda digits: st.builds(
        write,
        st.just(digits),
        st.sampled_from(["none", " ", "-", ".", "—", "．", " - "]),
        st.sampled_from(["ascii", "ascii", "full", "chinese", "yao"]),
    )


def _id_number(year: int, serial: int) -> str:
    first17 = f"640104{year:04d}0512{serial:03d}"
    return first17 + id_number_check_char(first17)


ID = st.builds(_id_number, st.integers(1950, 2005), st.integers(0, 999)).flatmap(_written([6, 8, 4]))
MOBILE = _digits(10).map(lambda d: "1" + "3456789"[int(d[0]) % 7] + d[1:]).flatmap(_written([3, 4, 4]))
LANDLINE = _digits(7, "23456789").map(lambda d: "0951" + d).flatmap(_written([4, 3, 4]))
LOCAL = _digits(7, "23456789").flatmap(_written([3, 4]))  # only after a word that announces a phone
CARD = _digits(18, "3456").map(lambda d: "6" + d).flatmap(_written([4, 4, 4, 4, 3]))
PLATE = st.builds(
    lambda p, letter, sep, tail, suffix: f"{p}{sep}{letter}{tail}{suffix}",
    st.sampled_from("宁京甘蒙陕"),
    st.sampled_from("ABCDE"),
    st.sampled_from(["", " ", "·"]),
    st.from_regex(r"[0-9][0-9A-HJ-NP-Z]{4}|[DF][0-9]{5}", fullmatch=True),
    st.sampled_from(["", "挂", "警"]),
)
PLATE = st.one_of(PLATE, PLATE.map(lambda p: p.translate(FULL_WIDTH)))
EMAIL = st.builds(
    lambda user, host: f"{user}@{host}.cn",
    st.from_regex(r"[a-z][a-z0-9._]{2,10}[a-z0-9]", fullmatch=True),
    st.from_regex(r"[a-z]{3,8}", fullmatch=True),
)
ADDRESS = st.builds(
    lambda a, b, n: f"{a}{b}{n}",
    st.text(GIVEN, min_size=2, max_size=2),
    st.sampled_from(["村", "小区", "花园"]),
    st.sampled_from(["三组", "12号楼2单元501室", "8号", "3栋1单元202室"]),
)
ROAD = st.builds(lambda a, n: f"{a}路{n}号", st.text(GIVEN, min_size=2, max_size=3), st.integers(1, 999))
NAME = st.builds(lambda s, g: s + g, st.sampled_from(SURNAMES), st.text(GIVEN, min_size=2, max_size=2))


@st.composite
def personal_values(draw) -> tuple[list[str], list[str]]:
    """(values with the words before them, the names the case lists)."""
    names = draw(st.lists(NAME, min_size=1, max_size=3, unique=True))
    labelled = [
        *(f"身份证{v}" for v in draw(st.lists(ID, min_size=2, max_size=4))),
        *(f"手机{v}" for v in draw(st.lists(MOBILE, min_size=2, max_size=4))),
        *(f"座机{v}" for v in draw(st.lists(LANDLINE, min_size=1, max_size=3))),
        *(f"电话{v}" for v in draw(st.lists(LOCAL, min_size=1, max_size=2))),
        *(f"卡号{v}" for v in draw(st.lists(CARD, min_size=1, max_size=3))),
        *(f"车牌{v}" for v in draw(st.lists(PLATE, min_size=2, max_size=4))),
        *(f"邮箱{v}" for v in draw(st.lists(EMAIL, min_size=1, max_size=2))),
        *(f"家住{v}" for v in draw(st.lists(ADDRESS, min_size=1, max_size=2))),
        *(f"住{v}" for v in draw(st.lists(ROAD, min_size=1, max_size=2))),
        *(f"证人{v}" for v in names),
    ]
    return labelled, names


def _case(labelled: list[str], names: list[str], filling) -> Case:
    data = base_data() | {"disclosure": {**base_data()["disclosure"], "person_names": names}}
    text = "，".join(labelled) + "。"
    case, _ = with_text(Case.model_validate(data), lambda value, path: (f"{value}{text}", value), filling)
    return case


@cache
def _filling():
    """A recorded instance of every kind of section, from the sample cases, to fill what the base case lacks."""
    from ecoredress.loading.discovery import discover_case_files
    from ecoredress.validation.checker import load_case

    return sections([load_case(p, p.name).case for p in discover_case_files([ROOT / "cases"])])


def _value(labelled: str) -> str:
    for label in ("身份证", "手机", "座机", "电话", "卡号", "车牌", "邮箱", "家住", "住", "证人"):
        if labelled.startswith(label):
            return "".join(labelled[len(label) :].split())
    raise AssertionError(labelled)


def _public_document_files(rendered: Path) -> list[Path]:
    import json

    manifest = json.loads((rendered / "manifest.json").read_text(encoding="utf-8"))
    return [rendered / f["name"] for e in manifest["documents"] if e.get("public") is True for f in e["files"]]


def _texts(site: Path, rendered: Path) -> dict[str, str]:
    texts = {p.relative_to(site).as_posix(): readable_text(p) for p in scanned_files(site)}
    for path in _public_document_files(rendered):
        if path.suffix == ".docx":
            with zipfile.ZipFile(path) as docx:
                texts[path.name] = "".join(
                    "".join(docx.read(n).decode("utf-8").split()) for n in docx.namelist() if n.endswith(".xml")
                )
        else:
            texts[path.name] = readable_text(path)
    return texts


@settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(drawn=personal_values())
def test_no_generated_personal_value_reaches_any_public_file(drawn, tmp_path_factory):
    from ecoredress.documents.plan import plan_jobs
    from ecoredress.documents.renderer import render_documents
    from ecoredress.documents.settings import document_settings
    from ecoredress.regulation.calendar import load_calendar
    from ecoredress.regulation.profile import load_profile

    labelled, names = drawn
    case = _case(labelled, names, _filling())
    work = tmp_path_factory.mktemp("masking-property")
    project = find_project(ROOT)
    templates = project.templates_dir / "documents"
    kinds = {"agreement", "consultation-notice"}
    departments = project.settings.departments
    jobs = plan_jobs([case], load_profile(project_root=ROOT), load_calendar(ROOT), templates, kinds, departments)
    render_documents(jobs, document_settings(project), templates, work / "documents", ("pdf", "docx"))
    build_site(project, work / "public", documents=work / "documents", cases=[case])
    texts = _texts(work / "public", work / "documents")
    assert any(name.endswith(".docx") for name in texts) and any(
        name.endswith(".pdf") and "/" not in name for name in texts
    )
    assert any(
        f"{n[0]}某" in t or f"{n[:2]}某" in t for t in texts.values() for n in names
    )  # the names were published, masked
    values = {_value(v) for v in labelled}
    leaked = sorted({(file, v) for file, text in texts.items() for v in values if v in text})
    assert leaked == []
