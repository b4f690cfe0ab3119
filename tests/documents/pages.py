"""What a rendered page shows, read back from the PDF with poppler (pdftotext -bbox-layout, pdffonts).

Used on the PDFs typst writes and on the PDFs LibreOffice makes of the docx, so both are held to the same
page: 28 characters a line, amounts whole, signature with the body.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import docx
from lxml import etree

from ecoredress.documents.reference_docx import CHARS_PER_LINE

PT_PER_MM = 72 / 25.4
LEFT = 28 * PT_PER_MM  # the type area (GB/T 9704 §5.2.1)
RIGHT = (210 - 26) * PT_PER_MM
CELL = 156 * PT_PER_MM / CHARS_PER_LINE  # one character of a 28-character line
PITCH = 28.95  # 22 lines in 225 mm

# Characters that take a full cell: 汉字 and full-width punctuation. A line of only these has a known width.
FULL_WIDTH = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff01-\uff5e“”‘’—…·]+")
CLOSING = "、。，；：！？）》〕】”’"
OPENING = "（《〔【“‘"


@dataclass(frozen=True)
class Line:
    page: int
    x0: float
    x1: float
    y: float
    text: str

    @property
    def full_width(self) -> bool:
        return bool(FULL_WIDTH.fullmatch(self.text))

    @property
    def body_size(self) -> bool:
        """For a line of full-width characters: set in 3号 (16 pt) as body text is, not in 4号 as tables and
        notes are. Told by the advance per character, since poppler's line height is the font's ascent plus
        descent, which differs between the PDFs of typst and of LibreOffice."""
        return self.pitch > 15

    @property
    def pitch(self) -> float:
        """Advance per character, for a line of full-width characters (the last one's box is one em)."""
        return (self.x1 - self.x0 - 16) / (len(self.text) - 1) if len(self.text) > 1 else CELL

    @property
    def at_left_margin(self) -> bool:
        return abs(self.x0 - LEFT) < 2

    @property
    def at_right_margin(self) -> bool:
        return abs(self.x1 - RIGHT) < 2


def pdf_lines(path: Path) -> tuple[Line, ...]:
    """Every text line of the PDF, in reading order, page numbers from 1. Read once per version of the file: many
    tests read the same rendered documents."""
    stat = path.stat()
    return _pdf_lines(path.resolve(), stat.st_mtime_ns, stat.st_size)


@functools.cache
def _pdf_lines(path: Path, mtime_ns: int, size: int) -> tuple[Line, ...]:
    xhtml = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"], capture_output=True, check=True).stdout
    root = etree.fromstring(xhtml, etree.XMLParser(recover=True))
    lines = []
    for number, page in enumerate(root.iter("{*}page"), 1):
        for line in page.iter("{*}line"):
            text = "".join(word.text or "" for word in line.iter("{*}word"))
            lines.append(Line(number, float(line.get("xMin")), float(line.get("xMax")), float(line.get("yMin")), text))
    return tuple(lines)


def pdf_fonts(path: Path, page: int) -> set[str]:
    """Base names of the fonts used on one page (subset prefixes dropped)."""
    out = subprocess.run(
        ["pdffonts", "-f", str(page), "-l", str(page), str(path)], capture_output=True, text=True, check=True
    ).stdout
    return {line.split()[0].split("+")[-1] for line in out.splitlines()[2:] if line.strip()}


def signing(docx_path: Path) -> tuple[list[str], list[str]]:
    """A docx's signature block (one issuer: its paragraphs) and its party blocks (the first line of each), as
    text without spaces."""
    paragraphs = docx.Document(str(docx_path)).paragraphs
    signature = [re.sub(r"\s", "", p.text) for p in paragraphs if p.style.name.startswith("署名")]
    parties = [re.sub(r"\s", "", p.text) for p in paragraphs if p.style.name == "签署方首行"]
    return signature, parties


def soffice() -> str | None:
    return shutil.which("soffice")


GOVERNMENT_FONTS = Path(__file__).with_name("government-fonts.conf")


def convert_with_office(docx_files: list[Path], out_dir: Path, profile: Path) -> None:
    """Convert docx files to PDF with LibreOffice headless, all in one process (start-up is the cost).

    The government fonts named by the docx are not installed here; government-fonts.conf maps them to
    the free faces of the same kind, so LibreOffice sets 仿宋 with a 仿宋 and not some fallback.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            *map(str, docx_files),
        ],
        check=True,
        capture_output=True,
        env={"FONTCONFIG_FILE": str(GOVERNMENT_FONTS), "PATH": "/usr/bin:/bin", "HOME": str(profile)},
        timeout=600,
    )
