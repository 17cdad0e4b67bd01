"""A Word file (DOCX): paragraphs and table rows as lines. Every part is unpacked by us, in small steps, counting
what really comes out – the sizes a ZIP file declares can lie (a 1,5 MB file may unpack to gigabytes)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

from vorlagen.core import limits
from vorlagen.nachrechnen.lesen.zeile import SPLIT_HINT, Zeile, fail, line, line_fits, number

_XML_PARAGRAPH = re.compile(rb"<(?:[\w.-]+:)?p[\s/>]")
_XML_CELL = re.compile(rb"<(?:[\w.-]+:)?tc[\s/>]")
_XML_SPAN = re.compile(rb"<(?:[\w.-]+:)?gridSpan\b[^>]*?\bval\s*=\s*[\"']\s*\+?(\d+)")
_STEP = 1 << 16  # bytes unpacked at a time: zipfile unpacks a whole member in one go when asked for all of it


def lines(path: Path, data: bytes, max_unpacked: int) -> list[Zeile]:
    parts = unpack(path, data, max_unpacked)
    _count(path, parts.get("word/document.xml", b""))
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(_stored(parts))  # python-docx reads only what we unpacked and counted
    result: list[Zeile] = []

    def add(text: str, bold: bool, cells: bool) -> None:
        line_fits(path, text, len(result) + 1)
        result.append(line(None, len(result) + 1, text, bold, cells))

    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            for part in block.text.split("\n"):
                add(part, _bold_paragraph(block), False)
        elif isinstance(block, Table):
            for row in block.rows:
                found = _unique_cells(row)
                add(
                    "\t".join(" ".join(c.text.split()) for c in found),
                    any(_bold_paragraph(p) for c in found for p in c.paragraphs),
                    True,
                )
    return result


def unpack(path: Path, data: bytes, max_unpacked: int) -> dict[str, bytes]:
    """Every part of the archive, unpacked in steps of 64 KB and counted as it comes out: no part above NR_XML,
    all together not above `max_unpacked`, whatever the archive declares."""
    archive = zipfile.ZipFile(io.BytesIO(data))  # not a ZIP archive: BadZipFile, reported as unreadable
    members = archive.infolist()
    if len(members) > limits.NR_TEILE:
        fail(
            path,
            f"Die Word-Datei hat mehr als {number(limits.NR_TEILE)} Teile (Grenze für nachrechnen) – " + SPLIT_HINT,
        )
    if sum(member.file_size for member in members) > max_unpacked:  # declared already too large: nothing unpacked
        _too_large(path, max_unpacked)
    parts: dict[str, bytes] = {}
    total = 0
    for member in members:
        if member.is_dir():
            continue
        if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):  # Word writes no other
            raise zipfile.BadZipFile("compression")  # bzip2 or lzma cannot be unpacked in bounded steps
        chunks, size = [], 0
        with archive.open(member) as stream:
            while chunk := stream.read(_STEP):
                size += len(chunk)
                total += len(chunk)
                if size > limits.NR_XML:
                    fail(
                        path,
                        f"Ein Teil der Word-Datei („{member.filename}“) wäre entpackt größer als "
                        f"{limits.NR_XML // 1_000_000} MB (Grenze für nachrechnen) – " + SPLIT_HINT,
                    )
                if total > max_unpacked:
                    _too_large(path, max_unpacked)
                chunks.append(chunk)
        parts[member.filename] = b"".join(chunks)
    return parts


def _too_large(path: Path, max_unpacked: int) -> None:
    fail(
        path,
        f"Die Word-Datei wäre entpackt größer als {max_unpacked // 1_000_000} MB – so große Dokumente "
        "liest nachrechnen nicht; speichern Sie den Teil mit den Zahlen als eigene Datei.",
    )


def _stored(parts: dict[str, bytes]) -> io.BytesIO:
    """The parts as a new archive without compression: its sizes are the ones we counted."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    buffer.seek(0)
    return buffer


def _count(path: Path, xml: bytes) -> None:
    """Counts in the unpacked XML what python-docx would build: paragraphs, and table cells with every grid
    column a merged cell spans."""
    if sum(1 for _ in _XML_PARAGRAPH.finditer(xml)) > limits.NR_ABSAETZE:
        fail(
            path,
            f"Die Word-Datei hat mehr als {number(limits.NR_ABSAETZE)} Absätze (Grenze für nachrechnen) – "
            + SPLIT_HINT,
        )
    widest, extra = 0, 0
    for match in _XML_SPAN.finditer(xml):
        span = int(match[1][:12])  # "99999999999…" stays a small integer to compare
        widest, extra = max(widest, span), extra + max(0, span - 1)
    if widest > limits.NR_SPANNE:
        fail(
            path,
            f"Eine Tabellenzelle der Word-Datei ist über {number(widest)} Spalten verbunden; Word kennt "
            f"höchstens {limits.NR_SPANNE} (Grenze für nachrechnen) – ist die Datei beschädigt? Speichern Sie "
            "sie in Word neu.",
        )
    cells = sum(1 for _ in _XML_CELL.finditer(xml)) + extra
    if cells > limits.NR_ZELLEN:
        fail(
            path,
            f"Die Tabellen der Word-Datei haben zusammen mehr als {number(limits.NR_ZELLEN)} Zellen "
            "(verbundene Zellen je Spalte gezählt; Grenze für nachrechnen) – " + SPLIT_HINT,
        )


def _unique_cells(row: Any) -> list:
    """Merged cells appear once, not once per grid column."""
    seen, cells = set(), []
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            cells.append(cell)
    return cells


def _bold_paragraph(paragraph: Any) -> bool:
    runs = [r for r in paragraph.runs if r.text.strip() and any(ch.isdigit() for ch in r.text)]
    return bool(runs) and all(r.bold for r in runs)
