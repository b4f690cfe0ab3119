"""manifest.json: every document in the out dir with its kind, case, article, 文号, files and SHA-256.

The portal lists documents from it, and anyone can check a downloaded copy against the hash.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ecoredress import __version__
from ecoredress.documents.plan import DocumentJob

MANIFEST = "manifest.json"


def entry(job: DocumentJob, files: dict[str, str]) -> dict[str, Any]:
    """``files`` maps each output file name (relative to the out dir) to its SHA-256."""
    return {
        "stem": job.stem,
        "case": job.case_id,
        "kind": job.kind,
        "title": job.title,
        "article": job.articles,
        "doc_no": job.doc_no,
        "issued_on": job.issued_on.isoformat(),
        "public": job.public,
        "files": [{"name": name, "sha256": sha} for name, sha in sorted(files.items())],
    }


def _previous(out_dir: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
        return [e for e in data["documents"] if isinstance(e, dict) and "stem" in e]
    except (OSError, ValueError, KeyError, TypeError):
        return []


def write_manifest(out_dir: Path, entries: list[dict[str, Any]]) -> Path:
    """Write this run's entries, keeping earlier runs' documents that this run did not touch (still on disk)."""
    current = {e["stem"] for e in entries}
    kept = [
        e
        for e in _previous(out_dir)
        if e["stem"] not in current and all((out_dir / f["name"]).is_file() for f in e.get("files", []))
    ]
    documents = sorted(kept + entries, key=lambda e: e["stem"])
    path = out_dir / MANIFEST
    path.write_text(
        json.dumps({"generator": f"ecoredress {__version__}", "documents": documents}, ensure_ascii=False, indent=2)
        + "\n",
        encoding="utf-8",
    )
    return path
