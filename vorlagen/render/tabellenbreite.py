"""Tables wider than their page, found in WeasyPrint's boxes and fitted: their heads broken into syllables, then their
text set smaller down to the Hausstil's smallest table font, else on landscape pages (with the headings and the
paragraph that lead into them) and smaller there, else reported once per table with the file and line it was typed
in, its whole first header and the millimetres it lacks.

The document is set again after each step – its elements are changed in place (an inline font size, `page: quer`),
so nothing of the HTML is written twice – at most MAX_NEUSATZ times.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any
from xml.etree.ElementTree import Element

from weasyprint.formatting_structure.boxes import TableBox, TextBox

from vorlagen.core.fmt import gekuerzt
from vorlagen.core.limits import MAX_NEUSATZ
from vorlagen.render.satzregeln import QUELLE, QUERFORMAT_ATTRIBUT, VOR_TABELLE

if TYPE_CHECKING:
    from weasyprint import HTML
    from weasyprint.document import Document
    from weasyprint.formatting_structure.boxes import Box

MM = 25.4 / 96  # one CSS pixel in millimetres
PT = 0.75  # one CSS pixel in points
TOLERANCE = 0.5  # CSS pixels a table may run over the page unseen (rounding of glyph advances)
SAFETY = 0.99  # a smaller font than the measure asks: text breaks a little differently when it is smaller
QUER = "quer"  # the named page of templates/vorlage.css: A4 landscape
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
SHOWN = 300  # characters of a table's first header quoted in a message
HEADS = "6 3 3"  # a head's word breaks when it has six letters or more, three of them on either side


@dataclass
class Zuschnitt:
    """What is done to one table: its scale (1: as the stylesheet sets it) and whether it is on landscape pages."""

    element: Element  # the <table> element
    smallest: float = 0.0  # CSS pixels of its smallest text as the stylesheet sets it
    scale: float = 1.0
    getrennt: bool = False  # its heads break into syllables
    quer: bool = False
    sizes: dict = field(default_factory=dict)  # element inside → its font size as the stylesheet sets it
    styles: dict = field(default_factory=dict)  # element (inside and leading in) → its own style attribute
    added: dict = field(default_factory=dict)  # element → the properties set here


@dataclass(frozen=True)
class ZuBreit:
    """A table that does not fit even so: where it was typed or defined (None: made by a template without), its
    caption ("" if none), its first header row, mm."""

    quelle: str | None
    titel: str
    kopf: str
    mm: float


def fit(
    html: HTML, render: Callable[[], Document], kleinste_schrift: Decimal, querformat: bool
) -> tuple[Document, list[ZuBreit]]:
    """Sets the document (`render()` of the WeasyPrint `html`) until its tables fit; returns the document and the
    tables that still do not (ZuBreit, in the order of the document)."""
    zuschnitte: dict = {}  # <table> element → what is done to it
    parents = {child: parent for parent in html.etree_element.iter() for child in parent}
    for table in html.etree_element.iter("table"):
        if table.get(QUERFORMAT_ATTRIBUT) is not None:  # marked with {{ querformat }} in its text
            _landscape(zuschnitte.setdefault(table, Zuschnitt(table)), parents)
    document = render()
    for _ in range(MAX_NEUSATZ):
        wide = _too_wide(document)
        changed = False
        for table, (over, box) in wide.items():
            zuschnitt = zuschnitte.setdefault(table, Zuschnitt(table))
            if not zuschnitt.sizes:
                _measure(zuschnitt, box)
            changed |= _next_step(zuschnitt, box, over, kleinste_schrift, querformat, parents)
        if not changed:
            break
        document = render()
    else:
        wide = _too_wide(document)
    return document, [_report(table, over) for table, (over, _) in wide.items()]


def _too_wide(document: Document) -> dict[Element, tuple[float, TableBox]]:
    """Each table running over the right edge of its page's content area: <table> element → (most CSS pixels it
    runs over on any of its pages, its box on the first of them)."""
    found: dict[Element, tuple[float, TableBox]] = {}
    for page in document.pages:
        root = page._page_box.children[0] if page._page_box.children else None
        if root is None:
            continue
        right = root.position_x + root.margin_width()
        for box in _tables(root):
            over = box.position_x + box.margin_width() - right
            if over > TOLERANCE:
                before = found.get(box.element)
                found[box.element] = (max(over, before[0]) if before else over, before[1] if before else box)
    return found


def _tables(box: Any) -> Iterator[TableBox]:
    """The outermost table boxes below `box`, in the order of the page (a walk without recursion: texts may nest
    deeply)."""
    stack = list(reversed(getattr(box, "children", ())))
    while stack:
        child = stack.pop()
        if isinstance(child, TableBox):
            yield child
        else:
            stack.extend(reversed(getattr(child, "children", ())))


def _measure(zuschnitt: Zuschnitt, table: TableBox) -> None:
    """The font size of each element inside the table's cells as the stylesheet sets it, and the smallest text."""
    smallest = math.inf
    stack = [child for child in table.children if getattr(child, "element_tag", None) != "caption"]
    while stack:
        box = stack.pop()
        element = getattr(box, "element", None)
        if element is not None and element is not table.element and element not in zuschnitt.sizes:
            zuschnitt.sizes[element] = box.style["font_size"] / zuschnitt.scale
        if isinstance(box, TextBox) and box.text.strip():
            smallest = min(smallest, box.style["font_size"] / zuschnitt.scale)
        stack.extend(getattr(box, "children", ()))
    zuschnitt.smallest = smallest if smallest < math.inf else 0.0


