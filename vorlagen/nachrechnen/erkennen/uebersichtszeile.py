"""A total row that stands alone under a heading of its own right after a table: „Summe Tarifbeschäftigte 290,75
287 +3,75 …“, a blank line, „Gesamtübersicht“, „Stellen insgesamt 385,75 380,5 +5,25 362,25“. Its columns are the
table's: where the rows above show a relation among their places (spaltenbeziehung.py – „Spalte 3 als Spalte 1
weniger Spalte 2“), the total row is read by it too, with the sign the rows above show (before, the search among
amounts confirmed 385,75 − 380,5 by its amount only, a minus typed for a rise unchecked).

Read only where one or two rows of the table's width and units follow it within a few lines, the lines between are
blank or headings (no cells: a head of columns of its own would say the columns are others), and the row or the
heading names a total („insgesamt“, „Gesamt“, „Summe“). Sure as the relation is in the table (four rows or more
holding). Bounded: the rows of the document once, one table and its total rows a look."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau import gerundet
from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.aufbau.reihe import Reihe
from vorlagen.nachrechnen.erkennen import spaltenbeziehung
from vorlagen.nachrechnen.erkennen.spaltenbeziehung import SPALTEN

_TOTAL = re.compile(r"(?i:insgesamt|gesamt|summe|zusammen)")
_BETWEEN = 3  # lines between the table and its total rows, at most
_ROWS = 2  # total rows, at most
_TABLE = 3  # rows of the table above, at least: fewer show no relation (spaltenbeziehung.py)


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    index_of = {id(reihe): index for index, reihe in enumerate(reihen)}
    found: list[Rechnung] = []
    vzae = gerundet.counts_in_vzae(reihe.zeile.text for reihe in reihen)
    table, top = None, 0
    for start, run in spaltenbeziehung.runs_at(reihen, min_rows=1):
        if (
            table is not None
            and len(run) <= _ROWS
            and _follows(reihen[index_of[id(table[-1][0])] + 1 : start], table, run)
        ):
            rundung = spaltenbeziehung.rundung_above(reihen, top, vzae)
            readings = spaltenbeziehung.read(table + run, taken, rundung, SPALTEN)
            lines = {id(reihe.zeile) for reihe, _ in run}
            found += [reading for reading in readings if id(reading.ergebnis.zeile) in lines]
        table, top = (run, start) if len(run) >= _TABLE else (None, 0)
    return found


def _follows(between: list[Reihe], table: spaltenbeziehung.Run, run: spaltenbeziehung.Run) -> bool:
    """The rows are as wide as the table and stand right under it, only blank lines and headings between, and a total is named."""
    if any(len(values) != len(table[0][1]) for _, values in run):
        return False
    if len(between) > _BETWEEN or any(reihe.eintraege or "\t" in reihe.zeile.text for reihe in between):
        return False
    named = [reihe.zeile.text for reihe in between] + [reihe.zeile.text for reihe, _ in run]
    return any(_TOTAL.search(text) for text in named)
