"""The table kinds as compute/ knows them: per kind its computation, the names a text can quote of it, and how the
checks and formulas treat it. The one place of compute/ that names the kinds (load/tabellenarten.py names what each
is written with; docs/entwicklung/architektur.md, „Eine Tabellenart“)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from vorlagen.compute import tabellennamen
from vorlagen.compute.aufstellung import aufstellung
from vorlagen.compute.eigenanteil import eigenanteil
from vorlagen.compute.matrix import matrix
from vorlagen.compute.plaene import finanzierungsplan
from vorlagen.compute.tabelle import Auswerten, Tabelle
from vorlagen.compute.vergleich import vergleich
from vorlagen.core.fmt import Zahlformat
from vorlagen.core.money import Rundung
from vorlagen.core.problems import Problem
from vorlagen.load.finanzen import Berechnung
from vorlagen.load.saetze import Satz


@dataclass(frozen=True)
class Rechenart:
    """How one kind of table is computed and treated."""

    # (berechnung, saetze, rundung, zahlformat, auswerten) → the table, or None, and the problems of computing it
    rechnen: Callable[..., tuple[Tabelle | None, list[Problem]]]
    namen: Callable[[Any, str, Any], None]  # the names a text quotes, after heading and period (compute/zahlen.py)
    # its values are in its own `einheit`, not euros: it checks its rows and limits itself (compute/checks.py), and a
    # formula reading its values reads that unit (compute/kennzahlen.py)
    eigene_einheit: bool = False
    # rows × columns of cells: every value, sums included, in its unit; its `erwartet` names columns and is checked
    # by the computation itself; an empty cell cannot be read
    zellen: bool = False
    quellen: bool = False  # it has sources (`quellen`) whose amounts `erwartet` and the limits name
    stellen: bool = False  # a Verteilung may take its Stellen (`berechnung:`)
    # it may be computed after the Verteilungen (it reads figures): its absence there is no failed table
    nach_verteilungen: bool = False


KINDS: dict[str, Rechenart] = {
    "Eigenanteil": Rechenart(eigenanteil, tabellennamen.eigenanteil, stellen=True),
    "Aufstellung": Rechenart(aufstellung, tabellennamen.aufstellung),
    "Finanzierungsplan": Rechenart(finanzierungsplan, tabellennamen.finanzierungsplan, quellen=True),
    "Vergleich": Rechenart(vergleich, tabellennamen.vergleich, eigene_einheit=True, nach_verteilungen=True),
    "Matrix": Rechenart(matrix, tabellennamen.matrix, eigene_einheit=True, zellen=True),
}


def compute_table(
    berechnung: Berechnung,
    saetze: dict[str, Satz],
    rundung: Rundung,
    zahlformat: Zahlformat,
    auswerten: Auswerten | None = None,
) -> tuple[Tabelle | None, list[Problem]]:
    """The table of a Berechnung; `auswerten(formel, einheit)` reads formulas (lines of a Vergleich, cells of a
    Matrix, rows and the fund of an Aufstellung), so such tables are computed after the Vorlage's figures;
    `zahlformat`: how the house prints the table's money."""
    return KINDS[berechnung.art].rechnen(berechnung, saetze, rundung, zahlformat, auswerten)


def reads_figures(berechnung: Berechnung) -> bool:
    """Whether a table reads formulas: it is computed after the figures (which cannot read it)."""
    return (
        any(z.aus or z.formeln for z in berechnung.zeilen)
        or berechnung.fonds is not None
        or any(p.formel is not None for p in berechnung.kosten)
    )


def art(name: object) -> Rechenart | None:
    """The kind a table's `art` names, or None where it names none (a value that is no table's kind)."""
    return KINDS.get(name) if isinstance(name, str) else None
