"""The overview of the Eigenanteile: every Eigenanteil table of a Vorlage with its years, summed; alternatives (the
same `alternative`) give a range."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from vorlagen.compute.eigenanteil import Eigenanteilstabelle
from vorlagen.compute.names import Named
from vorlagen.compute.tabelle import Tabelle


@dataclass
class Uebersicht(Named):
    """Eigenanteile across tables; alternatives (same `alternative`) give a range."""

    tabellen: list[Eigenanteilstabelle]
    feste: list[Eigenanteilstabelle]
    alternativen: dict[str, list[Eigenanteilstabelle]]
    eigenanteil_min: Decimal
    eigenanteil_max: Decimal
    jahre_min: dict[int, Decimal]
    jahre_max: dict[int, Decimal]

    @property
    def spanne(self) -> bool:
        return self.eigenanteil_min != self.eigenanteil_max

    @property
    def eigenanteil(self) -> Decimal:
        """The total when there is no range."""
        return self.eigenanteil_max

    @property
    def quantum(self) -> Decimal:
        """The totals' step: the finest of the tables (a table in cents makes the totals cents), so that the
        totals are the sums of the rows as each table prints them."""
        return min(t.quantum for t in self.tabellen)


def uebersicht(tabellen: list[Tabelle]) -> Uebersicht | None:
    """Sums the Eigenanteile; for each group of alternatives, the cheapest and dearest give the range.
    None without Eigenanteil tables: nothing else is an Eigenanteil."""
    eigene = [t for t in tabellen if isinstance(t, Eigenanteilstabelle)]
    if not eigene:
        return None
    feste = [t for t in eigene if t.alternative is None]
    gruppen: dict[str, list[Eigenanteilstabelle]] = {}
    for t in eigene:
        if t.alternative is not None:
            gruppen.setdefault(t.alternative, []).append(t)
    low = feste + [min(g, key=lambda t: t.eigenanteil) for g in gruppen.values()]
    high = feste + [max(g, key=lambda t: t.eigenanteil) for g in gruppen.values()]
    years = sorted({y for t in eigene for y in t.jahre})

    def per_year(chosen: list) -> dict[int, Decimal]:
        return {y: sum((t.jahre[y].eigenanteil for t in chosen if y in t.jahre), Decimal(0)) for y in years}

    return Uebersicht(
        eigene,
        feste,
        gruppen,
        sum((t.eigenanteil for t in low), Decimal(0)),
        sum((t.eigenanteil for t in high), Decimal(0)),
        per_year(low),
        per_year(high),
    )
