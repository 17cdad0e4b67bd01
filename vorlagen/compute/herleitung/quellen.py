"""Derivations of a Finanzierungsplan's figures: its costs, each source by its way of financing (Anteil, Festbetrag,
Fehlbedarf, Rest …), the shares the Anteil column prints and the Haushaltsjahre."""

from __future__ import annotations

from fractions import Fraction

from vorlagen.compute.herleitung import Eingang, Herleitung, betrag_genau
from vorlagen.compute.herleitung.zeilen import MINUS, Kontext, aufteilung, summe, tabelle_was, zeile
from vorlagen.compute.plaene import Finanzierungsplan, Quellenzeile
from vorlagen.compute.tabelle import Zeile
from vorlagen.core.fmt import NBSP, zahl
from vorlagen.core.money import exact


def feld(k: Kontext, t: Finanzierungsplan, name: str) -> Herleitung:
    """gesamtkosten, foerderfaehig, nicht_foerderfaehig, zuwendung, dritte, eigenmittel, foerderquote."""
    q = k.rundung_von(t).quantum
    rows = [zeile(k, t, z) for z in t.zeilen]
    if name == "gesamtkosten":
        return summe(k, f"Gesamtkosten {tabelle_was(t)}", "Summe der Kostenzeilen", rows, t.gesamtkosten, q)
    if name == "foerderfaehig":
        teile = [h for h, z in zip(rows, t.zeilen, strict=True) if z.position.foerderfaehig]
        return summe(
            k,
            f"förderfähige Kosten {tabelle_was(t)}",
            "Summe der förderfähigen Kostenzeilen",
            teile,
            t.foerderfaehig,
            q,
        )
    if name == "nicht_foerderfaehig":
        teile = [h for h, z in zip(rows, t.zeilen, strict=True) if not z.position.foerderfaehig]
        return summe(
            k,
            f"nicht förderfähige Kosten {tabelle_was(t)}",
            "Summe der übrigen Kostenzeilen",
            teile,
            t.nicht_foerderfaehig,
            q,
        )
    if name in ("zuwendung", "dritte", "eigenmittel"):
        art = {"zuwendung": "Zuwendung", "dritte": "Dritte", "eigenmittel": "Eigenmittel"}[name]
        teile = [quelle(k, t, z) for z in t.quellen if z.art == art]
        return summe(k, f"{art} {tabelle_was(t)}", f"Summe der Quellen der Art „{art}“", teile, getattr(t, name), q)
    assert name == "foerderquote"
    shown = _prozent(t.foerderquote, t.prozent_stellen)
    return Herleitung(
        f"Förderquote {tabelle_was(t)}",
        f"Zuwendung / förderfähige Kosten = {k.geld(t.zuwendung, q)} / {k.geld(t.foerderfaehig, q)} = {shown}",
        shown,
        teile=[feld(k, t, "zuwendung"), feld(k, t, "foerderfaehig")],
        rundung=f"genau gerechnet, gedruckt kaufmännisch auf {t.prozent_stellen} Nachkommastellen",
    )


def _prozent(value: Fraction | None, stellen: int) -> str:
    from vorlagen.core.fmt import prozent

    return prozent(value, stellen) if value is not None else "–"


def quelle(k: Kontext, t: Finanzierungsplan, z: Quellenzeile) -> Herleitung:
    """One source's amount, by the way it is financed."""
    q = k.rundung_von(t).quantum
    qu = z.quelle
    was = f"Quelle „{z.als}“ ({z.art}) {tabelle_was(t)}"
    shown = k.geld(z.betrag, q)
    eingaben: list[Eingang] = []
    if qu.foerdersatz is not None:
        genau = exact(t.foerderfaehig) * exact(qu.foerdersatz) / 100
        regel = (
            f"Anteilsfinanzierung: förderfähige Kosten × Fördersatz = {k.geld(t.foerderfaehig, q)} × "
            f"{zahl(qu.foerdersatz)} % = {betrag_genau(genau)} → {shown}"
        )
        eingaben.append(Eingang("Fördersatz", f"{zahl(qu.foerdersatz)}{NBSP}%", qu.where("foerdersatz")))
    elif qu.anteil is not None and not qu.rest:
        genau = exact(t.gesamtkosten) * qu.anteil
        regel = (
            f"Anteil an den Gesamtkosten: {k.geld(t.gesamtkosten, q)} × {qu.anteil} = {betrag_genau(genau)} → {shown}"
        )
        eingaben.append(Eingang("Anteil", str(qu.anteil), qu.where("anteil")))
    elif qu.festbetrag is not None:
        regel = f"Festbetragsfinanzierung = {shown}"
        eingaben.append(Eingang("Festbetrag", k.geld(qu.festbetrag, q), qu.where("festbetrag")))
    elif qu.betrag is not None:
        regel = f"fester Betrag = {shown}"
        eingaben.append(Eingang("Betrag", k.geld(qu.betrag, q), qu.where("betrag")))
    else:
        teile_q = [x for x in t.quellen if x is not z and (qu.rest or not x.quelle.rest)]
        others = [quelle(k, t, x) for x in teile_q]
        rest_art = "Rest" if qu.rest else "Fehlbedarfsfinanzierung"
        terms = " ".join(f"{MINUS} {h.gedruckt}" for h in others)
        regel = f"{rest_art}: Gesamtkosten − übrige Quellen = {k.geld(t.gesamtkosten, q)} {terms}"
        if qu.hoechstbetrag is not None:
            regel += f", höchstens {k.geld(qu.hoechstbetrag, q)}"
            eingaben.append(Eingang("höchstens", k.geld(qu.hoechstbetrag, q), qu.where("hoechstbetrag")))
        eingaben.append(
            Eingang("trägt den Rest" if qu.rest else "Fehlbedarf", "ja", qu.where("rest" if qu.rest else "fehlbedarf"))
        )
        return Herleitung(
            was,
            f"{regel} = {shown}",
            shown,
            eingaben,
            teile=others,
            rundung="keine eigene: die Differenz gerundeter Beträge",
        )
    if qu.hoechstbetrag is not None:
        eingaben.append(Eingang("höchstens", k.geld(qu.hoechstbetrag, q), qu.where("hoechstbetrag")))
        regel += f", höchstens {k.geld(qu.hoechstbetrag, q)}"
    if qu.rest:
        regel += "; trägt außerdem den Rundungsrest: Gesamtkosten − übrige Quellen"
    return Herleitung(was, regel, shown, eingaben, rundung=k.rundung_wort(t))


