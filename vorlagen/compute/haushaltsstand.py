"""The Haushalt facts a Vorlage reads, quotable by name like any figure: for every Position its amounts lines,
Deckungen, Deckungskreise and Verpflichtungsermächtigungen read, per Haushaltsjahr – haushalt.positionen["konto"]
.ansatz[2023], .reste, .bereitgestellt, .gebunden, .verfuegbar, .ve, .ve_gebunden, .prognose (as of the
decision, like the block)."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from vorlagen.compute.names import Named, Names
from vorlagen.core.money import Zahl
from vorlagen.load.haushaltsposition import Position

FELDER = ("ansatz", "reste", "bereitgestellt", "gebunden", "verfuegbar", "ve", "ve_gebunden", "prognose")


@dataclass
class Positionsstand(Named):
    """One Position of the Haushalt as the Vorlage reads it; each field maps a Haushaltsjahr to its amount (None: the
    Haushalt does not state it yet)."""

    NAME = "Position"

    konto: str
    bezeichnung: str | None
    ansatz: dict[int, Fraction | None] = field(default_factory=dict)
    reste: dict[int, Fraction] = field(default_factory=dict)  # where the Haushalt names them
    bereitgestellt: dict[int, Fraction] = field(default_factory=dict)  # where the Haushalt names it
    gebunden: dict[int, Fraction] = field(default_factory=dict)
    # Ansatz (+ Reste + bereitgestellt) − gebunden; at an Ertrag position the Mehrertrag still free
    verfuegbar: dict[int, Fraction | None] = field(default_factory=dict)
    ve: dict[int, Fraction | None] = field(default_factory=dict)
    ve_gebunden: dict[int, Fraction] = field(default_factory=dict)
    prognose: dict[int, Fraction | None] = field(default_factory=dict)  # an Ertrag position only
    _records: dict[int, Position] = field(default_factory=dict)  # the year's record, for the Herleitung's lines

    def record(self, jahr: int) -> Position | None:
        return self._records.get(jahr)


def _betrag(value: Zahl | None) -> Fraction | None:
    return None if value is None else Fraction(value)


def positionsstaende(gelesen: list[tuple[int, Position]]) -> Names:
    """konto → Positionsstand of the Positions read (year, record); a konto in two plans of one year is named
    „konto (plan)“ for both, never one of them by guess."""
    doppelt = {(j, p.konto) for j, p in gelesen for k, q in gelesen if k == j and q.konto == p.konto and q is not p}
    result: dict[str, Positionsstand] = {}
    for jahr, p in gelesen:
        key = f"{p.konto} ({p.plan})" if (jahr, p.konto) in doppelt else p.konto
        stand = result.setdefault(key, Positionsstand(p.konto, p.bezeichnung))
        if jahr in stand._records:
            continue
        stand._records[jahr] = p
        stand.ansatz[jahr] = _betrag(p.ansatz)
        if p.reste is not None:
            stand.reste[jahr] = Fraction(p.reste)
        if p.bereitgestellt is not None:
            stand.bereitgestellt[jahr] = Fraction(p.bereitgestellt)
        stand.gebunden[jahr] = Fraction(p.gebunden)
        stand.verfuegbar[jahr] = None if p.ansatz is None else Fraction(p.verfuegbar)
        stand.ve[jahr] = _betrag(p.ve)
        stand.ve_gebunden[jahr] = Fraction(p.ve_gebunden)
        if p.ertrag:
            stand.prognose[jahr] = _betrag(p.prognose)
    return Names("den Positionen, die diese Vorlage liest (haushalt.positionen)", result)
