"""Verteilungen: values per name (e.g. CM-Einsatz in Tagen pro Woche per Kommune) and their target sum."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from vorlagen.compute.names import Named, Names
from vorlagen.load.finanzen import Verteilung


@dataclass
class VerteilungWerte(Named):
    """A distribution with its target sum."""

    id: str
    titel: str
    zeilen: list[tuple[str, Decimal | None, str | None]]
    summe: Decimal
    vzae: Decimal
    tage_pro_vzae: Decimal
    soll: Decimal
    anzahl: int  # entries with a value above zero
    verteilung: Verteilung


def verteilung_werte(verteilung: Verteilung, tabellen: Names) -> VerteilungWerte:
    vzae: Decimal
    if verteilung.berechnung:
        vzae = tabellen[verteilung.berechnung].vzae
    else:
        assert verteilung.vzae is not None  # Verteilung.check: „berechnung“ or „vzae“
        vzae = verteilung.vzae
    zeilen = [(name, wert, verteilung.hinweise.get(name)) for name, wert in verteilung.werte.items()]
    werte = [w for _, w, _ in zeilen if w is not None]
    return VerteilungWerte(
        verteilung.id,
        verteilung.titel,
        zeilen,
        sum(werte, Decimal(0)),
        vzae,
        verteilung.tage_pro_vzae,
        vzae * verteilung.tage_pro_vzae,
        sum(1 for w in werte if w > 0),
        verteilung,
    )
