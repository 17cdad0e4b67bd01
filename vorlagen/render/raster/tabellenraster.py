"""Eigenanteil tables, the Übersicht of the Eigenanteile, Verteilungen, Aufstellungen, Vergleiche and Matrizen as printed
(templates/tabellen.html.j2), each figure with its derivation (Herleitung)."""

from __future__ import annotations

from vorlagen.compute.aufstellung import Aufstellung
from vorlagen.compute.eigenanteil import Eigenanteilstabelle
from vorlagen.compute.herleitung import aufstellungswerte, uebersichtswerte, vergleichswerte, verteilungswerte
from vorlagen.compute.herleitung import matrix as m
from vorlagen.compute.herleitung import zeilen as h
from vorlagen.compute.herleitung.zeilen import Kontext
from vorlagen.compute.matrix import Matrix
from vorlagen.compute.uebersicht import Uebersicht
from vorlagen.compute.vergleich import STANDARD, Vergleich
from vorlagen.compute.verteilung import VerteilungWerte
from vorlagen.core.fmt import NBSP, zahl
from vorlagen.render.raster import Raster, Zelle, zelle


def eigenanteil(k: Kontext, t: Eigenanteilstabelle) -> list[Raster]:
    r = Raster(t.id, t.ueberschrift, [["Berechnung", "Betrag", "Art"]])
    for z in t.zeilen:
        zeichen = "− " if z.abzug else ""
        r.zeile(
            z.als,
            [f"{zeichen}{z.text}", zelle(h.zeile(k, t, z), zeichen), z.als],
            (z.id,) if z.id else (),
        )
    r.zeile("Eigenanteil", ["", zelle(h.eigenanteil_feld(k, t, "eigenanteil"), "= "), "Eigenanteil"])
    return [r]


def _name(t: Eigenanteilstabelle) -> str:
    return t.ueberschrift + (f" (Alternative „{t.alternative}“)" if t.alternative else "")


def uebersicht(k: Kontext, u: Uebersicht) -> list[Raster]:
    """The Eigenanteile by Haushaltsjahr: up to three years beside the amounts, more in tables of six."""
    jahre = list(u.jahre_max)
    if len(jahre) <= 3:
        kopf = ["Berechnung", "Gesamtkosten", "Abzüge", "Eigenanteil", *(f"davon {j}" for j in jahre)]
        spalten = ["Berechnung", "Gesamtkosten", "Abzüge", "Eigenanteil", *(str(j) for j in jahre)]
        r = Raster("uebersicht", k.facts.koerperschaft.hausstil.ueberschriften.eigenanteile, [kopf], spalten)
        for t in u.tabellen:
            years = [
                zelle(h.jahr_summe(k, t, j, "eigenanteil", t.jahre[j].eigenanteil)) if j in t.jahre else Zelle("–")
                for j in jahre
            ]
            r.zeile(_name(t), [_name(t), *_betraege(k, t), *years], (t.id,))
        for label, feld, jahre_feld in _summen(u):
            years = [zelle(uebersichtswerte.uebersicht(k, u, jahre_feld, j)) for j in jahre]
            r.zeile(label, [label, "", "", zelle(uebersichtswerte.uebersicht(k, u, feld)), *years])
        return [r]
    erste = Raster("uebersicht", "Eigenanteile", [["Berechnung", "Gesamtkosten", "Abzüge", "Eigenanteil"]])
    for t in u.tabellen:
        erste.zeile(_name(t), [_name(t), *_betraege(k, t)], (t.id,))
    for label, feld, _ in _summen(u):
        erste.zeile(label, [label, "", "", zelle(uebersichtswerte.uebersicht(k, u, feld))])
    result = [erste]
    kurz = {"Eigenanteil insgesamt, günstigste Alternative": "günstigste Alternative"}
    kurz |= {
        "Eigenanteil insgesamt, teuerste Alternative": "teuerste Alternative",
        "Eigenanteil insgesamt": "insgesamt",
    }
    for start in range(0, len(jahre), 6):
        teil = jahre[start : start + 6]
        titel = k.facts.koerperschaft.hausstil.ueberschriften.eigenanteile + (
            f" ({teil[0]}–{teil[-1]})" if len(jahre) > 6 else ""
        )
        r = Raster("uebersicht", titel, [["Berechnung", *(str(j) for j in teil)]])
        for t in u.tabellen:
            name = t.titel + (f" (Alternative „{t.alternative}“)" if t.alternative else "")
            cells = [
                zelle(h.jahr_summe(k, t, j, "eigenanteil", t.jahre[j].eigenanteil)) if j in t.jahre else Zelle("–")
                for j in teil
            ]
            r.zeile(name, [name, *cells], (t.id,))
        for label, _, jahre_feld in _summen(u):
            years = [zelle(uebersichtswerte.uebersicht(k, u, jahre_feld, j)) for j in teil]
            r.zeile(kurz[label], [kurz[label], *years])
        result.append(r)
    return result


def _betraege(k: Kontext, t: Eigenanteilstabelle) -> list[Zelle]:
    return [zelle(h.eigenanteil_feld(k, t, f)) for f in ("gesamtkosten", "abzuege", "eigenanteil")]


