"""Tables of the print as Word tables: the header rows repeated on every page, no row split over two pages, a sum kept
with the row before it, each column as wide as the PDF sets it, amounts right-aligned and on one line, borders,
backgrounds and the bold of the sums as the print draws them. A row of boxes side by side (the page head, the
signatures: CSS flex) is a table without lines."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, Protocol
from xml.etree.ElementTree import Element

from vorlagen.render.word.aussehen import Linie, farbe, linie
from vorlagen.render.word.bloecke import Teil, Umgebung
from vorlagen.render.word.satzbild import Satzbild
from vorlagen.render.word.wml import zeile

if TYPE_CHECKING:
    from weasyprint.css import Style

TWIPS_PX = 15  # one CSS pixel in twentieths of a point
GRUPPEN = ("thead", "tbody", "tfoot")
SPIEL = 4.0  # CSS pixels added to each column of a table narrower than its room
SUMMEN = frozenset({"summe", "zwischensumme"})  # the templates' sum rows (where no layout gives their look)


class _Inhalt(Protocol):
    """What a table reads of the content it stands in (word/inhalt.Inhalt, which imports this module)."""

    bild: Satzbild
    dokument: Any  # the Word document being made (word.Dokument)

    def bloecke(self, element: Element, umgebung: Umgebung) -> list[Teil]: ...


def tabelle(inhalt: _Inhalt, element: Element, umgebung: Umgebung) -> list[Teil]:
    """A table: its caption as a paragraph of style Caption, then the table."""
    bild, stile = inhalt.bild, inhalt.dokument.stile
    teile = []
    for caption in element.findall("caption"):
        teile += inhalt.bloecke(caption, umgebung)
    rows = [(tr, group.tag) for group in element if group.tag in GRUPPEN for tr in group if tr.tag == "tr"]
    rows += [(tr, "tbody") for tr in element if tr.tag == "tr"]
    if not rows:
        return teile
    grid = _raster(rows)
    columns = max(len(row) for row in grid)
    if not columns:  # rows without a cell: nothing to set
        return teile
    widths = _spalten(bild, element, columns, _einzeilig(bild, grid))
    grid_xml = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    tabellenstil = stile["TableGrid"]
    zelle = Umgebung(tabellenstil.zeichen, tabellenstil.absatz, quer=umgebung.quer, in_zelle=True)
    body = []
    for index, (tr, group) in enumerate(rows):
        folgt = rows[index + 1][0] if index + 1 < len(rows) else None
        body.append(_zeile(inhalt, tr, group, grid[index], widths, zelle, _mit_naechster(bild, folgt)))
    pr = (
        f'<w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        f'<w:tblLayout w:type="fixed"/>{_innenabstand(bild, rows)}<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" '
        'w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
    )
    xml = f"<w:tbl>{pr}<w:tblGrid>{grid_xml}</w:tblGrid>{''.join(body)}</w:tbl>"
    teile.append(
        Teil(umgebung.quer, tabelle=xml, absatz=replace(umgebung.absatz, nach=_aussen(bild.stil(element), "bottom")))
    )
    return teile


def _raster(rows: list[tuple[Element, str]]) -> list[list[tuple[Element | None, int]]]:
    """Per row its cells as (cell, columns it spans); a cell continued from a row above (rowspan) is (None, span)."""
    grid: list[list[tuple[Element | None, int]]] = []
    pending: dict[int, tuple[int, int]] = {}  # column → (rows still spanned, columns)
    for tr, _ in rows:
        row: list[tuple[Element | None, int]] = []
        column = 0
        cells = iter(c for c in tr if c.tag in ("td", "th"))
        while True:
            if column in pending:
                left, span = pending[column]
                row.append((None, span))
                pending = {k: v for k, v in pending.items() if k != column} | (
                    {column: (left - 1, span)} if left > 1 else {}
                )
                column += span
                continue
            cell = next(cells, None)
            if cell is None:
                break
            span = _zahl(cell.get("colspan"))
            down = _zahl(cell.get("rowspan"))
            if down > 1:
                pending[column] = (down - 1, span)
            row.append((cell, span))
            column += span
        grid.append(row)
    return grid


def _einzeilig(bild: Satzbild, grid: list[list[tuple[Element | None, int]]]) -> set[int]:
    """The columns with a cell whose text stays on one line (white-space: nowrap – the amounts)."""
    found = set()
    for row in grid:
        column = 0
        for cell, span in row:
            style = bild.stil(cell) if cell is not None else None
            if span == 1 and style is not None and style["white_space"] in ("nowrap", "pre"):
                found.add(column)
            column += span
    return found


def _zahl(value: str | None) -> int:
    return min(int(value), 1000) if value and value.isdigit() and int(value) > 0 else 1


def _spalten(bild: Satzbild, element: Element, columns: int, einzeilig: set[int]) -> list[int]:
    """The width of each column in twips: as the PDF sets it, else the page's width shared. A text the PDF just fits
    on a line must fit in Word, whose letters may be a hair wider: a table narrower than its room gets a little more
    for each column, a table as wide as its room for each column on one line (amounts), taken from its widest other
    column."""
    widths = bild.spalten.get(element) or []
    if len(widths) == columns and all(w > 0 for w in widths):
        parent = bild.eltern.get(element)
        room = bild.masse.get(parent, (0.0, 0.0, 0.0))[1] if parent is not None else 0.0
        if sum(widths) + SPIEL * columns <= room:
            return [round((w + SPIEL) * TWIPS_PX) for w in widths]
        andere = [i for i in range(columns) if i not in einzeilig]
        if einzeilig and andere:
            widest = max(andere, key=lambda i: widths[i])
            gain = min(SPIEL, widths[widest] / 4 / len(einzeilig))
            widths = [
                w + gain if i in einzeilig else w - gain * len(einzeilig) if i == widest else w
                for i, w in enumerate(widths)
            ]
        return [round(w * TWIPS_PX) for w in widths]
    return [round(453 * 20 / columns)] * columns  # 160 mm of an A4 page, in equal parts


def _innenabstand(bild: Satzbild, rows: list[tuple[Element, str]]) -> str:
    """The cell padding of the table's first cell, for all cells."""
    cell = next((c for tr, _ in rows for c in tr if c.tag in ("td", "th")), None)
    style = bild.stil(cell) if cell is not None else None
    if style is None:
        return ""
    sides = {
        side: round(float(style[f"padding_{side}"].value) * TWIPS_PX) for side in ("top", "left", "bottom", "right")
    }
    return "<w:tblCellMar>" + "".join(f'<w:{s} w:w="{v}" w:type="dxa"/>' for s, v in sides.items()) + "</w:tblCellMar>"


