"""Each case file is parsed once (issue 14): ``load_data`` builds the data from the libyaml events the screen reads,
instead of handing the text to ruamel a second time. What it returns, or the error it raises, must be ruamel's own,
for the samples, for every kind of scalar YAML 1.2 resolves, and for files mutated at random (broken syntax, tags,
directives, keys used twice, complex keys, merge keys, several documents)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ecoredress.loading import yamlio
from ecoredress.loading.guarded import screen, screened_events

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "cases").glob("*.yaml"))]


def outcome(load, text: str) -> tuple[str, ...]:
    """What loading ``text`` gives: the data written out with its types (1, True, Decimal('1') and '1' differ), or
    the error's type and message."""
    try:
        return ("data", repr(load(text)))
    except Exception as exc:  # noqa: BLE001 - which error, and its words, is what is compared
        return ("error", type(exc).__name__, str(exc))


def by_ruamel(text: str):
    """The reference: the screen, then ruamel's loader over the text again (load_data before issue 14); a value its
    constructor cannot make is located (tests/input/test_unreadable_values.py), not a bare Python error."""
    screen(text)
    try:
        return yamlio._dates_only(yamlio._FAST.load(text))
    except yamlio._VALUE_ERRORS:
        raise yamlio.unreadable_value(text) from None


def test_the_samples_are_built_from_the_screens_events_as_ruamel_builds_them():
    for text in SAMPLES:
        built = yamlio._Built()
        for event in screened_events(text):
            built.add(event)
        assert not built.unusual  # the one parse is what case files get, not the fallback
        assert repr(built.data) == repr(by_ruamel(text))


SCALARS = [
    *"0o17 0x1F 0b101 1_000 -12 +3 007 1e3 1.5e-3 .5 -.inf .NaN ~ null Null NULL true True FALSE yes no on off".split(),
    *"2024-02-29 2024-02-30 2024-1-1 2024-01-01T10:00:00 2024-01-01t10:00:00Z 12:30 1:20:30 0.1 100.00 '' \"\"".split(),
    "2024-01-01 10:00:00.5 +08:00",
    "<<",
    "0x_",
    "0o_",
    "0b_",
    "! 1",
    "!!str 1",
    "!!int '7'",
    "!!float 1",
    "!!bool yes",
    "'它'",
    '"\\u2028"',
    "&x 1",
]


@pytest.mark.parametrize("scalar", SCALARS)
def test_every_kind_of_scalar_as_ruamel_resolves_it(scalar):
    for text in (
        f"a: {scalar}\n",
        f"- {scalar}\n",
        f"{scalar}\n",
        f"{scalar}: a\n",
        f"a: [{scalar}, {{b: {scalar}}}]\n",
    ):
        assert outcome(yamlio.load_data, text) == outcome(by_ruamel, text), text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "---\n",
        "--- a\n...\n",
        "a: 1\n---\nb: 2\n",
        "%YAML 1.1\n---\na: yes\n",
        "%TAG !e! tag:example.com,2000:\n---\na: 1\n",
        "a: 1\na: 2\n",
        "a: {b: 1, b: 2}\n",
        "<<: {a: 1}\nb: 2\n",
        "? [a]\n: b\n",
        "? {a: 1}\n: b\n",
        "1: a\n2: b\n",
        "'1': a\n",
        "null: 1\n~: 2\n",
        "!!map {a: 1}\n",
        "a: !!seq [1]\n",
        "a: [b: c, d]\n",
        "a:\n  - b:\n    c: 1\n",
        'a: 0x_\nb: "\\x07"\n',  # the screen's refusal comes first, the constructor's error never
    ],
)
def test_files_that_are_not_plain_mappings_as_ruamel_reads_them(text):
    assert outcome(yamlio.load_data, text) == outcome(by_ruamel, text)


_PIECES = st.sampled_from(
    [
        "\n",
        " ",
        "  ",
        ":",
        ": ",
        "- ",
        "'",
        '"',
        "{",
        "}",
        "[",
        "]",
        ",",
        "#",
        "<<: ",
        "? ",
        "! ",
        "!!int ",
        "!!str ",
        "---\n",
        "...\n",
        "%YAML 1.2\n",
        "0x1",
        "1_0",
        ".5",
        "2024-02-30",
        "2024-01-01 10:00:00",
        "yes",
        "~",
        "\t",
        "\u2028",
        "\ufeff",
        "\r\n",
        "王建国",
        "a: 1\n",
        "a: 1\na: 2\n",
        "- [1, 2]\n",
    ]
)


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(SAMPLES),
    st.lists(st.tuples(st.floats(0, 1), _PIECES, st.integers(0, 3)), min_size=1, max_size=4),
)
def test_a_mutated_case_file_loads_or_fails_as_ruamel_says(sample, edits):
    text = sample
    for where, piece, cut in edits:
        at = int(where * len(text))
        text = text[:at] + piece + text[at + cut :]
    assert outcome(yamlio.load_data, text) == outcome(by_ruamel, text)
