"""The Eigenanteil table: Gesamtkosten − Abzüge = Eigenanteil, by year, with the Stellen of its cost rows."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from vorlagen.compute.names import Named, NoValue
from vorlagen.compute.tabelle import Auswerten, Tabelle, Zeile, Zeilen, periode_of, ueberschrift_von
from vorlagen.compute.tabellenzeilen import zeilen
from vorlagen.core.fmt import NBSP, Zahlformat, zahl
from vorlagen.core.money import Rundung
from vorlagen.core.problems import Problem
from vorlagen.load.finanzen import Berechnung
from vorlagen.load.saetze import Satz


@dataclass
class Jahr(Named):
    gesamtkosten: Decimal
    abzuege: Decimal
    eigenanteil: Decimal


@dataclass
class Eigenanteilstabelle(Tabelle):
    """Gesamtkosten − Abzüge = Eigenanteil."""

    _stellen: Decimal | None  # VZÄ: the sum over the staff rows among the costs; None where a rate does not say
    gesamtkosten: Decimal
    abzuege: Decimal
    eigenanteil: Decimal
    jahre: dict[int, Jahr]
    alternative: str | None

    @property
    def vzae(self) -> Decimal:
        """The Stellen of the table's cost rows (staff only: Sachkosten and amounts count none)."""
        if self._stellen is None:
            raise NoValue(
                f"Die Berechnung „{self.id}“ nennt keine Stellen: ihre Kostensätze sagen nicht, wie viele "
                "VZÄ eine Einheit ist – tragen Sie beim Satz „vzae“ ein (1 je Vollzeitstelle, 0 für "
                "Sachkosten)."
            )
        return self._stellen


def eigenanteil(
    berechnung: Berechnung,
    saetze: dict[str, Satz],
    rundung: Rundung,
    zahlformat: Zahlformat,
    auswerten: Auswerten | None = None,
) -> tuple[Tabelle | None, list[Problem]]:
    """An Eigenanteil table: Gesamtkosten − Abzüge."""
    periode_, problems = periode_of(berechnung)
    if periode_ is None:
        return None, problems
    rows, found = zeilen(
        berechnung, berechnung.kosten, lambda p: "Gesamtkosten", False, saetze, periode_, rundung, zahlformat
    )
    more, found2 = zeilen(berechnung, berechnung.abzuege, lambda p: p.als, True, saetze, periode_, rundung, zahlformat)
    problems += found + found2
    if found or found2:
        return None, problems
    rows += more
    gesamt = sum((z.betrag for z in rows if not z.abzug), Decimal(0))
    abzuege = sum((z.betrag for z in rows if z.abzug), Decimal(0))
    jahre = {}
    for year in periode_.gewichte:
        g = sum((z.jahre[year] for z in rows if not z.abzug), Decimal(0))
        a = sum((z.jahre[year] for z in rows if z.abzug), Decimal(0))
        jahre[year] = Jahr(g, a, g - a)
    kosten = [z for z in rows if not z.abzug]
    anteile = [z.stellen for z in kosten if z.stellen is not None]
    stellen = sum(anteile, Decimal(0)) if len(anteile) == len(kosten) else None
    assert berechnung.zeitraum is not None  # Berechnung.check: an Eigenanteil has its Zeitraum
    ueberschrift = ueberschrift_von(berechnung, _stellen_text(kosten, stellen))
    if gesamt - abzuege < 0 and not berechnung.negativ:
        problems.append(
            Problem(
                berechnung.where("abzuege"),
                f"Berechnung „{berechnung.id}“: Der Eigenanteil ist negativ "
                f"({zahlformat.euro_or_cent(gesamt - abzuege, rundung.quantum)}), die Abzüge übersteigen die "
                "Gesamtkosten – prüfen Sie Anzahlen und Sätze; ist ein Überschuss gewollt, setzen Sie "
                "„negativ: true“.",
            )
        )
    return Eigenanteilstabelle(
        berechnung.id,
        berechnung.art,
        berechnung.titel,
        ueberschrift,
        berechnung.zeitraum,
        periode_,
        Zeilen(rows),
        berechnung,
        rundung.quantum,
        zahlformat,
        stellen,
        gesamt,
        abzuege,
        gesamt - abzuege,
        jahre,
        berechnung.alternative,
    ), problems


def _stellen_text(kosten: list[Zeile], stellen: Decimal | None) -> str:
    """The heading's Stellen: '3,5 VZÄ ', '3 x 0,75 VZÄ ' for one staff row of whole units, else their sum; none: ''."""
    if not stellen:
        return ""
    staff = [z for z in kosten if z.stellen]
    if len(staff) == 1 and staff[0].stellen == staff[0].anzahl * staff[0].position.anteil:
        z = staff[0]
        if z.position.anteil == 1:
            return f"{zahl(z.anzahl)}{NBSP}VZÄ "
        return f"{zahl(z.anzahl)} x {zahl(z.position.anteil)}{NBSP}VZÄ "
    return f"{zahl(stellen)}{NBSP}VZÄ "  # the number never parts from its unit at the end of a line
