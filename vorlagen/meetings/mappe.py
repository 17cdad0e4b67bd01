"""The Sitzungsmappe: already-rendered PDFs merged in agenda order, with bookmarks and packet page numbers.

Each part is parsed once. The page number is stamped by appending a small content stream to every page; the
pages of documents we rendered lose their own page number (their footer, a pagination artifact in the lower half
of the page), found by a search through the page's content bytes, which are not parsed otherwise.
"""

from __future__ import annotations

import functools
import hashlib
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import cast

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DecodedStreamObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from vorlagen.core.fmt import datum
from vorlagen.meetings import mappe_claims, mappe_tags
from vorlagen.meetings.tagesordnung import SitzungDoc
from vorlagen.render.templates import TEMPLATES

STAMP_FONT = NameObject("/VorlagenStempel")
MM = 72 / 25.4


@dataclass
class Teil:
    """One document of the packet and the bookmarks that start on its first page."""

    pdf: bytes
    marken: list[tuple[int, str]] = field(default_factory=list)  # (level 0–2, title)
    eigen: bool = True  # rendered by us: its own page numbers give way to the Mappe's (a PDF handed in keeps them)


@dataclass
class Eintrag:
    """A line of the cover's table of contents."""

    ebene: int
    titel: str
    seite: int


def anspruch(pdf: bytes) -> mappe_claims.Anspruch:
    """What a part lets the Mappe claim: tags, PDF/A."""
    return mappe_claims.anspruch(PdfReader(io.BytesIO(pdf)))


def merge_empty(teile: list[Teil]) -> list[Teil]:
    """A part without pages only carries bookmarks: they move to the next part with pages."""
    result, pending = [], []
    for teil in teile:
        if not teil.pdf:
            pending += teil.marken
            continue
        result.append(Teil(teil.pdf, pending + teil.marken, teil.eigen))
        pending = []
    return result


def packet(
    doc: SitzungDoc,
    intern: bool,
    read: Callable[[PurePosixPath], bytes],
    cover: Callable[[list[Eintrag]], bytes],
    show: Callable[[Path], str],
) -> tuple[bytes, list[str]]:
    """A Sitzung's packet from the rendered agenda and Vorlagen (`read` gives an output file of this build), and the
    warnings about public PDF Anlagen that keep it from PDF/UA or PDF/A. The public packet holds the public TOPs;
    the internal one the non-public TOPs and the non-public Anlagen of public ones."""
    warnungen: list[str] = []
    teile = [Teil(read(doc.folder(intern) / "tagesordnung.pdf"), [(0, "Tagesordnung")])]
    for punkt in doc.punkte:
        if punkt.doc is None:
            continue
        vorlage = punkt.doc.source.vorlage
        own_part = punkt.oeffentlich != intern  # the TOP belongs to this packet's part
        if not own_part and not intern:
            continue
        if own_part:
            anlagen = [a for a in punkt.doc.anlagen if intern or a.oeffentlich]
            marks = [(0, f"TOP {punkt.top}: {punkt.gegenstand}"), (1, f"{vorlage.art} {vorlage.nummer}")]
            teile.append(Teil(read(punkt.doc.folder / f"{punkt.doc.source.slug}.pdf"), marks))
        else:  # a public TOP in the internal packet: only its non-public Anlagen
            anlagen = [a for a in punkt.doc.anlagen if not a.oeffentlich]
            if anlagen:
                teile.append(Teil(b"", [(0, f"TOP {punkt.top}: nichtöffentliche Anlagen zu {vorlage.nummer}")]))
        for anlage in anlagen:
            content = read(anlage.datei)
            handed_in = anlage.quelle.endswith(".pdf")
            if not intern and handed_in:
                source = show(punkt.doc.source.folder / anlage.quelle)
                warnungen += mappe_claims.warnungen(anspruch(content), source, doc.id)
            teile.append(Teil(content, [(2, f"Anlage {anlage.nummer}: {anlage.titel}")], eigen=not handed_in))
    date = datum(doc.sitzung.datum)
    kind = "Sitzungsmappe (nichtöffentlicher Teil)" if intern else "Sitzungsmappe"
    stempel = f"{'Sitzungsmappe (nichtöffentlich)' if intern else 'Sitzungsmappe'} {doc.gremium.id} {date}"
    return assemble(merge_empty(teile), cover, f"{kind}: {doc.gremium.name}, {date}", stempel), warnungen


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
    assert cover_reader is not None  # the loop ran at least once

    writer = PdfWriter()
    writer.append(cover_reader, import_outline=False)
    writer.add_outline_item(title="Deckblatt", page_number=0)
    _drop_footers(writer, range(cover_pages))
    parents: dict[int, IndirectObject] = {}
    page = cover_pages
    for teil, reader, count in zip(teile, readers, counts):
        writer.append(reader, import_outline=False)
        if teil.eigen:
            _drop_footers(writer, range(page, page + count))
        for level, label in teil.marken:
            parent = parents.get(level - 1) if level else None
            parents[level] = writer.add_outline_item(title=label, page_number=page, parent=parent)
        page += count
    _stamp(writer, stempel)
    root = writer._root_object
    untagged = mappe_tags.merge(writer, [cover_reader, *readers])
    if untagged:  # an untagged part: the packet claims no tags and no PDF/UA
        for key in ("/StructTreeRoot", "/MarkInfo"):
            del root[NameObject(key)]
    root[NameObject("/Lang")] = TextStringObject("de")
    pdfa = mappe_claims.stufe([mappe_claims.anspruch(r) for r in [cover_reader, *readers]])
    _drop_cid_sets(writer)
    mappe_tags.claim(writer, cover_reader, titel, pdfua=not untagged, pdfa=pdfa)
    identifier = hashlib.sha256(b"".join(hashlib.sha256(t.pdf).digest() for t in teile) + titel.encode()).digest()[:16]
    writer._ID = ArrayObject([ByteStringObject(identifier), ByteStringObject(identifier)])  # PDF/A: a file ID
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# WeasyPrint's page margin boxes, marked as pagination artifacts (render/conformance.py); the text's position is
# in CSS pixels from the top of the page
_PAGINATION = re.compile(rb"/Artifact\s*<<\s*/Type\s*/Pagination\s*>>\s*BDC\b(.*?)\bEMC\b", re.S)
_POSITION = re.compile(rb"1 0 0 -1 [-+\d.]+ ([-+\d.]+) Tm")


