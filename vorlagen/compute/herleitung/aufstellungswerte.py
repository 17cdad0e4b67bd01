"""How the sums of an Aufstellung come about: its sum, each group's Zwischensumme, its fund and what is left of it,
and a row or sum as shown in T€ or Mio. €."""

from __future__ import annotations

from decimal import Decimal

from vorlagen.compute.aufstellung import Aufstellung, Gruppe
from vorlagen.compute.herleitung import Eingang, Herleitung
from vorlagen.compute.herleitung.zeilen import MINUS, Kontext, summe, tabelle_was, zeile


def aufstellung_summe(k: Kontext, t: Aufstellung) -> Herleitung:
    q = k.rundung_von(t).quantum
    h = summe(k, f"{t.summe_als} {tabelle_was(t)}", "Summe der Zeilen", [zeile(k, t, z) for z in t.zeilen], t.summe, q)
    h.rundung = f"keine eigene: Summe der gerundeten Zeilen ({k.rundung_wort(t)})"
    return h


def gruppe_summe(k: Kontext, t: Aufstellung, g: Gruppe) -> Herleitung:
    q = k.rundung_von(t).quantum
    teile = [zeile(k, t, z) for z in g.zeilen]
    h = summe(k, f"Zwischensumme „{g.als}“ {tabelle_was(t)}", "Summe der Zeilen der Gruppe", teile, g.summe, q)
    if t.anzeige != "€":
        h.schritte.append(
            f"in {t.anzeige}: ihr Teil der gedruckten Summe (die Summe kaufmännisch gerundet, auf die Gruppen und die "
            f"Zeilen ohne Gruppe abgerundet verteilt, die übrigen Schritte an die größten Reste) = {t.zwischensumme(g)}"
        )
        h.gedruckt = t.zwischensumme(g)
    return h


def _angezeigt(t: Aufstellung, h: Herleitung, value: Decimal) -> Herleitung:
    """An amount of an Aufstellung as it prints it: in € as computed, in T€ or Mio. € rounded kaufmännisch."""
    if t.anzeige != "€":
        h.schritte.append(f"in {t.anzeige} kaufmännisch gerundet: {t.betrag(value)}")
        h.gedruckt = t.betrag(value)
    return h


def fonds(k: Kontext, t: Aufstellung) -> Herleitung:
    assert t.fonds is not None and t.berechnung.fonds is not None  # asked only of a table with a fund
    q = k.rundung_von(t).quantum
    h = Herleitung(
        f"{t.fonds_als} {tabelle_was(t)}",
        f"die Formel „{t.berechnung.fonds}“ = {k.geld(t.fonds, q)}",
        k.geld(t.fonds, q),
        [Eingang("Fonds", t.berechnung.fonds, t.berechnung.where("fonds"))],
        rundung=k.rundung_wort(t),
    )
    return _angezeigt(t, h, t.fonds)


def rest(k: Kontext, t: Aufstellung) -> Herleitung:
    assert t.fonds is not None  # asked only of a table with a fund
    q = k.rundung_von(t).quantum
    h = Herleitung(
        f"Rest des Fonds {tabelle_was(t)}",
        f"{t.fonds_als} − {t.summe_als} = {k.geld(t.fonds, q)} {MINUS} {k.geld(t.summe, q)} = {k.geld(t.rest, q)}",
        k.geld(t.rest, q),
        teile=[fonds(k, t), aufstellung_summe(k, t)],
    )
    if t.anzeige != "€":
        h.schritte.append(f"in {t.anzeige}: der gedruckte Fonds weniger die gedruckte Summe = {t.rest_gezeigt()}")
        h.gedruckt = t.rest_gezeigt()
    return h


def gezeigt(k: Kontext, t: Aufstellung, index: int | None, shown: str) -> Herleitung:
    """A row (index) or the sum (None) of an Aufstellung shown in T€ or Mio. €: rounded so that the shown rows add
    up to the shown sum."""
    h = zeile(k, t, t.zeilen[index]) if index is not None else aufstellung_summe(k, t)
    if t.anzeige == "€":
        return h
    gruppe = t.zeilen[index].position.gruppe if index is not None else None
    regel = (
        f"{h.gedruckt} in {t.anzeige}: die Summe kaufmännisch gerundet, die Zeilen so, dass sie zusammen die gedruckte "
        f"Summe ergeben (abgerundet, die übrigen Schritte an die größten Reste) = {shown}"
        if gruppe is None
        else f"{h.gedruckt} in {t.anzeige}: die gedruckte Zwischensumme „{gruppe}“ auf ihre Zeilen verteilt "
        f"(abgerundet, die übrigen Schritte an die größten Reste) = {shown}"
    )
    return Herleitung(h.was, regel, shown, teile=[h], rundung=f"auf {t.anzeige}, wie die Tabelle es zeigt")
