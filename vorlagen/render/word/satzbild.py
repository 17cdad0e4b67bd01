"""What the PDF's layout says about a document, for its Word file: the computed style of every element the print shows
(the house's stylesheet, fonts, colours and sizes, a table set smaller by render/tabellenbreite.py), which elements
stand on landscape pages, the width of each table column, the page sizes and margins and the page footer.

Without a layout (a stand-in renderer, a test of the content) only the elements are known: the Word file then has
the text and tables with the shipped look.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from xml.etree.ElementTree import Element

if TYPE_CHECKING:
    from weasyprint.css import Style
    from weasyprint.document import Document
    from weasyprint.formatting_structure.boxes import Box, PageBox

PX_PT = 0.75  # one CSS pixel in points
_RAHMEN = frozenset({"table", "ul", "ol", "li", "blockquote", "header", "footer", "figure"})


@dataclass(frozen=True)
class Seite:
    """One kind of page: its size and margins in points."""

    breite: float
    hoehe: float
    oben: float
    rechts: float
    unten: float
    links: float

    @property
    def quer(self) -> bool:
        return self.breite > self.hoehe


# A4 with the margins of templates/vorlage.css: what a document without a layout gets
A4 = Seite(595.3, 841.9, 62.4, 56.7, 62.4, 70.9)


@dataclass
class Satzbild:
    """The elements of a document and, when it was laid out, what the layout made of them."""

    root: Element  # <html>
    stile: dict = field(default_factory=dict)  # element → computed style of its first box
    seiten: dict = field(default_factory=dict)  # element → index of the page of its first box
    spalten: dict = field(default_factory=dict)  # <table> → widths of its columns (CSS pixels)
    masse: dict = field(default_factory=dict)  # element → x, width and height of its first box (CSS px, with padding)
    formate: list[Seite] = field(default_factory=list)  # each page
    erste_oben: float | None = None  # the first page's top margin (points), where it differs
    fusszeile: str = ""  # the text at the foot of the first page, page numbers as {PAGE} and {NUMPAGES}
    fuss_stil: object = None  # its computed style
    gesetzt: bool = False  # laid out: every element the print shows has a style
    _eltern: dict | None = None

    @property
    def eltern(self) -> dict:
        """Element → its parent."""
        if self._eltern is None:
            self._eltern = {child: parent for parent in self.root.iter() for child in parent}
        return self._eltern

    def vorfahren(self, element: Element) -> list[Element]:
        """The element's ancestors, nearest first."""
        found, current = [], self.eltern.get(element)
        while current is not None:
            found.append(current)
            current = self.eltern.get(current)
        return found

    def im_text(self, element: Element) -> bool:
        """Whether an element stands in the running text: not in a table, a list, a quote or the page header."""
        return not any(a.tag in _RAHMEN for a in self.vorfahren(element))

    @property
    def laufkopf_stil(self) -> Style | None:
        """The computed style of the running header (templates/base.html.j2: class laufkopf)."""
        return next((self.stil(e) for e in self.root.iter() if "laufkopf" in (e.get("class") or "").split()), None)

    def stil(self, element: Element) -> Style | None:
        return self.stile.get(element)

    def gezeigt(self, element: Element) -> bool:
        """Whether the print shows the element (without a layout: every element)."""
        return not self.gesetzt or element in self.stile

    def quer(self, element: Element) -> bool:
        """Whether the element begins on a landscape page."""
        index = self.seiten.get(element)
        return index is not None and self.formate[index].quer

    def seite(self, quer: bool) -> Seite:
        """The pages of one orientation as the print sets them (its first such page after the title page)."""
        passend = [s for s in self.formate if s.quer == quer]
        if passend:
            return passend[1] if len(passend) > 1 and not quer else passend[0]
        basis = next(iter(self.formate), A4)
        gedreht = Seite(basis.hoehe, basis.breite, basis.oben, basis.rechts, basis.unten, basis.links)
        return gedreht if gedreht.quer == quer else basis


def ohne_satz(html: str) -> Satzbild:
    """A document's elements without a layout."""
    import tinyhtml5  # type: ignore[import-untyped]

    return Satzbild(tinyhtml5.parse(html, namespace_html_elements=False))


def aus_dokument(document: Document) -> Satzbild:
    """What a WeasyPrint Document (after render/tabellenbreite.py fitted it) shows."""
    pages = document.pages
    root = pages[0]._page_box.children[0].element
    bild = Satzbild(root, gesetzt=True)
    for index, page in enumerate(pages):
        box = page._page_box
        bild.formate.append(Seite(page.width * PX_PT, page.height * PX_PT, *_raender(box)))
        for child in _boxes(box):
            element = getattr(child, "element", None)
            if element is None:
                continue
            if type(child).__name__ == "TableBox" and element not in bild.spalten:
                bild.spalten[element] = [float(w) for w in getattr(child, "column_widths", None) or ()]
            if element in bild.stile:
                continue
            bild.stile[element], bild.seiten[element] = child.style, index
            if hasattr(child, "padding_width"):
                bild.masse[element] = (child.position_x, child.padding_width(), child.padding_height())
    if len(pages) > 1 and bild.formate[0].oben != bild.formate[1].oben:
        bild.erste_oben = bild.formate[0].oben
    bild.fusszeile, bild.fuss_stil = _fuss(pages[0]._page_box)
    return bild


def _raender(box: Box) -> tuple[float, float, float, float]:
    top, right, bottom, left = (
        float(v or 0) * PX_PT for v in (box.margin_top, box.margin_right, box.margin_bottom, box.margin_left)
    )
    return top, right, bottom, left


def _boxes(box: Any) -> Iterator[Any]:
    """Every box below `box`, in the order of the page (without recursion: texts may nest deeply)."""
    stack = [box]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(getattr(current, "children", None) or ()))


_ZAHL = re.compile(r"\d+")


def _fuss(page_box: PageBox) -> tuple[str, Style | None]:
    """The text of the first page's bottom margin boxes, the first number in it as the page's, the second as the
    count of pages: „Seite {PAGE} von {NUMPAGES}“."""
    from weasyprint.formatting_structure.boxes import TextBox

    for margin in page_box.children[1:]:
        if not getattr(margin, "at_keyword", "").startswith("@bottom"):
            continue
        text = "".join(b.text for b in _boxes(margin) if isinstance(b, TextBox))
        if not text.strip():
            continue
        return _seitenzahlen(text), margin.style
    return "", None


def _seitenzahlen(text: str) -> str:
    """'Seite 1 von 5' → 'Seite {PAGE} von {NUMPAGES}': the first number is the page's, the second the count."""
    felder = iter(("{PAGE}", "{NUMPAGES}"))
    return _ZAHL.sub(lambda m: next(felder, m[0]), text)
