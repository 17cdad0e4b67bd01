"""The Sitzungsmappe: already-rendered PDFs merged in agenda order, with bookmarks and packet page numbers.

Each part is parsed once. The page number is stamped by appending a small content stream to every
page, so the pages' own content is neither parsed nor rewritten.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Callable

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (ArrayObject, DecodedStreamObject, DictionaryObject, NameObject, NumberObject,
                           TextStringObject)

STAMP_FONT = NameObject("/VorlagenStempel")
MM = 72 / 25.4


@dataclass
class Teil:
    """One document of the packet and the bookmarks that start on its first page."""

    pdf: bytes
    marken: list[tuple[int, str]] = field(default_factory=list)  # (level 0–2, title)


@dataclass
class Eintrag:
    """A line of the cover's table of contents."""

    ebene: int
    titel: str
    seite: int


def merge_empty(teile: list[Teil]) -> list[Teil]:
    """A part without pages only carries bookmarks: they move to the next part with pages."""
    result, pending = [], []
    for teil in teile:
        if not teil.pdf:
            pending += teil.marken
            continue
        result.append(Teil(teil.pdf, pending + teil.marken))
        pending = []
    return result


def assemble(teile: list[Teil], cover: Callable[[list[Eintrag]], bytes], titel: str, stempel: str) -> bytes:
    """Cover + parts, bookmarked, each page stamped '<stempel> – Seite n von N'.

    The cover lists each bookmark with its packet page; it is rendered again if its own length
    turns out different from what the page numbers assumed.
    """
    readers = [PdfReader(io.BytesIO(t.pdf)) for t in teile]
    counts = [len(r.pages) for r in readers]
    cover_pages, cover_reader = 1, None
    for _ in range(3):
        inhalt, page = [], cover_pages + 1
        for teil, count in zip(teile, counts):
            inhalt += [Eintrag(level, label, page) for level, label in teil.marken]
            page += count
        cover_reader = PdfReader(io.BytesIO(cover(inhalt)))
        if len(cover_reader.pages) == cover_pages:
            break
        cover_pages = len(cover_reader.pages)

    writer = PdfWriter()
    writer.append(cover_reader, import_outline=False)
    writer.add_outline_item(title="Deckblatt", page_number=0)
    parents: dict[int, object] = {}
    page = cover_pages
    for teil, reader, count in zip(teile, readers, counts):
        writer.append(reader, import_outline=False)
        for level, label in teil.marken:
            parent = parents.get(level - 1) if level else None
            parents[level] = writer.add_outline_item(title=label, page_number=page, parent=parent)
        page += count
    _stamp(writer, stempel)
    root = writer._root_object
    for key in ("/StructTreeRoot", "/MarkInfo"):  # the merged tag trees do not survive: do not pretend they do
        if key in root:
            del root[NameObject(key)]
    root[NameObject("/Lang")] = TextStringObject("de")
    writer.add_metadata({"/Title": titel, "/Producer": "vorlagen"})
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _stamp(writer: PdfWriter, stempel: str) -> None:
    """Writes '<stempel> – Seite n von N' at the bottom left of every page (25 mm from the left, 9 mm up)."""
    font = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"), NameObject("/Encoding"): NameObject("/WinAnsiEncoding")}))
    total = len(writer.pages)
    save = writer._add_object(_stream(b"q\n"))
    for number, page in enumerate(writer.pages, start=1):
        text = f"{stempel} \u2013 Seite {number} von {total}".encode("cp1252")
        escaped = text.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        stamp = _stream(b"Q\nq 0.2 g BT " + STAMP_FONT.encode() + b" 8 Tf 1 0 0 1 %.2f %.2f Tm (" % (25 * MM, 9 * MM)
                        + escaped + b") Tj ET Q\n")
        contents = page.get("/Contents")
        existing = list(contents.get_object()) if isinstance(contents.get_object(), ArrayObject) else [contents]
        page[NameObject("/Contents")] = ArrayObject([save, *existing, writer._add_object(stamp)])
        resources = page["/Resources"].get_object()
        fonts = resources.get("/Font")
        if fonts is None:
            resources[NameObject("/Font")] = DictionaryObject({STAMP_FONT: font})
        else:
            fonts.get_object()[STAMP_FONT] = font


def _stream(data: bytes) -> DecodedStreamObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    stream[NameObject("/Length")] = NumberObject(len(data))
    return stream
