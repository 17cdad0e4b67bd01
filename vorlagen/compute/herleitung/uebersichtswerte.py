"""How the Eigenanteil in all is made (compute/uebersicht.py): the sum of the tables' Eigenanteile, per
Haushaltsjahr, with the cheapest or dearest alternative of each group."""

from __future__ import annotations

from vorlagen.compute.herleitung import Herleitung
from vorlagen.compute.herleitung.zeilen import Kontext, eigenanteil_feld, jahr_summe, summe
from vorlagen.compute.uebersicht import Uebersicht


def uebersicht(k: Kontext, u: Uebersicht, feld: str, year: int | None = None) -> Herleitung:
    """The Eigenanteil in all (the cheapest or dearest alternative of each group) or of one Haushaltsjahr."""
    hoch = not feld.endswith("_min")
    chosen = list(u.feste) + [(max if hoch else min)(g, key=lambda t: t.eigenanteil) for g in u.alternativen.values()]
    q = u.quantum
    if year is None:
        teile = [eigenanteil_feld(k, t, "eigenanteil") for t in chosen]
        wert = u.eigenanteil_max if hoch else u.eigenanteil_min
        name = "Eigenanteil insgesamt" + (
            "" if not u.spanne else (", teuerste Alternative" if hoch else ", günstigste Alternative")
        )
    else:
        teile = [jahr_summe(k, t, year, "eigenanteil", t.jahre[year].eigenanteil) for t in chosen if year in t.jahre]
        wert = (u.jahre_max if hoch else u.jahre_min)[year]
        name = f"Eigenanteil {year}" + (
            "" if not u.spanne else (", teuerste Alternative" if hoch else ", günstigste Alternative")
        )
    h = summe(
        k,
        name,
        "Summe der Eigenanteile"
        + (" (je Gruppe von Alternativen die " + ("teuerste)" if hoch else "günstigste)") if u.alternativen else ""),
        teile,
        wert,
        q,
    )
    return h
