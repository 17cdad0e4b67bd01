"""The last figure of a Haushaltssatzung's Finanzhaushalt (Hessen and others): „mit einem Zahlungsmittelfehlbedarf des
Haushaltsjahres von -577.730 EUR“, „… Zahlungsmitteldefizit …“, „Finanzmittelfehlbedarf“ – the Salden of the three
parts above it together: laufende Verwaltungstätigkeit, Investitionstätigkeit, Finanzierungstätigkeit – a part
without its Saldo given by its Gesamtbeträge (Hessen), its Einzahlungen less its Auszahlungen.

Each Saldo is found by its part: named in its own label (also wrapped onto the line above: „mit dem Saldo aus den
Einzahlungen und Auszahlungen“ / „aus laufender Verwaltungstätigkeit auf 425.917 EUR“), or – a bare „mit einem Saldo
von“ – by the pair of Einzahlungen and Auszahlungen right above it. Signs as the page gives them: a minus typed with
the figure or apart from it, or a side the label names in brackets („mit einem Saldo (Zahlungsmittelbedarf) von
7.431.400,- EUR“). Read only when all three parts have their Saldo within _LOOK_UP rows; then a mismatch is a slip."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.aufbau.reihe import Reihe
from vorlagen.nachrechnen.erkennen.haushaltssaldo import full_label
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, written_sum
from vorlagen.nachrechnen.woerter import FINANZHAUSHALT_PARTS

_RESULT = re.compile(
    r"Zahlungsmittel(?:überschuss|bedarf|fehlbedarf|defizit|fehlbetrag)\w*\s+des\s+Haushaltsjahres|"
    r"Finanzmittel(?:überschuss|fehlbedarf|bedarf|defizit|fehlbetrag)\w*\s+des\s+Haushaltsjahres|"
    r"^\W*des\s+Haushaltsjahres\s+von\W*$",
    re.IGNORECASE,
)
_SALDO = re.compile(r"\bSaldo\b", re.IGNORECASE)
_IN, _OUT = re.compile(r"\bEinzahlungen\b", re.IGNORECASE), re.compile(r"\bAuszahlungen\b", re.IGNORECASE)
_MINUS_SIDE = re.compile(r"bedarf|defizit|fehlbetrag", re.IGNORECASE)
_PLUS_SIDE = re.compile(r"überschuss", re.IGNORECASE)
_STOP = re.compile(r"Ergebnishaushalt|\bErträge\b|\bAufwendungen\b", re.IGNORECASE)
_LOOK_UP = 24  # rows above the result looked at for the three Salden


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    found: list[Rechnung] = []
    for index, reihe in enumerate(reihen):
        result = _amount(reihe)
        if result is None:
            continue
        label = full_label(reihen, index)[1]
        if not _RESULT.search(label) and not _closing_saldo(reihen, index, label):
            continue
        salden = _salden(reihen, index)
        if salden is None:
            continue
        # a Bedarf typed without its minus („… Zahlungsmittelbedarf … von 648.738“): the parts' sum turned round
        turned = -1 if result.wert > 0 and _sign(label, result) < 0 else 1
        signs = [sign * turned for _, _, sign in salden]
        parts = [part for _, part, _ in salden]
        found.append(
            Rechnung(
                "Zahlungsmittelbedarf/-überschuss des Haushaltsjahres aus den drei Salden darüber"
                if len(salden) == len(FINANZHAUSHALT_PARTS)
                else "Zahlungsmittelbedarf/-überschuss des Haushaltsjahres aus den Salden und Gesamtbeträgen darüber",
                "summe",
                [row.fund(part) for row, part, _ in salden],
                reihe.fund(result),
                written_sum(parts, signs),
                betrag=False,
                vorzeichen=signs,
                rang=4,
                typ="zahlungsmittelsaldo",
            )
        )
    return found


def _closing_saldo(reihen: list[Reihe], index: int, label: str) -> bool:
    """„mit einem Saldo (Zahlungsmittelbedarf) von 648.738,- EUR“ right under the Saldo of the Finanzierungstätigkeit:
    a Saldo that names no part of its own but a Bedarf or Überschuss, closing the three – the year's (k17 of the
    Zusatz)."""
    side = _MINUS_SIDE.search(label) or _PLUS_SIDE.search(label)  # not „Saldo aus haushaltsunwirksamen Vorgängen“
    if not _SALDO.search(label) or not side or any(words.search(label) for words in FINANZHAUSHALT_PARTS.values()):
        return False
    above = next((i for i in range(index - 1, max(-1, index - 3), -1) if reihen[i].werte), None)
    if above is None or _amount(reihen[above]) is None:
        return False
    above_label = full_label(reihen, above)[1]
    return bool(_SALDO.search(above_label)) and _part(reihen, above, above_label) == "finanzierung"


def _amount(reihe: Reihe) -> Zahl | None:
    money = [z for z in reihe.werte if z.einheit in ("€", "")]
    return money[0] if len(money) == 1 and len(reihe.werte) == 1 else None


def _sign(label: str, zahl: Zahl) -> int:
    """-1 for a figure typed with a minus (with it or apart), or unsigned under a label naming the Bedarf side."""
    if zahl.wert < 0 or zahl.minus:
        return -1
    side = re.search(r"\(([^()]{0,40})\)", label)
    named = side.group(1) if side else label
    return -1 if _MINUS_SIDE.search(named) and not _PLUS_SIDE.search(named) else 1


def _salden(reihen: list[Reihe], index: int) -> list[tuple[Reihe, Zahl, int]] | None:
    """The nearest Saldo of each part above the result – its row, amount and sign, in the order of FINANZHAUSHALT_PARTS – or, for a
    part the Satzung gives by its Gesamtbeträge (Hessen: „Einzahlungen aus Investitionstätigkeit auf“ /
    „Auszahlungen aus Investitionstätigkeit auf“), its Einzahlungen and its Auszahlungen taken off; None where a part
    has neither."""
    salden: dict[str, tuple[Reihe, Zahl, str]] = {}
    flows: dict[tuple[str, int], tuple[Reihe, Zahl]] = {}  # (part, +1 Einzahlungen / −1 Auszahlungen) → its row
    for above in range(index - 1, max(-1, index - 1 - _LOOK_UP), -1):
        reihe, label = reihen[above], full_label(reihen, above)[1]
        if _STOP.search(label) and not _SALDO.search(label):
            break  # the Ergebnishaushalt above the Finanzhaushalt
        amount = _amount(reihe)
        if amount is None:
            continue
        if not _SALDO.search(label):
            flow = _flow(reihe.label)
            if flow is not None:
                flows.setdefault(flow, (reihe, amount))
            continue
        part = _part(reihen, above, label)
        if part is not None and part not in salden:
            salden[part] = (reihe, amount, label)
        if len(salden) == len(FINANZHAUSHALT_PARTS):
            break
    found: list[tuple[Reihe, Zahl, int]] = []
    for part in FINANZHAUSHALT_PARTS:
        if part in salden:
            row, value, saldo_label = salden[part]
            found.append((row, value, _sign(saldo_label, value)))
        elif (part, 1) in flows and (part, -1) in flows and all(v.wert >= 0 for _, v in flows.values()):
            found += [(*flows[(part, 1)], 1), (*flows[(part, -1)], -1)]
        else:
            return None
    return found


def _flow(label: str) -> tuple[str, int] | None:
    """(part, +1) for a row of the Einzahlungen of one part, (part, −1) for its Auszahlungen; None otherwise."""
    named = [part for part, words in FINANZHAUSHALT_PARTS.items() if words.search(label)]
    inflow, outflow = bool(_IN.search(label)), bool(_OUT.search(label))
    if len(named) != 1 or inflow == outflow:
        return None
    return named[0], 1 if inflow else -1


def _part(reihen: list[Reihe], index: int, label: str) -> str | None:
    """The part a Saldo names, or – „mit einem Saldo von“ – the part of the Einzahlungen and Auszahlungen above it."""
    named = [part for part, words in FINANZHAUSHALT_PARTS.items() if words.search(label)]
    if len(named) == 1:
        return named[0]
    if named:
        return None
    rows = [r for r in reihen[max(0, index - 4) : index] if r.werte][-2:]
    if len(rows) != 2 or not (_IN.search(rows[0].label) and _OUT.search(rows[1].label)):
        return None
    pair = [[part for part, words in FINANZHAUSHALT_PARTS.items() if words.search(r.label)] for r in rows]
    return pair[0][0] if pair[0] == pair[1] and len(pair[0]) == 1 else None
