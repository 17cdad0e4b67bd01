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
        reading = _reading(rows)
        if reading is not None and reading.ergebnis.key not in taken:
            found.append(reading)
    return found


def _deduction(reihe: Reihe) -> bool:
    return bool(_TAKES_OFF.match(reihe.label))


def _one(reihe: Reihe) -> Zahl | None:
    return reihe.werte[0] if len(reihe.werte) == 1 and reihe.werte[0].einheit in ("€", "") else None


def _reading(rows: list[Reihe]) -> Rechnung | None:
    figures = [_one(r) for r in rows]
    if any(z is None for z in figures):
        return None
    zahlen = [z for z in figures if z is not None]
    if len({(z.einheit, z.skala) for z in zahlen}) != 1 or rows[-1].minus or zahlen[0].wert < 0:
        return None
    *parts, result = zahlen
    if parts[0].wert < sum(abs(z.wert) for z in parts[1:]):
        return None  # more taken off than there is: a Fehlbetrag, typed with or without its sign – not read so
    signs = [1] + [-1] * (len(parts) - 1)
    # … or where the rows set it apart as their result: a bold last row, or a Zwischensumme the deductions follow
    # („Zwischensumme 2.028.800 | abzgl. sonstige Erlöse -142.600 | **Gebührenfähige Kosten** 1.886.200“)
    named = bool(RESULT_WORD.search(rows[-1].label) or _NAMES_RESULT.search(rows[-1].label))
    named = named or rows[-1].zeile.fett or bool(SUBTOTAL.search(rows[0].label))
    return Rechnung(
        "Betrag abzüglich der Zeilen „abzgl.“ darunter",
        "saldo",
        [r.fund(z) for r, z in zip(rows, parts, strict=False)],
        rows[-1].fund(result),
        written_sum(parts, signs),
        sicher=named,
        vorzeichen=signs,
        typ="abzugsreihen",
    )
