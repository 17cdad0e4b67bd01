"""A column of changes to the row before, in a table whose rows are years: „2008 | 55.914 | 48.152 | 0,8“ under „2007 |
56.295 | 47.791 | -1,1“, the last column the change of the second in percent of the year before (e04 of the Zusatz,
Sächsischer Rechnungshof: „Veränderung (VZÄ) gegenüber Vorjahr %“) – or as a difference. Where in a run of rows a
column is, row by row, the change of a column left of it from the row before, it is read so in every row but the
first (whose row before the table does not show).

spaltenbeziehung.py on pairs of rows next to each other: for a column and a column right of it, each pair of rows
gives three places – the column in the row before, in the row, and the column right of it in the row – read with the
same rules (three pairs at least hold, one at most misses; that one a slip where four hold, else „nicht eindeutig“;
the rounding of whole VZÄ and of amounts in thousands or millions). A column that two columns left of it explain
alike is not read. Runs and columns are bounded, and so are the looks at a document."""

from __future__ import annotations

from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.aufbau.reihe import Reihe
from vorlagen.nachrechnen.erkennen import spaltenbeziehung
from vorlagen.nachrechnen.erkennen.spaltenbeziehung import InZeilen, Lage
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl

_MIN_PAIRS = 3  # pairs of rows that may show a relation: fewer can never show it (spaltenbeziehung.MIN_HOLD)
_BUDGET = 200_000  # pairs of rows times column pairs looked at in one document


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    found: list[Rechnung] = []
    spent = 0
    for _, run, rundung in spaltenbeziehung.rounded_runs(reihen):
        pairs = list(zip(run, run[1:]))
        width = len(run[0][1])
        if len(pairs) < _MIN_PAIRS:
            continue
        spent += len(pairs) * width * width
        if spent > _BUDGET:
            break
        by_result: dict[int, list[list[Rechnung]]] = {}
        for source in range(width):
            for result in range(source + 1, width):
                places = [
                    (_pair(before, row), [before[1][source], row[1][source], row[1][result]]) for before, row in pairs
                ]
                read = spaltenbeziehung.read(places, taken, rundung, _lage(source, result))
                if read:
                    by_result.setdefault(result, []).append(read)
        # a column two columns left of it explain alike: which one is meant is open
        found += [reading for readings in by_result.values() if len(readings) == 1 for reading in readings[0]]
    return found


def _pair(*rows: tuple[Reihe, list[Zahl]]) -> InZeilen:
    """Two rows next to each other: each figure stands in the row it was typed in."""
    return InZeilen({id(zahl): reihe for reihe, values in rows for zahl in values})


def _lage(source: int, result: int) -> Lage:
    names = (f"Spalte {source + 1} der Zeile davor", f"Spalte {source + 1}", f"Spalte {result + 1}")
    return Lage(lambda i: names[i], "Zeilen", "die Spalte ist aus den übrigen Zeilen erschlossen", "vorjahresspalte")
