"""A row of one amount, the rows under it that take something off („abzgl. Abschlagszahlungen“, „./. Zuschuss“),
and the row after them – what is left: „Defizit / Anteil der Kommunen 333.471,76 €“, „abzgl. Abschlagszahlungen
305.990,00 €“, „Nachzahlung der Kommunen 27.481,76 €“, as a council page stores it one cell per line or as rows.

The row after the deductions is their result where its label says so (a rest, a Saldo, a Defizit, a Nachzahlung,
an Eigenanteil, „verbleibt“, „=“), or where the rows set it apart (it is bold, or the first row is a Zwischensumme):
then a mismatch is a slip. Where its label names no result, it may be the next
item of a list: what holds is confirmed, what does not claims nothing. Only rows of one amount each, of one unit
and scale, none a total another reading has read; the deductions are the rows whose label opens with „abzgl.“,
„abzüglich“ or „./.“ (a dash opening a row may be a bullet)."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.aufbau.reihe import Reihe
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, written_sum
from vorlagen.nachrechnen.woerter import RESULT_WORD, SUBTOTAL

_TAKES_OFF = re.compile(r"^\W*(?:abzgl\.|abzüglich|\./\.)", re.IGNORECASE)
_NAMES_RESULT = re.compile(
    r"\b(?:Defizit\w*|Nachzahlung\w*|Erstattung\w*|Eigenanteil\w*|Eigenmittel\w*|Fehlbedarf\w*|Zuschussbedarf\w*)\b"
    r"|=",
    re.IGNORECASE,
)
_GAP = 2  # rows without an amount (empty, a wrapped label) passed over between the rows of one calculation
_MAX_DEDUCTIONS = 12
_MAX_COLUMNS = 6  # amounts of a row, at most
_SHOWN = 2  # columns that hold for the rows to show their result


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    found: list[Rechnung] = []
    filled = [i for i, r in enumerate(reihen) if r.werte]
    for place, index in enumerate(filled):
        if not _deduction(reihen[index]) or place == 0 or _deduction(reihen[filled[place - 1]]):
            continue  # the first of a run of deductions
        base = filled[place - 1]
        run = [index]
        for nxt in filled[place + 1 : place + 1 + _MAX_DEDUCTIONS]:
            if not _deduction(reihen[nxt]) or nxt - run[-1] > _GAP + 1:
                break
            run.append(nxt)
        after = filled[place + len(run)] if place + len(run) < len(filled) else None
        if after is None or index - base > _GAP + 1 or after - run[-1] > _GAP + 1:
            continue
        rows = [reihen[base], *(reihen[i] for i in run), reihen[after]]
        found += [reading for reading in _readings(rows) if reading.ergebnis.key not in taken]
    return found


def _deduction(reihe: Reihe) -> bool:
    return bool(_TAKES_OFF.match(reihe.label))


def _columns(rows: list[Reihe]) -> list[list[Zahl]]:
    """The rows' amounts column by column: as many in every row (one to _MAX_COLUMNS), in euros or without a unit."""
    width = len(rows[0].werte)
    if not 1 <= width <= _MAX_COLUMNS or any(len(r.werte) != width for r in rows):
        return []
    if any(z.einheit not in ("€", "") for r in rows for z in r.werte):
        return []
    return [[r.werte[c] for r in rows] for c in range(width)]


def _readings(rows: list[Reihe]) -> list[Rechnung]:
    """Each column's first amount less the deductions under it. The rows set the last apart as their result where
    its label says so, it is bold, or the first row is a Zwischensumme – or, in rows of several columns, where two
    columns at least hold and one at most does not (the columns show it, as rows show a column's relation)."""
    columns = [zahlen for zahlen in _columns(rows) if _fits(rows, zahlen)]
    if not columns:
        return []
    named = bool(RESULT_WORD.search(rows[-1].label) or _NAMES_RESULT.search(rows[-1].label))
    named = named or rows[-1].zeile.fett or bool(SUBTOTAL.search(rows[0].label))
    holding = [_left(zahlen[:-1]) == zahlen[-1].wert for zahlen in columns]
    shown = len(columns) == len(rows[0].werte) and holding.count(True) >= _SHOWN and holding.count(False) <= 1
    return [_reading(rows, zahlen, named or shown) for zahlen in columns]


def _fits(rows: list[Reihe], zahlen: list[Zahl]) -> bool:
    """One unit and scale, a result typed without a minus, more at the start than is taken off (else a Fehlbetrag,
    typed with or without its sign – not read so)."""
    if len({(z.einheit, z.skala) for z in zahlen}) != 1 or rows[-1].minus or zahlen[0].wert < 0:
        return False
    return zahlen[0].wert >= sum(abs(z.wert) for z in zahlen[1:-1])


def _left(parts: list[Zahl]) -> object:
    return parts[0].wert - sum(abs(z.wert) for z in parts[1:])


def _reading(rows: list[Reihe], zahlen: list[Zahl], sure: bool) -> Rechnung:
    *parts, result = zahlen
    signs = [1] + [-1] * (len(parts) - 1)
    return Rechnung(
        "Betrag abzüglich der Zeilen „abzgl.“ darunter",
        "saldo",
        [r.fund(z) for r, z in zip(rows, parts, strict=False)],
        rows[-1].fund(result),
        written_sum(parts, signs),
        sicher=sure,
        vorzeichen=signs,
        typ="abzugsreihen",
    )
