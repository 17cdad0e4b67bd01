"""The Finanzielle Auswirkungen as printed (templates/haushalt.html.j2): the Haushaltsmittel per year of the Positionen
outside a Deckungskreis, each Deckungskreis per year and the Deckung, each figure with its derivation (Herleitung)."""

from __future__ import annotations

from fractions import Fraction

from vorlagen.compute.deckungskreis import Kreiszeile
from vorlagen.compute.hauptbuch import Rechnung
from vorlagen.compute.haushalt import Auswirkungen
from vorlagen.compute.herleitung import Eingang, Herleitung, haushaltswerte
from vorlagen.compute.herleitung.namen import herleiten, teil_von
from vorlagen.compute.herleitung.zeilen import Kontext, summe
from vorlagen.render.raster import Raster, Zelle, zelle


def haushalt(k: Kontext, a: Auswirkungen, rechnung: Rechnung) -> list[Raster]:
    if a.keine:
        return []
    stil = k.facts.koerperschaft.hausstil
    q = a.quantum
    result = []
    if a.einzeln:
        kopf = ["Jahr", "Position", "Betrag", "Ansatz", "gebunden", "verfügbar", "Mittel vorhanden", "Mehrbedarf"]
        r = Raster("haushalt", stil.ueberschriften.haushalt, [kopf])
        for z in a.einzeln:
            p = z.position
            position = f"{p.art} {p.konto}" + (f" {p.bezeichnung}" if p.bezeichnung else "")
            if p.plan not in ("Ergebnisplan", "Verwaltungshaushalt"):
                position += f" ({a.planwort(str(p.plan))})"
            felder = [
                zelle(haushaltswerte.haushalt_zeile(k, a, z, f, teil_von(rechnung, k)))
                for f in ("betrag", "ansatz", "gebunden", "verfuegbar")
            ]
            mehr = (
                zelle(haushaltswerte.haushalt_zeile(k, a, z, "mehrbedarf", teil_von(rechnung, k)))
                if z.art
                else Zelle("–")
            )
            r.zeile(
                f"{z.jahr} {p.konto}", [str(z.jahr), position, *felder, "Ja" if z.mittel_vorhanden else "Nein", mehr]
            )
        result.append(r)
    for kreis in a.kreise.values():
        for jahr, kj in kreis.jahre.items():
            mit_gebunden = kj.gebunden != 0
            betrag_kopf = stil.finanzen.beschriftung.betrag or kreis.spalte
            kopf = [
                kreis.kontowort,
                "Bezeichnung",
                stil.finanzen.beschriftung.ansatz,
                *(["gebunden"] if mit_gebunden else []),
                betrag_kopf,
            ]
            r = Raster(kreis.id, f"{kreis.bezeichnung}, Haushaltsjahr {jahr}", [kopf])
            teile: dict[str, list[Herleitung]] = {"ansatz": [], "gebunden": [], "betrag": []}
            for kz in kj.zeilen:
                p = kz.position
                h = {f: _kreis_feld(k, a, kz, f, jahr, rechnung) for f in ("ansatz", "gebunden", "betrag")}
                for f, x in h.items():
                    teile[f].append(x)
                r.zeile(
                    p.konto,
                    [
                        p.konto,
                        p.bezeichnung or "",
                        zelle(h["ansatz"]),
                        *([zelle(h["gebunden"])] if mit_gebunden else []),
                        zelle(h["betrag"]) if kz.name else Zelle("–"),
                    ],
                )
            sums = {
                f: summe(k, f"Summe {w}: {kreis.bezeichnung}, {jahr}", f"Summe der {w}", teile[f], getattr(kj, f), q)
                for f, w in (("ansatz", "Ansätze"), ("gebunden", "gebundenen Mittel"), ("betrag", "Beträge"))
            }
            r.zeile(
                "Summe",
                [
                    "Summe",
                    "",
                    zelle(sums["ansatz"]),
                    *([zelle(sums["gebunden"])] if mit_gebunden else []),
                    zelle(sums["betrag"]),
                ],
            )
            result.append(r)
    if a.deckungen:
        result.append(_deckung(k, a, rechnung))
    return result


def _deckung(k: Kontext, a: Auswirkungen, rechnung: Rechnung) -> Raster:
    """The Deckung as printed: per source its year, kind, Position, amount and what is free there."""
    stil = k.facts.koerperschaft.hausstil
    offen = a.noch_offen
    d_kopf = ["Jahr", "Art", "Position", "Betrag", "dort verfügbar"]
    deckung = Raster("deckung", stil.ueberschriften.deckung, [d_kopf])
    for d in a.deckungen:
        if d.position is not None:
            position = f"{d.position.art} {d.konto}" + (f" {d.position.bezeichnung}" if d.position.bezeichnung else "")
        else:
            position = offen
        if d.verfuegbar is not None:
            verfuegbar = zelle(haushaltswerte.deckung(k, a, d, "verfuegbar"))
        else:
            verfuegbar = Zelle("–" if not d.position else offen)
        deckung.zeile(
            f"{d.jahr} {d.konto or offen}",
            [
                str(d.jahr),
                d.wort or offen,
                position,
                zelle(haushaltswerte.deckung(k, a, d, "betrag", teil_von(rechnung, k))),
                verfuegbar,
            ],
        )
    return deckung


def _kreis_feld(k: Kontext, a: Auswirkungen, z: Kreiszeile, feld: str, jahr: int, rechnung: Rechnung) -> Herleitung:
    """A line of a Deckungskreis: its Ansatz and what is bound there (from the Haushalt), the Vorlage's amount."""
    from vorlagen.compute.formel import teile

    q = a.quantum
    p = z.position
    if feld in ("ansatz", "gebunden"):
        value = Fraction(getattr(p, feld) or 0)
        wort = "Ansatz" if feld == "ansatz" else "gebunden"
        return Herleitung(
            f"{wort}: {p.konto} {p.bezeichnung or ''}, {jahr}".replace("  ", " "),
            f"aus dem Haushalt = {k.geld(value, q)}",
            k.geld(value, q),
            [Eingang(f"{wort} (haushalt/{jahr}.yaml)", k.geld(value, q), p.where(feld))],
        )
    if not z.name:
        return Herleitung(
            f"Betrag: {p.konto}, {jahr}", f"die Vorlage nennt hier keinen Betrag = {k.geld(0, q)}", k.geld(0, q)
        )
    teil = herleiten(rechnung, k, teile(z.name))[0]
    return Herleitung(
        f"Betrag: {p.konto}, {jahr}",
        f"die Zahl „{z.name}“ = {k.geld(z.betrag, q)}",
        k.geld(z.betrag, q),
        [Eingang("Name der Zahl", z.name)],
        teile=[teil.mit(k.geld(z.betrag, q))],
    )
