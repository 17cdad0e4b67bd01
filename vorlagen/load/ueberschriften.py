"""The fixed headings of every document, each the Hausstil's to name: of the Vorlage, its tables, the Tagesordnung,
the Niederschrift and its Auszug."""

from __future__ import annotations

from vorlagen.core.problems import Problem
from vorlagen.load.records import Record, doc, record


@record
class Ueberschriften(Record):
    beschlussvorschlag: str = doc("z. B. Beschlussempfehlung oder Beschluss", default="Beschlussvorschlag")
    anlagen: str = doc("Liste der Anlagen", default="Anlagen")
    berechnungen: str = doc("Berechnungen, die kein Text an eine Stelle setzt", default="Berechnungen")
    haushalt: str = doc("Tabelle der Beträge je Position und Jahr", default="Haushaltsmittel je Haushaltsjahr")
    deckung: str = doc("Tabelle der Deckung", default="Deckung")
    eigenanteile: str = doc(
        "Übersicht der Eigenanteile (bei mehr als sechs Jahren mit den Jahren dahinter)",
        default="Eigenanteile nach Haushaltsjahren",
    )
    mittel_vorhanden: str = doc(
        "Zeile mit Ja oder Nein unter den Haushaltsmitteln", default="Haushaltsmittel stehen zur Verfügung"
    )
    tagesordnung: str = doc("Überschrift der Tagesordnung", default="Tagesordnung")
    niederschrift: str = doc("Überschrift der Niederschrift", default="Niederschrift")
    anwesend: str = doc("Abschnitt der Anwesenden in der Niederschrift", default="Anwesend")
    auszug: str = doc("Überschrift eines Auszugs aus der Niederschrift", default="Auszug aus der Niederschrift")

    def check(self) -> list[Problem]:
        return [
            Problem(
                self.where(feld),
                f"„ueberschriften: {feld}“ ist leer – schreiben Sie die Überschrift oder lassen Sie die Zeile weg "
                f"(dann gilt „{getattr(Ueberschriften(), feld)}“).",
            )
            for feld in self.__dataclass_fields__
            if isinstance(getattr(self, feld), str) and not getattr(self, feld).strip()
        ]
