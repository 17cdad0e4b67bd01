"""What a reader sees on each page of a laid-out document, as one digest per third of a page, and where two such
records differ: „Seite 2, Abschnitt „Finanzielle Auswirkungen“ (oberes Drittel)“.

A third's digest covers every box WeasyPrint placed in it: each line of text with its glyphs and the content of
the font that draws them (a swapped font with the same name changes it), its position (to half a point), size,
colour, visibility and decoration; each image by its content, place and size; each background and border by its
colour and place. Not covered is what prints nothing: a soft hyphen where the line does not break there, the
Markdown source of a paragraph that is broken the same way. The section a third shows is the second-level heading
(h2) in effect at its boxes; the title (h1) and the page margins name none.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vorlagen.render.druckbild import WEICH, virtuell

if TYPE_CHECKING:
    from weasyprint.document import Document
    from weasyprint.formatting_structure.boxes import Box, TextBox

DRITTEL = ("oberes", "mittleres", "unteres")
_HALBER_PUNKT = 2  # positions and sizes count to half a CSS point: what a reader could see move
_KOPF = ("h2",)  # the headings that open a section (h1 is the title)


@dataclass(frozen=True)
class Bereich:
    """One third of one page: its digest and the sections (headings) its boxes belong to, in order."""

    seite: int  # from 1
    drittel: int  # 0 oberes, 1 mittleres, 2 unteres
    digest: str
    abschnitte: tuple[str, ...]

    @property
    def schluessel(self) -> str:
        return f"Seite {self.seite}, {DRITTEL[self.drittel]} Drittel"


def _n(value: float | None) -> str:
    return str(round(float(value or 0) * _HALBER_PUNKT))


def _farbe(color: Iterable[float] | None) -> str:
    return ",".join(f"{float(part):.3f}" for part in color) if color is not None else "-"


class _Schriften:
    """The content digest of each font a line is drawn with (by Pango's font object), read once per document."""

    def __init__(self) -> None:
        self.bekannt: dict[int, str] = {}

    def digest(self, pango_font: Any) -> str:  # a cffi pointer to a PangoFont
        from weasyprint.text.ffi import ffi
        from weasyprint.text.fonts import get_hb_object_data, get_pango_font_hb_face

        key = int(ffi.cast("intptr_t", pango_font))
        if key not in self.bekannt:
            data = get_hb_object_data(get_pango_font_hb_face(pango_font)) or b""
            self.bekannt[key] = hashlib.sha256(data).hexdigest()[:16]
        return self.bekannt[key]


def _glyphen(box: TextBox, schriften: _Schriften) -> str:
    """The glyphs of a line of text, run by run with the font that draws them (empty glyphs – a soft hyphen
    where the line does not break – print nothing and are left out)."""
    from weasyprint.text.ffi import ffi, pango

    layout = getattr(box, "pango_layout", None)
    if layout is None:
        return ""
    layout.reactivate(box.style)  # as WeasyPrint does to draw the line
    try:
        pango.pango_layout_set_single_paragraph_mode(layout.layout, True)
        line, _ = layout.get_first_line()
        parts, run = [], line.runs
        while run != ffi.NULL:
            item = run.data
            run = run.next
            glyphs = item.glyphs
            ids = [
                f"{info.glyph:x}"
                for info in glyphs.glyphs[0 : glyphs.num_glyphs]
                if info.glyph != pango.PANGO_GLYPH_EMPTY
            ]
            parts.append(schriften.digest(item.item.analysis.font) + ":" + " ".join(ids))
    finally:
        layout.deactivate()
    return "|".join(parts)


def _bild(image: object) -> str:
    data = getattr(getattr(image, "image_data", None), "data", None)
    if isinstance(data, bytes):
        return hashlib.sha256(data).hexdigest()[:16]
    svg = getattr(image, "_svg", None)
    tree = getattr(svg, "tree", None)
    return hashlib.sha256(repr(tree).encode()).hexdigest()[:16] if tree is not None else type(image).__name__


@dataclass(frozen=True)
class _Erbe:
    """What a box takes from the boxes around it: the link it lies in, its opacity, the transforms above it."""

    link: str = ""
    deckkraft: float = 1.0
    transform: str = ""


def _eintrag(box: Box, erbe: _Erbe, schriften: _Schriften) -> str | None:
    """What a reader sees of one box, as text (None: nothing)."""
    from weasyprint.formatting_structure import boxes

    style = box.style
    if style["visibility"] != "visible" or erbe.deckkraft <= 0:
        return None
    ort = (
        f"{_n(box.position_x)} {_n(box.position_y)} {_n(box.width)} {_n(box.height)} "
        f"{_n(erbe.deckkraft)} {erbe.transform} {erbe.link}"
    )
    if isinstance(box, boxes.TextBox):
        text = box.text.replace(WEICH, "")
        if not text.strip():
            return None
        linie = " ".join(sorted(style["text_decoration_line"])) if style["text_decoration_line"] != "none" else ""
        return f"T {ort} {_n(style['font_size'])} {_farbe(style['color'])} {linie} {text!r} {_glyphen(box, schriften)}"
    parts = []
    if isinstance(box, boxes.ReplacedBox):
        parts.append(f"B {ort} {_bild(box.replacement)}")
    background = getattr(box, "background", None)
    if background is not None and background.color is not None and background.color.alpha > 0:
        parts.append(f"H {ort} {_farbe(background.color)}")
    for side in ("top", "right", "bottom", "left"):
        width = style[f"border_{side}_width"]
        if width and style[f"border_{side}_style"] not in ("none", "hidden"):
            parts.append(
                f"R {side} {ort} {_n(width)} {style[f'border_{side}_style']} {_farbe(style[f'border_{side}_color'])}"
            )
    return "\n".join(parts) or None


def _boxen(box: Box, erbe: _Erbe, ordner: Sequence[str]) -> Iterator[tuple[Box, _Erbe]]:
    """Every box below `box` (itself first) with what it takes from the boxes around it, in document order."""
    from weasyprint.formatting_structure import boxes

    link = getattr(box, "link", None)
    if link:
        ziel = str(link[1])
        for nummer, uri in enumerate(ordner):
            ziel = ziel.replace(uri, f"ordner{nummer}:/").replace(virtuell(nummer), f"ordner{nummer}:/")
        erbe = _Erbe(f"{link[0]}:{ziel}", erbe.deckkraft, erbe.transform)
    deckkraft, transform = float(box.style["opacity"]), box.style["transform"]
    if deckkraft != 1 or transform:
        erbe = _Erbe(erbe.link, erbe.deckkraft * deckkraft, erbe.transform + (repr(transform) if transform else ""))
    yield box, erbe
    if isinstance(box, boxes.ParentBox):
        for child in box.children:
            yield from _boxen(child, erbe, ordner)


def _ueberschrift(box: Box) -> str:
    """A heading's text as printed, line by line."""
    from weasyprint.formatting_structure import boxes

    zeilen = [
        "".join(b.text for b in line.descendants() if isinstance(b, boxes.TextBox))
        for line in box.descendants()
        if isinstance(line, boxes.LineBox)
    ]
    return " ".join(" ".join(zeilen).replace(WEICH, "").split())


def bereiche(document: Document, roots: Sequence[Path] = ()) -> list[Bereich]:
    """Every third of every page of a laid-out WeasyPrint document, with its digest and its sections (what the
    page's margin boxes print – running head, page number – counts in the digest, not as a section); a link into
    one of `roots` counts without this machine's folder."""
    from weasyprint.formatting_structure import boxes

    ordner = [Path(root).resolve().as_uri() + "/" for root in roots]
    schriften, result = _Schriften(), []
    abschnitt: str | None = None
    for nummer, page in enumerate(document.pages, start=1):
        hoehe = float(page.height) or 1.0
        inhalt: list[list[str]] = [[], [], []]
        abschnitte: list[list[str]] = [[], [], []]
        rand = False
        for box, erbe in _boxen(page._page_box, _Erbe(), ordner):
            if isinstance(box, boxes.MarginBox):
                rand = True  # the margin boxes come after the page's content
            if isinstance(box, boxes.BlockBox) and box.element_tag in _KOPF:
                abschnitt = _ueberschrift(box) or abschnitt
            eintrag = _eintrag(box, erbe, schriften)
            if eintrag is None:
                continue
            drittel = min(2, max(0, int(3 * float(box.position_y) / hoehe)))
            inhalt[drittel].append(eintrag)
            if abschnitt and not rand and abschnitt not in abschnitte[drittel]:
                abschnitte[drittel].append(abschnitt)
        for drittel in range(3):
            text = "\n".join(inhalt[drittel]).encode("utf-8")
            result.append(Bereich(nummer, drittel, hashlib.sha256(text).hexdigest()[:32], tuple(abschnitte[drittel])))
    return result


KOPF = "Seitenbild (SHA-256 je Drittel jeder Seite, wie gesetzt):"
_ZEILE = re.compile(r"- (.+?), Seite (\d+), (oberes|mittleres|unteres) Drittel: ([0-9a-f]{32})(.*)")


def text(bild: dict[str, list[Bereich]]) -> str:
    """The Seitenbild as the signed text keeps it, after the Druckbild."""
    zeilen = [KOPF]
    for was, liste in bild.items():
        for b in liste:
            abschnitte = " (" + ", ".join(f"„{a}“" for a in b.abschnitte) + ")" if b.abschnitte else ""
            zeilen.append(f"- {was}, {b.schluessel}: {b.digest}{abschnitte}")
    return "\n".join(zeilen)


def lesen(text: str) -> dict[str, list[Bereich]]:
    """The Seitenbild of a signed text (its lines after KOPF; empty: signed before pages were recorded)."""
    result: dict[str, list[Bereich]] = {}
    for line in text.splitlines():
        m = _ZEILE.fullmatch(line.strip())
        if m is not None:
            abschnitte = tuple(re.findall(r"„([^“]*)“", m[5]))
            result.setdefault(m[1], []).append(Bereich(int(m[2]), DRITTEL.index(m[3]), m[4], abschnitte))
    return result


def _abschnitte(namen: tuple[str, ...]) -> str:
    if not namen:
        return ""
    quoted = [f"„{name}“" for name in namen]
    if len(quoted) == 1:
        return f", Abschnitt {quoted[0]}"
    return f", Abschnitte {', '.join(quoted[:-1])} und {quoted[-1]}"


MAX_ZEILEN = 8  # areas named one by one; more are counted


def unterschiede(alt: dict[str, list[Bereich]], neu: dict[str, list[Bereich]]) -> list[str]:
    """Where the print looks different now, in German: 'Vorlage, Seite 2, Abschnitt „Erläuterungen“ (oberes
    Drittel): sieht anders aus', a whole page as '(ganze Seite)', pages added or gone."""
    zeilen: list[str] = []
    for was in [*neu, *(w for w in alt if w not in neu)]:
        vorher = {(b.seite, b.drittel): b for b in alt.get(was, [])}
        jetzt = {(b.seite, b.drittel): b for b in neu.get(was, [])}
        seiten_alt = max((s for s, _ in vorher), default=0)
        seiten_neu = max((s for s, _ in jetzt), default=0)
        for seite in range(1, max(seiten_alt, seiten_neu) + 1):
            if seite > seiten_neu:
                zeilen.append(f"{was}, Seite {seite}: nicht mehr gedruckt (jetzt {seiten_neu} Seiten)")
                continue
            if seite > seiten_alt:
                zeilen.append(f"{was}, Seite {seite}: neu (gezeichnet waren {seiten_alt} Seiten)")
                continue
            anders = [d for d in range(3) if vorher[(seite, d)].digest != jetzt[(seite, d)].digest]
            if len(anders) == 3:
                namen = tuple(dict.fromkeys(a for d in range(3) for a in jetzt[(seite, d)].abschnitte))
                zeilen.append(f"{was}, Seite {seite}{_abschnitte(namen)} (ganze Seite): sieht anders aus")
            else:
                zeilen += [
                    f"{was}, Seite {seite}{_abschnitte(jetzt[(seite, d)].abschnitte)} ({DRITTEL[d]} Drittel): sieht anders aus"
                    for d in anders
                ]
    if len(zeilen) > MAX_ZEILEN:
        zeilen = [*zeilen[: MAX_ZEILEN - 1], f"… und {len(zeilen) - MAX_ZEILEN + 1} weitere Bereiche"]
    return zeilen
