"""All tables of one Vorlage as printed: its Berechnungen and Verteilungen, the Übersicht of the Eigenanteile and
the Finanzielle Auswirkungen."""

from __future__ import annotations

from vorlagen.compute.herleitung.zeilen import Kontext
from vorlagen.render.raster import Raster, finanzierungsplan, tabellenarten
from vorlagen.render.raster.haushaltsmittel import haushalt


def tabelle(k: Kontext, t) -> list[Raster]:
    """One Berechnung's table(s), by its kind."""
    if t.art == "Aufstellung":
        return tabellenarten.aufstellung(k, t)
    if t.art == "Finanzierungsplan":
        return finanzierungsplan.szenarien(k, t) if t.szenarien else finanzierungsplan.finanzierungsplan(k, t)
    if t.art == "Vergleich":
        return tabellenarten.vergleich(k, t)
    if t.art == "Matrix":
        return tabellenarten.matrix(k, t)
    return tabellenarten.eigenanteil(k, t)


def raster(k: Kontext, rechnung) -> list[Raster]:
    """Every table the Vorlage can print."""
    result: list[Raster] = []
    for t in rechnung.tabellen.values():
        result += tabelle(k, t)
    for v in rechnung.verteilungen.values():
        result += tabellenarten.verteilung(k, v)
    if rechnung.uebersicht is not None:
        result += tabellenarten.uebersicht(k, rechnung.uebersicht)
    if rechnung.haushalt is not None:
        result += haushalt(k, rechnung.haushalt, rechnung)
    return result
