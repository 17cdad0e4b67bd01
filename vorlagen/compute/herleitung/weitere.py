"""Derivations of the figures outside the tables: Bescheide and Anträge, the Übersicht of the Eigenanteile, the
Finanzielle Auswirkungen (Haushalt block), Verteilungen and the named figures of `zahlen`."""

from __future__ import annotations

from fractions import Fraction

from vorlagen.compute.eigenanteil import Zeile
from vorlagen.compute.herleitung import Eingang, Herleitung, Teil, betrag_genau, je_einheit_text, rundung_text
from vorlagen.compute.herleitung.zeilen import MINUS, Kontext, eigenanteil_feld, jahr_summe, summe
from vorlagen.compute.periode import fuer_periode, periode
from vorlagen.compute.project import eigene_rundung
from vorlagen.core.fmt import zahl
from vorlagen.core.money import CENT, exact
from vorlagen.load.kennzahlen import RUNDUNGSARTEN

# --- Bescheide and Anträge ---------------------------------------------------------------------------------------


def position(k: Kontext, b, p) -> Herleitung:
    """One position of a Bescheid: count × the rate for its period, by the same rule as a table's row."""
    r = eigene_rundung(k.rundung, b.bescheid.rundung)
    q = r.quantum
    periode_ = periode(b.zeitraum, b.bescheid.tagesgenau)
    assert periode_ is not None  # the Bescheid was computed with it
    genau = fuer_periode(p.satz, periode_)
    record = _record(b, p)
    eingaben = [
        Eingang("Anzahl", zahl(p.anzahl), record.where("anzahl") if record else None),
        Eingang(f"Satz „{p.satz.id}“ ({p.satz.name}), je {p.satz.einheit}", betrag_genau(p.satz.betrag), p.satz.where),
        Eingang(
            "Zeitraum",
            f"{b.zeitraum.von:%d.%m.%Y}–{b.zeitraum.bis:%d.%m.%Y} ({periode_.text})",
            b.bescheid.where("zeitraum"),
        ),
    ]
    schritte = (
        [f"{p.satz.kurz} für {periode_.text}: {betrag_genau(genau)} → {k.geld(p.einheit, q)}"] if periode_.text else []
    )
    return Herleitung(
        f"Position „{p.als}“ des {b.art}s „{b.id}“",
        f"Anzahl × Betrag je Einheit = {zahl(p.anzahl)} × {k.geld(p.einheit, q)} = {k.geld(p.betrag, q)}",
        k.geld(p.betrag, q),
        eingaben,
        schritte,
        f"{rundung_text(r, b.bescheid.rundung)}; {je_einheit_text(r)}",
    )


def _record(b, p):
    """The position of the Bescheid's file a computed position comes from."""
    return next((x for x in b.bescheid.positionen if x.satz == p.satz.id and (x.als or p.satz.name) == p.als), None)


def position_anzahl(b, p) -> Herleitung:
    record = _record(b, p)
    shown = zahl(p.anzahl)
    return Herleitung(
        f"Anzahl der Position „{p.als}“ des {b.art}s „{b.id}“",
        f"angegeben = {shown}",
        shown,
        [Eingang("Anzahl", shown, record.where("anzahl") if record else None)],
    )


