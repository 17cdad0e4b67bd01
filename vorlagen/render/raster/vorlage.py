"""All tables of one Vorlage as printed: its Berechnungen and Verteilungen, the Übersicht of the Eigenanteile and
the Finanzielle Auswirkungen."""

from __future__ import annotations

from vorlagen.compute.hauptbuch import Rechnung
from vorlagen.compute.herleitung.zeilen import Kontext
from vorlagen.compute.tabelle import Tabelle
from vorlagen.render.raster import Raster, tabellenraster
from vorlagen.render.raster.haushaltsmittel import haushalt
from vorlagen.render.tabellenarten import DRUCK


def tabelle(k: Kontext, t: Tabelle) -> list[Raster]:
    """One Berechnung's table(s), by its kind."""
    return DRUCK[t.art].raster(k, t)


def raster(k: Kontext, rechnung: Rechnung) -> list[Raster]:
    """Every table the Vorlage can print."""
    result: list[Raster] = []
    for t in rechnung.tabellen.values():
        result += tabelle(k, t)
    for v in rechnung.verteilungen.values():
        result += tabellenraster.verteilung(k, v)
    if rechnung.uebersicht is not None:
        result += tabellenraster.uebersicht(k, rechnung.uebersicht)
    if rechnung.haushalt is not None:
        result += haushalt(k, rechnung.haushalt, rechnung)
    return result
