"""A table a council information system stored one cell per line: a row's label on a line, then each of its cells
on a line of its own, with blank lines between as the page has them (none or one; an empty cell adds one line
more). Such rows are joined into one row each – every figure stays on its own line – so that the recognisers of
table rows (sums, Saldo rows, Nachtrag rows) read them as they read the same table typed with cells.

Only rows of a table are joined: at least two rows, each a label and as many cells as the others, in one stretch of
the document. Where the blank lines do not say which cell is empty, the row is left as the lines are. Each line is
looked at a bounded number of times: linear in the document's length."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from vorlagen.nachrechnen.aufbau import kopfraster
from vorlagen.nachrechnen.aufbau.reihe import NULL, WERT, Eintrag, Reihe, row
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.woerter import NACHTRAG_ROLES

_CELL = re.compile(r"[+\-−–]?\s*\d[\d.\u202f]*(?:,\d+)?(?:,-{1,2}|,–)?\s*(?:€|EUR|Euro|T€|TEUR|%)?")
_CODE = re.compile(r"\d{1,4}\s+[A-Za-zÄÖÜäöüß]{3}")  # „200 Vorbereitende Maßnahmen“: a group's number, then words
_OUTLINE = re.compile(r"(?:\d{1,2}|[IVX]{1,4}|[a-z])[.)]")  # „1.“, „II.“, „a)“ on a line of its own: a row's number
_MAX_CELLS = 12  # cells of a row
_MAX_GAP = 40  # blank lines looked at between two cells
_MAX_BETWEEN = 6  # lines without figures between two rows of one table (a heading of the rows below)
_LABEL_WORDS = 12
_MIN_ROWS_ONE = 3  # rows of a table with one column of figures: two could be any two lines of text
_HEAD_WORDS = 6  # words of a cell of a head


@dataclass
class _Zeilenreihe:
    """A label and the lines of its cells: (index of the line, None for an empty cell), and where it ends."""

    label: int
    cells: list[int | None]
    gaps: list[int]  # blank lines before each cell
    end: int


def fold(reihen: list[Reihe]) -> list[Reihe]:
    """The rows, with every row of a table stored one cell per line joined into one (its blank lines dropped): by
    the head that names its columns (kopfraster.py), else by a label and the figures under it."""
    rasters = {r.start: r for r in kopfraster.tables(reihen)}
    covered = {i for r in rasters.values() for i in range(r.start, r.end)}
    rows = [r for r in _candidates(reihen) if r.label not in covered and r.end - 1 not in covered]
    joined: dict[int, _Zeilenreihe] = {}
    heads: dict[int, list[int]] = {}  # the first line of a head stored one cell per line: its lines
    spans: list[tuple[int, int]] = []  # where each table stands: its blank lines are dropped
    for table in _tables(reihen, rows):
        usual = _usual(table)
        filled = [_with_empties(candidate.cells, candidate.gaps, usual) for candidate in table]
        width, count = Counter(len(cells) for cells in filled).most_common(1)[0]
        for candidate, cells in zip(table, filled, strict=True):
            # a table of one column has no empty cell: more blank lines before its one figure are a gap
            if not (width == 1 and len(candidate.cells) == 1):
                candidate.cells = cells
        kept = [r for r in table if len(r.cells) == width]
        if count >= (2 if width >= 2 else _MIN_ROWS_ONE) and width >= 1:
            joined.update((r.label, r) for r in kept)
            head = _head(reihen, kept[0].label, width)
            if head:
                heads[head[0]] = head
            spans.append((head[0] if head else kept[0].label, kept[-1].end))
    if not joined and not rasters:
        return reihen
    inside = {i for start, end in spans for i in range(start, end) if _blank(reihen[i]) or _outline(reihen[i])}
    inside |= {i for lines in heads.values() for i in lines[1:]}
    out, index = [], 0
    while index < len(reihen):
        if index in rasters:
            out += [rasters[index].head, *rasters[index].rows]
            index = rasters[index].end
            continue
        if index in heads:
            out.append(_joined_head(reihen, heads[index]))
            index += 1
            continue
        here = joined.get(index)
        if here is None:
            if index not in inside:
                out.append(reihen[index])
            index += 1
            continue
        out.append(_joined(reihen, here))
        index = here.end
    return out


def _head(reihen: list[Reihe], label: int, width: int) -> list[int]:
    """The lines of the table's head stored one cell per line above its first row: short lines without figures
    (years aside), one for each column and one for the labels' column; none where they are not there, or where
    they name the columns of a Nachtrag (nachtrag.py reads those one word a line)."""
    lines: list[int] = []
    index = label - 1
    while index >= 0 and len(lines) < width + 1:
        reihe = reihen[index]
        if not _blank(reihe) and not _outline(reihe):
            if not _head_cell(reihe):
                break
            lines.append(index)
        index -= 1
    return sorted(lines) if len(lines) >= width else []


def _head_cell(reihe: Reihe) -> bool:
    text = reihe.zeile.text.strip()
    return (
        not reihe.werte
        and "\t" not in text
        and len(text.split()) <= _HEAD_WORDS
        and not text.endswith((".", ":", ";"))
        and not NACHTRAG_ROLES.search(text)
    )


def _joined_head(reihen: list[Reihe], lines: list[int]) -> Reihe:
    first = reihen[lines[0]].zeile
    text = "\t".join(reihen[i].zeile.text.strip() for i in lines)
    return row(Zeile(first.seite, first.nr, text, zellen=True), set())


def _blank(reihe: Reihe) -> bool:
    return not reihe.zeile.text.strip()


def _outline(reihe: Reihe) -> bool:
    """The line holds only the number of the row below it („1.“ over „Beamtinnen/Beamte“): no figure of the table."""
    return bool(_OUTLINE.fullmatch(reihe.zeile.text.strip()))


def _cell(reihe: Reihe) -> bool:
    text = reihe.zeile.text.strip()
    if kopfraster.DASH.fullmatch(text):
        return True
    if _outline(reihe):
        return False
    return len(reihe.werte) == 1 and len(reihe.zeile.zahlen) == 1 and bool(_CELL.fullmatch(text))


def _label(reihe: Reihe) -> bool:
    """A row's label: words, or words after the number of its group („200 Vorbereitende Maßnahmen“, DIN 276)."""
    text = reihe.zeile.text.strip()
    coded = len(reihe.zeile.zahlen) == 1 and bool(_CODE.match(text))
    words = not reihe.werte or coded
    return bool(text) and words and not _cell(reihe) and reihe.woerter <= _LABEL_WORDS and "\t" not in text


