"""The Finanzielle Auswirkungen as printed (templates/haushalt.html.j2): the Haushaltsmittel per year and the
Deckung, each figure with its derivation (Herleitung)."""

from __future__ import annotations

from vorlagen.compute.herleitung import weitere
from vorlagen.compute.herleitung.zeilen import Kontext
from vorlagen.render.raster import Raster, zelle


def haushalt(k: Kontext, a, rechnung) -> list[Raster]:
    if a.keine:
        return []
    kopf = ["Jahr", "Position", "Betrag", "Ansatz", "gebunden", "verfügbar", "Mittel vorhanden", "Mehrbedarf"]
    r = Raster("haushalt", "Haushaltsmittel je Haushaltsjahr", [kopf])
    for z in a.zeilen:
        p = z.position
        position = f"{p.art} {p.konto} {p.bezeichnung}" + (f" ({p.plan})" if p.plan != "Ergebnisplan" else "")
        felder = [
            zelle(weitere.haushalt_zeile(k, a, z, f, rechnung)) for f in ("betrag", "ansatz", "gebunden", "verfuegbar")
        ]
        mehr = zelle(weitere.haushalt_zeile(k, a, z, "mehrbedarf", rechnung)) if z.art else "–"
        r.zeile(f"{z.jahr} {p.konto}", [str(z.jahr), position, *felder, "Ja" if z.mittel_vorhanden else "Nein", mehr])
    result = [r]
    if a.deckung:
        d_kopf = ["Jahr", "Art", "Position", "Betrag", "dort verfügbar"]
        deckung = Raster("deckung", "Deckung", [d_kopf])
        for d in a.deckung:
            position = f"{d.position.art} {d.konto} {d.position.bezeichnung}" if d.position else d.konto
            verfuegbar = zelle(weitere.deckung(k, a, d, "verfuegbar", rechnung)) if d.verfuegbar is not None else "–"
            deckung.zeile(
                f"{d.jahr} {d.konto}",
                [str(d.jahr), d.art, position, zelle(weitere.deckung(k, a, d, "betrag", rechnung)), verfuegbar],
            )
        result.append(deckung)
    return result
