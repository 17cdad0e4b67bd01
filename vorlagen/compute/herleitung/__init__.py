"""How a printed figure comes about (`vorlagen zahlen NUMMER NAME`): the inputs with file and line, the rule with its
numbers, the rounding, and the value as printed – for a named figure, a value a text quotes and every table cell."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from vorlagen.core.fmt import NBSP, zahl
from vorlagen.core.money import CENT, Rundung, Zahl
from vorlagen.core.problems import Where

MINUS = "\u2212"


@dataclass(frozen=True)
class Eingang:
    """One input of a figure: what it is, its value as written or computed, and where it is stated."""

    was: str
    wert: str
    wo: Where | None = None

    def zeile(self) -> str:
        return f"{self.was}: {self.wert}" + (f"   [{self.wo}]" if self.wo is not None else "")


@dataclass
class Herleitung:
    """One figure's derivation. `regel` states the rule with its numbers (`403.963 € − 245.319 € = 158.644 €`),
    `schritte` the steps before it, `teile` the derivations of the parts worth showing (e.g. each row of a sum)."""

    was: str
    regel: str
    gedruckt: str = ""
    eingaben: list[Eingang] = field(default_factory=list)
    schritte: list[str] = field(default_factory=list)
    rundung: str = ""
    teile: list[Herleitung] = field(default_factory=list)

    def mit(self, gedruckt: str) -> Herleitung:
        """The same derivation printed as `gedruckt` (a text may print a value in another format than a table)."""
        return Herleitung(self.was, self.regel, gedruckt, self.eingaben, self.schritte, self.rundung, self.teile)


def text(name: str, h: Herleitung, tiefe: int = 2) -> list[str]:
    """The derivation as German lines: the name and its printed value first, then was, rule, inputs, rounding and
    (down to `tiefe` levels) the parts."""
    lines = [f"{name} = {h.gedruckt}"]
    lines += _koerper(h, "  ", tiefe)
    return lines


def _koerper(h: Herleitung, indent: str, tiefe: int) -> list[str]:
    lines = [f"{indent}{h.was}"]
    lines += [f"{indent}{s}" for s in h.schritte]
    lines.append(f"{indent}Regel: {h.regel}")
    for e in h.eingaben:
        lines.append(f"{indent}  {e.zeile()}")
    if h.rundung:
        lines.append(f"{indent}Rundung: {h.rundung}")
    lines.append(f"{indent}gedruckt: {h.gedruckt}")
    if tiefe > 1:
        for teil in h.teile:
            lines.append(f"{indent}– {teil.was} = {teil.gedruckt}")
            lines += _koerper(teil, indent + "    ", tiefe - 1)[1:]
    return lines


def betrag_genau(value: Zahl | str) -> str:
    """An exact amount as a step of a rule shows it: '115.418,33 €', '55.000 €' (as many places as it has, at most
    two; more are cut to two with '…')."""
    from vorlagen.core.money import exact

    value = exact(value)
    exact_places = zahl(value)
    if (value * 100).denominator == 1:
        return f"{exact_places}{NBSP}€"
    return f"{zahl(value, 2)}…{NBSP}€"


def rundung_text(rundung: Rundung, eigene: str | None, wo: str = "koerperschaft.yaml") -> str:
    """How money of a table or Bescheid is rounded, and where that is set."""
    schritt = "auf Cent" if rundung.quantum == CENT else "auf ganze Euro"
    herkunft = f"„rundung: {eigene}“ der Berechnung" if eigene else f"„rundung“ in {wo}"
    return f"kaufmännisch (ab 0,5 aufwärts) {schritt}, nach {herkunft}"


def je_einheit_text(rundung: Rundung) -> str:
    """The order of rounding a row of count × rate (`runden` of the Körperschaft)."""
    if rundung.je_einheit:
        return "erst der Betrag je Einheit gerundet, dann Anzahl × gerundeter Betrag (runden: je_einheit)"
    return "Anzahl × genauer Betrag je Einheit, einmal gerundet (runden: genau)"


def minus(text: str) -> str:
    """A printed negative amount with the typographic minus (as the tables print it)."""
    return text.replace("-", MINUS)


# The derivation of the figure a name (as a path) reads, to the given depth: how a derivation that quotes other
# figures (a formula, a Haushalt line's amount) derives them without importing the dispatcher of herleitung.namen.
Teil = Callable[[tuple[str, ...], int], Herleitung]
