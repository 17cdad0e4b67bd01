"""Derivations of the figures of table rows: rows of count × rate (months × rate), sums, the split into
Haushaltsjahre, the fields of an Eigenanteil table; what the derivations share (Kontext). An Aufstellung's sums and
fund are derived in compute/herleitung/aufstellungswerte.py, a Vergleich's values in
compute/herleitung/vergleichswerte.py."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import cast

from vorlagen.compute.eigenanteil import Eigenanteilstabelle
from vorlagen.compute.herleitung import Eingang, Herleitung, betrag_genau, je_einheit_text, rundung_text
from vorlagen.compute.periode import fuer_periode
from vorlagen.compute.rundung import eigene_rundung, rundung_of
from vorlagen.compute.tabelle import Tabelle, Zeile
from vorlagen.core.fmt import zahl
from vorlagen.core.money import Rundung, Zahl, exact
from vorlagen.load.facts import Facts

MINUS = "\u2212"


class Kontext:
    """What every derivation needs besides the figure: the Körperschaft's rounding rule and how it prints money."""

    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        self.rundung = rundung_of(facts)
        self.zahlformat = facts.koerperschaft.zahlformat  # a derivation prints amounts as the house does

    def geld(self, value: Zahl, quantum: Decimal) -> str:
        """An amount as the tables print it: in euros or with cents, in the house's sign."""
        return self.zahlformat.euro_or_cent(value, quantum)

    def rundung_von(self, t: Tabelle) -> Rundung:
        return eigene_rundung(self.rundung, t.berechnung.rundung)

    def rundung_wort(self, t: Tabelle) -> str:
        return rundung_text(self.rundung_von(t), t.berechnung.rundung)


def tabelle_was(t: Tabelle) -> str:
    return f"der Berechnung „{t.id}“ ({t.ueberschrift})"


def _anteil_text(faktor: Fraction) -> str:
    return (
        zahl(faktor)
        if faktor.denominator in (1, 2, 4, 5, 10, 20, 25, 50, 100)
        else f"{faktor.numerator}/{faktor.denominator}"
    )


def zeile(k: Kontext, t: Tabelle, z: Zeile) -> Herleitung:
    """A row: a computed figure, a fixed amount × count, or count × the rates for the period."""
    r = k.rundung_von(t)
    q = r.quantum
    p = z.position
    art = "Abzug" if z.abzug else "Zeile"
    was = f"{art} „{z.als or z.id or ''}“ {tabelle_was(t)}"
    if p.formel is not None:
        return Herleitung(
            was,
            f"die Formel „{p.formel}“ = {k.geld(z.betrag, q)}",
            k.geld(z.betrag, q),
            [Eingang("Formel der Zeile", p.formel, p.where("formel"))],
            rundung=k.rundung_wort(t),
        )
    if p.betrag is not None:
        eingaben = [Eingang("fester Betrag", k.geld(p.betrag, q), p.where("betrag"))]
        if p.anzahl == 1:
            return Herleitung(was, f"fester Betrag = {k.geld(z.betrag, q)}", k.geld(z.betrag, q), eingaben)
        eingaben.insert(0, Eingang("Anzahl", zahl(p.anzahl), p.where("anzahl")))
        regel = f"Anzahl × fester Betrag = {zahl(p.anzahl)} × {k.geld(p.betrag, q)} = {k.geld(z.betrag, q)}"
        return Herleitung(was, regel, k.geld(z.betrag, q), eingaben, rundung=k.rundung_wort(t))
    periode = t.periode
    exakt = [fuer_periode(s, periode) for s in z.saetze]
    _, _, betrag = r.zeile(p.anzahl, exakt, p.anteil)
    parts, einheit, step = r.im_text(p.anzahl, exakt, p.anteil) or (exakt, sum(exakt) * exact(p.anteil), None)
    geld_je: Callable[[Zahl], str] = (lambda value: k.geld(value, step)) if step is not None else betrag_genau  # noqa: E731
    schritte = []
    eingaben = [Eingang("Anzahl", zahl(p.anzahl), p.where("anzahl"))]
    for s, genau, teil in zip(z.saetze, exakt, cast(Sequence[Zahl], parts), strict=True):
        eingaben.append(Eingang(f"Satz „{s.id}“ ({s.name}), je {s.einheit}", betrag_genau(s.betrag), s.where))
        if s.einheit in ("Jahr", "Monat") and periode.text:
            faktor = periode.anteil_fuer(s.einheit)
            mal = f"{_anteil_text(faktor)} {'Jahr' if s.einheit == 'Jahr' else 'Monate'}"
            schritte.append(
                f"{s.kurz} für {periode.text}: {betrag_genau(s.betrag)} × {mal} = {betrag_genau(genau)} → {geld_je(teil)}"
            )
    if t.zeitraum is not None and periode.text:
        zeitraum = f"{t.zeitraum.von:%d.%m.%Y}–{t.zeitraum.bis:%d.%m.%Y}"
        eingaben.append(Eingang("Zeitraum", f"{zeitraum} ({periode.text})", t.berechnung.where("zeitraum")))
    if p.anteil != 1:
        eingaben.append(Eingang("Stellenanteil", zahl(p.anteil), p.where("anteil")))
        schritte.append(
            f"Betrag je Einheit: {' + '.join(geld_je(x) for x in parts)} × {zahl(p.anteil)} = {geld_je(einheit)}"
        )
    elif len(parts) > 1:
        schritte.append(f"Betrag je Einheit: {' + '.join(geld_je(x) for x in parts)} = {geld_je(einheit)}")
    assert betrag == z.betrag, (betrag, z.betrag)  # the derivation is the engine's rule, not a copy of it
    regel = f"Anzahl × Betrag je Einheit = {zahl(p.anzahl)} × {geld_je(einheit)} = {k.geld(z.betrag, q)}"
    rundung = f"{k.rundung_wort(t)}; {je_einheit_text(r)}"
    return Herleitung(was, regel, k.geld(z.betrag, q), eingaben, schritte, rundung)


