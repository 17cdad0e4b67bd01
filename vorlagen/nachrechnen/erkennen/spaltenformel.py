"""A table a page stored one cell per line whose head numbers its columns and states a column as the difference of
two others: „1“, „2“, „3“, „4“, „( 4 - 1 )“, „( 4 - 3 )“, then per row a label and one figure per column. The head
says how each such column is computed, so a cell that is not that difference is a slip (compared as amounts: a sign
typed or left out proves nothing). Every line is looked at once or twice: linear in the document's length."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl
from vorlagen.nachrechnen.lesen.zeile import Zeile

_FORMULA = re.compile(r"\(\s*(?:Sp\.\s*)?(\d{1,2})\s*[-−–]\s*(?:Sp\.\s*)?(\d{1,2})\s*\)")
_CELL = re.compile(r"[+\-−–]?\s*\d[\d.]*(?:,\d+)?\s*(?:€|%)?")
_MAX_COLUMNS = 20
_MAX_LABEL = 4  # lines of a row's label before its figures


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    found: list[Rechnung] = []
    lines = [z for z in zeilen if z.text.strip()]
    i = 0
    while i < len(lines):
        head = _head(lines, i)
        if head is None:
            i += 1
            continue
        columns, formulas, i = head
        while True:
            row = _row(lines, i, columns + len(formulas))
            if row is None:
                break
            cells, i = row
            found += [_difference(cells, columns + j, a, b) for j, (a, b) in enumerate(formulas)]
    return found


def _head(lines: list[Zeile], i: int) -> tuple[int, list[tuple[int, int]], int] | None:
    """„1“ … „n“ on lines of their own, then one or more „( a - b )“ over those columns."""
    n = 0
    while i + n < len(lines) and n < _MAX_COLUMNS and lines[i + n].text.strip() == str(n + 1):
        n += 1
    if n < 2:
        return None
    formulas: list[tuple[int, int]] = []
    k = i + n
    while k < len(lines) and len(formulas) < _MAX_COLUMNS:
        match = _FORMULA.fullmatch(lines[k].text.strip())
        if not match:
            break
        a, b = int(match[1]), int(match[2])
        if not (1 <= a <= n and 1 <= b <= n and a != b):
            return None
        formulas.append((a, b))
        k += 1
    return (n, formulas, k) if formulas else None


def _is_cell(zeile: Zeile) -> bool:
    return len(zeile.zahlen) == 1 and bool(_CELL.fullmatch(zeile.text.strip()))


def _row(lines: list[Zeile], i: int, width: int) -> tuple[list[tuple[Zeile, Zahl]], int] | None:
    """A label of one to a few lines, then exactly `width` lines of one figure each."""
    label = 0
    while i + label < len(lines) and label < _MAX_LABEL and not _is_cell(lines[i + label]):
        label += 1
    if not 1 <= label <= _MAX_LABEL - 1:
        return None
    start = i + label
    cells: list[tuple[Zeile, Zahl]] = []
    while start + len(cells) < len(lines) and len(cells) < width and _is_cell(lines[start + len(cells)]):
        zeile = lines[start + len(cells)]
        cells.append((zeile, zeile.zahlen[0]))
    if len(cells) != width or (start + width < len(lines) and _is_cell(lines[start + width])):
        return None
    return cells, start + width


def _difference(cells: list[tuple[Zeile, Zahl]], column: int, a: int, b: int) -> Rechnung:
    (zeile_a, zahl_a), (zeile_b, zahl_b), (zeile_c, zahl_c) = cells[a - 1], cells[b - 1], cells[column]
    return Rechnung(
        f"Spalte {column + 1} laut Kopf „({a} − {b})“",
        "abstand",
        [Fund(zeile_b, zahl_b), Fund(zeile_a, zahl_a)],
        Fund(zeile_c, zahl_c),
        f"|{zahl_a.zeige()} − {zahl_b.zeige()}|",  # compared as amounts: the head's order, the sign not checked
        typ="spaltenformel",
    )
