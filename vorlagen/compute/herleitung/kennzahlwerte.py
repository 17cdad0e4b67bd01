"""How a named figure of `zahlen` is made (compute/kennzahlen.py): its formula with the value of each name it
reads, its rounding, what it is checked against; and a bound it states."""

from __future__ import annotations

from fractions import Fraction

from vorlagen.compute.herleitung import Eingang, Herleitung, Teil, betrag_genau
from vorlagen.compute.herleitung.zeilen import Kontext
from vorlagen.compute.zahlwert import Zahlwert
from vorlagen.core.fmt import zahl
from vorlagen.core.money import CENT
from vorlagen.load.kennzahlen import RUNDUNGSARTEN


def zahl_herleitung(k: Kontext, z: Zahlwert, teil: Teil | None = None, tiefe: int = 3) -> Herleitung:
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


def grenze_herleitung(z: Zahlwert, art: str) -> Herleitung:
    """A named figure's bound (zahlen["id"].hoechstens): stated at its line, in the figure's unit."""
    grenze = getattr(z.wert, art)
    wort = "höchstens" if art == "hoechstens" else "mindestens"
    return Herleitung(
        f"Grenze „{wort}“ der Zahl „{z.id}“, Einheit {z.einheit}",
        f"angegeben = {grenze.text} (die Zahl: {z.wert.text}, geprüft)",
        grenze.text,
        [Eingang(art, zahl(getattr(z.kennzahl, art)), z.kennzahl.where(art))],
    )
