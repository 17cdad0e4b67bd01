"""A named figure as computed: its exact value, its value after rounding that prints itself, and its Herleitung."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction

from vorlagen.compute.darstellung import Darstellung
from vorlagen.compute.names import Named, Names
from vorlagen.core.fmt import zahlwort
from vorlagen.core.money import Anteil
from vorlagen.core.problems import Where
from vorlagen.load.kennzahlen import Kennzahl


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

    def __reduce__(self):
        return (Groesse, (Fraction(self), self.text, self.einheit, self.hoechstens, self.mindestens))

    def __copy__(self) -> Groesse:
        return self  # never changed after it is made

    def __deepcopy__(self, memo) -> Groesse:
        return self


class Zahlen(Names):
    """The named figures of a Vorlage (or of a file of shared figures): id → Groesse, with each one's Herleitung."""

    def __init__(self, kind: str, werte: dict[str, Groesse], herleitung: dict[str, Zahlwert]):
        super().__init__(kind, werte)
        self.herleitung = herleitung


@dataclass
class Schritt:
    """One line of a Herleitung: what was read or done, and its value as printed."""

    was: str
    wert: str
    wo: Where | None = None


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
        if self.form is None or self.form.text(self.gezeigt) == replace(self.form, getippt=0).text(self.gezeigt):
            return None
        if self.einheit == "€":
            return "gedruckt mit Cent, wie getippt"
        return f"gedruckt mit {zahlwort(self.form.getippt)} Nachkommastellen, so vielen wie getippt"

    @property
    def gedruckt(self) -> Fraction:
        """The value as printed, in base units: what a figure reading it `je_posten` adds."""
        return self.form.gedruckt(self.gezeigt) if self.form is not None else Fraction(self.wert)
