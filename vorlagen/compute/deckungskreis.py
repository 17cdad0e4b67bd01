"""Deckungskreise (Budgets, Deckungsringe): lines of the Haushalt that offset each other.

Per circle and Haushaltsjahr every Position of the circle is a line – with the Vorlage's amount where it names one,
0 elsewhere. What the circle lacks is its overrun: Σ Betrag − Σ (Ansatz − gebunden), never below zero; a line's own
overrun does not count while the other lines have enough left. With no Ansatz in the whole circle the overrun is
außerplanmäßig, otherwise überplanmäßig.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from vorlagen.compute.names import Named
from vorlagen.core.money import exact
from vorlagen.core.problems import Where
from vorlagen.load.haushalt import Haushalt
from vorlagen.load.haushaltsposition import Position

UEBER, AUSSER = "überplanmäßig", "außerplanmäßig"
# plan → (head of the column of amounts, what the overrun is): kameral Ausgaben, doppisch Aufwand or Auszahlungen
WORTE = {
    "Verwaltungshaushalt": ("Ausgaben", "Ausgabe"),
    "Vermögenshaushalt": ("Ausgaben", "Ausgabe"),
    "Ergebnisplan": ("Aufwand", "Aufwendungen"),
    "Finanzplan": ("Auszahlungen", "Auszahlungen"),
}


@dataclass
class Kreiszeile:
    """One Position of a circle in one year, with the Vorlage's amount there (0 where it names none)."""

    position: Position
    betrag: Fraction
    name: str | None  # the figure the amount was read from; None: the Vorlage names no amount here

    @property
    def verfuegbar(self) -> Fraction:
        return exact(self.position.verfuegbar)


@dataclass
class Kreisjahr:
    """A circle in one Haushaltsjahr: its lines and their sums."""

    jahr: int
    zeilen: list[Kreiszeile] = field(default_factory=list)
    quelle: Where | None = field(default=None, compare=False)  # the circle's entry in that year's Haushalt file

    @property
    def ansatz(self) -> Fraction:
        return sum((exact(z.position.ansatz or 0) for z in self.zeilen), Fraction(0))

    @property
    def gebunden(self) -> Fraction:
        return sum((exact(z.position.gebunden) for z in self.zeilen), Fraction(0))

    @property
    def betrag(self) -> Fraction:
        return sum((z.betrag for z in self.zeilen), Fraction(0))

    @property
    def verfuegbar(self) -> Fraction:
        return self.ansatz - self.gebunden

    @property
    def ueberschreitung(self) -> Fraction:
        return max(Fraction(0), self.betrag - self.verfuegbar)

    @property
    def art(self) -> str | None:
        if not self.ueberschreitung:
            return None
        return AUSSER if self.ansatz == 0 else UEBER


@dataclass
class Kreis(Named):
    """A Deckungskreis a Vorlage draws on, per Haushaltsjahr. Texts and figures read its sums by year:
    haushalt.kreise.650.ueberschreitung.2009."""

    NAME = "Deckungskreis"

    id: str
    bezeichnung: str
    plan: str
    jahre: dict[int, Kreisjahr] = field(default_factory=dict)

    @property
    def spalte(self) -> str:
        """The head of the column of amounts: Ausgaben (kameral), Aufwand or Auszahlungen (doppisch)."""
        return WORTE[self.plan][0]

    @property
    def wort(self) -> str:
        """What the overrun is: Ausgabe (kameral), Aufwendungen or Auszahlungen (doppisch)."""
        return WORTE[self.plan][1]

    @property
    def kontowort(self) -> str:
        """The head of the first column: what its Positionen are (Haushaltsstelle, Sachkonto …)."""
        arten = {str(z.position.art) for kj in self.jahre.values() for z in kj.zeilen}
        return arten.pop() if len(arten) == 1 else "Position"

    def _je_jahr(self, feld: str) -> dict[int, Fraction]:
        return {jahr: getattr(kj, feld) for jahr, kj in sorted(self.jahre.items())}

    @property
    def ansatz(self) -> dict[int, Fraction]:
        return self._je_jahr("ansatz")

    @property
    def gebunden(self) -> dict[int, Fraction]:
        return self._je_jahr("gebunden")

    @property
    def betrag(self) -> dict[int, Fraction]:
        return self._je_jahr("betrag")

    @property
    def verfuegbar(self) -> dict[int, Fraction]:
        return self._je_jahr("verfuegbar")

    @property
    def ueberschreitung(self) -> dict[int, Fraction]:
        return self._je_jahr("ueberschreitung")


def kreisjahr(kreise: dict[str, Kreis], haushalt: Haushalt, jahr: int, kreis_id: str) -> Kreisjahr:
    """The circle's year, made with all its Positionen (amount 0) the first time a Vorlage names one of them."""
    definition = haushalt.kreis(kreis_id)
    assert definition is not None  # Haushalt.check: every Position's circle exists
    positionen = haushalt.kreispositionen(kreis_id)
    kreis = kreise.setdefault(kreis_id, Kreis(kreis_id, definition.bezeichnung, str(positionen[0].plan)))
    if jahr not in kreis.jahre:
        kreis.jahre[jahr] = Kreisjahr(
            jahr, [Kreiszeile(p, Fraction(0), None) for p in positionen], quelle=definition.where()
        )
    return kreis.jahre[jahr]


def setze(kj: Kreisjahr, position: Position, betrag: Fraction, name: str) -> None:
    """The Vorlage's amount at one line of the circle."""
    zeile = next(z for z in kj.zeilen if z.position is position)
    zeile.betrag, zeile.name = betrag, name
