"""typst markup → PDF with the typst PyPI package: no LaTeX, no typst executable.

Fonts are looked up in the configured font folders first, then the system. Every font the
documents name must exist before anything is compiled: a missing CJK font would otherwise be
replaced silently and the PDF would be full of tofu.
"""

from __future__ import annotations

from dataclasses import astuple, fields
from pathlib import Path
from typing import TYPE_CHECKING

from ecoredress.documents.settings import FontSet
from ecoredress.errors import UserError

if TYPE_CHECKING:
    import typst

FIXED_TIMESTAMP = 315532800  # 1980-01-01: the template also sets no document date


def font_variables(fonts: FontSet) -> dict[str, str]:
    """Pandoc template variables for gbt9704.typ."""
    roles = {f.name: getattr(fonts, f.name) for f in fields(FontSet)}
    names = {f"font-{role.replace('_', '-')}": value for role, value in roles.items() if isinstance(value, str)}
    return {**names, **({"title-bold": "true"} if fonts.title_bold else {})}


def _font_names(fonts: FontSet) -> list[str]:
    return sorted({value for value in astuple(fonts) if isinstance(value, str)})


class PdfFonts:
    """The fonts typst can use, scanned once and checked against the configured names."""

    def __init__(self, fonts: FontSet, font_dirs: tuple[Path, ...]) -> None:
        import typst

        self._fonts = typst.Fonts(font_paths=[str(d) for d in font_dirs if d.is_dir()])
        available = {family.casefold() for family in self._fonts.families()}
        missing = [name for name in _font_names(fonts) if name.casefold() not in available]
        if missing:
            folders = "、".join(str(d) for d in font_dirs) or "（未设置）"
            raise UserError(
                f"生成 PDF 需要的中文字体未安装：{'、'.join(missing)}。"
                "Debian/Ubuntu 可运行 `sudo apt-get install fonts-noto-cjk fonts-arphic-ukai fonts-liberation2` "
                "安装免费字体（仿宋字体 FandolFang 由 `bash .ci/install` 从 texlive-lang-chinese 中取出安装），"
                f"或把字体文件放入字体目录（{folders}），"
                "或在 pyproject.toml 的 [tool.ecoredress.documents] pdf_fonts 中改用已安装的字体。"
            )

    def compiler(self) -> PdfCompiler:
        return PdfCompiler(self._fonts)


class PdfCompiler:
    """One typst compiler for many documents (one per thread)."""

    def __init__(self, fonts: typst.Fonts) -> None:
        import typst

        self._compiler = typst.Compiler(font_paths=fonts)

    def compile(self, markup: bytes, name: str) -> bytes:
        import typst

        try:
            pdf, warnings = self._compiler.compile_with_warnings(input=markup, format="pdf", timestamp=FIXED_TIMESTAMP)
        except typst.TypstError as exc:
            raise UserError(f"typst 排版 {name} 失败：{exc.message}") from None
        for warning in warnings:
            if "font" in warning.message:
                raise UserError(f"typst 排版 {name} 时字体有误：{warning.message}。请检查 pdf_fonts 设置。")
        assert isinstance(pdf, bytes)  # format pdf gives one file (png and svg give one per page)
        return pdf
