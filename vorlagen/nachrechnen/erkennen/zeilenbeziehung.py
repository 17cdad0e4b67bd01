"""Rows whose relation the columns show, in a table whose years (or places) are its columns: „Ordentliche Erträge |
17.061 T€ | 15.464 T€ …“, „Ordentliche Aufwendungen | 19.166 T€ | …“, „Ordentliches Ergebnis | - 2.106 T€ | …“
(c01 of the Zusatz) – where a row is, column by column, the difference or the sum of two rows above it, or (a row in
percent in every column) the share of one in the other („Anteil | 60,6 % | …“ under „Ergebnis“ and „Landesmittel“,
e05), it is read so in every column.

spaltenbeziehung.py turned on its side: the same run of rows of as many values each, its rows taken as the places and
its columns as what shows the relation, with the same rules – three columns at least with figures other than 0 where
it holds, one at most where it does not; that one a slip where four or more hold, else „nicht eindeutig“; a relation
another pair of rows also shows is not read; the rounding of amounts in thousands or millions the head names. A
column with a percentage outside the rows in percent takes no part (rates are not added up), nor one that numbers
the rows. Only
runs of at most _MAX_ROWS rows are turned (the pairs tried grow with the cube of the rows), and a document for a
bounded number of looks in all."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.aufbau.reihe import Reihe
from vorlagen.nachrechnen.erkennen import spaltenbeziehung
from vorlagen.nachrechnen.erkennen.spaltenbeziehung import InZeilen, Lage
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl

_MAX_ROWS = 12
_BUDGET = 2_000_000  # columns times row triples looked at in one document (as spaltenbeziehung's)
_MIN_COLUMNS = 3  # columns that may show a relation: fewer can never show it (spaltenbeziehung.MIN_HOLD)
_FIGURES = re.compile(r"\s[-−–]?\d")  # where the figures of a row's label begin
_NUMBERS = 1000  # a row number is below it
_NUMBER_STEP = 2  # … and the next row's number at most so much higher
_LABEL = 40  # characters of a row's label named in a reading


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    found: list[Rechnung] = []
    spent = 0
    for _, run, rundung in spaltenbeziehung.rounded_runs(reihen):
        if len(run) > _MAX_ROWS:
            continue
        spent += len(run[0][1]) * len(run) ** 3
        if spent > _BUDGET:
            break
        rows = {id(zahl): reihe for reihe, values in run for zahl in values}
        columns = [(InZeilen(rows), [values[c] for _, values in run]) for c in range(len(run[0][1]))]
        # a column in percent is never added up (a Summe row's rate is no sum of the rates above it) – a row in
        # percent in every column is one place of the turned table (a share of two rows above it)
        # … nor is the column that numbers the rows („4 | = anteilige ordentliche Aufwendungen | …“)
        rate_rows = _rate_rows(run)
        columns = [
            (spalte, values) for spalte, values in columns if not _rates(values, rate_rows) and not _numbering(values)
        ]
        if len(columns) < _MIN_COLUMNS:
            continue
        found += spaltenbeziehung.read(columns, taken, rundung, _lage([reihe for reihe, _ in run]))
    return found


def _rate_rows(run: list[tuple[Reihe, list[Zahl]]]) -> set[int]:
    """The rows of a run typed in percent in every column: „Anteil | 60,6 % | 57,6 % | 52,6 %“."""
    return {nr for nr, (_, values) in enumerate(run) if all(z.einheit == "%" for z in values)}


def _rates(values: list[Zahl], rate_rows: set[int]) -> bool:
    """A column with a percentage outside the rows in percent: a column of rates."""
    return any(z.einheit == "%" for nr, z in enumerate(values) if nr not in rate_rows)


def _numbering(values: list[Zahl]) -> bool:
    """Plain whole numbers going up row by row by one or two (a number left out): the numbers of a scheme's rows
    („4“, „5“, „6“, „7“, „9“, „10“), no values."""
    numbers = [z.wert for z in values]
    plain = all(not z.einheit and z.schritt == 1 and 0 < z.wert < _NUMBERS for z in values)
    return plain and all(0 < b - a <= _NUMBER_STEP for a, b in zip(numbers, numbers[1:]))


def _lage(rows: list[Reihe]) -> Lage:
    names = [_name(reihe, nr) for nr, reihe in enumerate(rows, start=1)]
    return Lage(
        lambda i: names[i],
        "Spalten",
        "die Zeile ist aus den übrigen Spalten erschlossen",
        "zeilenbeziehung",
    )


def _name(reihe: Reihe, nr: int) -> str:
    label = " ".join(_FIGURES.split(reihe.label, 1)[0].split())  # a row set in columns by spaces: its words only
    if not label:
        return f"Zeile {nr} der Tabelle"
    return f"„{label[:_LABEL]}{'…' if len(label) > _LABEL else ''}“"
