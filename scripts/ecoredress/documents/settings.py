"""Document settings: ``[tool.ecoredress.documents]`` in pyproject.toml, with two font presets."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from ecoredress.project import Project
from ecoredress.settings import FontPreset, FontTable


@dataclass(frozen=True)
class FontSet:
    """Fonts for each role of a GB/T 9704 document (domain §6)."""

    title: str  # 2号小标宋
    body: str  # 3号仿宋
    heading1: str  # "一、" 黑体
    heading2: str  # "（一）" 楷体
    latin: str  # digits and Latin letters (Times New Roman in government documents)
    page_number: str  # 4号宋体
    fallback: str  # a complete Song face for characters the others lack (rare characters in names)
    title_bold: bool = False  # a free Song face needs bold to look like 小标宋


FONT_PRESETS: dict[FontPreset, FontSet] = {
    # Fonts installed on government PCs: the docx is edited and printed there.
    "government": FontSet(
        title="方正小标宋简体",
        body="仿宋_GB2312",
        heading1="黑体",
        heading2="楷体_GB2312",
        latin="Times New Roman",
        page_number="宋体",
        fallback="宋体",
    ),
    # Free fonts on Debian: what the PDF is compiled with here. FandolFang (a 仿宋 face, GPL with the font
    # exception) comes from texlive-lang-chinese, the others from fonts-noto-cjk, fonts-arphic-ukai and
    # fonts-liberation2 (Liberation Serif has the metrics of Times New Roman); .ci/install installs them.
    "free": FontSet(
        title="Noto Serif CJK SC",
        body="FandolFang R",  # as typst names it (fontconfig also knows it as "FandolFang")
        heading1="Noto Sans CJK SC",
        heading2="AR PL UKai",  # fonts-arphic-ukai's simplified face, as typst names it (fontconfig: "AR PL UKai CN")
        latin="Liberation Serif",
        page_number="Noto Serif CJK SC",
        fallback="Noto Serif CJK SC",
        title_bold=True,
    ),
}


@dataclass(frozen=True)
class DocumentSettings:
    out_dir: Path
    docx_fonts: FontSet
    pdf_fonts: FontSet
    font_dirs: tuple[Path, ...]  # searched before the system fonts


def _font_set(table: FontTable) -> FontSet:
    """The preset with the roles the table overrides."""
    chosen = table.model_dump(exclude={"preset"}, exclude_none=True)
    return replace(FONT_PRESETS[table.preset], **chosen)


def document_settings(project: Project) -> DocumentSettings:
    section = project.settings.documents
    return DocumentSettings(
        out_dir=project.root / section.out,
        docx_fonts=_font_set(section.docx_fonts),
        pdf_fonts=_font_set(section.pdf_fonts),
        font_dirs=tuple(project.root / d for d in section.font_dirs),
    )


def default_jobs() -> int:
    """Parallel pandoc batch processes: one per CPU, at most 4 (measured in bench/render/RESULTS.md)."""
    return min(4, os.cpu_count() or 1)