def _mit_naechster(bild: Satzbild, tr: Element | None) -> bool:
    """Whether the row before `tr` stays on its page: `tr` must not begin a page (a sum, a table's last row)."""
    if tr is None:
        return False
    style = bild.stil(tr)
    if style is not None:
        return style["break_before"] in ("avoid", "avoid-page")
    return bool(SUMMEN & set((tr.get("class") or "").split()))


def _zeile(
    inhalt: _Inhalt,
    tr: Element,
    group: str,
    cells: list[tuple[Element | None, int]],
    widths: list[int],
    umgebung: Umgebung,
    halten: bool,
) -> str:
    """One row: a header row repeats on each page; no row breaks over two pages."""
    bild = inhalt.bild
    style = bild.stil(tr)
    props = "<w:cantSplit/>" if style is None or style["break_inside"] in ("avoid", "avoid-page") else ""
    props += "<w:tblHeader/>" if group == "thead" else ""
    summe = style is None and bool(SUMMEN & set((tr.get("class") or "").split()))
    if summe:
        umgebung = replace(umgebung, zeichen=replace(umgebung.zeichen, fett=True))
    xml, column = [], 0
    for cell, span in cells:
        width = sum(widths[column : column + span])
        xml.append(_zelle(inhalt, cell, tr, span, width, umgebung, halten, summe))
        column += span
    for _ in range(column, len(widths)):  # a row with fewer cells than the table has columns
        xml.append(f'<w:tc><w:tcPr><w:tcW w:w="{widths[_]}" w:type="dxa"/></w:tcPr><w:p/></w:tc>')
    return f"<w:tr><w:trPr>{props}</w:trPr>{''.join(xml)}</w:tr>" if props else f"<w:tr>{''.join(xml)}</w:tr>"


def _zelle(
    inhalt: _Inhalt,
    cell: Element | None,
    tr: Element,
    span: int,
    width: int,
    umgebung: Umgebung,
    halten: bool,
    summe: bool,
) -> str:
    """One cell: its width, span, borders, background and content; `halten`: kept with the next row."""
    bild = inhalt.bild
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>' + (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "")
    if cell is None:
        return f"<w:tc><w:tcPr>{props}<w:vMerge/></w:tcPr><w:p/></w:tc>"
    props += '<w:vMerge w:val="restart"/>' if _zahl(cell.get("rowspan")) > 1 else ""
    style, row = bild.stil(cell), bild.stil(tr)
    if style is not None:
        props += _raender(style, row)
        fill = _hintergrund(style, row)
        props += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
        props += "<w:noWrap/>" if style["white_space"] in ("nowrap", "pre") else ""
        props += {"middle": '<w:vAlign w:val="center"/>', "bottom": '<w:vAlign w:val="bottom"/>'}.get(
            str(style["vertical_align"]), ""
        )
    elif summe:
        props += f"<w:tcBorders>{zeile(Linie(1.0, '111111'), 'top')}</w:tcBorders>"
    teile = inhalt.bloecke(cell, umgebung)
    paragraphs = "".join(
        (replace(t, absatz=replace(t.absatz, mit_naechstem=True)) if halten and not t.tabelle else t).xml()
        for t in teile
    )
    if not teile or teile[-1].tabelle:
        paragraphs += "<w:p/>"  # a cell ends with a paragraph
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{paragraphs}</w:tc>"


