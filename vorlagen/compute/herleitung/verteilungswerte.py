"""How the figures of a Verteilung are made (compute/verteilung.py): each typed value, the sum, the Soll, the
count and the Stellen it distributes."""

from __future__ import annotations

from vorlagen.compute.herleitung import Eingang, Herleitung
from vorlagen.compute.herleitung.zeilen import Kontext
from vorlagen.compute.verteilung import VerteilungWerte
from vorlagen.core.fmt import zahl
from vorlagen.core.money import Zahl


def verteilung_wert(v: VerteilungWerte, name: str, wert: Zahl) -> Herleitung:
    """One typed value of a Verteilung (the days of one Kommune)."""
    return Herleitung(
        f"„{name}“ der Verteilung „{v.id}“",
        f"getippt: {zahl(wert, 2)}",
        zahl(wert, 2),
        [Eingang(f"werte, {name}", zahl(wert), v.verteilung.where("werte"))],
    )


def verteilung(k: Kontext, v: VerteilungWerte, feld: str) -> Herleitung:
    werte = [(name, w) for name, w, _ in v.zeilen if w is not None]
    if feld == "summe":
        return Herleitung(
            f"Summe der Verteilung „{v.id}“",
            f"Σ Werte = {' + '.join(zahl(w, 2) for _, w in werte) or '0'} = {zahl(v.summe, 2)}",
            zahl(v.summe, 2),
            [Eingang("werte", f"{len(werte)} Einträge", v.verteilung.where("werte"))],
        )
    if feld == "soll":
        return Herleitung(
            f"Soll der Verteilung „{v.id}“",
            f"VZÄ × Tage je VZÄ = {zahl(v.vzae)} × {zahl(v.tage_pro_vzae)} = {zahl(v.soll)}",
            zahl(v.soll),
            [Eingang("Tage je VZÄ und Woche", zahl(v.tage_pro_vzae), v.verteilung.where("tage_pro_vzae"))],
        )
    if feld == "anzahl":
        return Herleitung(f"Einträge über 0 der Verteilung „{v.id}“", f"gezählt = {v.anzahl}", str(v.anzahl))
    assert feld == "vzae"
    quelle = v.verteilung.berechnung
    return Herleitung(
        f"VZÄ der Verteilung „{v.id}“",
        (f"die Stellen der Berechnung „{quelle}“ = {zahl(v.vzae)}" if quelle else f"angegeben = {zahl(v.vzae)}"),
        zahl(v.vzae),
        [
            Eingang(
                "berechnung" if quelle else "vzae",
                quelle or zahl(v.vzae),
                v.verteilung.where("berechnung" if quelle else "vzae"),
            )
        ],
    )
