"""Whitespace-safe templating: over varied cases no template glues a heading to text, doubles punctuation
or leaves a space between Chinese characters, whichever optional facts are present."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from document_samples import sample_calendar, sample_cases, sample_profile, sample_templates
from ecoredress.documents.plan import case_jobs
from ecoredress.errors import UserError
from ecoredress.model import Case
from ecoredress.model.types import CJK_CHAR
from ecoredress.presentation.markdown import tidy_blocks
from ecoredress.regulation.document_kinds import SPECS

CASES = sample_cases()
PROFILE, CALENDAR, TEMPLATES = sample_profile(), sample_calendar(), sample_templates()
TEXT_FIELDS = (
    "description",
    "reason",
    "summary",
    "causation",
    "extent",
    "obligor_profile",
    "other",
    "end_reason",
    "minutes",
    "restoration_terms",
    "note",
    "purpose",
)
DOUBLED = re.compile(r"[。，；、：][。，；]|，，")
CJK_GAP = re.compile(rf"{CJK_CHAR}[ \t]+{CJK_CHAR}")
# Case text: Chinese with the punctuation and Markdown characters a user may type, ending however it likes.
CASE_TEXT = st.text(alphabet="污染河段废水排放超标公司#*：，。；、-|1. \n", min_size=10, max_size=40).filter(
    lambda t: len(t.strip()) >= 10 and not DOUBLED.search(re.sub(r"\s+", "", t))  # what the user typed is theirs
)


def _optional_paths(node: Any, path: tuple = ()) -> list[tuple]:
    """Paths of the optional facts present in ``node`` (a case model): each may be left out."""
    found = []
    if isinstance(node, BaseModel):
        for name, info in type(node).model_fields.items():
            value = getattr(node, name)
            if not info.is_required() and value not in (None, [], False):
                found.append((*path, name))
            found += _optional_paths(value, (*path, name))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            found += _optional_paths(item, (*path, i))
    return found


def _without(data: Any, path: tuple) -> None:
    for part in path[:-1]:
        if (
            isinstance(data, dict)
            and part in data
            or isinstance(data, list)
            and isinstance(part, int)
            and part < len(data)
        ):
            data = data[part]
        else:
            return  # a part above it is already left out
    if isinstance(data, dict):
        data.pop(path[-1], None)


def _replace_texts(data: Any, texts: list[str]) -> None:
    if isinstance(data, dict):
        for key, value in data.items():
            if key in TEXT_FIELDS and isinstance(value, str) and texts:
                data[key] = texts.pop()
            else:
                _replace_texts(value, texts)
    elif isinstance(data, list):
        for item in data:
            _replace_texts(item, texts)


@st.composite
def varied_cases(draw) -> Case:
    """A sample case with some optional facts left out and some free text replaced by hostile text."""
    case = draw(st.sampled_from(CASES))
    data = case.model_dump(mode="json", exclude_none=True)
    paths = _optional_paths(case)
    for path in draw(st.lists(st.sampled_from(paths), max_size=6, unique=True)):
        _without(data, path)
    _replace_texts(data, draw(st.lists(CASE_TEXT, max_size=8)))
    try:
        return Case.model_validate(data)
    except ValueError:  # a required part left without what it needs: not a case a user could save
        return case


def assert_tidy(markdown: str, where: str) -> None:
    lines = markdown.split("\n")
    body = lines[lines.index("---", 1) + 1 :]
    for i, line in enumerate(body):
        if line.startswith("#"):
            assert body[i - 1] == "" and body[i + 1] == "", f"{where}: 标题未单独成段：{line}"
        elif "#" in line.replace("\\#", ""):
            raise AssertionError(f"{where}: 标题符号与正文粘连：{line}")
        if not line.startswith("|"):
            assert not CJK_GAP.search(line), f"{where}: 汉字之间有空格：{line}"
        assert not DOUBLED.search(line), f"{where}: 标点重复：{line}"
    assert "\n\n\n" not in markdown and markdown.count(":::") % 2 == 0, where


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=varied_cases())
def test_every_template_is_whitespace_safe_over_varied_cases(case):
    try:
        jobs = case_jobs(case, SPECS, PROFILE, CALENDAR, TEMPLATES)
    except UserError:
        return  # a document that needs a fact the varied case lacks refuses, with a message: nothing printed
    for job in jobs:
        assert_tidy(job.markdown, job.stem)


def test_every_sample_document_is_whitespace_safe():
    for case in CASES:
        for job in case_jobs(case, SPECS, PROFILE, CALENDAR, TEMPLATES):
            assert_tidy(job.markdown, job.stem)


def test_no_construct_glues_a_heading_to_a_paragraph():
    # What trim_blocks made of "…{% endif %}\n# 四、…": the heading glued to the line before it.
    glued = "---\ntitle: 告知书\n---\n第一段。\n# 四、磋商事项\n正文\n一行\n续行\n| a | b |\n\n| c | d |\n"
    assert (
        tidy_blocks(glued)
        == "---\ntitle: 告知书\n---\n\n第一段。\n\n# 四、磋商事项\n\n正文一行续行\n\n| a | b |\n| c | d |\n"
    )
