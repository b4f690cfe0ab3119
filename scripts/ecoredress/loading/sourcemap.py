"""Line and column of a value inside a YAML file, found lazily from ruamel's node graph.

Only files with findings pay for this second parse; valid files never do. Composing nodes (no
construction) means a value the constructor would reject, such as 2024-02-30, can still be located.
"""

from __future__ import annotations

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
                self._tree = YAML(typ="safe", pure=True).compose(self._text)
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


def _start(node: Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)
