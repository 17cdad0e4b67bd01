"""Bescheide and Anträge: amounts computed from positions × rates by the same rule as tables; instalments."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from vorlagen.compute.names import Named, NoValue
from vorlagen.compute.periode import nicht_ganze_monate, periode, zeile
from vorlagen.compute.tabelle import Zeilen, cents_lost
from vorlagen.core.fmt import Zahlformat, datum
from vorlagen.core.money import Rundung, below, split_largest_remainder
from vorlagen.core.problems import Problem
from vorlagen.load.bescheide import Foerderschreiben
from vorlagen.load.saetze import Satz
from vorlagen.load.zeitraum import Zeitraum


@dataclass
class Position(Named):
    """One position of a Bescheid or Antrag: count × rate for its period."""

    id: None
    als: str  # the rate's name, or the position's own label
    text: str  # '3,5 x 59.583 € (PK für 13 Monate)'
    anzahl: Decimal
    einheit: Decimal
    betrag: Decimal
    satz: Satz


@dataclass
class Ratenwert(Named):
    """An instalment: its name, due date (if any), share, amount and whether it is paid."""

    id: str | None
    als: str  # name or 'Rate zum 15.02.2021'
    faellig: dt.date | None
    anteil: Fraction
    betrag: Decimal
    bezahlt: bool


@dataclass
class BescheidWerte(Named):
    """A Bescheid (or Antrag) with its amount computed from positions × rates."""

    id: str
    art: str  # 'Bescheid' or 'Antrag'
    datum: dt.date
    behoerde: str | None
    aktenzeichen: str | None
    programm: str | None
    zeitraum: Zeitraum
    _stellen: Decimal | None  # VZÄ of the staff positions; None where a rate does not say how many a unit is
    betrag: Decimal
    zeilen: Zeilen  # Position records, by position or by label
    raten: Zeilen  # Ratenwert records, by position or by name
    bescheid: Foerderschreiben
    quantum: Decimal = Decimal(1)  # its rounding step: whole euros or cents

    @property
    def monate(self) -> str:
        periode_ = periode(self.zeitraum, True)
        assert periode_ is not None  # day-exact, every Zeitraum has its Periode
        return periode_.monate

    @property
    def vzae(self) -> Decimal:
        """The Stellen the Bescheid grants: staff positions only (Sachkosten, Veranstaltungen, Stück count none)."""
        if self._stellen is None:
            unklar = sorted({p.satz.id for p in self.zeilen if p.satz.vzae is None})
            raise NoValue(
                f"Der {self.art} „{self.id}“ nennt keine Stellen: bei "
                f"{', '.join(f'„{s}“' for s in unklar)} steht nicht, wie viele VZÄ eine Einheit ist – "
                "tragen Sie beim Satz im Förderprogramm „vzae“ ein (1 je Vollzeitstelle, 0.5 je halbe "
                "Stelle, 0 für Sachkosten)."
            )
        return self._stellen

    @property
    def bezahlt(self) -> Decimal:
        """The sum of instalments marked paid."""
        return sum((r.betrag for r in self.raten if r.bezahlt), Decimal(0))

    @property
    def offen(self) -> Decimal:
        return self.betrag - self.bezahlt


def _stellen(zeilen: list[Position]) -> Decimal | None:
    """Σ anzahl × VZÄ per unit over the positions; None when a rate does not say."""
    if any(z.satz.vzae is None for z in zeilen):
        return None
    return sum((z.anzahl * vzae for z in zeilen if (vzae := z.satz.vzae) is not None), Decimal(0))


def bescheid_werte(
    bescheid_id: str,
    bescheid: Foerderschreiben,
    saetze: dict[str, Satz],
    rundung: Rundung,
    zahlformat: Zahlformat,
    art: str = "Bescheid",
) -> tuple[BescheidWerte | None, list[Problem]]:
    periode_ = periode(bescheid.zeitraum, bescheid.tagesgenau)
    if periode_ is None:
        return None, [
            Problem(bescheid.where("zeitraum"), f"{art} „{bescheid_id}“: " + nicht_ganze_monate(bescheid.zeitraum))
        ]
    zeilen = Zeilen()
    problems = [
        cents_lost(
            position.where("satz"),
            f"Der Satz „{saetze[position.satz].id}“",
            saetze[position.satz].betrag,
            zahlformat,
            f"{art} „{bescheid_id}“",
        )
        for position in bescheid.positionen
        if below(saetze[position.satz].betrag, rundung.quantum)
    ]
    if bescheid.betrag is not None and below(bescheid.betrag, rundung.quantum):
        problems.append(
            cents_lost(bescheid.where("betrag"), "„betrag“", bescheid.betrag, zahlformat, f"{art} „{bescheid_id}“")
        )
    if problems:
        return None, problems
    for position in bescheid.positionen:
        satz = saetze[position.satz]
        text, einheit, betrag = zeile(position.anzahl, 1, [satz], periode_, rundung, zahlformat)
        zeilen.append(Position(None, position.als or satz.name, text, position.anzahl, einheit, betrag, satz))
    betrag = sum((z.betrag for z in zeilen), Decimal(0))
    raten = Zeilen()
    total = sum((r.anteil for r in bescheid.raten), Fraction(0))
    if bescheid.raten and total == 1:
        common = max(r.anteil.denominator for r in bescheid.raten)
        parts = split_largest_remainder(
            betrag, {i: r.anteil * common for i, r in enumerate(bescheid.raten)}, rundung.quantum
        )
        for i, rate in enumerate(bescheid.raten):
            if rate.name:
                als = rate.name
            else:
                assert rate.faellig is not None  # Rate.check: a Rate without a name is due on a date
                als = f"Rate zum {datum(rate.faellig)}"
            raten.append(Ratenwert(rate.name, als, rate.faellig, rate.anteil, parts[i], rate.bezahlt))
    return BescheidWerte(
        bescheid_id,
        art,
        bescheid.datum,
        bescheid.behoerde,
        bescheid.aktenzeichen,
        bescheid.programm,
        bescheid.zeitraum,
        _stellen(zeilen),
        betrag,
        zeilen,
        raten,
        bescheid,
        rundung.quantum,
    ), []
