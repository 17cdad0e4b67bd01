"""Rows that name the rows they come from: „2.3 Finanzierungsmittelüberschuss (Saldo aus 2.1 und 2.2) | 200.607,48“.
A Saldo is the sum of the named rows as typed (a deficit typed with its minus) or, of two rows, the first less
the second (Erträge less Aufwendungen). Only confirmed: which reading is meant is a guess."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, show
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.woerter import FROM_ROWS

_NUMBERED = re.compile(r"^\s*(?P<nr>\d{1,2}(?:\.\d{1,2})+)\.?\s")
_REF = re.compile(r"\d{1,2}(?:\.\d{1,2})+")
_MAX_ROWS = 1000  # numbered rows remembered


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    """Adds the Saldo or Summe of each row that names the rows it comes from."""
    found: list[Rechnung] = []
    rows: dict[str, tuple[Zeile, Zahl]] = {}
    for zeile in zeilen:
        numbered = _NUMBERED.match(zeile.text)
        if not numbered:
            continue
        values = [z for z in zeile.zahlen if z.tiefe == 0 and not re.fullmatch(r"(?:19|20)\d\d", z.text)]
        if len(values) != 1:
            continue
        named = FROM_ROWS.search(zeile.text)
        if named and all(ref in rows for ref in _REF.findall(named["refs"])):
            _add(zeile, values[0], [rows[ref] for ref in _REF.findall(named["refs"])], found)
        if len(rows) < _MAX_ROWS:
            rows[numbered["nr"]] = (zeile, values[0])
    return found


def _add(zeile: Zeile, result: Zahl, parts: list[tuple[Zeile, Zahl]], found: list[Rechnung]) -> None:
    values = [z.wert for _, z in parts]
    signs = [1] * len(parts)
    if sum(values) != result.wert and len(parts) == 2 and values[0] - abs(values[1]) == result.wert:
        signs = [1, -1]
    shown = " ".join(
        ("+ " if i and s > 0 else "− " if s < 0 else "") + (z.betrag() if s < 0 else _signed(z, i))
        for i, (s, (_, z)) in enumerate(zip(signs, parts))
    )
    found.append(
        Rechnung(
            "Saldo oder Summe der genannten Zeilen",
            "saldo",
            [Fund(line, z) for line, z in parts],
            Fund(zeile, result),
            shown,
            betrag=False,
            vorzeichen=signs,
            sicher=False,
            grund="ein Saldo kann die Summe der Zeilen oder ihre Differenz sein",
            typ="verweis",
        )
    )


def _signed(zahl: Zahl, position: int) -> str:
    text = show(zahl.wert, zahl)
    return f"({text})" if position and zahl.wert < 0 else text
