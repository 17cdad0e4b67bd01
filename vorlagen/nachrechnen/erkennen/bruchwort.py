"""A share a paragraph names as a fraction in words: „… einen Investitionszuschuss i. H. v. 820.107,00 EUR bewilligt.
Hinzu kommt ein Eigenanteil von einem Neuntel des Zuschusskontingentes. Dieser Eigenanteil beläuft sich auf
91.123,00 EUR“ – one amount of the paragraph is that fraction of an amount before it.

A guess that only confirms: the words do not say which two amounts they tie, so a pair whose part is the fraction of
its whole, rounded as the part is typed, is read (and so „stimmt“); no pair fits, nothing is read and the
paragraph's figures stay „nicht geprüft“ – a slip here is never raised. One paragraph is a line (as a
council information system stores it); each fraction word looks at a bounded number of amounts."""

from __future__ import annotations

import re
from decimal import Decimal

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl
from vorlagen.nachrechnen.lesen.zeile import Zeile

_COUNTS = {"ein": 1, "einem": 1, "einen": 1, "eines": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5}
_PARTS = {
    "drittel": 3,
    "viertel": 4,
    "fünftel": 5,
    "sechstel": 6,
    "siebtel": 7,
    "achtel": 8,
    "neuntel": 9,
    "zehntel": 10,
}
_FRACTION_WORD = re.compile(
    r"\b(?P<zaehler>ein|einem|einen|eines|zwei|drei|vier|fünf)\s+"
    r"(?P<teil>Drittel|Viertel|Fünftel|Sechstel|Siebtel|Achtel|Neuntel|Zehntel)n?\b",
    re.IGNORECASE,
)
_MAX_AMOUNTS = 8  # amounts of the paragraph a fraction word looks at


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    standing = [r for r in prior if r.steht()]
    taken = {r.ergebnis.key for r in standing}
    found: list[Rechnung] = []
    for zeile in zeilen:
        words = [_fraction(m) for m in _FRACTION_WORD.finditer(zeile.text)]
        fractions = sorted({f for f in words if f is not None})
        if not fractions:
            continue
        money = [z for z in zeile.zahlen if z.geld and z.tiefe == 0 and z.wert][:_MAX_AMOUNTS]
        for zaehler, nenner in fractions:
            for rechnung in _holding(zeile, money, zaehler, nenner):
                if rechnung.ergebnis.key not in taken:
                    found.append(rechnung)
                    taken.add(rechnung.ergebnis.key)
    return found


def _fraction(match: re.Match[str]) -> tuple[int, int] | None:
    zaehler, nenner = _COUNTS[match["zaehler"].lower()], _PARTS[match["teil"].lower()]
    return (zaehler, nenner) if zaehler < nenner else None


def _holding(zeile: Zeile, money: list[Zahl], zaehler: int, nenner: int) -> list[Rechnung]:
    """Each amount that is the fraction of an amount before it, rounded as it is typed (the first such whole)."""
    found = []
    for index, part in enumerate(money):
        for whole in money[:index]:
            if whole.skala != part.skala or abs(part.wert) >= abs(whole.wert):
                continue
            rechnung = _rechnung(zeile, whole, part, zaehler, nenner)
            if rechnung.haelt():
                found.append(rechnung)
                break
    return found


def _rechnung(zeile: Zeile, whole: Zahl, part: Zahl, zaehler: int, nenner: int) -> Rechnung:
    return Rechnung(
        "Bruchteil in Worten („ein Neuntel“, „zwei Drittel“)",
        "vielfaches",
        [Fund(zeile, whole)],
        Fund(zeile, part),
        f"{zaehler}/{nenner} von {whole.betrag()}",
        faktor=Decimal(zaehler),
        nenner=Decimal(nenner),
        sicher=False,
        rang=1,
        typ="bruchwort",
    )
