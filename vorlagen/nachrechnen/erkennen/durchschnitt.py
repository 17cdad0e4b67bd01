"""An average row under the rows it averages: „2021 | 238.950 m³“, „2022 | 235.130 m³“, „2023 | 235.120 m³“, then
„Durchschnitt | 236.400 m³“ – in each column the mean of the rows above, rounded as it is typed.

The row's label names the average („Durchschnitt“, „Mittelwert“, „im Mittel“, „Ø“, a few words more at most); the rows
above are the run of rows with as many figures right above it (back to a blank line or a line without figures), a
total row among them left out (the average is of the rows it adds up). Two rows at least, one unit in each column.
Not where a mean may be weighted or of other rows: a row that gives a count beside its values („Krippe | 20 | 300,00
€“), an average row named per unit or over some rows („Durchschnitt je Platz“, „Durchschnitt 2022-2024“, „(3 Jahre)“,
„ohne 2020“, „Ist“), and never a column of rates (a mean of rates is of their bases).
The label says what the row is, so a mismatch is a slip. Each row is looked at a bounded number of times.

Turned by a quarter: a column whose head names the average („| 2016 | 2017 | 2018 | Durchschnitt |“) is, in each row,
the mean of the row's figures left of it – two at least, every row of the run as wide."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.aufbau.reihe import Reihe
from vorlagen.nachrechnen.aufbau.spaltenkopf import head_cell, heads_above
from vorlagen.nachrechnen.erkennen.spaltenbeziehung import runs_at
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, written_sum
from vorlagen.nachrechnen.woerter import TOTAL_ROW_START

_AVERAGE = re.compile(r"^\W*(?:Durchschnitt\w*|Mittelwert|im\s+Mittel|Ø)(?:\s+[\wäöüß()./-]+){0,3}\W*$", re.IGNORECASE)
_MAX_ROWS = 40
# an average row that names per what or over which rows („je Platz“, „2022-2024“, „(3 Jahre)“, „ohne 2020“, „Ist“):
# the mean may be of other rows than all those above, or weighted
_NARROWED = re.compile(r"\d|\b(?:je|pro|ohne|nur|letzten?|Ist|Plan|Soll|gewichtet)\b", re.IGNORECASE)


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    found: list[Rechnung] = _columns(reihen, taken)
    for index, reihe in enumerate(reihen):
        if not reihe.werte or not _AVERAGE.match(reihe.label):
            continue
        rows = _rows_above(reihen, index, len(reihe.werte))
        if len(rows) < 2 or any(_counts(row) for row in [*rows, reihe]) or _NARROWED.search(reihe.label):
            continue  # „Kinder | Gebühr je Kind“, „Durchschnitt je Platz | 200 | …“: the mean may be weighted
        for column, result in enumerate(reihe.werte):
            values = [row.werte[column] for row in rows]
            if {z.einheit for z in values} != {result.einheit} or result.einheit == "%":
                continue  # a mean of rates is of their bases, which the rows do not give
            if reihe.fund(result).key in taken:
                continue
            found.append(_mean(rows, values, reihe, result))
    return found


def _columns(reihen: list[Reihe], taken: set) -> list[Rechnung]:
    """The average column of each run whose head names one, read in every row."""
    found: list[Rechnung] = []
    for start, run in runs_at(reihen, min_width=3, min_rows=2):
        first = run[0][0]
        if len(first.eintraege) != len(run[0][1]):
            continue
        heads = heads_above(reihen, start)
        columns = [k for k, place in enumerate(first.eintraege) if _AVERAGE.match(head_cell(heads, place))]
        if len(columns) != 1 or columns[0] < 2:
            continue
        k = columns[0]
        for reihe, values in run:
            if values[k].einheit != "%" and reihe.fund(values[k]).key not in taken:
                found.append(_mean([reihe] * k, values[:k], reihe, values[k], "Spalten links"))
    return found


def _counts(reihe: Reihe) -> bool:
    """The row gives a count beside its values (a plain figure that is no year and no value of the row): a mean of
    its values may be weighted by it."""
    return any(
        not z.einheit
        and z.tiefe == 0
        and z not in reihe.werte
        and not (1900 <= z.wert <= 2100 and z.wert == int(z.wert))
        for z in reihe.zeile.zahlen
    )


def _rows_above(reihen: list[Reihe], index: int, width: int) -> list[Reihe]:
    rows: list[Reihe] = []
    for reihe in reversed(reihen[max(0, index - _MAX_ROWS) : index]):
        if not reihe.werte:
            if reihe.zeile.text.strip() or rows:
                break
            continue  # a blank line right above the average row
        if len(reihe.werte) != width:
            break
        if not TOTAL_ROW_START.match(reihe.label.strip(" *_")):
            rows.append(reihe)
    return rows[::-1]


def _mean(rows: list[Reihe], values: list[Zahl], reihe: Reihe, result: Zahl, which: str = "Zeilen darüber") -> Rechnung:
    n = len(values)
    return Rechnung(
        f"Durchschnitt der {n} {which}",
        "durchschnitt",
        [row.fund(z) for row, z in zip(rows, values, strict=True)],
        reihe.fund(result),
        f"({written_sum(values, [-1 if z.wert < 0 else 1 for z in values])}) / {n}",
        betrag=False,
        rang=3,
        typ="durchschnitt",
    )
