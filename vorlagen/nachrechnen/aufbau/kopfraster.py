"""A table a page stored one cell per line whose head names its columns: „Organisationseinheit“, „Stellenumfang“,
„Entgeltgruppe“, „Grund“, then the cells of each row in that order, text and figures alike („FB 54“, „1,000“,
„EG 6 (55.900 €)“, „Zensus, entfällt“), a total row last („Gesamt“, „2,430“, „175.483 €“). The head says how many
cells make a row; blank lines between cells are as the page has them, an empty cell one blank line (or one run of
the page's gap) more. A label the page wrapped over two lines („Sach-“ / „und Dienstleistungen“, or two lines closer
together than the cells) is one cell.

The reading is kept only where it is consistent: at least two rows, each opening with a label (no figure alone), and
the columns that hold a figure in the first two rows hold a figure or nothing in every row (a dash alone, „–“ in a
total row, is nothing). The rows are joined as
faltung.py joins them, each figure on its own line. Each line is looked at a bounded number of times."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from vorlagen.nachrechnen.aufbau.reihe import WERT, Eintrag, Reihe, row
from vorlagen.nachrechnen.lesen.zeile import Zeile

_MAX_COLUMNS = 8
DASH = re.compile(r"[-–—]{1,2}")  # a cell of a dash alone: nothing in it
_HEAD_WORDS = 4
_CELL_WORDS = 15  # a longer line is prose: the table has ended
_MAX_ROWS = 250
_MAX_GAP = 40


@dataclass
class Raster:
    """A table read by its head: where it stands (first line of the head, line after it), its head and rows."""

    start: int
    end: int
    head: Reihe
    rows: list[Reihe]


def tables(reihen: list[Reihe]) -> list[Raster]:
    found: list[Raster] = []
    index = 0
    while index < len(reihen):
        raster = _table_at(reihen, index)
        if raster is None:
            index += 1
            continue
        found.append(raster)
        index = raster.end
    return found


def _blank(reihe: Reihe) -> bool:
    return not reihe.zeile.text.strip()


def _head_line(reihe: Reihe) -> bool:
    text = reihe.zeile.text.strip()
    return (
        any(c.isalpha() for c in text)  # a line „|“ is an empty cell, no column's name
        and not reihe.werte
        and "\t" not in text
        and len(text.split()) <= _HEAD_WORDS
        and not text.endswith((".", ":", ";", ","))
    )


def _table_at(reihen: list[Reihe], index: int) -> Raster | None:
    """A head opening at `index` and the rows below it, for the widest head that reads."""
    if not _head_line(reihen[index]):
        return None  # (a title above the head, „Stellenplan 2024“, fails as a head and is passed by)
    cells, gaps = _cells(reihen, index)
    run = 0
    while run < len(cells) and run < _MAX_COLUMNS + 1 and _head_line(reihen[cells[run]]):
        run += 1
    for width in range(min(run, _MAX_COLUMNS), 1, -1):
        if len(set(gaps[1:width])) > 1:
            continue  # the head's lines stand apart unevenly
        usual = gaps[1]
        lines, below, wrapped = _unwrapped(reihen, cells[width:], gaps[width:], usual)
        for unnamed in (0, 1):  # a head that names the labels' column too, or only the columns of figures
            rows = _rows(reihen, lines, below, width + unnamed, usual)
            if rows is not None:
                end = max(wrapped.get(c, c) for r in rows for c in r if c is not None) + 1
                head = _joined_head(reihen, cells[:width], unnamed)
                return Raster(index, end, head, [_joined(reihen, r, wrapped) for r in rows])
    return None


def _unwrapped(
    reihen: list[Reihe], lines: list[int], gaps: list[int], usual: int
) -> tuple[list[int], list[int], dict[int, int]]:
    """The lines below a head with a label the page wrapped joined into one cell: a text line ending in a hyphen
    („Sach-“) and a text line going on in lower case („und Dienstleistungen“), or two text lines closer together
    than the table's cells (fewer blank lines between). Returns the lines, their gaps, and each wrapped line's
    second line."""
    out: list[int] = []
    out_gaps: list[int] = []
    wrapped: dict[int, int] = {}
    at = 0
    while at < len(lines):
        out.append(lines[at])
        out_gaps.append(gaps[at])
        nxt = at + 1
        if nxt < len(lines) and _wraps(reihen[lines[at]], reihen[lines[nxt]], gaps[nxt] < usual):
            wrapped[lines[at]] = lines[nxt]
            at += 2
        else:
            at += 1
    return out, out_gaps, wrapped


def _wraps(first: Reihe, second: Reihe, closer: bool) -> bool:
    a, b = first.zeile.text.strip(), second.zeile.text.strip()
    if _is_value(first) or _is_value(second) or any(c.isdigit() for c in a + b):
        return False
    hyphen = len(a) > 1 and a.endswith("-") and a[-2].isalpha() and b[:1].islower()
    return hyphen or closer and b[:1].isalpha()


def _label_text(reihen: list[Reihe], index: int, wrapped: dict[int, int]) -> str:
    text = reihen[index].zeile.text.strip()
    if index not in wrapped:
        return text
    rest = reihen[wrapped[index]].zeile.text.strip()
    return f"{text[:-1]}{rest}" if text.endswith("-") and not rest.startswith(("und ", "oder ")) else f"{text} {rest}"


def _cells(reihen: list[Reihe], index: int) -> tuple[list[int], list[int]]:
    """The non-blank lines from `index` on, with the blank lines before each (bounded)."""
    cells: list[int] = []
    gaps: list[int] = []
    at, gap = index, 0
    while at < len(reihen) and len(cells) < _MAX_ROWS * _MAX_COLUMNS:
        if _blank(reihen[at]):
            gap += 1
            if gap > _MAX_GAP:
                break
        else:
            if len(reihen[at].zeile.text.split()) > _CELL_WORDS:
                break
            cells.append(at)
            gaps.append(gap)
            gap = 0
        at += 1
    return cells, gaps


def _rows(
    reihen: list[Reihe], lines: list[int], gaps: list[int], width: int, usual: int
) -> list[list[int | None]] | None:
    """The rows below a head of `width` columns, an empty cell where a gap holds one; None if fewer than two read."""
    flat: list[int | None] = []
    for line, gap in zip(lines, gaps, strict=True):
        extra, rest = divmod(gap - usual, usual + 1)
        if gap < usual or rest or extra >= width:
            break
        flat += [None] * extra + [line]
    rows = [flat[i : i + width] for i in range(0, len(flat) - len(flat) % width, width)]
    if len(flat) % width and flat[len(rows) * width] is not None:
        rows.append(flat[len(rows) * width :] + [None] * (width - len(flat) % width))  # a total row's empty end
    kept: list[list[int | None]] = []
    numeric: set[int] = set()  # columns that hold a figure in some row: every row holds a figure or nothing there
    text: set[int] = set()
    for cells in rows:
        if cells[0] is None or _is_value(reihen[cells[0]]):
            break  # a row opens with its label
        kinds = _kinds(reihen, cells)
        words = {i for i, c in enumerate(cells) if c is not None and i > 0 and not _dash(reihen[c])} - kinds
        if kinds & text or words & numeric:
            break
        numeric |= kinds
        text |= words
        kept.append(cells)
    return kept if len(kept) >= 2 and numeric else None


def _dash(reihe: Reihe) -> bool:
    """A cell of a dash alone („–“ under „Gebühr je Jahr“ in a total row): nothing in it, as an empty cell."""
    return DASH.fullmatch(reihe.zeile.text.strip()) is not None


def _kinds(reihen: list[Reihe], cells: list[int | None]) -> set[int]:
    return {i for i, c in enumerate(cells) if c is not None and _is_value(reihen[c])}


def _is_value(reihe: Reihe) -> bool:
    """A cell that holds one figure (a word beside it, „EG 6 (55.900 €)“, allowed)."""
    entries = _entries(reihe.zeile)
    return len(entries) == 1 and entries[0].art == WERT and len(entries[0].zahlen) == 1


def _entries(zeile: Zeile) -> list[Eintrag]:
    """The line read as one cell: the same text, so its figures stand where they stand in the line."""
    return row(replace(zeile, zellen=True, lagen=()), set()).eintraege


def _joined_head(reihen: list[Reihe], lines: list[int], unnamed: int) -> Reihe:
    first = reihen[lines[0]].zeile
    text = "\t" * unnamed + "\t".join(reihen[i].zeile.text.strip() for i in lines)
    return row(Zeile(first.seite, first.nr, text, zellen=True), set())


def _joined(reihen: list[Reihe], cells: list[int | None], wrapped: dict[int, int]) -> Reihe:
    first = cells[0] if cells[0] is not None else next(c for c in cells if c is not None)
    label = reihen[first]
    entries, figures, orte = [], [], {}
    for place, index in enumerate(cells[1:], start=1):
        if index is None:
            continue
        zeile = reihen[index].zeile
        for entry in _entries(zeile):
            entries.append(replace(entry, spalte=("zelle", place)))
            for zahl in entry.zahlen:
                orte[id(zahl)] = zeile
                figures.append(zahl)
    text = _label_text(reihen, first, wrapped) if cells[0] is not None else label.zeile.text.strip()
    minus = label.minus and cells[0] is not None  # „./. Abgang alter Kasseneinnahmenreste“: a deduction
    if first not in wrapped or cells[0] is None:
        return Reihe(label.zeile, figures, False, text, minus, label.woerter, eintraege=entries, orte=orte)
    zeile = replace(label.zeile, text=text)
    return Reihe(zeile, figures, False, text, minus, len(text.split()), eintraege=entries, orte=orte)
