"""Byte-identical docx files: fixed zip timestamps and order, no creation or modification dates."""

from __future__ import annotations

import io
import re
import zipfile

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry
_CORE_DATES = re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>")


def write_zip(parts: dict[str, bytes]) -> bytes:
    """A zip of ``parts`` in a stable order ([Content_Types].xml first, as Office expects)."""
    buffer = io.BytesIO()
    names = sorted(parts, key=lambda name: (name != "[Content_Types].xml", name))
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            info = zipfile.ZipInfo(name, FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, parts[name])
    return buffer.getvalue()


def normalise_docx(parts: dict[str, bytes]) -> bytes:
    """The parts of a docx written by pandoc as a zip without dates, so equal content gives equal bytes."""
    if "docProps/core.xml" in parts:
        parts["docProps/core.xml"] = _CORE_DATES.sub(b"", parts["docProps/core.xml"])
    return write_zip(parts)