def _candidates(reihen: list[Reihe]) -> list[_Zeilenreihe]:
    """Every label followed by a cell or more, with the blank lines before each (not yet read as empties)."""
    rows, index = [], 0
    while index < len(reihen):
        if not _label(reihen[index]):
            index += 1
            continue
        cells: list[int | None] = []
        gaps: list[int] = []
        at = index + 1
        while len(cells) < _MAX_CELLS:
            gap = 0
            while at + gap < len(reihen) and gap < _MAX_GAP and _blank(reihen[at + gap]):
                gap += 1
            if at + gap >= len(reihen) or not _cell(reihen[at + gap]):
                break
            gaps.append(gap)
            cells.append(at + gap)
            at += gap + 1
        if cells:
            rows.append(_Zeilenreihe(index, cells, gaps, at))
            index = at
        else:
            index += 1
    return rows


def _usual(table: list[_Zeilenreihe]) -> int:
    """The blank lines a table puts between two cells: most often between cells, else after a label."""
    inner = [g for r in table for g in r.gaps[1:]]
    return Counter(inner or [r.gaps[0] for r in table]).most_common(1)[0][0]


def _with_empties(cells: list[int | None], gaps: list[int], usual: int) -> list[int | None]:
    """The cells with an empty one (None) wherever the blank lines before a cell say so: the page puts `usual`
    blank lines between cells, an empty cell is `usual + 1` lines more. Blank lines that fit no such count leave the
    row unreadable (no cells)."""
    out: list[int | None] = []
    for cell, gap in zip(cells, gaps, strict=True):
        extra, rest = divmod(gap - usual, usual + 1)
        if gap < usual or rest:
            return []
        out += [None] * extra + [cell]
    return out


def _tables(reihen: list[Reihe], rows: list[_Zeilenreihe]) -> list[list[_Zeilenreihe]]:
    """The candidate rows grouped into tables: rows with at most a few lines without figures between them."""
    tables: list[list[_Zeilenreihe]] = []
    for candidate in rows:
        if tables and _close(reihen, tables[-1][-1].end, candidate.label):
            tables[-1].append(candidate)
        else:
            tables.append([candidate])
    return tables


def _close(reihen: list[Reihe], end: int, label: int) -> bool:
    between = [r for r in reihen[end:label] if not _blank(r)]
    return len(between) <= _MAX_BETWEEN and not any(r.zeile.zahlen and not _outline(r) for r in between)


def _joined(reihen: list[Reihe], row: _Zeilenreihe) -> Reihe:
    label = reihen[row.label]
    entries, figures, orte = [], [], {}
    for place, index in enumerate(row.cells):
        if index is None:
            continue
        cell = reihen[index]
        text = cell.zeile.text.strip()
        if not cell.werte:
            entries.append(Eintrag(NULL, (), ("zelle", place + 1), text))
            continue
        zahl = cell.werte[0]
        figures.append(zahl)
        orte[id(zahl)] = cell.zeile
        entries.append(Eintrag(WERT, (zahl,), ("zelle", place + 1), text))
    return Reihe(
        label.zeile,
        figures,
        False,
        label.zeile.text.strip(),
        label.minus,  # „./. Abgang alter Kasseneinnahmenreste“ over its cells: a deduction
        label.woerter,
        eintraege=entries,
        orte=orte,
    )
