"""The positions of findings come from ruamel's own composer, whichever parser composes the node graph (issue 14):
``sourcemap.compose`` uses libyaml where it puts every node at the line and column ruamel's pure composer gives, and
ruamel's composer elsewhere. Compared node by node on the samples and on files edited at random with what reads
differently: tabs, characters outside the Basic Multilingual Plane, line and paragraph separators, NEL, carriage
returns, a byte order mark, empty values, quotes, block scalars, comments and flow collections."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from ruamel.yaml.nodes import MappingNode, Node, SequenceNode

from ecoredress.loading import sourcemap
from ecoredress.loading.guarded import screen

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "cases").glob("*.yaml"))]


def positions(tree: Node | None) -> list[object]:
    """Every node of ``tree`` in document order: its kind, line, column and (a scalar's) value."""
    found: list[object] = []
    todo = [tree] if tree is not None else []
    while todo:
        node = todo.pop()
        found.append((type(node).__name__, node.start_mark.line, node.start_mark.column))
        if isinstance(node, MappingNode):
            todo.extend(part for pair in reversed(node.value) for part in reversed(pair))
        elif isinstance(node, SequenceNode):
            todo.extend(reversed(node.value))
        else:
            found.append(node.value)
    return found


def by_ruamel(text: str) -> list[object]:
    return positions(YAML(typ="safe", pure=True).compose(text))


def outcome(compose, text: str) -> object:
    """The positions, or that composing failed (the findings of such a file are placed at its start)."""
    try:
        return positions(compose(text))
    except Exception as exc:  # noqa: BLE001 - that it fails is what is compared
        return type(exc).__name__


@pytest.mark.parametrize("text", SAMPLES)
def test_the_samples_have_ruamels_positions(text):
    assert positions(sourcemap.compose(text)) == by_ruamel(text)


@pytest.mark.parametrize(
    "text",
    [
        "a:\nb: 1\n",  # an empty value: libyaml puts it after its key, ruamel at the next token
        "a: # nothing\nb: 1\n",
        "a: x\u2028y\nb: 1\n",
        "a: x\x85y\nb: 1\n",
        "a: x\u2029y\nb: 1\n",
        "a: 1\r\nb: 2\r\n",
        "a: 1\rb: 2\n",
        "a: 1\n\ufeffb: 2\n",
        "a: x\ufeffy\n",
        "a: 2025-07-1\t8\n",  # ruamel's scanner refuses it, libyaml reads it
        "notic\te: 1\n",
        "a: 2024-02-30\n...\n...\n",  # libyaml takes two document ends, ruamel's composer refuses the second
        "a: 1\n...\n",
    ],
)
def test_where_libyaml_reads_otherwise_the_positions_are_still_ruamels(text):
    assert outcome(sourcemap.compose, text) == outcome(YAML(typ="safe", pure=True).compose, text)


_PIECES = st.sampled_from(
    [
        "\t",
        "𠀋",
        "😀",
        "é",
        "\u200b",
        "\u3000",
        "  ",
        "'",
        '"',
        "：",
        "|\n  ",
        ">-\n  ",
        "# c\n",
        "\n",
        " #x",
        "- ",
        "{a: 𠀋}",
        "[𠀋, 😀]",
        "\\",
        '"\\u2028"',
        "'a''b'",
        "\u2028",
        "\u2029",
        "\x85",
        "\r",
        "\r\n",
        "\ufeff",
        ": ",
        "a:\n",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(SAMPLES), st.lists(st.tuples(st.floats(0, 1), _PIECES), min_size=1, max_size=5))
def test_an_edited_case_file_has_ruamels_positions(sample, edits):
    text = sample
    for where, piece in edits:
        at = int(where * len(text))
        text = text[:at] + piece + text[at:]
    try:
        screen(text)
    except Exception:  # noqa: BLE001 - a file refused or broken has no positions to compare
        return
    assert outcome(sourcemap.compose, text) == outcome(YAML(typ="safe", pure=True).compose, text)