def zeile_einheit(k: Kontext, t: Tabelle, z: Zeile) -> Herleitung:
    """The amount per unit of a row (`zeilen[…].einheit`)."""
    h = zeile(k, t, z)
    q = k.rundung_von(t).quantum
    return Herleitung(
        f"Betrag je Einheit: {h.was}",
        f"Betrag je Einheit = {k.geld(z.einheit, q)}",
        k.geld(z.einheit, q),
        h.eingaben,
        h.schritte,
        h.rundung,
    )


def summe(
    k: Kontext,
    was: str,
    regel_name: str,
    teile: list[Herleitung],
    wert: Zahl,
    q: Decimal,
    vorzeichen: list[int] | None = None,
) -> Herleitung:
    """A sum of printed parts (rows, tables): `a + b − c = s`."""
    signs = vorzeichen or [1] * len(teile)
    terms = []
    for i, (teil, sign) in enumerate(zip(teile, signs, strict=True)):
        shown = teil.gedruckt.removeprefix(MINUS).removeprefix("− ")
        terms.append((f"{MINUS} " if sign < 0 else ("" if i == 0 else "+ ")) + shown)
    regel = f"{regel_name} = {' '.join(terms) or '0'} = {k.geld(wert, q)}"
    return Herleitung(was, regel, k.geld(wert, q), teile=teile)


def eigenanteil_feld(k: Kontext, t: Eigenanteilstabelle, feld: str) -> Herleitung:
    """gesamtkosten, abzuege, eigenanteil of an Eigenanteil table."""
    q = k.rundung_von(t).quantum
    kosten = [zeile(k, t, z) for z in t.zeilen if not z.abzug]
    abzuege = [zeile(k, t, z) for z in t.zeilen if z.abzug]
    if feld == "gesamtkosten":
        h = summe(k, f"Gesamtkosten {tabelle_was(t)}", "Summe der Kostenzeilen", kosten, t.gesamtkosten, q)
    elif feld == "abzuege":
        h = summe(k, f"Abzüge {tabelle_was(t)}", "Summe der Abzüge", abzuege, t.abzuege, q)
    else:
        h = summe(
            k,
            f"Eigenanteil {tabelle_was(t)}",
            "Gesamtkosten − Abzüge",
            kosten + abzuege,
            t.eigenanteil,
            q,
            [1] * len(kosten) + [-1] * len(abzuege),
        )
    h.rundung = f"keine eigene: Summe der gerundeten Zeilen ({k.rundung_wort(t)})"
    return h


