"""Checks of a laid-out document, read from WeasyPrint's boxes (never a second layout): text that runs out of its
box, a field wrapped over more lines than its template allows. (A table wider than the page: tabellenbreite.py.)

A template names a field with `data-feld="Vorlagenart"` and bounds its lines with `data-zeilen="2"`; table cells
are named by their column's head, headings as such, all other text as „Text“.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any
from xml.etree.ElementTree import Element

from weasyprint.formatting_structure.boxes import InlineReplacedBox, LineBox, TableBox, TableCellBox

from vorlagen.core.fmt import dezimalkomma, gekuerzt
from vorlagen.core.limits import MAX_BOXEN

if TYPE_CHECKING:
    from weasyprint.document import Document
    from weasyprint.formatting_structure.boxes import Box

MM = 25.4 / 96  # one CSS pixel in millimetres
TOLERANCE = 0.5  # CSS pixels a text may run over its box unseen (rounding of glyph advances)
SHOWN = 80  # characters of a text quoted in a message
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6", "caption"}
# the columns of a table: grid_x → the text of its head, its bound of lines (read with any box's grid_x, None too)
_Spalten = dict[Any, tuple[str | None, int | None]]


def overflows(document: Document) -> list[str]:
    """German messages, in page order: each text that runs out of its box, each field or table cell wrapped over
    more lines than its `data-zeilen` (on the element or on the `<col>` of its column). At most MAX_BOXEN boxes are
    looked at; a larger document is checked that far. Decoration hidden from readers (aria-hidden) is not text."""
    found: dict[tuple, str] = {}  # one message per field and text, also where a box continues on the next page
    lines: dict[int, list] = {}  # element (by id) with a bound → [name, text, bound, lines so far]
    seen = 0
    for page in document.pages:
        stack: list[tuple[Any, str, Any, dict]] = [(page._page_box, "Text", None, {})]
        while stack and seen < MAX_BOXEN:
            box, name, bound, columns = stack.pop()
            seen += 1
            if _attribute(box, "aria-hidden") == "true":  # decoration (the ENTWURF watermark, turned on the page)
                continue
            name, bound, columns = _context(box, name, bound, columns)
            children = getattr(box, "children", None) or ()
            line_boxes = [child for child in children if isinstance(child, LineBox)]
            if line_boxes:
                _check_width(box, line_boxes, name, found)
                if bound is not None:
                    entry = lines.setdefault(id(bound[0]), [name, _text(box), bound[1], 0])
                    entry[3] += len(line_boxes)
            stack.extend(
                (child, name, bound, columns) for child in reversed(children) if not isinstance(child, LineBox)
            )
    for name, text, limit, count in lines.values():
        if count > limit:
            found.setdefault(
                (name, text, "zeilen"),
                f"{name}: „{text}“ bricht über {count} Zeilen um (höchstens "
                f"{limit}) – kürzen Sie den Text oder geben Sie ihm im "
                "Stylesheet mehr Platz.",
            )
    return list(found.values())


def _context(
    box: Box, name: str, bound: tuple[Element, int] | None, columns: _Spalten
) -> tuple[str, tuple[Element, int] | None, _Spalten]:
    """The name of the field a box belongs to, its bound of lines (element, count) and the columns of the table it
    is in (grid_x → head, bound)."""
    tag = getattr(box, "element_tag", None)
    own, limit = _attribute(box, "data-feld"), _zeilen(box)
    if isinstance(box, TableBox):
        columns = _columns(box)
    if isinstance(box, TableCellBox):
        head, column_limit = columns.get(getattr(box, "grid_x", None), (None, None))
        if tag == "th" and head == _text(box):
            name = "Spaltenkopf"
        else:
            name = f"Spalte „{head}“" if head else "Tabellenzelle"
            limit = limit or column_limit
    elif tag in HEADINGS:
        name = "Überschrift"
    if own:
        name = gekuerzt(str(own), SHOWN)
    if limit:
        bound = (box.element, limit)
    return name, bound, columns


def _attribute(box: Box, name: str) -> str | None:
    """An attribute of the box's own element, else None."""
    element = getattr(box, "element", None)
    value = element.get(name) if element is not None and hasattr(element, "get") else None
    return value or None


def _zeilen(box: Box) -> int | None:
    """The `data-zeilen` bound of the box's own element, else None."""
    value = _attribute(box, "data-zeilen")
    return int(value) if value and value.isdigit() else None


def _columns(table: TableBox) -> dict[int, tuple[str | None, int | None]]:
    """grid_x → the text of the column's head (from the table's header rows) and its `<col data-zeilen>`."""
    heads: dict[int, str] = {}
    for group in getattr(table, "children", ()):
        if getattr(group, "is_header", False):
            for row in group.children:
                for cell in row.children:
                    if _text(cell):
                        heads.setdefault(cell.grid_x, _text(cell))
    limits = {
        column.grid_x: _zeilen(column) for group in getattr(table, "column_groups", ()) for column in group.children
    }
    return {x: (heads.get(x), limits.get(x)) for x in set(heads) | set(limits)}


def _check_width(block: Box, line_boxes: list[LineBox], name: str, found: dict[tuple, str]) -> None:
    """A message when a line of `block` runs out of its content box, to the right or to the left."""
    left = block.content_box_x()
    right = left + block.width
    over, widest = 0.0, None
    for line in line_boxes:
        for child in line.children:
            start = child.position_x
            end = start + child.margin_width()
            if max(end - right, left - start) > over:
                over, widest = max(end - right, left - start), child
    if over <= TOLERANCE:
        return
    millimetres = dezimalkomma(math.ceil(over * MM * 10) / 10, 1)
    if isinstance(widest, InlineReplacedBox):  # a picture wider than its place
        alt = _attribute(widest, "alt") or _attribute(widest, "src") or ""
        found.setdefault(
            (name, alt, "bild"),
            f"{name}: Das Bild „{alt}“ ist {millimetres} mm breiter als sein Platz "
            "– verkleinern Sie es (Breite in Pixeln) oder teilen Sie es auf.",
        )
        return
    text = _text(block)
    found.setdefault(
        (name, text, "breite"),
        f"{name}: „{text}“ läuft {millimetres} mm über den Rand – kürzen "
        "Sie den Text oder geben Sie ihm im Stylesheet mehr Platz (breiter, "
        "kleinere Schrift).",
    )


def _text(box: Box) -> str:
    """The text of a box, its spaces collapsed, at most SHOWN characters."""
    texts: list[str] = []
    stack = [box]
    while stack and len(texts) < 200:
        node = stack.pop()
        if isinstance(getattr(node, "text", None), str):
            texts.append(node.text)
        stack.extend(reversed(getattr(node, "children", None) or ()))
    return gekuerzt(" ".join(texts), SHOWN)
