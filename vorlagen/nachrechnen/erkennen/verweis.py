"""Rows that name the rows they come from: „2.3 Finanzierungsmittelüberschuss (Saldo aus 2.1 und 2.2) | 200.607,48“.
A Saldo is the sum of the named rows as typed (a deficit typed with its minus) or, of two rows, the first less
the second (Erträge less Aufwendungen). Only confirmed: which reading is meant is a guess – unless both readings
are the same (the second row typed with its minus).

A page that stores a table one cell per line sets a row's number alone on a line, its label on the next and one
figure a line for each column after it („1.3“ / „Ordentliches Ergebnis (Saldo aus 1.1 und 1.2)“ / „5.583.964,68“ /
„- 3.723.200“): each column is the Saldo of the same column of the named rows."""

from __future__ import annotations

import re
from dataclasses import replace

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, show
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.woerter import FROM_ROWS, OUTLINE

_REF = re.compile(r"\d{1,2}(?:\.\d{1,2})+")
_MAX_ROWS = 1000  # numbered rows remembered
_BELOW = 2  # lines below a row with no figure looked at for its figure (a blank line between)
# „… (Saldo aus 1.3 und 1.4) von | - | 1.438.010 €“ or a line „| - | 1.438.010 €“: a minus in a cell of its own before
# the figure, after the words of a Satzung's sentence or nothing – after a label alone it is an empty column's dash
_MINUS_CELL = re.compile(r"(?:^|\b(?:von|auf|mit))\s*\t\s*[-−–]\s*\t\s*$")
_NUMBER_ALONE = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2})+)\.?\s*$")  # „1.3“ alone: a row stored one cell a line
_CELLS = 8  # lines after a row's number alone looked at for its label and its figures
_UNIT_CELL = re.compile(r"^\s*[-−–]?\s*[\d.,\s]+\s*(?:€|EUR|Euro|T€|TEUR)?\s*$")  # a figure alone in its cell


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    """Adds the Saldo or Summe of each row that names the rows it comes from."""
    found: list[Rechnung] = []
    rows: dict[str, list[tuple[Zeile, Zahl]]] = {}
    for index, zeile in enumerate(zeilen):
        numbered = OUTLINE.match(zeile.text) or _NUMBER_ALONE.match(zeile.text)
        if not numbered:
            continue
        label, columns = _cells(zeilen, index) if _NUMBER_ALONE.match(zeile.text) else (zeile.text, None)
        if columns is None:
            value = _value(zeile) or _value_below(zeilen, index)
            columns = [value] if value else []
        if not columns:
            continue
        named = FROM_ROWS.search(label)
        refs = _REF.findall(named["refs"]) if named else []
        if named and all(len(rows.get(ref, ())) == len(columns) for ref in refs):
            difference = named[0].startswith("Differenz")
            for column, (line, result) in enumerate(columns):
                _add(line, result, [rows[ref][column] for ref in refs], found, difference=difference)
        if len(rows) < _MAX_ROWS:
            rows[numbered[1]] = columns
    return found


def _cells(zeilen: list[Zeile], index: int) -> tuple[str, list[tuple[Zeile, Zahl]]]:
    """The label and the figures of a row whose number stands alone on line `index`: the lines with words up to the
    first figure make the label, then each line with one figure alone (a unit at most) is a column's cell, up to the
    next line with words or a number. A row whose lines do not have this shape has no cells."""
    label: list[str] = []
    columns: list[tuple[Zeile, Zahl]] = []
    for zeile in zeilen[index + 1 : index + 1 + _CELLS]:
        if not zeile.text.strip():
            continue
        if _NUMBER_ALONE.match(zeile.text) or OUTLINE.match(zeile.text):
            break
        if not _UNIT_CELL.match(zeile.text):
            if columns:
                break
            label.append(zeile.text)
            continue
        value = _value(zeile)
        if not label or value is None:
            return "", []
        columns.append(value)
    return " ".join(label), columns


def _value(zeile: Zeile) -> tuple[Zeile, Zahl] | None:
    """The row's one figure (no year), signed by a minus in a cell of its own before it (_MINUS_CELL)."""
    values = [z for z in zeile.zahlen if z.tiefe == 0 and not re.fullmatch(r"(?:19|20)\d\d", z.text)]
    if len(values) != 1:
        return None
    zahl = values[0]
    if _MINUS_CELL.search(zeile.text[: zahl.start]) and zahl.wert > 0:
        zahl = replace(zahl, wert=-zahl.wert, minus=True)
    return zeile, zahl


def _value_below(zeilen: list[Zeile], index: int) -> tuple[Zeile, Zahl] | None:
    """„1.3. Ordentliches Ergebnis (Saldo aus 1.1 und 1.2) von“, a blank line, „- 1.438.010 €“: a row with no figure
    whose figure a page set on the next line with text, alone there (no words, not numbered)."""
    if zeilen[index].zahlen:
        return None
    below = next((z for z in zeilen[index + 1 : index + 1 + _BELOW] if z.text.strip()), None)
    if below is None or OUTLINE.match(below.text) or re.search(r"[A-Za-zÄÖÜäöüß]{2}", below.text):
        return None
    value = _value(below)
    if value is None or not (value[1].einheit or "." in value[1].text or "," in value[1].text):
        return None  # „12“ alone under a row is a page's number more likely than its figure
    return value


def _add(
    zeile: Zeile, result: Zahl, parts: list[tuple[Zeile, Zahl]], found: list[Rechnung], *, difference: bool
) -> None:
    """A Saldo of two rows whose second is typed with its minus is their sum either way it is read (the first less
    the second's amount is the same): sure – unless the row calls itself a Differenz (the first less the second as
    typed would be a third reading)."""
    values = [z.wert for _, z in parts]
    signs = [1] * len(parts)
    if sum(values) != result.wert and len(parts) == 2 and values[0] - abs(values[1]) == result.wert:
        signs = [1, -1]
    sure = len(parts) == 2 and values[1] < 0 and not difference
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
            sicher=sure,
            grund="" if sure else "ein Saldo kann die Summe der Zeilen oder ihre Differenz sein",
            typ="verweis",
        )
    )


def _signed(zahl: Zahl, position: int) -> str:
    text = show(zahl.wert, zahl)
    return f"({text})" if position and zahl.wert < 0 else text