def vzae(t: Eigenanteilstabelle) -> Herleitung:
    """The Stellen of an Eigenanteil table: Σ count × share × VZÄ per unit over its staff rows."""
    eingaben, terms = [], []
    for z in t.zeilen:
        if z.abzug or not z.stellen:
            continue
        je = [s.vzae for s in z.saetze if s.vzae]
        eingaben.append(Eingang(f"Zeile „{z.als}“: Anzahl", zahl(z.anzahl), z.position.where("anzahl")))
        for s in z.saetze:
            if s.vzae is not None:
                eingaben.append(Eingang(f"VZÄ je Einheit von „{s.id}“", zahl(s.vzae), s.where))
        terms.append(f"{zahl(z.anzahl)} × {zahl(z.position.anteil)} × {zahl(je[0] if je else 0)}")
    shown = zahl(t.vzae)
    regel = f"Σ Anzahl × Stellenanteil × VZÄ je Einheit = {' + '.join(terms) or '0'} = {shown}"
    return Herleitung(f"Stellen (VZÄ) {tabelle_was(t)}", regel, shown, eingaben, rundung="keine")


def anzahl_zeilen(t: Tabelle) -> Herleitung:
    """How many rows a table has: its rows counted, each named."""
    eingaben = [
        Eingang(f"Zeile {n}", z.als or "", position.where() if (position := vars(z).get("position")) else None)
        for n, z in enumerate(t.zeilen, 1)
    ]
    shown = zahl(len(t.zeilen))
    return Herleitung(
        f"Zahl der Zeilen {tabelle_was(t)}", f"die Zeilen gezählt = {shown}", shown, eingaben, rundung="keine"
    )


def jahr(k: Kontext, t: Tabelle, z: Zeile, year: int) -> Herleitung:
    """One Haushaltsjahr's part of a row: the row split by what each year is charged, largest remainders."""
    q = k.rundung_von(t).quantum
    einheit = z.saetze[0].einheit if z.saetze else "Jahr"
    weights = t.periode.gewichte_fuer(einheit)
    return aufteilung(
        k, f"Anteil {year} an {zeile(k, t, z).was}", z.betrag, weights, year, z.jahre[year], q, t.periode.text
    )


def aufteilung(
    k: Kontext,
    was: str,
    betrag: Zahl,
    weights: Mapping[int, Zahl],
    year: int,
    wert: Zahl,
    q: Decimal,
    basis: str = "",
) -> Herleitung:
    """A part of an amount split over years by weights: floor of the exact share, the steps left over to the
    largest remainders (on a tie, the earlier year)."""
    total = sum((exact(w) for w in weights.values()), Fraction(0))
    share = exact(betrag) * exact(weights[year]) / total
    unit = "Cent" if q != 1 else "Euro"
    gewicht = f"{_anteil_text(exact(weights[year]))}/{_anteil_text(total)}"
    regel = f"{k.geld(betrag, q)} × {gewicht} = {betrag_genau(share)} → {k.geld(wert, q)}"
    return Herleitung(
        was,
        regel,
        k.geld(wert, q),
        [
            Eingang(
                "Gewichte der Jahre" + (f" ({basis})" if basis else ""),
                ", ".join(f"{y}: {_anteil_text(exact(w))}" for y, w in weights.items()),
            )
        ],
        rundung=f"jedes Jahr abgerundet, die übrigen {unit} an die größten Reste – die Jahre ergeben zusammen genau "
        f"{k.geld(betrag, q)}",
    )


def jahr_summe(k: Kontext, t: Tabelle, year: int, feld: str, wert: Zahl) -> Herleitung:
    """gesamtkosten/abzuege/eigenanteil of one Haushaltsjahr (or an Aufstellung's year): Σ rows' parts."""
    q = k.rundung_von(t).quantum
    kosten = [z for z in t.zeilen if not z.abzug]
    abzuege = [z for z in t.zeilen if z.abzug]
    chosen = {"gesamtkosten": (kosten, []), "abzuege": ([], abzuege), "eigenanteil": (kosten, abzuege)}[feld]
    teile = [jahr(k, t, z, year) for z in chosen[0] + chosen[1]]
    signs = [1] * len(chosen[0]) + ([-1] if feld == "eigenanteil" else [1]) * len(chosen[1])
    name = {"gesamtkosten": "Gesamtkosten", "abzuege": "Abzüge", "eigenanteil": "Eigenanteil"}[feld]
    return summe(k, f"{name} {year} {tabelle_was(t)}", f"Summe der Zeilen für {year}", teile, wert, q, signs)


def zeilen_anzahl(z: Zeile) -> Herleitung:
    p = z.position
    return Herleitung(
        f"Anzahl der Zeile „{z.als}“",
        f"angegeben = {zahl(z.anzahl)}",
        zahl(z.anzahl),
        [Eingang("Anzahl", zahl(z.anzahl), p.where("anzahl"))],
    )
