"""A table a page stored one cell per line (faltung.py) whose head ends with a total column – „Verwaltungs-haushalt“,
„Vermögens-“ / „haushalt“, „Gesamt-“ / „haushalt“ over the rows of a Jahresrechnung –: in each row the last cell is
the sum of the cells before it (as typed, with their signs).

The head stands over the table's first row, its words one a line and broken at hyphens; it names the total column
last. A column „Gesamt“ may also be a product („Menge | Einzelpreis | Gesamt“), so the sums are read as the table's
only where most of its rows, and at least two, add up; then a row that does not is a slip. A block is the rows of
the same number of cells (at least three) under one head, apart by at most _MAX_GAP lines without figures; at most
_MAX_ROWS rows."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.aufbau.reihe import Reihe
from vorlagen.nachrechnen.lesen.zahlenlesen import written_sum

_TOTAL_LAST = re.compile(r"(?:\bGesamt[-\w]*|\bSumme|\binsgesamt)\W*$", re.IGNORECASE)
_HEAD_LOOK = 4  # lines with words looked at above a block for its head
_MAX_GAP = 8  # lines without figures between two rows of a block (blank lines, a heading „Ausgaben“)
_MAX_ROWS = 30


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    found: list[Rechnung] = []
    index = 0
    while index < len(reihen):
        block, after = _block(reihen, index)
        if block and _headed(reihen, index):
            found += _sums(block)
        index = max(after, index + 1)
    return found


def _folded(reihe: Reihe) -> bool:
    return bool(reihe.orte) and len(reihe.werte) >= 3


def _block(reihen: list[Reihe], start: int) -> tuple[list[Reihe], int]:
    """The folded rows of one width from `start` on, and the index after them."""
    if not _folded(reihen[start]):
        return [], start + 1
    width, block, gap, index = len(reihen[start].werte), [reihen[start]], 0, start + 1
    while index < len(reihen) and len(block) < _MAX_ROWS:
        reihe = reihen[index]
        if _folded(reihe) and len(reihe.werte) == width:
            block.append(reihe)
            gap = 0
        elif reihe.werte or gap >= _MAX_GAP:
            break
        else:
            gap += 1
        index += 1
    return block, index


def _headed(reihen: list[Reihe], start: int) -> bool:
    """A line above the block, among the nearest with words, whose cells end with the total column."""
    seen = 0
    for line in range(start - 1, -1, -1):
        reihe = reihen[line]
        if reihe.werte:
            return False
        text = reihe.zeile.text.strip()
        if not text:
            continue
        joined = re.sub(r"(?<=[A-Za-zÄÖÜäöüß])-\s*\t\s*(?=[a-zäöüß])", "-", text)  # „Gesamt-“ / „haushalt“
        if _TOTAL_LAST.search(joined.replace("\t", " ")):
            return True
        seen += 1
        if seen >= _HEAD_LOOK:
            return False
    return False


def _sums(block: list[Reihe]) -> list[Rechnung]:
    readings = []
    for reihe in block:
        parts, result = reihe.werte[:-1], reihe.werte[-1]
        signs = [-1 if z.wert < 0 else 1 for z in parts]  # as typed: „-708,00“ enters with its minus
        readings.append(
            Rechnung(
                "Spalte „Gesamt“ als Summe der Zellen der Zeile",
                "saldo",
                [reihe.fund(z) for z in parts],
                reihe.fund(result),
                written_sum(parts, signs),
                betrag=False,
                vorzeichen=signs,
                rang=3,
                typ="zeilensumme",
            )
        )
    holding = sum(1 for r in readings if r.haelt())
    if holding < 2 or 2 * holding <= len(readings):
        return []  # not a table of sums: its „Gesamt“ is something else
    return readings
