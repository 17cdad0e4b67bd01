"""A doubling or halving in prose: „die 10.000 € auf 20.000 € zu verdoppeln“, „die Verdopplung der Mittel von
10.000 € auf 20.000 €“, „halbiert von 8.000 € auf 4.000 €“ – the second amount is twice (half) the first.

The verb sits right after the pair or shortly before it, with no other figure and no end of a sentence between; the
two amounts are joined by nothing but „auf“. People say „verdoppeln“ loosely too, so a pair that does not fit is
„nicht eindeutig“, never a slip; a hedge („mehr als verdoppelt“, „fast halbiert“) leaves the pair alone. Every look is
bounded."""

from __future__ import annotations

import re
from decimal import Decimal

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, look_back
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.woerter import DOUBLING, HEDGE

_JOIN = re.compile(r"\s+auf\s+")
_AFTER = re.compile(r"\s*(?:zu\s+)?(?=verdoppel|verdoppl|halbier)", re.IGNORECASE)
_STOP = re.compile(r"[.;:!?]\s|\d")  # an end of a sentence or another figure between the verb and the pair
_LOOK_BACK = 40
_LOOK_AHEAD = 20


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior}
    found: list[Rechnung] = []
    for zeile in zeilen:
        money = [z for z in zeile.zahlen if z.geld]
        for erst, zweit in zip(money, money[1:]):
            rechnung = _pair(zeile, erst, zweit)
            if rechnung is not None and rechnung.ergebnis.key not in taken:
                found.append(rechnung)
    return found


def _pair(zeile: Zeile, erst: Zahl, zweit: Zahl) -> Rechnung | None:
    text = zeile.text
    if not _JOIN.fullmatch(text[erst.ende : zweit.start]) or erst.skala != zweit.skala:
        return None
    verb = _verb(text, erst, zweit)
    if verb is None or HEDGE.search(look_back(text, verb.start(), _LOOK_BACK)):
        return None
    if HEDGE.search(look_back(text, erst.start, _LOOK_BACK)):
        return None
    halb = verb.group(0).lower().startswith("halbier")
    faktor = Decimal("0.5") if halb else Decimal(2)
    return Rechnung(
        "Halbierung „von … auf …“" if halb else "Verdopplung „von … auf …“",
        "vielfaches",
        [Fund(zeile, erst)],
        Fund(zeile, zweit),
        f"{'1/2' if halb else '2'} × {erst.betrag()}",
        faktor=faktor,
        sicher=False,
        grund="„verdoppeln“ und „halbieren“ stehen auch für ein ungefähres Doppeltes oder eine ungefähre Hälfte",
        rang=1,
        typ="verdopplung",
    )


def _verb(text: str, erst: Zahl, zweit: Zahl) -> re.Match[str] | None:
    """The doubling word right after the pair („… auf 20.000 € zu verdoppeln“) or shortly before it („Verdopplung
    der Mittel von 10.000 € auf …“)."""
    after = _AFTER.match(text, zweit.ende)
    if after is not None and after.end() - zweit.ende <= _LOOK_AHEAD:
        return DOUBLING.match(text, after.end())
    start = max(0, erst.start - _LOOK_BACK)
    words = list(DOUBLING.finditer(text, start, erst.start))
    if words and not _STOP.search(text, words[-1].end(), erst.start):
        return words[-1]
    return None
