"""Derivations of the figures of a Matrix: a typed cell, a cell from a formula, an empty cell, the sum of a row, of a
column and of all cells – and of a Vergleich's own comparison columns (Rest = alt − neu, Quote = neu / alt …)."""

from __future__ import annotations

from decimal import Decimal

from vorlagen.compute.herleitung import MINUS, Eingang, Herleitung
from vorlagen.compute.herleitung.vergleichswerte import vergleich_wert
from vorlagen.compute.herleitung.zeilen import Kontext, tabelle_was
from vorlagen.compute.matrix import Matrix, Matrixzeile
from vorlagen.compute.vergleich import Vergleich, Vergleichswert

GENAU = "genau – Zellen werden nicht gerundet; gedruckt mit den Stellen der Tabelle (Cent, wo ein Wert Cent hat)"


def zelle(k: Kontext, t: Matrix, row: Matrixzeile, spalte: str) -> Herleitung:
    """One cell: typed under `zellen`, read by a formula under `formeln`, or empty („–“)."""
    z = t.berechnung.zeilen[list(t.zeilen).index(row)]
    value = row.werte[spalte]
    shown = t.wert(value)
    was = f"„{row.als}“, {spalte}, {tabelle_was(t)}"
    if spalte in z.formeln:
        return Herleitung(
            was,
            f"die Formel „{z.formeln[spalte]}“ = {shown}",
            shown,
            [Eingang(f"Formel der Spalte „{spalte}“", z.formeln[spalte], z.where("formeln"))],
            rundung="genau (höchstens sechs Nachkommastellen), gedruckt mit den Stellen der Tabelle",
        )
    if value is None:
        return Herleitung(was, f"keine Angabe für diese Spalte (zählt in keiner Summe) = {shown}", shown)
    return Herleitung(was, f"getippt: {shown}", shown, [Eingang(f"zellen, {spalte}", shown, z.where("zellen"))])


def _summe(t: Matrix, was: str, name: str, teile: list[Herleitung], values: list, total: Decimal) -> Herleitung:
    """`a + b − c = s` over the cells that have a value (empty cells count in no sum)."""
    terms = []
    for i, (teil, value) in enumerate(zip(teile, values, strict=True)):
        shown = teil.gedruckt.removeprefix(MINUS).removeprefix("-")
        terms.append((f"{MINUS} " if value < 0 else ("" if i == 0 else "+ ")) + shown)
    regel = f"{name} = {' '.join(terms) or '0'} = {t.wert(total)}"
    return Herleitung(was, regel, t.wert(total), teile=teile, rundung=GENAU)


def zeilensumme(k: Kontext, t: Matrix, row: Matrixzeile) -> Herleitung:
    """The sum of one row over its columns."""
    spalten = [s for s in t.spalten if row.werte[s] is not None]
    return _summe(
        t,
        f"„{row.als}“, {t.summe_als}, {tabelle_was(t)}",
        f"Summe der Zeile ({', '.join(spalten)})",
        [zelle(k, t, row, s) for s in spalten],
        [row.werte[s] for s in spalten],
        row.summe,
    )


def spaltensumme(k: Kontext, t: Matrix, spalte: str) -> Herleitung:
    """The sum of one column over the rows."""
    rows = [r for r in t.zeilen if r.werte[spalte] is not None]
    return _summe(
        t,
        f"{t.summe_als}, {spalte}, {tabelle_was(t)}",
        f"Summe der Spalte „{spalte}“",
        [zelle(k, t, r, spalte) for r in rows],
        [r.werte[spalte] for r in rows],
        t.summen[spalte],
    )


def gesamt(k: Kontext, t: Matrix) -> Herleitung:
    """The sum of all cells: the sum of the column sums (the same as the sum of the row sums)."""
    return _summe(
        t,
        f"{t.summe_als} aller Zellen, {tabelle_was(t)}",
        "Summe der Spaltensummen (gleich der Summe der Zeilensummen)",
        [spaltensumme(k, t, s) for s in t.spalten],
        [t.summen[s] for s in t.spalten],
        t.summe,
    )


RECHNUNG = {
    "neu - alt": ("neu − alt", "{neu} − {alt}"),
    "alt - neu": ("alt − neu", "{alt} − {neu}"),
    "(neu - alt) / alt": ("(neu − alt) / alt", "({neu} − {alt}) / {alt}"),
    "neu / alt": ("neu / alt", "{neu} / {alt}"),
}


def vergleichsspalte(k: Kontext, t: Vergleich, w: Vergleichswert, kopf: str) -> Herleitung:
    """A comparison column of a Vergleich, by its head: its rule with the two printed values."""
    s = next(s for s in t.vergleichsspalten if s.als == kopf)
    name, formel = RECHNUNG[s.rechnung]
    shown = t.spalte(w, s)
    zahlen = formel.format(neu=t.wert(w.neu), alt=t.wert(w.alt))
    if w.spalten[kopf] is None:
        regel = f"{name}: der alte Wert ist 0, die Spalte hat keinen Prozentwert = {shown}"
    else:
        regel = f"{name} = {zahlen} = {shown}"
    rundung = (
        f"kaufmännisch auf {t.prozent_stellen} Nachkommastellen (prozent_stellen in koerperschaft.yaml)"
        if s.prozent
        else ""
    )
    return Herleitung(
        f"„{w.als}“, {kopf}, {tabelle_was(t)}",
        regel,
        shown,
        [Eingang("Vergleichsspalte", f"{s.als}: {s.rechnung}", t.berechnung.where("vergleichsspalten"))],
        teile=[vergleich_wert(k, t, w, "alt"), vergleich_wert(k, t, w, "neu")],
        rundung=rundung,
    )
