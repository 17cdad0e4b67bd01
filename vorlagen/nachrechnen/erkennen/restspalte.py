"""A column whose head names what is left: „Ansatz 2024 | Deckungsbetrag | verbleibender Ansatz“ over the Sachkonten
of a Deckung („45.000,00 | 12.000,00 | 33.000,00“) – in each row the rest is one column left of it less another.

spaltenbeziehung.py reads such a column where three rows show it; a table of three rows with one slip shows it in
two, and was not read at all. The head names the relation here, so: the rows show one pair of columns whose
difference gives the rest in every row but one at most (and no other pair as often), one row at least shows it – a
row that misses is a slip where two rows hold, else „nicht eindeutig“. Only what spaltenbeziehung.py left: a rest it
read is not read again. Each run is looked at for a bounded number of column triples: linear in the document's
length."""

from __future__ import annotations

import re
from itertools import permutations

from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.aufbau.reihe import Reihe
from vorlagen.nachrechnen.aufbau.spaltenkopf import head_cell, heads_above
from vorlagen.nachrechnen.erkennen.spaltenbeziehung import runs_at
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl

_REST = re.compile(
    r"verbleib\w*|\bRest\w*|restlich\w*|noch\s+verfügbar|übrig\w*|nach\s+(?:Deckung|Abzug|Kürzung|Entnahme)",
    re.IGNORECASE,
)
_SURE = 2  # rows that hold for a row that misses to be a slip
_GRUND = "die Spalte ist aus zu wenigen Zeilen erschlossen"


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    found: list[Rechnung] = []
    for start, run in runs_at(reihen, min_rows=2):
        heads = heads_above(reihen, start)
        first = run[0][0]
        rests = [k for k, place in enumerate(first.eintraege) if _REST.search(head_cell(heads, place))]
        if len(rests) == 1 and len(first.eintraege) == len(run[0][1]):
            found += _read(run, rests[0], taken)
    return found


def _read(run: list[tuple[Reihe, list[Zahl]]], rest: int, taken: set) -> list[Rechnung]:
    holding = {
        (whole, part): holds
        for whole, part in permutations(range(rest), 2)
        if (holds := _holding(run, whole, part, rest)) is not None
    }
    best = max(holding.values(), default=0)
    pairs = [pair for pair, holds in holding.items() if holds == best]
    if best < 1 or len(pairs) != 1:
        return []  # no pair, or two as often: which is meant is open
    whole, part = pairs[0]
    sure = best >= _SURE
    found = []
    for reihe, values in run:
        result = reihe.fund(values[rest])
        if result.key in taken:
            continue
        found.append(
            Rechnung(
                f"Spalte {rest + 1} als Spalte {whole + 1} weniger Spalte {part + 1}, wie der Kopf der Tabelle sagt",
                "unterschied",
                [reihe.fund(values[whole]), reihe.fund(values[part])],
                result,
                f"{values[whole].zeige()} − {values[part].betrag()}",
                betrag=False,
                sicher=sure,
                grund="" if sure else _GRUND,
                rang=2,
                typ="restspalte",
            )
        )
    return found


def _holding(run: list[tuple[Reihe, list[Zahl]]], whole: int, part: int, rest: int) -> int | None:
    """The rows with figures other than 0 where the rest is the whole less the part; None where more than one such
    row misses."""
    holds = misses = 0
    for _, values in run:
        if not any(z.wert for z in (values[whole], values[part], values[rest])):
            continue
        if values[whole].wert - values[part].wert == values[rest].wert:
            holds += 1
        else:
            misses += 1
    return holds if misses <= 1 and holds >= misses else None
