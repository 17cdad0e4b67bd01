"""The Saldo rows of a Nachtrag table („Jahresüberschuss“, „Saldo aus Investitionstätigkeit“ under its pair of
Erträge and Aufwendungen, Ein- and Auszahlungen): its amounts bisher and nunmehr are those of the first row less the
second, and its change is the net of theirs – (Erträge erhöht − vermindert) − (Aufwendungen erhöht − vermindert).

A row that leaves one of „erhöht um“ and „vermindert um“ empty names its change without its direction; the direction
is then that of its amounts (nunmehr less bisher), and is only taken where the change is that difference. A Saldo
typed without its sign under a label that names a Fehlbetrag („Jahresfehlbetrag 689.800“) is compared by its
amount, any other with its sign (haushaltssaldo.saldo_reading); rows that fill every column leave their amounts to
haushaltssaldo.py. A row that names one side only („Jahresüberschuss“) is a guess; „Saldo“ or both sides make the
reading sure."""

from __future__ import annotations

from dataclasses import replace

from vorlagen.nachrechnen.aufbau.plaetze import values
from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.aufbau.reihe import NULL, WERT, Reihe
from vorlagen.nachrechnen.erkennen.haushaltssaldo import (
    both_sides,
    deficit_only,
    saldo_kind,
    saldo_pair,
    saldo_reading,
)
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, written_sum

_STATES = ("alt", "neu")


def row_figures(reihe: Reihe) -> list[Zahl]:
    """A row's figures: one a cell, else in the order typed, whatever cells a page made."""
    return values(reihe) or reihe.werte


def row_cells(reihe: Reihe, roles: list[str]) -> dict[str, Zahl]:
    """The row's figure for each role when it fills every column; else empty."""
    figures = row_figures(reihe)
    return dict(zip(roles, figures, strict=True)) if len(figures) == len(roles) else {}


def dashed_cells(reihe: Reihe, roles: list[str]) -> dict[str, Zahl]:
    """The row's figure for each role where its cells give every column, a change column left with a dash („- €“:
    nothing) – the dash says which column is empty; else empty (also where bisher or nunmehr is a dash)."""
    places = reihe.eintraege
    if len(places) != len(roles) or any(
        p.art not in (WERT, NULL) or p.art == WERT and len(p.zahlen) != 1 for p in places
    ):
        return {}
    cells = {role: p.zahlen[0] for role, p in zip(roles, places, strict=True) if p.art == WERT}
    return cells if "alt" in cells and "neu" in cells and len(cells) < len(roles) else {}


def readings(roles: list[str], rows: list[Reihe]) -> list[Rechnung]:
    found: list[Rechnung] = []
    for first, second, saldo in zip(rows, rows[1:], rows[2:]):
        kind = saldo_kind(saldo.label)
        if kind is None or not saldo_pair(kind, saldo.label, first.label, second.label):
            continue
        sure = both_sides(saldo.label)
        cells = [_states(r, roles) for r in (first, second, saldo)]
        if not all(cells):
            continue
        full = [row_cells(r, roles) for r in (first, second, saldo)]
        if not all(full):  # rows that fill every column: haushaltssaldo.py reads their amounts
            a, b, s = cells
            deficit = deficit_only(saldo.label)
            for state in _STATES:
                reading = saldo_reading(first, second, saldo, (a[state], b[state], s[state]), deficit)
                found.append(replace(reading, sicher=sure))
        triple = (first, second, saldo)
        change = _change(full, triple, sure) if all(full) else _change_of_states(cells, triple, sure)
        if change is not None:
            found.append(change)
    return found


def _states(reihe: Reihe, roles: list[str]) -> dict[str, Zahl]:
    """bisher, nunmehr and the change figures of a row: of every column, or of all but the empty one of „erhöht
    um“ and „vermindert um“ (then under the key `change`); else empty."""
    figures = row_figures(reihe)
    if len(figures) == len(roles):
        return dict(zip(roles, figures, strict=True))
    if len(figures) != len(roles) - 1 or not {"plus", "minus"} <= set(roles):
        return {}
    at = min(roles.index("plus"), roles.index("minus"))
    kept = [r for r in roles if r not in ("plus", "minus")]
    kept.insert(at, "change")
    cells = dict(zip(kept, figures, strict=True))
    return cells if "alt" in cells and "neu" in cells else {}


def _change(cells: list[dict[str, Zahl]], rows: tuple[Reihe, Reihe, Reihe], sure: bool) -> Rechnung | None:
    """Every row fills every column: the Saldo's change in the column it fills, from the changes above."""
    first, second, saldo = rows
    a, b, s = cells
    if any(c[r].wert < 0 for c in cells for r in ("plus", "minus")):
        return None  # a change typed with a sign: the columns do not carry the direction alone
    result, other = ("minus", "plus") if s["plus"].wert == 0 and s["minus"].wert != 0 else ("plus", "minus")
    parts = [a[result], a[other], b[result], b[other], s[other]]
    figures = [first, first, second, second, saldo]
    return Rechnung(
        "Nachtrag: Veränderung des Saldos aus den Veränderungen der zwei Zeilen darüber",
        "saldo",
        [r.fund(z) for r, z in zip(figures, parts, strict=True)],
        saldo.fund(s[result]),
        written_sum(parts, [1, -1, -1, 1, 1], signed=True),
        betrag=False,
        vorzeichen=[1, -1, -1, 1, 1],
        sicher=sure,
        rang=3,
        typ="nachtrag",
    )


def _change_of_states(cells: list[dict[str, Zahl]], rows: tuple[Reihe, Reihe, Reihe], sure: bool) -> Rechnung | None:
    """Rows that leave one change column empty: each change takes the direction of its row's amounts (nunmehr less
    bisher) where it is that difference; the Saldo's change is the first row's less the second's, by amount."""
    if not all("change" in c for c in cells):
        return None
    directions = []
    for c in cells:
        moved = c["neu"].wert - c["alt"].wert
        if abs(moved) != abs(c["change"].wert) or not moved:
            return None  # the row does not hold: which way its change goes, its amounts do not say
        directions.append(1 if moved > 0 else -1)
    signs = [directions[0], -directions[1]]
    if signs[0] * abs(cells[0]["change"].wert) + signs[1] * abs(cells[1]["change"].wert) < 0:
        signs = [-sign for sign in signs]
    parts = [cells[0]["change"], cells[1]["change"]]
    return Rechnung(
        "Nachtrag: Veränderung des Saldos aus den Veränderungen der zwei Zeilen darüber",
        "saldo",
        [rows[0].fund(parts[0]), rows[1].fund(parts[1])],
        rows[2].fund(cells[2]["change"]),
        written_sum(parts, signs),
        vorzeichen=signs,
        sicher=sure,
        rang=3,
        typ="nachtrag",
    )
