"""One table of any kind, computed from facts alone: the one place that knows which kind computes where."""

from __future__ import annotations

from vorlagen.compute.aufstellung import aufstellung
from vorlagen.compute.eigenanteil import eigenanteil
from vorlagen.compute.matrix import matrix
from vorlagen.compute.plaene import finanzierungsplan
from vorlagen.compute.tabelle import Tabelle
from vorlagen.compute.vergleich import vergleich
from vorlagen.core.fmt import Zahlformat
from vorlagen.core.money import Rundung
from vorlagen.core.problems import Problem
from vorlagen.load.finanzen import Berechnung
from vorlagen.load.saetze import Satz

KINDS = {
    "Eigenanteil": eigenanteil,
    "Aufstellung": aufstellung,
    "Finanzierungsplan": finanzierungsplan,
    "Vergleich": vergleich,
    "Matrix": matrix,
}


def compute_table(
    berechnung: Berechnung, saetze: dict[str, Satz], rundung: Rundung, zahlformat: Zahlformat, auswerten=None
) -> tuple[Tabelle | None, list[Problem]]:
    """The table of a Berechnung; `auswerten(formel, einheit)` reads formulas (lines of a Vergleich, cells of a
    Matrix, rows and the fund of an Aufstellung), so such tables are computed after the Vorlage's figures;
    `zahlformat`: how the house prints the table's money."""
    return KINDS[berechnung.art](berechnung, saetze, rundung, zahlformat, auswerten)


def reads_figures(berechnung: Berechnung) -> bool:
    """Whether a table reads formulas: it is computed after the figures (which cannot read it)."""
    return (
        any(z.aus or z.formeln for z in berechnung.zeilen)
        or berechnung.fonds is not None
        or any(p.formel is not None for p in berechnung.kosten)
    )
