"""The fixed headings of every document, each the Hausstil's to name: of the Vorlage, its tables, the Tagesordnung,
the Niederschrift and its Auszug."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from vorlagen.core.limits import MAX_UEBERSCHRIFT
from vorlagen.core.problems import Problem
from vorlagen.load.records import Record, doc, record
from vorlagen.load.vorlagenart import Abschnitt, Vorlagenart


@record
class Ueberschriften(Record):
    beschlussvorschlag: str = doc("z. B. Beschlussempfehlung oder Beschluss", default="Beschlussvorschlag")
    fragen: str = doc("die Fragen einer Anfrage", default="Fragen")
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


class _Ueberschriftenstil(Protocol):
    """The parts of a Hausstil whose headings are checked (load/hausstil.py imports this module, so it cannot name
    the class, nor those of its Beratungsfolge and Finanzen)."""

    @property
    def ueberschriften(self) -> Ueberschriften: ...

    @property
    def beratungsfolge(self) -> Record: ...

    @property
    def finanzen(self) -> Record: ...

    @property
    def abschnitte(self) -> Sequence[Abschnitt]: ...

    @property
    def arten(self) -> Mapping[str, Vorlagenart]: ...


def zu_lange_ueberschriften(stil: _Ueberschriftenstil) -> list[Problem]:
    """Each heading the Hausstil (`stil`) names that is longer than a heading can be: refused at its line (a
    2.400-character heading ran 3,5 m over the page edge, with only a warning)."""
    stellen: list[tuple[Record, str, str]] = [
        (stil.ueberschriften, feld, f"ueberschriften: {feld}") for feld in stil.ueberschriften.__dataclass_fields__
    ]
    stellen += [(stil.beratungsfolge, "ueberschrift", "beratungsfolge: ueberschrift")]
    stellen += [(stil.finanzen, "ueberschrift", "finanzen: ueberschrift")]
    stellen += [(a, "ueberschrift", f"abschnitte: {a.id}: ueberschrift") for a in stil.abschnitte]
    stellen += [(art, "ueberschrift", f"arten: {name}: ueberschrift") for name, art in stil.arten.items()]
    return [
        Problem(
            record.where(feld),
            f"„{name}“ hat {len(text)} Zeichen – eine Überschrift hat höchstens {MAX_UEBERSCHRIFT}: kürzen Sie sie.",
        )
        for record, feld, name in stellen
        if isinstance(text := getattr(record, feld), str) and len(text) > MAX_UEBERSCHRIFT
    ]
