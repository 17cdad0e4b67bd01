"""The Sitzungsmappe: already-rendered PDFs merged in agenda order, with bookmarks and packet page numbers."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Callable

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject


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


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def assemble(teile: list[Teil], cover: Callable[[list[Eintrag]], bytes], stamp: Callable[[int], bytes],
             titel: str) -> bytes:
    """Cover + parts, bookmarked and stamped with 'Seite n von N' of the packet.

    The cover lists each bookmark with its packet page; it is rendered again if its own length
    turns out different from what the page numbers assumed.
    """
    counts = [page_count(t.pdf) for t in teile]
    cover_pages, cover_pdf = 1, b""
    for _ in range(3):
        inhalt, page = [], cover_pages + 1
        for teil, count in zip(teile, counts):
            inhalt += [Eintrag(level, label, page) for level, label in teil.marken]
            page += count
        cover_pdf = cover(inhalt)
        if page_count(cover_pdf) == cover_pages:
            break
        cover_pages = page_count(cover_pdf)

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(cover_pdf)), import_outline=False)
    writer.add_outline_item(title="Deckblatt", page_number=0)
    parents: dict[int, object] = {}
    page = cover_pages
    for teil, count in zip(teile, counts):
        writer.append(PdfReader(io.BytesIO(teil.pdf)), import_outline=False)
        for level, label in teil.marken:
            parent = parents.get(level - 1) if level else None
            parents[level] = writer.add_outline_item(title=label, page_number=page, parent=parent)
        page += count

    total = len(writer.pages)
    stamps = PdfReader(io.BytesIO(stamp(total)))
    for number, target in enumerate(writer.pages):
        target.merge_page(stamps.pages[number])
        if "/StructParents" in target:  # the merged tag trees do not survive; do not pretend they do
            del target[NameObject("/StructParents")]
    root = writer._root_object
    for key in ("/StructTreeRoot", "/MarkInfo"):
        if key in root:
            del root[NameObject(key)]
    root[NameObject("/Lang")] = TextStringObject("de")
    writer.add_metadata({"/Title": titel, "/Producer": "vorlagen"})
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
