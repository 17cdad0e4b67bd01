"""A named figure as computed: its exact value, its value after rounding that prints itself, and its Herleitung."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction

from vorlagen.compute.darstellung import Darstellung
from vorlagen.compute.names import Named, Names
from vorlagen.core.fmt import zahl, zahlwort
from vorlagen.core.money import CENT, Anteil
from vorlagen.core.problems import Where
from vorlagen.load.kennzahlen import RUNDUNGSARTEN, Kennzahl


class Groesse(Fraction):
    """A named figure's value (exact, after its rounding) that prints itself in its unit: '12.346 €', '33,33 %'.
    Made whole, with its text and unit and its bounds (`hoechstens`, `mindestens`: Groessen themselves, None where
    the figure states none) – what a text quotes as zahlen["id"].hoechstens; a copy or a pickled one keeps them."""

    text: str
    einheit: str
    hoechstens: Groesse | None
    mindestens: Groesse | None

    def __new__(
        cls,
        wert: Fraction,
        text: str,
        einheit: str,
        hoechstens: Groesse | None = None,
        mindestens: Groesse | None = None,
    ) -> Groesse:
        groesse = super().__new__(cls, wert)
        groesse.text, groesse.einheit = text, einheit
        groesse.hoechstens, groesse.mindestens = hoechstens, mindestens
        return groesse

    def __reduce__(self) -> tuple[type[Groesse], tuple[Fraction, str, str, Groesse | None, Groesse | None]]:
        return (Groesse, (Fraction(self), self.text, self.einheit, self.hoechstens, self.mindestens))

    def __copy__(self) -> Groesse:
        return self  # never changed after it is made

    def __deepcopy__(self, memo: object) -> Groesse:
        return self


class Zahlen(Names):
    """The named figures of a Vorlage (or of a file of shared figures): id → Groesse, with each one's Herleitung."""

    def __init__(self, kind: str, werte: dict[str, Groesse], herleitung: dict[str, Zahlwert]) -> None:
        super().__init__(kind, werte)
        self.herleitung = herleitung


@dataclass
class Schritt:
    """One line of a Herleitung: what was read or done, and its value as printed."""

    was: str
    wert: str
    wo: Where | None = None
    gerundet: tuple[str, str, Fraction, Fraction] | None = None  # a figure read as printed: name, unit, exact, read


@dataclass
class Zahlwert(Named):
    """A computed figure with its Herleitung."""

    id: str
    titel: str | None
    einheit: str
    formel: str
    genau: Fraction  # before its own rounding
    wert: Groesse  # after it: what texts, tables and other figures (je Posten) read
    schritte: list[Schritt]
    kennzahl: Kennzahl
    stufe: Decimal | None = None  # its rounding step (money), None: not rounded
    form: Darstellung | None = None  # how it prints (unit, step, places)

    @property
    def gezeigt(self) -> Fraction:
        """The value its print shows: its value, or the share of a split it quotes (money.Anteil)."""
        return self.genau if isinstance(self.genau, Anteil) else Fraction(self.wert)

    @property
    def wie_getippt(self) -> str | None:
        """Where the typed digits decide the print, how: 'gedruckt mit drei Nachkommastellen, so vielen wie getippt'
        (None where the unit and `stellen` alone do)."""
        ohne = replace(self.form, getippt=0, wie_getippt=False) if self.form is not None else None
        if self.form is None or ohne is None or self.form.text(self.gezeigt) == ohne.text(self.gezeigt):
            return None
        if self.einheit == "€":
            return "gedruckt mit Cent, wie getippt"
        stellen = self.form.getippt
        gedruckt = {0: "ohne Nachkommastellen", 1: "mit einer Nachkommastelle"}.get(
            stellen, f"mit {zahlwort(stellen)} Nachkommastellen"
        )
        if self.schritte:  # it reads figures: a sum prints as many as the figures it adds up
            return f"gedruckt {gedruckt} wie die Zahlen, die sie addiert"
        return f"gedruckt {gedruckt}, wie getippt" if stellen < 2 else f"gedruckt {gedruckt}, so vielen wie getippt"

    @property
    def gedruckt(self) -> Fraction:
        """The value as printed, in base units: what a figure reading it `je_posten` adds."""
        return self.form.gedruckt(self.gezeigt) if self.form is not None else Fraction(self.wert)


def herleitung_zeilen(z: Zahlwert) -> list[str]:
    """How a named figure comes about, as lines of German text (`vorlagen zahlen NUMMER NAME`, the editor's formula
    field)."""
    k = z.kennzahl
    if z.stufe is not None:
        rundung = ("auf Cent" if z.stufe == CENT else "auf ganze Euro") + (
            " (wie die Körperschaft)" if k.rundung is None else ""
        )
    elif k.rundungsart != "kaufmaennisch" and k.stellen is not None:
        rundung = f"auf {k.stellen} Nachkommastellen"
    else:
        rundung = "keine (gerundet wird erst beim Drucken)"
    if k.rundungsart != "kaufmaennisch":
        rundung += f", {RUNDUNGSARTEN[k.rundungsart]}"
    lines = [
        f"{z.id}{f' ({z.titel})' if z.titel else ''} = {z.wert.text}",
        f"  Formel: {z.formel}   [{k.where('formel')}]",
        f"  Einheit: {z.einheit}; Rundung: {rundung}; gelesene Zahlen dieser Vorlage "
        f"{'gerundet, wie gedruckt (je Posten)' if k.runden == 'je_posten' else 'genau (gerundet am Ende)'}"
        + (f"; {z.wie_getippt}" if z.wie_getippt is not None else ""),
    ]
    for s in z.schritte:
        lines.append(f"  {s.was} = {s.wert}" + (f"   [{s.wo}]" if s.wo is not None else ""))
    if k.erwartet is not None:
        lines.append(f"  erwartet: {zahl(k.erwartet)}   [{k.where('erwartet')}]")
    for art, wort in (("hoechstens", "höchstens"), ("mindestens", "mindestens")):
        if getattr(z.wert, art) is not None:
            lines.append(f"  {wort}: {getattr(z.wert, art).text} (geprüft)   [{k.where(art)}]")
    return lines
