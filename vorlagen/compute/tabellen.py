"""One table of any kind, computed from facts alone: the one place that knows which kind computes where."""

from __future__ import annotations

from vorlagen.compute.finance import Tabelle, eigenanteil_oder_aufstellung
from vorlagen.compute.plaene import finanzierungsplan, vergleich
from vorlagen.core.money import Rundung
from vorlagen.core.problems import Problem
from vorlagen.load.finanzen import Berechnung, Satz

KINDS = {"Finanzierungsplan": finanzierungsplan, "Vergleich": vergleich}


def compute_table(berechnung: Berechnung, saetze: dict[str, Satz], rundung: Rundung) -> tuple[Tabelle | None, list[Problem]]:
    """Eigenanteil and Aufstellung in finance, Finanzierungsplan and Vergleich in plaene."""
    return KINDS.get(berechnung.art, eigenanteil_oder_aufstellung)(berechnung, saetze, rundung)
