"""Line and column of a value inside a YAML file, found lazily from ruamel's node graph.

Only files with findings pay for this second parse; valid files never do. Composing nodes (no
construction) means a value the constructor would reject, such as 2024-02-30, can still be located.

The positions are those of ruamel's own composer (pure Python, YAML 1.2). libyaml composes the same graph six
times faster (issue 14) and puts each node at the same line and column, except in these cases, where ruamel's
composer is used: a text with a character libyaml takes for a line break and YAML 1.2 does not (U+0085, U+2028,
U+2029); with a byte order mark inside it (at the start of a line libyaml stops there); with a tab (ruamel's scanner
refuses some that libyaml reads, and the findings of such a file are placed at its start); with a document end
marker (``...``: libyaml takes two in a row, ruamel refuses the second); and an empty value (``key:`` with nothing
after it), which libyaml puts just after its key and ruamel at the next token.
tests/input/test_source_positions.py compares the two.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ruamel.yaml import YAML
from ruamel.yaml.nodes import MappingNode, Node, SequenceNode

Loc = Sequence[str | int]


class SourceMap:
    def __init__(self, text: str) -> None:
        self._text = text
        self._tree: Node | None = None
        self._parsed = False

    def _root(self) -> Node | None:
        if not self._parsed:
            self._parsed = True
            try:
                self._tree = compose(self._text)
            except Exception:  # noqa: BLE001 - a file that fails here was already reported by the fast parser
                self._tree = None
        return self._tree

    def locate(self, loc: Loc) -> tuple[int, int]:
        """1-based (line, column) of the deepest existing node on ``loc``.

        A scalar's value is pointed at; for a mapping or list, its key. A key that does not exist
        (a missing field) resolves to its parent, which is where the field must be added.
        """
        return self._walk(loc, want_key=False)

    def locate_key(self, loc: Loc) -> tuple[int, int]:
        """1-based position of the key itself (for unknown keys)."""
        return self._walk(loc, want_key=True)

    def _walk(self, loc: Loc, want_key: bool) -> tuple[int, int]:
        node = self._root()
        if node is None:
            return (1, 1)
        position = _start(node.value[0][0]) if isinstance(node, MappingNode) and node.value else (1, 1)
        for index, part in enumerate(loc):
            last = index == len(loc) - 1
            if isinstance(node, MappingNode):
                pair = next(((k, v) for k, v in node.value if k.value == part), None)
                if pair is None:
                    continue  # discriminator tags and missing keys: stay at the parent
                key, node = pair
                scalar = not isinstance(node, (MappingNode, SequenceNode))
                position = _start(node) if scalar and not (want_key and last) else _start(key)
            elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                node = node.value[part]
                position = _start(node)
        return position


def compose(text: str) -> Node | None:
    """ruamel's node graph of ``text``, with the positions ruamel's own composer gives."""
    if _LIBYAML_READS_OTHERWISE.search(text) is None:
        tree: Node | None = YAML(typ="safe", pure=False).compose(text)
        if not _has_empty_value(tree):
            return tree
    composed: Node | None = YAML(typ="safe", pure=True).compose(text)
    return composed


_LIBYAML_READS_OTHERWISE = re.compile("[\t\x85\u2028\u2029\ufeff]|^\\.\\.\\.", re.MULTILINE)


def _has_empty_value(tree: Node | None) -> bool:
    todo = [tree] if tree is not None else []
    while todo:
        node = todo.pop()
        if isinstance(node, MappingNode):
            todo.extend(part for pair in node.value for part in pair)
        elif isinstance(node, SequenceNode):
            todo.extend(node.value)
        elif node.value == "":
            return True
    return False


def _start(node: Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)