def bescheid(k: Kontext, b, feld: str) -> Herleitung:
    q = b.quantum
    teile = [position(k, b, p) for p in b.zeilen]
    if feld == "betrag":
        h = summe(k, f"Betrag des {b.art}s „{b.id}“", "Summe der Positionen", teile, b.betrag, q)
        if b.bescheid.betrag is not None:
            h.eingaben.append(
                Eingang("Betrag laut Bescheid (geprüft)", k.geld(b.bescheid.betrag, q), b.bescheid.where("betrag"))
            )
        return h
    if feld == "vzae":
        terms = [f"{zahl(p.anzahl)} × {zahl(p.satz.vzae)}" for p in b.zeilen if p.satz.vzae]
        eingaben = [Eingang(f"VZÄ je Einheit von „{p.satz.id}“", zahl(p.satz.vzae), p.satz.where) for p in b.zeilen]
        return Herleitung(
            f"Stellen (VZÄ) des {b.art}s „{b.id}“",
            f"Σ Anzahl × VZÄ je Einheit = {' + '.join(terms) or '0'} = {zahl(b.vzae)}",
            zahl(b.vzae),
            eingaben,
        )
    raten = [r for r in b.raten if r.bezahlt] if feld == "bezahlt" else []
    if feld == "bezahlt":
        return summe(
            k,
            f"Bezahlte Raten des {b.art}s „{b.id}“",
            "Summe der bezahlten Raten",
            [rate(k, b, r) for r in raten],
            b.bezahlt,
            q,
        )
    assert feld == "offen"
    return Herleitung(
        f"Noch offen beim {b.art} „{b.id}“",
        f"Betrag − bezahlt = {k.geld(b.betrag, q)} {MINUS} {k.geld(b.bezahlt, q)} = {k.geld(b.offen, q)}",
        k.geld(b.offen, q),
        teile=[bescheid(k, b, "betrag"), bescheid(k, b, "bezahlt")],
    )


def rate(k: Kontext, b, r) -> Herleitung:
    q = b.quantum
    return Herleitung(
        f"Rate „{r.als}“ des {b.art}s „{b.id}“",
        f"Betrag × Anteil der Rate = {k.geld(b.betrag, q)} × {r.anteil} = {betrag_genau(exact(b.betrag) * r.anteil)} → {k.geld(r.betrag, q)}",
        k.geld(r.betrag, q),
        rundung="die Raten abgerundet, die übrigen Schritte an die größten Reste – zusammen genau der Betrag",
    )


def rate_anteil(b, r) -> Herleitung:
    """The share of an instalment as the Bescheid states it (`anteil: 1/2`)."""
    rate = b.bescheid.raten[list(b.raten).index(r)]
    return Herleitung(
        f"Anteil der Rate „{r.als}“ des {b.art}s „{b.id}“",
        f"angegeben: {r.anteil.numerator}/{r.anteil.denominator} des Betrags",
        "",
        [Eingang("anteil", f"{r.anteil.numerator}/{r.anteil.denominator}", rate.where("anteil"))],
        rundung="genau; gedruckt kaufmännisch mit den Stellen des Filters",
    )


# --- Übersicht of the Eigenanteile --------------------------------------------------------------------------------


def uebersicht(k: Kontext, u, feld: str, year: int | None = None) -> Herleitung:
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


# --- Finanzielle Auswirkungen -----------------------------------------------------------------------------------


def haushalt_zeile(k: Kontext, a, z, feld: str, teil: Teil | None = None) -> Herleitung:
    """One Position in one Haushaltsjahr: the amount (a named figure, derived by `teil`), what the plan has left,
    the Mehrbedarf."""
    q = a.quantum
    pos = z.position
    was = f"{pos.art} {pos.konto}" + (f" {pos.bezeichnung}" if pos.bezeichnung else "") + f", {z.jahr}"
    haushalt = f"haushalt/{z.jahr}.yaml"
    ansatz = Eingang(f"Ansatz ({haushalt})", k.geld(pos.ansatz, q), pos.where("ansatz"))
    gebunden = Eingang(f"gebunden ({haushalt})", k.geld(pos.gebunden, q), pos.where("gebunden"))
    if feld == "betrag":
        betrag = teil(_pfad(z.name), 3) if teil is not None else None
        return Herleitung(
            f"Betrag: {was}",
            f"die Zahl „{z.name}“ = {k.geld(z.betrag, q)}",
            k.geld(z.betrag, q),
            [Eingang("Name der Zahl", z.name, z.where)],
            teile=[betrag.mit(k.geld(z.betrag, q))] if betrag is not None else [],
        )
    if feld == "ansatz":
        return Herleitung(
            f"Ansatz: {was}", f"aus dem Haushalt = {k.geld(pos.ansatz, q)}", k.geld(pos.ansatz, q), [ansatz]
        )
    if feld == "gebunden":
        return Herleitung(
            f"gebunden: {was}", f"aus dem Haushalt = {k.geld(pos.gebunden, q)}", k.geld(pos.gebunden, q), [gebunden]
        )
    if feld == "verfuegbar":
        teile = pos.mittel_teile
        return Herleitung(
            f"verfügbar: {was}",
            f"{' + '.join(n for n, _ in teile)} − gebunden = {' + '.join(k.geld(w, q) for _, w in teile)} {MINUS} "
            f"{k.geld(pos.gebunden, q)} = {k.geld(z.verfuegbar, q)}",
            k.geld(z.verfuegbar, q),
            [ansatz, *_mittel_eingaenge(k, pos, haushalt, q), gebunden],
        )
    assert feld == "mehrbedarf"
    return Herleitung(
        f"Mehrbedarf: {was}",
        f"Betrag − verfügbar, wenigstens 0 = {k.geld(z.betrag, q)} {MINUS} {k.geld(z.verfuegbar, q)} → {k.geld(z.mehrbedarf, q)}"
        + (f" ({z.art})" if z.art else " (die Mittel reichen)"),
        k.geld(z.mehrbedarf, q),
        [ansatz, gebunden],
        teile=[haushalt_zeile(k, a, z, "betrag", teil)],
    )


