"""A total row that stands alone under a heading of its own right after a table: „Summe Tarifbeschäftigte 290,75
287 +3,75 …“, a blank line, „Gesamtübersicht“, „Stellen insgesamt 385,75 380,5 +5,25 362,25“. Its columns are the
table's: where the rows above show a relation among their places (spaltenbeziehung.py – „Spalte 3 als Spalte 1
weniger Spalte 2“), the total row is read by it too, with the sign the rows above show (before, the search among
amounts confirmed 385,75 − 380,5 by its amount only, a minus typed for a rise unchecked).

Read only where one or two rows of the table's width and units follow it within a few lines, the lines between are
blank or headings (no cells: a head of columns of its own would say the columns are others), and the row or the
heading names a total („insgesamt“, „Gesamt“, „Summe“), in no other scale („in T€“). Sure as the relation is in the
table (four rows or more holding).

Each column of such a row is also the sum of the table's rows, signed as typed – or, where the table ends in a total
row of its own, of the total rows of the tables right above one another („Summe Beamte“, „Summe
Tarifbeschäftigte“): read where two columns hold and one at most does not (that one a slip), else nothing is
claimed; not a row of rates or a weighted, mean or extreme row („Gesamt (Auslastung gewichtet)“), nor a column the
head gives in percent. Bounded: the rows of the document once, one table and its total rows a look."""

from __future__ import annotations

import re
from decimal import Decimal

from vorlagen.nachrechnen.aufbau import gerundet
from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.aufbau.reihe import Reihe
from vorlagen.nachrechnen.aufbau.spaltenkopf import head_cell, heads_above
from vorlagen.nachrechnen.erkennen import spaltenbeziehung
from vorlagen.nachrechnen.erkennen.spaltenbeziehung import SPALTEN
from vorlagen.nachrechnen.lesen.zahlenlesen import short_sum

_TOTAL = re.compile(r"(?i:insgesamt|gesamt|summe|zusammen)")
_BETWEEN = 3  # lines between the table and its total rows, at most
_ROWS = 2  # total rows, at most
_TABLE = 3  # rows of the table above, at least: fewer show no relation (spaltenbeziehung.py)
_TABLE_GAP = 5  # lines from one table's last row to the next table's first (a blank, a heading, a head), at most
_SHOWN = 2  # columns that hold for the row to show it is the total
_RATE = re.compile(r"%|\bProzent|\b(?:je|pro)\s")  # a row or a column of rates adds up nothing
_NO_TOTAL = re.compile(r"gewichtet|[Dd]urchschnitt|Mittel|Höchst|Maxim|Minim|größt|kleinst")


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    index_of = {id(reihe): index for index, reihe in enumerate(reihen)}
    found: list[Rechnung] = []
    vzae = gerundet.counts_in_vzae(reihe.zeile.text for reihe in reihen)
    tables: list[tuple[int, spaltenbeziehung.Run]] = []  # the tables read so far, each with its first row's index
    for start, run in spaltenbeziehung.runs_at(reihen, min_rows=1):
        table = tables[-1][1] if tables else None
        if (
            table is not None
            and len(run) <= _ROWS
            and _follows(reihen[index_of[id(table[-1][0])] + 1 : start], table, run)
        ):
            rundung = spaltenbeziehung.rundung_above(reihen, tables[-1][0], vzae)
            readings = spaltenbeziehung.read(table + run, taken, rundung, SPALTEN)
            lines = {id(reihe.zeile) for reihe, _ in run}
            found += [reading for reading in readings if id(reading.ergebnis.zeile) in lines]
            rates = _rate_columns(reihen, tables[-1][0], table)
            found += [r for r in _sums(_parts(tables, index_of), run, rates) if r.ergebnis.key not in taken]
        if len(run) >= _TABLE:
            tables.append((start, run))
        elif len(run) > _ROWS:
            tables = []
    return found


def _parts(tables: list[tuple[int, spaltenbeziehung.Run]], index_of: dict[int, int]) -> spaltenbeziehung.Run:
    """The rows a total under the tables adds up: the rows of the last table – or, where it ends in a total row of its
    own („Summe Tarifbeschäftigte“), the total rows of the tables right above one another that end in one („Summe
    Beamte“, „Summe Tarifbeschäftigte“)."""
    last = tables[-1][1]
    if not _TOTAL.search(last[-1][0].label):
        return last
    parts = [last[-1]]
    for (_, above), (start, _) in zip(reversed(tables[:-1]), reversed(tables[1:])):
        if start - index_of[id(above[-1][0])] > _TABLE_GAP or not _TOTAL.search(above[-1][0].label):
            break
        if len(above[-1][1]) != len(last[-1][1]):
            break
        parts.insert(0, above[-1])
    return parts if len(parts) >= 2 else []


def _sums(parts: spaltenbeziehung.Run, run: spaltenbeziehung.Run, rates: set[int]) -> list[Rechnung]:
    """Each column of the total rows as the sum of the parts' column, signed as typed – read where two columns at
    least hold and one at most does not (the columns show the row is their total); else nothing is claimed."""
    found = []
    for reihe, values in run:
        if not parts or _RATE.search(reihe.label) or _NO_TOTAL.search(reihe.label):
            continue  # „Gesamt (Auslastung gewichtet)“, „Gesamt (größte Klasse: Höchstwert)“: no sum of the rows
        columns = [[part[c] for _, part in parts] for c in range(len(values))]
        summed = [c for c in range(len(values)) if c not in rates]
        holding = [sum((z.wert for z in columns[c]), Decimal(0)) == values[c].wert for c in summed]
        if holding.count(True) < _SHOWN or holding.count(False) > 1:
            continue
        for c in summed:
            column = columns[c]
            signs = [-1 if z.wert < 0 else 1 for z in column]
            found.append(
                Rechnung(
                    f"Summe der Zeilen darüber in Spalte {c + 1} (die Zeile „{reihe.label}“ unter der Tabelle)",
                    "summe",
                    [Fund(row.zeile, part[c]) for row, part in parts],
                    Fund(reihe.zeile, values[c]),
                    short_sum(column, signs, "Werte"),
                    betrag=False,
                    vorzeichen=signs,
                    rang=2,
                    typ="spaltensumme",
                )
            )
    return found


def _rate_columns(reihen: list[Reihe], top: int, table: spaltenbeziehung.Run) -> set[int]:
    """The columns of the table its head gives in percent („Auslastung (%)“) or whose figures are percentages: they
    add up to nothing."""
    heads = heads_above(reihen, top)
    places = table[0][0].eintraege
    by_head = {c for c, place in enumerate(places) if _RATE.search(head_cell(heads, place))}
    return by_head | {c for c in range(len(table[0][1])) if any(values[c].einheit == "%" for _, values in table)}


def _follows(between: list[Reihe], table: spaltenbeziehung.Run, run: spaltenbeziehung.Run) -> bool:
    """The rows are as wide as the table and stand right under it, only blank lines and headings between, and a total is named."""
    if any(len(values) != len(table[0][1]) for _, values in run):
        return False
    if len(between) > _BETWEEN or any(reihe.eintraege or "\t" in reihe.zeile.text for reihe in between):
        return False
    named = [reihe.zeile.text for reihe in between] + [reihe.zeile.text for reihe, _ in run]
    if gerundet.scaled(named):
        return False  # „Zusammenfassung (in T€, gerundet)“: rows of another scale than the table's
    return any(_TOTAL.search(text) for text in named)
