"""Public PDFs of rendered documents (``ecoredress render`` writes them with a manifest.json) copied into the site.

Only entries the manifest marks public are taken, and only while the case publishes that document now: a
later decision not to publish, or to publish fewer items (第三十三条), withdraws PDFs rendered earlier.
Each file's SHA-256 is recomputed and must match the manifest: a reader downloads exactly the bytes whose
hash the case page shows. Only files inside the documents folder are taken, and no link is followed.
The internal site (workbench/) copies every document, private and public, with the same checks.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ecoredress.confined import read_file, relative_inside
from ecoredress.errors import UserError
from ecoredress.model import Case
from ecoredress.model.types import CASE_ID_PATTERN
from ecoredress.regulation.document_kinds import BY_NAME

SITE_FOLDER = "documents"
_SAFE_NAME = re.compile(r"^[A-Za-z0-9._-]+\.(pdf|docx)$")


@dataclass(frozen=True)
class PublicPdf:
    """A rendered public (masked) document copied into the site."""

    kind: str
    title: str
    doc_no: str | None
    issued_on: dt.date
    file: str  # path relative to the site root
    sha256: str


def read_manifest(rendered: Path) -> list[dict[str, Any]]:
    """The document entries of ``rendered/manifest.json`` (none if there is no manifest yet)."""
    manifest_path = rendered / "manifest.json"
    try:
        manifest = json.loads(read_file(manifest_path, rendered))
    except FileNotFoundError:
        return []
    except ValueError as exc:  # not JSON, or not UTF-8
        raise UserError(
            f"{manifest_path} 不是有效的 JSON（{exc}）。请重新运行 ecoredress render。", exit_code=1
        ) from exc
    entries = manifest.get("documents", []) if isinstance(manifest, dict) else []
    return [e for e in entries if isinstance(e, dict) and re.fullmatch(CASE_ID_PATTERN, str(e.get("case", "")))]


def listed_files(entry: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for f in entry.get("files", []) if isinstance(f, dict)]


def copy_listed(rendered: Path, docs: Path, case_id: str, file: dict[str, Any]) -> tuple[str, str]:
    """Copy one file a manifest entry lists into ``docs/documents/CASE/``, after checking its SHA-256 against the
    manifest; returns its path relative to the site root and its SHA-256. Only a regular file inside the
    documents folder is taken, and no link is followed."""
    source = _listed_file(rendered, str(file.get("name", "")))
    try:
        content = read_file(source, rendered)  # a link in the documents folder is refused, not followed
    except FileNotFoundError:
        raise UserError(
            f"manifest.json 列出的 {file['name']} 不存在。请重新运行 ecoredress render。", exit_code=1
        ) from None
    digest = hashlib.sha256(content).hexdigest()
    if file.get("sha256") != digest:
        raise UserError(
            f"{source} 的 SHA-256 与 manifest.json 不一致，文件可能已被改动。请重新运行 ecoredress render。",
            exit_code=1,
        )
    name = (
        source.name
        if _SAFE_NAME.match(source.name)
        else f"{digest[:16]}{'.docx' if source.name.endswith('.docx') else '.pdf'}"
    )
    site_path = f"{SITE_FOLDER}/{case_id}/{name}"
    (docs / site_path).parent.mkdir(parents=True, exist_ok=True)
    (docs / site_path).write_bytes(content)
    return site_path, digest


def _listed_file(rendered: Path, name: str) -> Path:
    """The file a manifest entry names, which must lie inside the documents folder."""
    relative = relative_inside(name)
    if relative is None:
        raise UserError(
            f"manifest.json 列出的文件 {name} 不在文书目录 {rendered} 之内，未予复制。请重新运行 ecoredress render。",
            exit_code=1,
        )
    return rendered.joinpath(*relative.parts)


def copy_public_documents(rendered: Path, docs: Path, cases: Iterable[Case]) -> dict[str, list[PublicPdf]]:
    """Copy into ``docs`` the public PDFs of ``rendered/manifest.json`` that ``cases`` publish now, by case id."""
    by_id = {case.id: case for case in cases}
    found: dict[str, list[PublicPdf]] = {}
    for entry in read_manifest(rendered):
        case, spec = by_id.get(entry["case"]), BY_NAME.get(str(entry.get("kind")))
        if entry.get("public") is not True or case is None or spec is None or not spec.publishable(case):
            continue
        for file in listed_files(entry):
            if not str(file.get("name", "")).endswith(".pdf"):
                continue
            site_path, digest = copy_listed(rendered, docs, entry["case"], file)
            found.setdefault(entry["case"], []).append(
                PublicPdf(
                    kind=str(entry.get("kind", "")),
                    title=str(entry.get("title") or entry.get("kind", "")),
                    doc_no=entry.get("doc_no"),
                    issued_on=dt.date.fromisoformat(entry["issued_on"]),
                    file=site_path,
                    sha256=digest,
                )
            )
    return found
