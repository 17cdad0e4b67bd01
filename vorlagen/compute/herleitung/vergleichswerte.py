"""How the values of a Vergleich come about: the old and the new value (typed, two formulas, or a sum of rows
above), their difference and the change in percent."""

from __future__ import annotations

from vorlagen.compute.herleitung import Eingang, Herleitung
from vorlagen.compute.herleitung.zeilen import MINUS, Kontext, tabelle_was
from vorlagen.compute.vergleich import Vergleich, Vergleichswert


def vergleich_wert(k: Kontext, t: Vergleich, w: Vergleichswert, feld: str) -> Herleitung:
    """alt, neu (typed, two formulas, or the sum of rows above), differenz (neu − alt), veraenderung (in %)."""
    index = list(t.zeilen).index(w)
    z = t.berechnung.zeilen[index]
    spalte = {"alt": t.spalten[0], "neu": t.spalten[1]}.get(feld, feld)
    was = f"„{w.als}“, {spalte}, {tabelle_was(t)}"
    if feld in ("alt", "neu"):
        value = getattr(w, feld)
        position = 0 if feld == "alt" else 1
        if z.werte:
            return Herleitung(
                was, f"getippt: {t.wert(value)}", t.wert(value), [Eingang("werte", t.wert(value), z.where("werte"))]
            )
        if z.aus:
            return Herleitung(
                was,
                f"die Formel „{z.aus[position]}“ = {t.wert(value)}",
                t.wert(value),
                [Eingang("Formel", z.aus[position], z.where("aus"))],
                rundung="genau (höchstens sechs Nachkommastellen), gedruckt mit den Stellen der Tabelle",
            )
        lines = {x.id: x for x in t.zeilen if x.id}
        teile = [vergleich_wert(k, t, lines[r], feld) for r in z.plus + z.minus]
        signs = [1] * len(z.plus) + [-1] * len(z.minus)
        terms = " ".join(
            (f"{MINUS} " if s < 0 else ("" if i == 0 else "+ ")) + x.gedruckt
            for i, (x, s) in enumerate(zip(teile, signs))
        )
        return Herleitung(
            was, f"Zeilen {', '.join(z.plus + z.minus)}: {terms} = {t.wert(value)}", t.wert(value), teile=teile
        )
    if feld in ("differenz", "Veränderung"):
        return Herleitung(
            was,
            f"neu − alt = {t.wert(w.neu)} {MINUS} {t.wert(w.alt)} = {t.differenz(w)}",
            t.differenz(w),
            teile=[vergleich_wert(k, t, w, "alt"), vergleich_wert(k, t, w, "neu")],
        )
    shown = t.aenderung(w)
    if w.veraenderung is None:
        regel = f"(neu − alt) / alt: der alte Wert ist 0, die Veränderung hat keinen Prozentwert = {shown}"
    else:
        regel = f"(neu − alt) / alt = {t.differenz(w)} / {t.wert(w.alt)} = {shown}"
    return Herleitung(
        was,
        regel,
        shown,
        teile=[vergleich_wert(k, t, w, "alt"), vergleich_wert(k, t, w, "neu")],
        rundung=f"kaufmännisch auf {t.prozent_stellen} Nachkommastellen (prozent_stellen in koerperschaft.yaml)",
    )