def _staerker(a: Linie | None, b: Linie | None) -> Linie | None:
    return a if b is None or (a is not None and a.breite >= b.breite) else b


def _raender(style: Style, row: Style | None) -> str:
    """A cell's borders: its own, or its row's where those are stronger (CSS draws a row's border on its cells)."""
    sides = {}
    for side in ("top", "left", "bottom", "right"):
        own = linie(style, side)
        sides[side] = _staerker(own, linie(row, side)) if row is not None and side in ("top", "bottom") else own
    return "<w:tcBorders>" + "".join(zeile(sides[s], s) for s in ("top", "left", "bottom", "right")) + "</w:tcBorders>"


def _hintergrund(style: Style, row: Style | None) -> str | None:
    return farbe(style["background_color"]) or (farbe(row["background_color"]) if row is not None else None)


def reihe(inhalt: _Inhalt, element: Element, umgebung: Umgebung) -> list[Teil]:
    """Boxes side by side (CSS flex): a table of one row without lines, each box a cell as wide as the print sets it
    (with the gap after it); the row's own top and bottom borders as lines above and below."""
    bild, stile = inhalt.bild, inhalt.dokument.stile
    items = _flex_items(bild, element)
    style = bild.stil(element)
    x, total, _ = bild.masse.get(element, (0.0, 453 / 0.75, 0.0))
    starts = [bild.masse.get(item, (x, 0.0, 0.0))[0] for item in items] + [x + total]
    widths = [max(round((starts[i + 1] - starts[i]) * TWIPS_PX), 200) for i in range(len(items))]
    normal = stile["Normal"]
    cells = []
    for index, (item, width) in enumerate(zip(items, widths)):
        own = bild.masse.get(item, (0.0, 0.0, 0.0))[1]
        room = starts[index + 1] - starts[index] - own - SPIEL  # a text the PDF just fits on a line fits in Word
        gap = max(room, 0.0) * 0.75 if own and index + 1 < len(items) else 0.0
        zelle = Umgebung(normal.zeichen, normal.absatz, quer=umgebung.quer, rechts=gap)  # its borders: around its text
        teile = inhalt.bloecke(item, zelle) or [Teil(umgebung.quer)]
        content = "".join(t.xml() for t in teile) + ("<w:p/>" if teile[-1].tabelle else "")
        cells.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{content}</w:tc>')
    nil = "".join(f'<w:{s} w:val="nil"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    row = f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{''.join(cells)}</w:tr>"
    table = (
        f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblBorders>{nil}</w:tblBorders>'
        f'<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/>'
        f"</w:tblCellMar></w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
        f"{_randzeile(style, 'top', widths)}{row}{_randzeile(style, 'bottom', widths)}</w:tbl>"
    )
    abstand = replace(umgebung.absatz, vor=_aussen(style, "top"), nach=_aussen(style, "bottom"))
    return [Teil(umgebung.quer, tabelle=table, absatz=abstand)]


def _aussen(style: Style | None, side: str) -> float:
    """A box's margin on one side, points."""
    value = style[f"margin_{side}"] if style is not None else 0
    return float(getattr(value, "value", 0) or 0) * 0.75


def _randzeile(style: Style | None, side: str, widths: list[int]) -> str:
    """A flex row's top or bottom border: an empty row as high as the row's padding on that side, drawing it."""
    strich = linie(style, side) if style is not None else None
    if strich is None:
        return ""
    assert style is not None  # a line is drawn only from a style
    height = max(round(float(style[f"padding_{side}"].value) * TWIPS_PX), 20)
    edge = "bottom" if side == "bottom" else "top"
    cells = "".join(
        f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/><w:tcBorders>{zeile(strich, edge)}</w:tcBorders></w:tcPr>'
        '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/>'
        "</w:rPr></w:pPr></w:p></w:tc>"
        for w in widths
    )
    return f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{height}" w:hRule="exact"/></w:trPr>{cells}</w:tr>'


def _flex_items(bild: Satzbild, element: Element) -> list[Element]:
    """The boxes of a flex row; a box that is a flex row itself gives its own boxes (the logo beside the sender)."""
    items = []
    for child in element:
        style = bild.stil(child)
        if style is None and bild.gesetzt:
            continue
        if style is not None and style["display"][1:2] == ("flex",):
            items += _flex_items(bild, child)
        else:
            items.append(child)
    return items
