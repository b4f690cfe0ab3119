"""The Atom feed (feedgen): well-formed Atom whatever a case says, in the same bytes for the same cases."""

from __future__ import annotations

import copy
import random
from xml.etree import ElementTree as ET

import feedparser
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ecoredress.model import Case
from ecoredress.project import Project
from ecoredress.publish.opendata import feed, xml_text
from ecoredress.publish.projection import publish_case
from ecoredress.publish.site import publisher
from payloads import CORPUS_TEXT
from portal_factory import base_data, generated_cases
from tests.conftest import ROOT

DEFAULT_PUBLISHER = publisher(Project(ROOT))  # default settings: no public address, the sample profile


ATOM = "{http://www.w3.org/2005/Atom}"
# Every C0 control, DEL and C1 controls, the XML-special characters, the Unicode line separators and non-characters.
HOSTILE = st.lists(
    st.characters(codec="utf-8")
    | st.sampled_from([*map(chr, range(0x20)), "\x7f", "\x85", "<", "&", "]]>", "\u2028", "\ufffe", "\uffff"])
).map("".join)


def published_with(title: str, summary: str):
    """A published case whose title and summary hold the text inside fixed words (the model wants some)."""
    data = copy.deepcopy(base_data())  # (cached: shared with other tests)
    data["title"], data["summary"] = f"标题{title}赔偿案", f"案件摘要：{summary}。本案已结案。"
    return publish_case(Case.model_validate(data))


@given(title=HOSTILE, summary=HOSTILE)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_feed_is_well_formed_atom_whatever_the_text(title, summary):
    published = published_with(title, summary)
    text = feed([published], DEFAULT_PUBLISHER)
    entry = ET.fromstring(text.encode("utf-8")).find(f"{ATOM}entry")  # raises on XML that is not well-formed
    assert entry.find(f"{ATOM}title").text == xml_text(f"{published.id} {published.title}")
    assert entry.find(f"{ATOM}summary").text == xml_text(f"办理阶段：{published.stage}。{published.summary}")
    parsed = feedparser.parse(text)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10" and len(parsed.entries) == 1
    assert parsed.entries[0].link == f"{DEFAULT_PUBLISHER.url}cases/{published.id}/"


def test_hostile_corpus_titles_stay_text():
    published = published_with("坏\x01标题\x0b" + CORPUS_TEXT, CORPUS_TEXT)
    root = ET.fromstring(feed([published], DEFAULT_PUBLISHER).encode("utf-8"))
    title = root.find(f"{ATOM}entry/{ATOM}title")
    assert len(title) == 0, "no child element: the markup stayed text"
    assert title.text.startswith(f"{published.id} 标题坏\ufffd标题\ufffd")
    assert "<script>alert(1)</script>" in title.text


def test_same_cases_give_the_same_bytes_in_any_order():
    cases = [publish_case(c) for c in generated_cases(5)]
    first = feed(cases, DEFAULT_PUBLISHER)
    shuffled = cases[:]
    random.Random(13).shuffle(shuffled)
    assert feed(shuffled, DEFAULT_PUBLISHER) == first
    assert "feedgen" not in first  # no generator version that an upgrade would change
