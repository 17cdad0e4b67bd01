"""An amount per unit a paragraph gives after the amount and the count it divides: „Die 200.000 Euro werden auf 800
Krippenplätze in den Kitas aufgeteilt, ca. 250 Euro/Kind“, „… 1,2 Mio. € für 4.800 Einwohner, also 250 € je
Einwohner“ – the amount per unit is an amount before it divided by a count before it.

A guess that only confirms: the words do not say which amount and which count they divide, so a pair that gives the
amount per unit, rounded as it is typed, is read (and so „stimmt“); no pair gives it, nothing is read and its figures
stay „nicht geprüft“ – a slip here is never raised. One paragraph is a line (as a council information system stores
it); each amount per unit looks at a bounded number of amounts and counts before it."""

from __future__ import annotations

import re
from fractions import Fraction

from vorlagen.core.money import round_half_up
from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl
from vorlagen.nachrechnen.lesen.zeile import Zeile

_PER_UNIT = re.compile(r"\s*(?:/\s*|(?:je|pro)\s+)[A-ZÄÖÜ][\wÄÖÜäöüß-]*")  # „/Kind“, „je Einwohner“, „pro Platz“
_LOOK_BACK = 8  # amounts and counts before the amount per unit that are tried
_YEAR = range(1900, 2101)


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    found: list[Rechnung] = []
    for zeile in zeilen:
        if "je " not in zeile.text and "pro " not in zeile.text and "/" not in zeile.text:
            continue
        for index, per_unit in enumerate(zeile.zahlen):
            if not per_unit.geld or per_unit.tiefe or not _PER_UNIT.match(zeile.text, per_unit.ende):
                continue
            if Fund(zeile, per_unit).key in taken:
                continue
            rechnung = _division(zeile, zeile.zahlen[:index], per_unit)
            if rechnung is not None:
                found.append(rechnung)
    return found


def _division(zeile: Zeile, before: list[Zahl], per_unit: Zahl) -> Rechnung | None:
    """The nearest amount and count before the amount per unit that give it."""
    amounts = [z for z in before if z.geld and z.tiefe == 0 and abs(z.wert) > abs(per_unit.wert)][-_LOOK_BACK:]
    counts = [z for z in before if _count(z)][-_LOOK_BACK:]
    for amount in reversed(amounts):
        for count in reversed(counts):
            exact = Fraction(abs(amount.wert)) / Fraction(count.wert)
            if round_half_up(exact, per_unit.schritt) == abs(per_unit.wert):
                return Rechnung(
                    "Betrag je Einheit („250 Euro/Kind“, „je Einwohner“)",
                    "division",
                    [Fund(zeile, amount), Fund(zeile, count)],
                    Fund(zeile, per_unit),
                    f"{amount.betrag()} / {count.betrag()}",
                    sicher=False,
                    rang=1,
                    typ="je_einheit",
                )
    return None


def _count(zahl: Zahl) -> bool:
    """A count: a whole number of two or more without a unit, not a year („2024“; „2.024“ is a count)."""
    year = zahl.text.isdigit() and int(zahl.text) in _YEAR
    return not zahl.einheit and zahl.stellen == 0 and zahl.wert >= 2 and not year
