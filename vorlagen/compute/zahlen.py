"""Every name a text of a Vorlage can quote, with its printed value (`vorlagen zahlen NUMMER`)."""

from __future__ import annotations

from decimal import Decimal

from vorlagen.compute import haushaltszahlen
from vorlagen.compute.bescheide import BescheidWerte
from vorlagen.compute.hauptbuch import Rechnung
from vorlagen.compute.namensliste import Liste, zeilenname, zeitraum, zitiert
from vorlagen.compute.tabelle import Tabelle
from vorlagen.compute.tabellenarten import KINDS
from vorlagen.compute.zahlwert import Groesse
from vorlagen.core.fmt import Zahlformat


def _tabelle(out: Liste, t: Tabelle) -> None:
    base = f"finanzierung[{zitiert(t.id)}]"
    out.add(f"{base}.ueberschrift", t.ueberschrift, "text")
    out.add(f"{base}.anzahl_zeilen", t.anzahl_zeilen, "zahl")
    zeitraum(out, base, t.zeitraum)
    KINDS[t.art].namen(out, base, t)


def _bescheid(out: Liste, kind: str, b: BescheidWerte) -> None:
    quantum = b.quantum
    base = f"{kind}[{zitiert(b.id)}]"
    out.add(f"{base}.datum", b.datum, "datum")
    out.add(f"{base}.behoerde", b.behoerde, "text")
    out.add(f"{base}.programm", b.programm, "text")
    zeitraum(out, base, b.zeitraum)
    out.add(f"{base}.betrag", b.betrag, "geld", quantum)
    out.add(f"{base}.vzae", b._stellen, "vzae")
    for z in b.zeilen:
        key = zeilenname(b.zeilen, z)
        if key is None:
            continue
        row = f"{base}.zeilen[{key}]"
        out.add(f"{row}.anzahl", z.anzahl, "zahl")
        out.add(f"{row}.betrag", z.betrag, "geld", quantum)
    for r in b.raten:
        key = zeilenname(b.raten, r)
        if key is None:
            continue
        row = f"{base}.raten[{key}]"
        out.add(f"{row}.betrag", r.betrag, "geld", quantum)
        out.add(f"{row}.faellig", r.faellig, "datum")
        out.add(f"{row}.anteil", r.anteil, "prozent")
    if b.raten:
        out.add(f"{base}.bezahlt", b.bezahlt, "geld", quantum)
        out.add(f"{base}.offen", b.offen, "geld", quantum)


def _zahl(out: Liste, name: str, wert: Groesse) -> None:
    """A named figure and its bounds, as texts quote them."""
    out.add(name, wert.text, "text")
    for art in ("hoechstens", "mindestens"):
        grenze = getattr(wert, art, None)
        if grenze is not None:
            out.add(f"{name}.{art}", grenze.text, "text")


def zahlen(
    rechnung: Rechnung, zahlformat: Zahlformat, quantum: Decimal, prozent_stellen: int = 2
) -> list[tuple[str, str]]:
    """(expression as a text writes it, the value it prints) for everything a Vorlage's texts can quote, money as
    `zahlformat` prints it."""
    out = Liste(zahlformat, prozent_stellen)
    for t in rechnung.tabellen.values():
        _tabelle(out, t)
    u = rechnung.uebersicht
    if u is not None:
        if u.spanne:
            out.add("uebersicht.eigenanteil_min", u.eigenanteil_min, "geld", quantum)
            out.add("uebersicht.eigenanteil_max", u.eigenanteil_max, "geld", quantum)
        else:
            out.add("uebersicht.eigenanteil", u.eigenanteil, "geld", quantum)
        for year in u.jahre_max:
            if u.spanne:
                out.add(f"uebersicht.jahre_min[{year}]", u.jahre_min[year], "geld", quantum)
            out.add(f"uebersicht.jahre_max[{year}]", u.jahre_max[year], "geld", quantum)
    for kind, items in (("bescheide", rechnung.bescheide), ("antraege", rechnung.antraege)):
        for b in items.values():
            _bescheid(out, kind, b)
    for key, wert in (rechnung.zahlen or {}).items():
        _zahl(out, f"zahlen[{zitiert(key)}]", wert)
    for datei, werte in (rechnung.kennzahlen or {}).items():
        for key, wert in werte.items():
            _zahl(out, f"kennzahlen[{zitiert(datei)}][{zitiert(key)}]", wert)
    if rechnung.haushalt is not None:
        for name, betrag in haushaltszahlen.namen(rechnung.haushalt):
            out.add(name, betrag, "geld", rechnung.haushalt.quantum)
    for v in rechnung.verteilungen.values():
        base = f"verteilungen[{zitiert(v.id)}]"
        out.add(f"{base}.summe", v.summe, "zahl")
        out.add(f"{base}.soll", v.soll, "zahl")
        out.add(f"{base}.anzahl", v.anzahl, "zahl")
        out.add(f"{base}.vzae", v.vzae, "vzae")
    return out.lines
