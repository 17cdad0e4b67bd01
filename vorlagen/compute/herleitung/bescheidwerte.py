"""How each figure of a Bescheid or Antrag is made (compute/bescheide.py): its positions (count × the rate for
its period), its sum, its Stellen, its instalments; and a rate of a catalogue as stated."""

from __future__ import annotations

from vorlagen.compute.bescheide import BescheidWerte, Position, Ratenwert
from vorlagen.compute.herleitung import Eingang, Herleitung, betrag_genau, je_einheit_text, rundung_text
from vorlagen.compute.herleitung.zeilen import MINUS, Kontext, summe
from vorlagen.compute.periode import fuer_periode, periode
from vorlagen.compute.rundung import eigene_rundung
from vorlagen.core.fmt import zahl
from vorlagen.core.money import exact
from vorlagen.load.bescheide import Bescheidposition
from vorlagen.load.saetze import Satz


def position(k: Kontext, b: BescheidWerte, p: Position) -> Herleitung:
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


def _record(b: BescheidWerte, p: Position) -> Bescheidposition | None:
    """The position of the Bescheid's file a computed position comes from."""
    return next((x for x in b.bescheid.positionen if x.satz == p.satz.id and (x.als or p.satz.name) == p.als), None)


def position_anzahl(b: BescheidWerte, p: Position) -> Herleitung:
    record = _record(b, p)
    shown = zahl(p.anzahl)
    return Herleitung(
        f"Anzahl der Position „{p.als}“ des {b.art}s „{b.id}“",
        f"angegeben = {shown}",
        shown,
        [Eingang("Anzahl", shown, record.where("anzahl") if record else None)],
    )


def bescheid(k: Kontext, b: BescheidWerte, feld: str) -> Herleitung:
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


def rate(k: Kontext, b: BescheidWerte, r: Ratenwert) -> Herleitung:
    q = b.quantum
    return Herleitung(
        f"Rate „{r.als}“ des {b.art}s „{b.id}“",
        f"Betrag × Anteil der Rate = {k.geld(b.betrag, q)} × {r.anteil} = {betrag_genau(exact(b.betrag) * r.anteil)} → {k.geld(r.betrag, q)}",
        k.geld(r.betrag, q),
        rundung="die Raten abgerundet, die übrigen Schritte an die größten Reste – zusammen genau der Betrag",
    )


def rate_anteil(b: BescheidWerte, r: Ratenwert) -> Herleitung:
    """The share of an instalment as the Bescheid states it (`anteil: 1/2`)."""
    rate = b.bescheid.raten[list(b.raten).index(r)]
    return Herleitung(
        f"Anteil der Rate „{r.als}“ des {b.art}s „{b.id}“",
        f"angegeben: {r.anteil.numerator}/{r.anteil.denominator} des Betrags",
        "",
        [Eingang("anteil", f"{r.anteil.numerator}/{r.anteil.denominator}", rate.where("anteil"))],
        rundung="genau; gedruckt kaufmännisch mit den Stellen des Filters",
    )


def satz(s: Satz) -> Herleitung:
    return Herleitung(
        f"Satz „{s.id}“ ({s.name}), je {s.einheit}",
        f"angegeben = {betrag_genau(s.betrag)}",
        betrag_genau(s.betrag),
        [Eingang("Betrag", betrag_genau(s.betrag), s.where)],
    )
