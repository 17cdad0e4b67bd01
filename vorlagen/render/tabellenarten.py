"""The table kinds as render/ prints them: per kind its tables cell by cell with their derivation (raster/) and the
macro of templates/tabellen.html.j2 that sets it. The one place of render/ that names the kinds
(compute/tabellenarten.py computes them; docs/entwicklung/architektur.md, „Eine Tabellenart“)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from vorlagen.compute.herleitung.zeilen import Kontext
from vorlagen.compute.plaene import Finanzierungsplan
from vorlagen.compute.tabelle import Tabelle
from vorlagen.render.raster import Raster, finanzierungsplan, tabellenraster


@dataclass(frozen=True)
class Druckart:
    """How one kind of table is printed."""

    raster: Callable[[Kontext, Any], list[Raster]]  # its printed tables, each cell with its derivation
    makro: Callable[[Any], str]  # the name of the macro in templates/tabellen.html.j2 that sets a table of it


def _plan(k: Kontext, t: Finanzierungsplan) -> list[Raster]:
    return finanzierungsplan.szenarien(k, t) if t.szenarien else finanzierungsplan.finanzierungsplan(k, t)


DRUCK: dict[str, Druckart] = {
    "Eigenanteil": Druckart(tabellenraster.eigenanteil, lambda t: "eigenanteil"),
    "Aufstellung": Druckart(tabellenraster.aufstellung, lambda t: "aufstellung"),
    "Finanzierungsplan": Druckart(_plan, lambda t: "szenarien" if t.szenarien else "finanzierungsplan"),
    "Vergleich": Druckart(tabellenraster.vergleich, lambda t: "vergleich"),
    "Matrix": Druckart(tabellenraster.matrix, lambda t: "matrix"),
}


def makro(t: Tabelle) -> str:
    """`{{ t | makro }}`: the macro of templates/tabellen.html.j2 that sets the table `t`."""
    return DRUCK[t.art].makro(t)