def anteil(k: Kontext, t: Finanzierungsplan, z: Quellenzeile) -> Herleitung:
    """The share the Anteil column prints: 100 % split over the sources by their amounts in steps of the printed
    places, so that the printed shares add up to 100 %."""
    q = k.rundung_von(t).quantum
    shown = t.anteil(z)
    genau = exact(z.betrag) / exact(t.gesamtkosten) * 100 if t.gesamtkosten else 0
    return Herleitung(
        f"Anteil der Quelle „{z.als}“ {tabelle_was(t)}",
        f"Betrag / Gesamtkosten = {k.geld(z.betrag, q)} / {k.geld(t.gesamtkosten, q)} = {zahl(genau, 6) if genau else '0'}{NBSP}% → {shown}",
        shown,
        teile=[quelle(k, t, z)],
        rundung=f"100 % auf die Quellen verteilt in Schritten von {t.prozent_stellen} Nachkommastellen: abgerundet, "
        "die übrigen Schritte an die größten Reste (bei Gleichstand zuerst die Quelle mit „rest“) – die gedruckten "
        "Anteile ergeben zusammen 100 %",
    )


def quelle_jahr(k: Kontext, t: Finanzierungsplan, z: Quellenzeile, year: int) -> Herleitung:
    """A source's part of one Haushaltsjahr: split by the year weights; the rest source takes the year's costs less
    the other sources."""
    q = k.rundung_von(t).quantum
    weights = {int(y): w for y, w in t.berechnung.haushaltsjahre.items()} or t.periode.gewichte
    if z.quelle.rest:
        others = [quelle_jahr(k, t, x, year) for x in t.quellen if x is not z]
        terms = " ".join(f"{MINUS} {h.gedruckt}" for h in others)
        return Herleitung(
            f"Anteil {year} der Quelle „{z.als}“ {tabelle_was(t)}",
            f"Gesamtkosten {year} − übrige Quellen {year} = {k.geld(t.jahre[year], q)} {terms} = {k.geld(z.jahre[year], q)}",
            k.geld(z.jahre[year], q),
            teile=others,
            rundung="keine eigene: die Jahre der Quelle mit „rest“ ergänzen die übrigen zu den Kosten des Jahres",
        )
    return aufteilung(
        k,
        f"Anteil {year} der Quelle „{z.als}“ {tabelle_was(t)}",
        z.betrag,
        weights,
        year,
        z.jahre[year],
        q,
        "haushaltsjahre",
    )


def kosten_jahr(k: Kontext, t: Finanzierungsplan, z: Zeile, year: int) -> Herleitung:
    """A cost row's part of one Haushaltsjahr."""
    q = k.rundung_von(t).quantum
    weights = {int(y): w for y, w in t.berechnung.haushaltsjahre.items()} or t.periode.gewichte
    return aufteilung(
        k,
        f"Anteil {year} der Kostenzeile „{z.als}“ {tabelle_was(t)}",
        z.betrag,
        weights,
        year,
        z.jahre[year],
        q,
        "haushaltsjahre",
    )


def jahr_gesamt(k: Kontext, t: Finanzierungsplan, year: int) -> Herleitung:
    """Gesamtkosten (= Finanzierung insgesamt) of one Haushaltsjahr: Σ the cost rows' parts."""
    q = k.rundung_von(t).quantum
    return summe(
        k,
        f"Gesamtkosten {year} {tabelle_was(t)}",
        f"Summe der Kostenzeilen {year}",
        [kosten_jahr(k, t, z, year) for z in t.zeilen],
        t.jahre[year],
        q,
    )