def _summen(u: Uebersicht) -> list[tuple[str, str, str]]:
    if u.spanne:
        return [
            ("Eigenanteil insgesamt, günstigste Alternative", "eigenanteil_min", "jahre_min"),
            ("Eigenanteil insgesamt, teuerste Alternative", "eigenanteil_max", "jahre_max"),
        ]
    return [("Eigenanteil insgesamt", "eigenanteil", "jahre_max")]


def verteilung(k: Kontext, v: VerteilungWerte) -> list[Raster]:
    r = Raster(v.id, v.titel, [["Kommune", "Tage", "Hinweis"]])
    for name, wert, hinweis in v.zeilen:
        r.zeile(
            name,
            [
                name,
                zelle(verteilungswerte.verteilung_wert(v, name, wert)) if wert is not None else "--",
                hinweis or "",
            ],
        )
    r.zeile(
        "Summe",
        [
            "Summe",
            zelle(verteilungswerte.verteilung(k, v, "summe")),
            f"= {zahl(v.vzae)}{NBSP}VZÄ x {zahl(v.tage_pro_vzae)}{NBSP}Tage",
        ],
    )
    return [r]


def aufstellung(k: Kontext, t: Aufstellung) -> list[Raster]:
    """Free columns, the computation where it says more than the amount, the amount (in T€ or Mio. € rounded so that
    the shown rows add up), the item; subtotals after each group; the sum; fund and rest."""
    werte, summe = t.gezeigt()
    rechnung = t.berechnung_zeigen
    einheit = "" if t.anzeige == "€" else f" in {k.zahlformat.geldeinheit(t.anzeige)}"
    breite = len(t.spalten) + (1 if rechnung else 0)
    kopf = [*t.spalten, *(["Berechnung"] if rechnung else []), f"Betrag{einheit}", "Posten"]
    spalten = [*t.spalten, *(["Berechnung"] if rechnung else []), "Betrag", "Posten"]
    r = Raster(t.id, t.ueberschrift, [kopf], spalten)
    leer = [""] * breite
    for i, z in enumerate(t.zeilen):
        felder = [z.position.felder.get(s, "") for s in t.spalten]
        r.zeile(
            z.als,
            [*felder, *([z.text] if rechnung else []), zelle(aufstellungswerte.gezeigt(k, t, i, werte[i])), z.als],
            (z.id,) if z.id else (),
        )
        gruppe = z.position.gruppe
        if gruppe and (i == len(t.zeilen) - 1 or t.zeilen[i + 1].position.gruppe != gruppe):
            g = next(x for x in t.gruppen if x.als == gruppe)
            label = f"Zwischensumme {g.als}"
            r.zeile(label, [*leer, zelle(aufstellungswerte.gruppe_summe(k, t, g)), label])
    r.zeile(t.summe_als, [*leer, zelle(aufstellungswerte.gezeigt(k, t, None, summe), "= "), t.summe_als], ("summe",))
    if t.fonds is not None:
        r.zeile(t.fonds_als, [*leer, zelle(aufstellungswerte.fonds(k, t)), t.fonds_als], ("fonds",))
        r.zeile("Rest", [*leer, zelle(aufstellungswerte.rest(k, t)), "Rest"], ("rest",))
    return [r]


def vergleich(k: Kontext, t: Vergleich) -> list[Raster]:
    """Both values and the comparison columns the body chose (default: Veränderung and in %)."""
    eigene = t.vergleichsspalten != STANDARD
    r = Raster(t.id, t.ueberschrift, [["", t.spalten[0], t.spalten[1], *(s.als for s in t.vergleichsspalten)]])
    for w in t.zeilen:
        spalten = (
            [zelle(m.vergleichsspalte(k, t, w, s.als)) for s in t.vergleichsspalten]
            if eigene
            else [
                zelle(vergleichswerte.vergleich_wert(k, t, w, "differenz")),
                zelle(vergleichswerte.vergleich_wert(k, t, w, "veraenderung")),
            ]
        )
        r.zeile(
            w.als,
            [
                w.als,
                zelle(vergleichswerte.vergleich_wert(k, t, w, "alt")),
                zelle(vergleichswerte.vergleich_wert(k, t, w, "neu")),
                *spalten,
            ],
            (w.id,) if w.id else (),
        )
    return [r]


def matrix(k: Kontext, t: Matrix) -> list[Raster]:
    """Rows × columns, the sum of each row (a column „Summe“) and of each column (a row „Summe“)."""
    summe = [t.summe_als] if t.zeilensummen else []
    r = Raster(t.id, t.ueberschrift, [[t.zeilenkopf, *t.spalten, *summe]], ["", *t.spalten, *summe])
    for row in t.zeilen:
        zellen = [zelle(m.zelle(k, t, row, s)) for s in t.spalten]
        zellen += [zelle(m.zeilensumme(k, t, row))] if t.zeilensummen else []
        r.zeile(row.als, [row.als, *zellen], (row.id,) if row.id else ())
    if t.spaltensummen:
        zellen = [zelle(m.spaltensumme(k, t, s)) for s in t.spalten]
        zellen += [zelle(m.gesamt(k, t))] if t.zeilensummen else []
        r.zeile(t.summe_als, [t.summe_als, *zellen], ("summe",))
    return [r]
