"""Markdown → docx and typst markup for many documents in ONE pandoc process (batch.lua).

Pandoc takes a noticeable fraction of a second to start; paying that once per batch instead of
once per document is most of what makes rendering fast (see bench/render/RESULTS.md).
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ecoredress.errors import UserError

BATCH_SCRIPT = resources.files("ecoredress.documents") / "batch.lua"
FIXED_EPOCH = "315532800"  # 1980-01-01: pandoc stamps docx parts with SOURCE_DATE_EPOCH instead of "now"


@dataclass(frozen=True)
class PandocJob:
    markdown: str
    docx: Path | None
    typst: Path | None


def pandoc_path() -> str:
    import pypandoc

    path: str = pypandoc.get_pandoc_path()
    return path


def pandoc_version() -> str:
    import pypandoc

    version: str = pypandoc.get_pandoc_version()
    return version


def run_batch(
    jobs: list[PandocJob], reference_doc: Path, typst_template: Path, variables: dict[str, str], work: Path
) -> None:
    """Write every job's docx and/or typst file; one pandoc process for the whole list."""
    spec = {
        "reference_doc": str(reference_doc),
        "typst_template": str(typst_template),
        "variables": variables,
        "jobs": [
            {
                "markdown": j.markdown,
                "docx": str(j.docx) if j.docx else None,
                "typst": str(j.typst) if j.typst else None,
            }
            for j in jobs
        ],
    }
    spec_file = work / f"batch-{os.getpid()}-{id(jobs)}.json"
    spec_file.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    try:
        with resources.as_file(BATCH_SCRIPT) as script:
            done = subprocess.run(
                [pandoc_path(), "lua", str(script), str(spec_file)],
                capture_output=True,
                text=True,
                env={**os.environ, "SOURCE_DATE_EPOCH": FIXED_EPOCH},
            )
    finally:
        spec_file.unlink(missing_ok=True)
    if done.returncode != 0:
        raise UserError(f"pandoc 转换文书失败（退出码 {done.returncode}）：{done.stderr.strip()}")