def _drop_footers(writer: PdfWriter, numbers: range) -> None:
    """Removes the footer (the document's own „Seite x von y“) from these pages of the writer: the pagination
    artifacts whose text stands in the lower half of the page. The running header stays."""
    for number in numbers:
        page = writer.pages[number]
        contents = page.get("/Contents")
        if contents is None:
            continue
        contents = contents.get_object()
        parts = list(contents) if isinstance(contents, ArrayObject) else [contents]
        data = b"\n".join(part.get_object().get_data() for part in parts)
        middle = float(page.mediabox.height) / 0.75 / 2  # half the page's height in CSS pixels

        def footer(match: re.Match, middle: float = middle) -> bytes:
            position = _POSITION.search(match[1])
            return b"" if position and float(position[1]) > middle else match[0]

        kept = _PAGINATION.sub(footer, data)
        if kept != data:
            stream = _stream(kept).flate_encode()
            page[NameObject("/Contents")] = writer._add_object(stream)


def _drop_cid_sets(writer: PdfWriter) -> None:
    """PDF/A-1 parts list a font subset's glyphs in /CIDSet; PDF/A-2 wants all or none: none (it is optional)."""
    for obj in writer._objects:
        if isinstance(obj, DictionaryObject) and obj.get("/Type") == "/FontDescriptor" and "/CIDSet" in obj:
            del obj[NameObject("/CIDSet")]