def _mittel_eingaenge(k: Kontext, pos, haushalt: str, q) -> list[Eingang]:
    """The Reste and earlier Bereitstellungen a Position states, as inputs of a derivation."""
    return [Eingang(f"{n} ({haushalt})", k.geld(w, q), pos.where(n.lower())) for n, w in pos.mittel_teile[1:]]


def _pfad(name: str) -> tuple[str, ...]:
    from vorlagen.compute.formel import teile

    return teile(name)


def deckung(k: Kontext, a, d, feld: str, teil: Teil | None = None) -> Herleitung:
    """A Deckung: its amount (a named figure, derived by `teil`) or what its source has left."""
    q = a.quantum
    pos = d.position
    was = f"Deckung {d.jahr}: {d.art or 'Art noch offen'} bei {d.konto or 'Quelle noch offen'}"
    if feld == "betrag":
        betrag = teil(_pfad(d.name), 3) if teil is not None and d.name else None
        return Herleitung(
            was,
            f"die Zahl „{d.name}“ = {k.geld(d.betrag, q)}",
            k.geld(d.betrag, q),
            [Eingang("Name der Zahl", d.name, d.where)],
            teile=[betrag.mit(k.geld(d.betrag, q))] if betrag is not None else [],
        )
    assert feld == "verfuegbar" and d.verfuegbar is not None and pos is not None
    ansatz, gebunden = Fraction(pos.ansatz or 0), Fraction(pos.gebunden)
    if getattr(pos, "ertrag", False):
        regel = (
            f"Prognose − Ansatz − gebunden = {k.geld(pos.prognose, q)} {MINUS} {k.geld(ansatz, q)} {MINUS} "
            f"{k.geld(gebunden, q)} = {k.geld(d.verfuegbar, q)}"
        )
    else:
        teile = pos.mittel_teile
        regel = (
            f"{' + '.join(n for n, _ in teile)} − gebunden = {' + '.join(k.geld(w, q) for _, w in teile)} {MINUS} "
            f"{k.geld(gebunden, q)} = {k.geld(d.verfuegbar, q)}"
        )
    bezeichnung = f"{pos.konto} {pos.bezeichnung or ''}".strip()
    return Herleitung(
        f"dort verfügbar: {was}",
        regel,
        k.geld(d.verfuegbar, q),
        [Eingang(f"Position (haushalt/{d.jahr}.yaml)", bezeichnung, pos.where())],
    )


# --- Verteilungen -----------------------------------------------------------------------------------------------


def verteilung_wert(v, name: str, wert) -> Herleitung:
    """One typed value of a Verteilung (the days of one Kommune)."""
    return Herleitung(
        f"„{name}“ der Verteilung „{v.id}“",
        f"getippt: {zahl(wert, 2)}",
        zahl(wert, 2),
        [Eingang(f"werte, {name}", zahl(wert), v.verteilung.where("werte"))],
    )


