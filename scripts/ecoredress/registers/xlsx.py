"""Write tables to an xlsx workbook, byte-identical for identical content (fixed timestamps in the
document properties and in the zip entries). Every text is a text cell, never a formula (spreadsheet.py)."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from ecoredress.spreadsheet import looks_like_formula

FIXED_TIME = dt.datetime(2000, 1, 1)  # no "now" in outputs


@dataclass
class Table:
    title: str  # sheet name (≤ 31 characters)
    headers: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    note: str | None = None  # shown under the table in markdown


def write_workbook(tables: list[Table], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.creator = "ecoredress"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    for table in tables:
        ws = wb.create_sheet(table.title[:31])
        ws.append(table.headers)
        for cell in ws[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        for row in table.rows:
            ws.append([_cell(v) for v in row])
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    _as_text(cell)
                elif isinstance(cell.value, (Decimal, float)):
                    cell.number_format = "#,##0.00"
                elif isinstance(cell.value, dt.date):
                    cell.number_format = "yyyy-mm-dd"
        for i, header in enumerate(table.headers, start=1):
            width = max([_width(header), *(_width(r[i - 1]) for r in table.rows)])
            ws.column_dimensions[ws.cell(1, i).column_letter].width = min(60, width + 2)
        ws.freeze_panes = "A2"
    buffer = io.BytesIO()
    wb.save(buffer)
    path.write_bytes(_fixed_zip(buffer.getvalue()))


def _as_text(cell: Any) -> None:
    """Text stays text: openpyxl would store a string beginning with "=" as a formula (spreadsheet.py)."""
    cell.data_type = "s"
    if looks_like_formula(cell.value):
        cell.quotePrefix = True


# Excel and WPS hold at most 32,767 UTF-16 units in a cell and call a file with a longer one damaged.
CELL_UNITS = 32_767
CUT = "……（超出表格单元格上限，全文见案件文件）"


def _cell(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        value = "、".join(str(v) for v in value)
    elif hasattr(value, "value") and isinstance(value.value, str):  # StrEnum
        value = str(value)
    if isinstance(value, str) and _units(value) > CELL_UNITS:
        kept = value[: CELL_UNITS - len(CUT)]
        while _units(kept) > CELL_UNITS - len(CUT):  # characters beyond the BMP take two units
            kept = kept[: len(kept) - (_units(kept) - CELL_UNITS + len(CUT) + 1) // 2]
        return kept + CUT
    return value


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _width(value: Any) -> int:
    text = "" if value is None else str(_cell(value))
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite the archive with a fixed timestamp on every entry and in the core properties
    (openpyxl stamps ``modified`` with the time of saving)."""
    out = io.BytesIO()
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _MODIFIED.sub(rb"\g<1>" + stamp + rb"\g<2>", content)
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, content)
    return out.getvalue()
