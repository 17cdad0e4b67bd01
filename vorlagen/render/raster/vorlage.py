"""All tables of one Vorlage as printed: its Berechnungen and Verteilungen, the Übersicht of the Eigenanteile and
the Finanzielle Auswirkungen."""

from __future__ import annotations

from vorlagen.compute.herleitung.tabellen import Kontext
from vorlagen.render.raster import Raster, plaene, tabellen
from vorlagen.render.raster.haushalt import haushalt


def tabelle(k: Kontext, t) -> list[Raster]:
    """One Berechnung's table(s), by its kind."""
    if t.art == "Aufstellung":
        return tabellen.aufstellung(k, t)
    if t.art == "Finanzierungsplan":
        return plaene.szenarien(k, t) if t.szenarien else plaene.finanzierungsplan(k, t)
    if t.art == "Vergleich":
        return tabellen.vergleich(k, t)
    return tabellen.eigenanteil(k, t)


def raster(k: Kontext, rechnung) -> list[Raster]:
    """Every table the Vorlage can print."""
    result: list[Raster] = []
    for t in rechnung.tabellen.values():
        result += tabelle(k, t)
    for v in rechnung.verteilungen.values():
        result += tabellen.verteilung(k, v)
    if rechnung.uebersicht is not None:
        result += tabellen.uebersicht(k, rechnung.uebersicht)
    if rechnung.haushalt is not None:
        result += haushalt(k, rechnung.haushalt, rechnung)
    return result