def verteilung(k: Kontext, v, feld: str) -> Herleitung:
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


# --- named figures ----------------------------------------------------------------------------------------------


def zahl_herleitung(k: Kontext, z, teil: Teil | None = None, tiefe: int = 3) -> Herleitung:
    """A figure of `zahlen`: its formula with the value of each name it reads (derived by `teil`), the rounding,
    `erwartet`."""
    from vorlagen.compute.formel import FormelFehler, lesen, namen

    kz = z.kennzahl
    if z.stufe is not None:
        rundung = f"{RUNDUNGSARTEN[kz.rundungsart]} auf {'Cent' if z.stufe == CENT else 'ganze Euro'}" + (
            " (wie die Körperschaft)" if kz.rundung is None else f" (rundung: {kz.rundung})"
        )
    elif kz.rundungsart != "kaufmaennisch" and kz.stellen is not None:
        rundung = f"{RUNDUNGSARTEN[kz.rundungsart]} auf {kz.stellen} Nachkommastellen (rundungsart: {kz.rundungsart})"
    else:
        rundung = "keine eigene (gerundet wird erst beim Drucken)"
    rundung += "; gelesene Zahlen " + (
        "wie gedruckt (runden: je_posten)" if kz.runden == "je_posten" else "genau (runden: am_ende)"
    )
    if z.wie_getippt is not None:
        rundung += f"; {z.wie_getippt}"
    eingaben = [Eingang("Formel", kz.formel, kz.where("formel"))]
    eingaben += [Eingang(s.was, s.wert, s.wo) for s in z.schritte]
    if kz.erwartet is not None:
        eingaben.append(Eingang("erwartet (geprüft)", zahl(kz.erwartet), kz.where("erwartet")))
    for art, wort in (("hoechstens", "höchstens"), ("mindestens", "mindestens")):
        if getattr(z.wert, art, None) is not None:
            eingaben.append(Eingang(f"{wort} (geprüft)", getattr(z.wert, art).text, kz.where(art)))
    teile = []
    if teil is not None and tiefe > 0:
        try:
            tree = lesen(kz.formel)
        except FormelFehler:
            tree = None
        for name in namen(tree) if tree is not None else []:
            try:
                teile.append(teil(name.pfad, tiefe - 1))
            except LookupError:
                continue
    return Herleitung(
        f"Zahl „{z.id}“" + (f" ({z.titel})" if z.titel else "") + f", Einheit {z.einheit}",
        f"{kz.formel} = {z.wert.text}"
        + (
            ""
            if z.genau == Fraction(z.wert)
            else f" (genau {betrag_genau(z.genau) if z.einheit in ('€', 'T€', 'Mio. €') else zahl(z.genau)})"
        ),
        z.wert.text,
        eingaben,
        rundung=rundung,
        teile=teile,
    )


def grenze_herleitung(z, art: str) -> Herleitung:
    """A named figure's bound (zahlen["id"].hoechstens): stated at its line, in the figure's unit."""
    grenze = getattr(z.wert, art)
    wort = "höchstens" if art == "hoechstens" else "mindestens"
    return Herleitung(
        f"Grenze „{wort}“ der Zahl „{z.id}“, Einheit {z.einheit}",
        f"angegeben = {grenze.text} (die Zahl: {z.wert.text}, geprüft)",
        grenze.text,
        [Eingang(art, zahl(getattr(z.kennzahl, art)), z.kennzahl.where(art))],
    )


def satz(s) -> Herleitung:
    return Herleitung(
        f"Satz „{s.id}“ ({s.name}), je {s.einheit}",
        f"angegeben = {betrag_genau(s.betrag)}",
        betrag_genau(s.betrag),
        [Eingang("Betrag", betrag_genau(s.betrag), s.where)],
    )


def zeilen_anzahl(z: Zeile) -> Herleitung:
    p = z.position
    return Herleitung(
        f"Anzahl der Zeile „{z.als}“",
        f"angegeben = {zahl(z.anzahl)}",
        zahl(z.anzahl),
        [Eingang("Anzahl", zahl(z.anzahl), p.where("anzahl"))],
    )
