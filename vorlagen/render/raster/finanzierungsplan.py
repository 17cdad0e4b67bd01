"""Finanzierungspläne and their scenarios as printed (templates/tabellen.html.j2), each figure with its derivation."""

from __future__ import annotations

from vorlagen.compute.herleitung import Herleitung
from vorlagen.compute.herleitung import quellen as h
from vorlagen.compute.herleitung.zeilen import Kontext, zeile
from vorlagen.compute.plaene import Finanzierungsplan
from vorlagen.compute.tabelle import Zeile
from vorlagen.core.fmt import prozent
from vorlagen.render.raster import Raster, zelle


def _kosten_name(k: Kontext, t: Finanzierungsplan, z: Zeile) -> str:
    name = z.als
    assert name is not None  # a plan's cost rows always have a label (compute/plaene._plan)
    if z.text != k.geld(z.betrag, t.quantum):
        name += f" {z.text}"
    if not z.position.foerderfaehig:
        name += " nicht förderfähig"
    return name


def _hundert(t: Finanzierungsplan) -> Herleitung:
    shown = prozent(1, t.prozent_stellen)
    return Herleitung("Anteil der Gesamtkosten", f"Gesamtkosten / Gesamtkosten = {shown}", shown)


def finanzierungsplan(k: Kontext, t: Finanzierungsplan) -> list[Raster]:
    """Up to three Haushaltsjahre beside the amounts; more in tables of their own, six years each."""
    alle = list(t.jahre)
    breit = len(alle) > 3
    jahre = [] if breit else alle
    r = Raster(t.id, t.ueberschrift, [["Kosten und Finanzierung", "Betrag", "Anteil", *(str(j) for j in jahre)]])
    for z in t.zeilen:
        years = [zelle(h.kosten_jahr(k, t, z, j)) for j in jahre]
        r.zeile(z.als, [_kosten_name(k, t, z), zelle(zeile(k, t, z)), "", *years], (z.id,) if z.id else ())
    gesamt = "Gesamtkosten" + (
        f" davon förderfähig {k.geld(t.foerderfaehig, t.quantum)}" if t.nicht_foerderfaehig else ""
    )
    years = [zelle(h.jahr_gesamt(k, t, j)) for j in jahre]
    r.zeile("Gesamtkosten", [gesamt, zelle(h.feld(k, t, "gesamtkosten")), zelle(_hundert(t)), *years])
    for q in t.quellen:
        years = [zelle(h.quelle_jahr(k, t, q, j)) for j in jahre]
        r.zeile(
            q.als,
            [f"{q.als} {q.art}; {q.text}", zelle(h.quelle(k, t, q)), zelle(h.anteil(k, t, q)), *years],
            (q.id,) if q.id else (),
        )
    years = [zelle(h.jahr_gesamt(k, t, j)) for j in jahre]
    r.zeile("Finanzierung insgesamt", ["Finanzierung insgesamt", zelle(h.feld(k, t, "gesamtkosten"), "= "), "", *years])
    result = [r]
    if breit:
        for start in range(0, len(alle), 6):
            teil = alle[start : start + 6]
            titel = f"{t.titel} nach Haushaltsjahren" + (f" ({teil[0]}–{teil[-1]})" if len(alle) > 6 else "")
            y = Raster(t.id, titel, [["Kosten und Finanzierung", *(str(j) for j in teil)]])
            for z in t.zeilen:
                y.zeile(z.als, [z.als, *(zelle(h.kosten_jahr(k, t, z, j)) for j in teil)], (z.id,) if z.id else ())
            y.zeile("Gesamtkosten", ["Gesamtkosten", *(zelle(h.jahr_gesamt(k, t, j)) for j in teil)])
            for q in t.quellen:
                y.zeile(q.als, [q.als, *(zelle(h.quelle_jahr(k, t, q, j)) for j in teil)], (q.id,) if q.id else ())
            y.zeile(
                "Finanzierung insgesamt", ["Finanzierung insgesamt", *(zelle(h.jahr_gesamt(k, t, j)) for j in teil)]
            )
            result.append(y)
    return result


def szenarien(k: Kontext, t: Finanzierungsplan) -> list[Raster]:
    """The same plan under each scenario's rates, side by side: per scenario its amount and share."""
    assert t.szenarien is not None and t.szenario_namen is not None  # a plan with scenarios (render/tabellenarten)
    plaene = list(t.szenarien.values())
    kopf = [["Kosten und Finanzierung", *t.szenario_namen], [p for _ in plaene for p in ("Betrag", "Anteil")]]
    spalten = ["Kosten und Finanzierung", *(f"{n} {x}" for n in t.szenario_namen for x in ("Betrag", "Anteil"))]
    r = Raster(t.id, t.ueberschrift, kopf, spalten)
    for i, z in enumerate(t.zeilen):
        name = z.als + ("" if z.position.foerderfaehig else " nicht förderfähig")
        cells = [c for p in plaene for c in (zelle(zeile(k, p, p.zeilen[i])), "")]
        r.zeile(z.als, [name, *cells], (z.id,) if z.id else ())
    cells = [c for p in plaene for c in (zelle(h.feld(k, p, "gesamtkosten")), zelle(_hundert(p)))]
    r.zeile("Gesamtkosten", ["Gesamtkosten", *cells])
    for i, q in enumerate(t.quellen):
        cells = [c for p in plaene for c in (zelle(h.quelle(k, p, p.quellen[i])), zelle(h.anteil(k, p, p.quellen[i])))]
        r.zeile(q.als, [f"{q.als} {q.art}", *cells], (q.id,) if q.id else ())
    return [r]