def _next_step(
    zuschnitt: Zuschnitt,
    table: TableBox,
    over: float,
    kleinste_schrift: Decimal,
    querformat: bool,
    parents: dict[Element, Element],
) -> bool:
    """Breaks the table's heads into syllables, sets it smaller, or on landscape pages at its full size; False when
    nothing is left to try."""
    heads = list(zuschnitt.element.iter("th"))
    if heads and not zuschnitt.getrennt:
        zuschnitt.getrennt = True
        for head in heads:
            _style(zuschnitt, head, "hyphens", "auto")
            _style(zuschnitt, head, "hyphenate-limit-chars", HEADS)
            _style(zuschnitt, head, "white-space", "normal")  # also the head of an amount column (.betrag: nowrap)
        return True
    width = table.margin_width()
    fixed = width - sum(cell.width for cell in _widest_row(table))  # padding and borders: they do not scale
    scale = zuschnitt.scale * max(width - over - fixed, 0.0) / max(width - fixed, 1.0) * SAFETY
    smallest = float(kleinste_schrift) / PT
    floor = min(1.0, smallest / zuschnitt.smallest) if zuschnitt.smallest else 1.0
    if scale >= floor and scale < zuschnitt.scale:
        _scale(zuschnitt, max(math.floor(scale * 100) / 100, floor))
        return True
    if not zuschnitt.quer and querformat:
        _scale(zuschnitt, 1.0)
        _landscape(zuschnitt, parents)
        return True
    if zuschnitt.scale > floor:  # as small as allowed: the last try
        _scale(zuschnitt, floor)
        return True
    return False


def _widest_row(table: TableBox) -> list[Box]:
    """The cells of the row with the most cells (one cell a column where no cell spans columns)."""
    rows = [row for group in table.children for row in getattr(group, "children", ()) if hasattr(row, "children")]
    return max((row.children for row in rows), key=len, default=[])


def _scale(zuschnitt: Zuschnitt, scale: float) -> None:
    """Every text inside the table at `scale` times the size the stylesheet gives it."""
    zuschnitt.scale = scale
    for element, size in zuschnitt.sizes.items():
        _style(zuschnitt, element, "font-size", f"{size * scale:.2f}px" if scale != 1.0 else None)


def _landscape(zuschnitt: Zuschnitt, parents: dict[Element, Element]) -> None:
    """The table on pages of its own in landscape, with the headings and the paragraph leading into it."""
    zuschnitt.quer = True
    for element in [*_lead_in(zuschnitt.element, parents), zuschnitt.element]:
        _style(zuschnitt, element, "page", QUER)


def _lead_in(table: Element, parents: dict[Element, Element]) -> list[Element]:
    """The headings and the paragraph right before a table (nothing else stands between them and it)."""
    parent = parents.get(table)
    if parent is None:
        return []
    siblings = list(parent)
    leading: list[Element] = []
    for element in reversed(siblings[: siblings.index(table)]):
        if element.tag in HEADINGS or VOR_TABELLE in (element.get("class") or "").split():
            leading.insert(0, element)
        else:
            break
    return leading


def _style(zuschnitt: Zuschnitt, element: Element, name: str, value: str | None) -> None:
    """Sets (None: removes) one property in the element's style attribute, beside what the element had itself."""
    own = zuschnitt.styles.setdefault(element, element.get("style"))
    added = zuschnitt.added.setdefault(element, {})
    if value is None:
        added.pop(name, None)
    else:
        added[name] = value
    parts = ([own] if own else []) + [f"{key}: {text}" for key, text in added.items()]
    if parts:
        element.set("style", "; ".join(parts))
    elif element.get("style") is not None:
        del element.attrib["style"]


def _report(table: Element, over: float) -> ZuBreit:
    caption = next(iter(table.iter("caption")), None)
    row = next(iter(table.iter("tr")), None)
    kopf = " | ".join(_text(cell) for cell in row if cell.tag in ("th", "td")) if row is not None else ""
    return ZuBreit(
        table.get(QUELLE),
        gekuerzt(_text(caption), SHOWN) if caption is not None else "",
        gekuerzt(kopf, SHOWN),
        over * MM,
    )


def _text(element: Element) -> str:
    return " ".join("".join(element.itertext()).replace("\u00ad", "").split())
