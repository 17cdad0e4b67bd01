"""The Eigenkapital a Haushaltssatzung states at the end of two years (Rheinland-Pfalz and others: „zum 31.12.2024
voraussichtlich 629.988,15 EUR und zum 31.12.2025 voraussichtlich 644.058,15 EUR“): the later is the earlier plus
the Jahresergebnis the Satzung sets for the Ergebnishaushalt („der Jahresüberschuss auf 14.070,00 EUR“).

The Satzung does not say that nothing else changes the Eigenkapital: a stand that holds is confirmed, one that does
not is „nicht eindeutig“ with the reading – never a slip. Read only where the document names one Jahresergebnis."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, look_back
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.woerter import DEFICIT, SURPLUS

_EIGENKAPITAL = re.compile(r"\bEigenkapital", re.IGNORECASE)
_DATE = re.compile(r"31\.\s?12\.\s?(?P<year>(?:19|20)\d\d)\D{0,40}$")
_RESULT = re.compile(r"\bJahres(?:überschuss|fehlbetrag|ergebnis)\b", re.IGNORECASE)
_LOOK_BACK = 60
_NEXT = 2  # lines below a label that may hold its amount (a page that stores one cell per line)
_GRUND = "ob sich das Eigenkapital nur um das Jahresergebnis ändert, sagt die Satzung nicht"


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    found: list[Rechnung] = []
    stands = [(z, s) for z in zeilen if _EIGENKAPITAL.search(z.text) for s in [_stands(z)] if s]
    if len(stands) != 1:
        return found
    zeile, (earlier, later) = stands[0]
    results = _results(zeilen)
    if len(results) != 1:
        return found
    place, result, sign = results[0]
    found.append(
        Rechnung(
            "Eigenkapital am Jahresende: das des Vorjahres und das Jahresergebnis",
            "saldo",
            [Fund(zeile, earlier), Fund(place, result)],
            Fund(zeile, later),
            f"{earlier.zeige()} {'+' if sign > 0 else '−'} {result.betrag()}",
            betrag=False,
            vorzeichen=[1, sign],
            sicher=False,
            grund=_GRUND,
            rang=1,
            typ="eigenkapital",
        )
    )
    return found


def _stands(zeile: Zeile) -> tuple[Zahl, Zahl] | None:
    """The amounts of the line dated 31.12. of two years after one another, the later last."""
    dated: list[tuple[int, Zahl]] = []
    for zahl in zeile.zahlen:
        match = _DATE.search(look_back(zeile.text, zahl.start, _LOOK_BACK))
        if zahl.einheit == "€" and match:
            dated.append((int(match["year"]), zahl))
    if len(dated) < 2 or dated[-1][0] != dated[-2][0] + 1:
        return None
    return dated[-2][1], dated[-1][1]


def _results(zeilen: list[Zeile]) -> list[tuple[Zeile, Zahl, int]]:
    """Each Jahresergebnis the document sets, with the sign its label gives an amount typed without one."""
    results = []
    for index, zeile in enumerate(zeilen):
        if not _RESULT.search(zeile.text) or _EIGENKAPITAL.search(zeile.text):
            continue
        candidates = [(zeile, z) for z in zeile.zahlen if z.einheit == "€"]
        if not zeile.zahlen:
            below = [z for z in zeilen[index + 1 : index + 1 + _NEXT] if z.text.strip()][:1]
            candidates = [(z, z.zahlen[0]) for z in below if len(z.zahlen) == 1 and z.zahlen[0].einheit != "%"]
        if len(candidates) != 1:
            return []  # a Jahresergebnis in several columns or years: which one, the line does not say
        place, amount = candidates[0]
        label = zeile.text[: amount.start] if place is zeile else zeile.text
        deficit = bool(DEFICIT.search(label)) and not SURPLUS.search(label)
        results.append((place, amount, -1 if deficit and amount.wert > 0 else 1))
    return results