def _stamp(writer: PdfWriter, stempel: str) -> None:
    """Writes '<stempel> – Seite n von N' at the bottom left of every page (25 mm from the left, 9 mm up).

    The stamp is a pagination artifact, set in the house font (embedded, subset to the stamp's characters).
    """
    total = len(writer.pages)
    texts = [f"{stempel} \u2013 Seite {number} von {total}" for number in range(1, total + 1)]
    font = writer._add_object(stamp_font(writer, "".join(texts)))
    save = writer._add_object(_stream(b"q\n"))
    for page, text in zip(writer.pages, texts):
        escaped = text.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        stamp = _stream(
            b"Q\n/Artifact <</Type /Pagination /Subtype /Footer>> BDC q 0.2 g BT "
            + STAMP_FONT.encode()
            + b" 8 Tf 1 0 0 1 %.2f %.2f Tm (" % (25 * MM, 9 * MM)
            + escaped
            + b") Tj ET Q EMC\n"
        )
        contents = page.get("/Contents")
        existing = (
            []
            if contents is None
            else list(contents.get_object())
            if isinstance(contents.get_object(), ArrayObject)
            else [contents]
        )
        page[NameObject("/Contents")] = ArrayObject([save, *existing, writer._add_object(stamp)])
        if "/Resources" not in page:
            page[NameObject("/Resources")] = DictionaryObject()
        resources = cast(DictionaryObject, page["/Resources"].get_object())
        fonts = resources.get("/Font")
        if fonts is None:
            resources[NameObject("/Font")] = DictionaryObject({STAMP_FONT: font})
        else:
            cast(DictionaryObject, fonts.get_object())[STAMP_FONT] = font


def stamp_font(writer: PdfWriter, text: str) -> DictionaryObject:
    """Liberation Sans (Helvetica's metrics) as an embedded TrueType subset with WinAnsi widths."""
    program, widths, bbox, ascent, descent, cap = _stamp_subset(frozenset(range(32, 127)) | {ord(c) for c in text})
    file = _stream(program)
    file[NameObject("/Length1")] = NumberObject(len(program))
    descriptor = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/FontDescriptor"),
            NameObject("/FontName"): NameObject("/VRLSTP+LiberationSans"),
            NameObject("/Flags"): NumberObject(32),
            NameObject("/ItalicAngle"): NumberObject(0),
            NameObject("/FontBBox"): ArrayObject([NumberObject(v) for v in bbox]),
            NameObject("/Ascent"): NumberObject(ascent),
            NameObject("/Descent"): NumberObject(descent),
            NameObject("/CapHeight"): NumberObject(cap),
            NameObject("/StemV"): NumberObject(80),
            NameObject("/FontFile2"): writer._add_object(file),
        }
    )
    return DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/TrueType"),
            NameObject("/BaseFont"): NameObject("/VRLSTP+LiberationSans"),
            NameObject("/FirstChar"): NumberObject(32),
            NameObject("/LastChar"): NumberObject(255),
            NameObject("/Widths"): ArrayObject([NumberObject(w) for w in widths]),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
            NameObject("/FontDescriptor"): writer._add_object(descriptor),
        }
    )


@functools.lru_cache(maxsize=8)
def _stamp_subset(codes: frozenset[int]) -> tuple[bytes, list[int], tuple[int, ...], int, int, int]:
    """The subset font program for these characters, its WinAnsi widths (per mille), bounding box, ascent, descent
    and cap height (per mille): subsetting takes most of a second, and every packet of a build stamps the same
    characters."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(TEMPLATES / "fonts" / "LiberationSans-Regular.ttf", recalcTimestamp=False)
    options = subset.Options()
    options.notdef_outline, options.recalc_timestamp, options.hinting = True, False, False
    options.drop_tables += ["FFTM"]  # FontForge's timestamps: not needed, and fontTools would warn about them
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=set(codes))
    subsetter.subset(font)
    program = io.BytesIO()
    font.save(program)
    scale = 1000 / font["head"].unitsPerEm
    cmap, metrics = font.getBestCmap(), font["hmtx"].metrics
    widths = []
    for code in range(32, 256):
        char = bytes([code]).decode("cp1252", errors="ignore")
        glyph = cmap.get(ord(char)) if char else None
        widths.append(round(metrics[glyph][0] * scale) if glyph in metrics else 0)
    head, os2 = font["head"], font["OS/2"]
    bbox = tuple(round(v * scale) for v in (head.xMin, head.yMin, head.xMax, head.yMax))
    return (
        program.getvalue(),
        widths,
        bbox,
        round(os2.sTypoAscender * scale),
        round(os2.sTypoDescender * scale),
        round(getattr(os2, "sCapHeight", 700) * scale),
    )


def _stream(data: bytes) -> DecodedStreamObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    stream[NameObject("/Length")] = NumberObject(len(data))
    return stream
