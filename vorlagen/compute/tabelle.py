"""The model every table kind shares: its rows (`Zeile`, read by name through `Zeilen`), the table itself
(`Tabelle`), and what every kind's computation starts from – its period, its heading, the problem of cents lost."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any, TypeAlias

from vorlagen.compute.names import Named, NoValue, UnknownName
from vorlagen.compute.periode import Periode, nicht_ganze_monate, periode
from vorlagen.core.fmt import Zahlformat, datum, zahl
from vorlagen.core.money import CENT, Zahl
from vorlagen.core.problems import Problem, Where
from vorlagen.load.finanzen import Berechnung, Kostenposition
from vorlagen.load.saetze import Satz
from vorlagen.load.zeitraum import Zeitraum

# how a table that reads named figures reads a formula: (formel, einheit) → its exact value (kennzahlen.formelwert)
Auswerten: TypeAlias = Callable[[str, str], Fraction]


class Zeilen(list):
    """Rows in order. Texts and formulas read a row by its name: `zeilen["KIM-Förderung"]` is the one row whose id
    or label that is, whatever it looks like ("1" included); a name that is one row's id and another's label is
    ambiguous. Only the engine's templates walk rows by position (`zeilen[i]`, an int)."""

    def __getitem__(self, key: Any) -> Any:
        if not isinstance(key, str):
            if isinstance(key, int) and not -len(self) <= key < len(self):
                raise UnknownName(key, range(len(self)), "den Zeilen (gezählt ab 0)")
            return super().__getitem__(key)
        found = [z for z in self if z.id == key or z.als == key]
        if len(found) > 1:
            rows = ", ".join(f"„{z.id or z.als}“" for z in found)
            raise NoValue(
                f"„{key}“ nennt mehrere Zeilen dieser Tabelle ({rows}) als id oder Bezeichnung – geben Sie "
                "jeder Zeile eine eigene „id“, die keine andere Zeile als id oder Bezeichnung trägt."
            )
        if not found:
            raise UnknownName(key, {z.id or z.als for z in self}, "den Zeilen dieser Tabelle")
        return found[0]

    def name_von(self, zeile: Named) -> str | None:
        """The name that reads `zeile` (its id, else its label), or None when that name is not unique."""
        name = zeile.id or zeile.als
        try:
            return name if self[name] is zeile else None
        except UnknownName:
            return None


@dataclass
class Zeile(Named):
    """One row of count × rate (or a fixed amount)."""

    id: str | None
    als: str | None  # 'Gesamtkosten', the deduction's label ('KIM-Förderung', None: none given) or the item's name
    text: str  # '3,5 x 115.418 € (E11 für 13 Monate)'
    betrag: Decimal  # always positive; `abzug` says the sign
    abzug: bool
    einheit: Decimal  # amount per unit for the period
    anzahl: Decimal
    jahre: dict[int, Decimal]
    position: Kostenposition
    saetze: list[Satz]
    stellen: Decimal | None = Decimal(0)  # VZÄ of the row (anzahl × anteil × VZÄ per unit); None: its rates do not say


def stellen_je_einheit(saetze: list[Satz]) -> Decimal | None:
    """VZÄ per unit of a row of summed rates: a position and its Sachkosten are one Stelle, not two.
    None when no rate says; a ValueError when the rates name different shares of a Stelle."""
    known = {s.vzae for s in saetze if s.vzae is not None}
    if not known:
        return None
    staff = known - {Decimal(0)}
    if len(staff) > 1:
        raise ValueError(", ".join(f"{s.id}: {zahl(s.vzae)}" for s in saetze if s.vzae))
    return staff.pop() if staff else Decimal(0)


@dataclass
class Tabelle(Named):
    """What every table kind has: its name, heading, period and rows."""

    NAME = "Tabelle"  # in messages about unknown names

    id: str
    art: str
    titel: str
    ueberschrift: str
    zeitraum: Zeitraum | None
    periode: Periode
    zeilen: Zeilen
    berechnung: Berechnung
    quantum: Decimal
    _zahlformat: Zahlformat  # how its house prints money (hausstil: waehrung); no name a text reads

    @property
    def monate(self) -> str:
        """The period in words: 'Dezember 2021 bis Dezember 2022'."""
        return self.periode.monate

    @property
    def anzahl_zeilen(self) -> int:
        """How many rows the table has (a text: „drei Posten“ as {{ finanzierung["x"].anzahl_zeilen | zahl }})."""
        return len(self.zeilen)


def cents_lost(where: Where, what: str, value: Zahl, zahlformat: Zahlformat, owner: str) -> Problem:
    """An amount with cents where the computation rounds to whole euros: never rounded away silently."""
    return Problem(
        where,
        f"{owner}: {what} hat Cent ({zahlformat.euro_or_cent(value, CENT)}), gerechnet wird aber auf ganze "
        "Euro – die Cent gingen verloren. Schreiben Sie „rundung: cent“ in die Berechnung (oder in "
        "koerperschaft.yaml), dann rechnet sie auf den Cent genau; oder prüfen Sie den Betrag.",
    )


def ueberschrift_von(berechnung: Berechnung, davor: str = "") -> str:
    """A table's heading: its title (after `davor`), for its Zeitraum where it has one."""
    zeitraum = berechnung.zeitraum
    bis = f" für {datum(zeitraum.von)}–{datum(zeitraum.bis)}" if zeitraum is not None else ""
    return f"{davor}{berechnung.titel}{bis}"


def periode_of(berechnung: Berechnung) -> tuple[Periode | None, list[Problem]]:
    periode_ = periode(berechnung.zeitraum, berechnung.tagesgenau)
    if periode_ is None:  # only a Zeitraum of part months has none
        assert berechnung.zeitraum is not None
        return None, [Problem(berechnung.where("zeitraum"), nicht_ganze_monate(berechnung.zeitraum))]
    return periode_, []
