"""Incremental rendering: a document whose inputs have not changed is not rendered again.

The key of an output file hashes everything that decides its bytes: the document's Markdown (so
the case and the template), the format's environment (reference docx or typst template and fonts)
and the tool versions. The state lives under the out dir, next to what it describes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def content_key(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))  # length-prefixed: ("ab","c") differs from ("a","bc")
        digest.update(data)
    return digest.hexdigest()


@dataclass
class RenderState:
    """For each output file (relative to the out dir): the key it was rendered from and its SHA-256."""

    path: Path
    entries: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def load(cls, out_dir: Path) -> RenderState:
        path = out_dir / ".cache" / "state.json"
        try:
            entries = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            entries = {}  # no state or an unreadable one: everything is rendered again
        return cls(path, entries if isinstance(entries, dict) else {})

    def fresh(self, out_dir: Path, name: str, key: str) -> bool:
        entry = self.entries.get(name)
        return entry is not None and entry.get("key") == key and (out_dir / name).is_file()

    def record(self, name: str, key: str, sha256: str) -> None:
        self.entries[name] = {"key": key, "sha256": sha256}

    def sha256(self, name: str) -> str:
        return self.entries[name]["sha256"]

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(self.entries, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
