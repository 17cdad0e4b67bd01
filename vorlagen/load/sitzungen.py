"""A Sitzung as sitzungen/<id>.yaml records it: Gremium, Tag, Beginn, Ort and its Tagesordnung (TOPs).
Field names are the YAML keys; each field carries its German description (doc("…"))."""

from __future__ import annotations

import datetime as dt
import re

from vorlagen.core.problems import Problem
from vorlagen.load.records import Record, doc, record


@record
class Top(Record):
    top: str = doc('Nummer, z. B. "5" oder "5.1"')
    vorlage: str | None = doc("Nummer der Vorlage, die unter diesem Punkt beraten wird …", default=None)
    titel: str | None = doc("… oder der Gegenstand (bei einer Vorlage: statt ihres Betreffs)", default=None)

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        if self.vorlage is None and self.titel is None:
            problems.append(
                Problem(self.where("top"), f"TOP {self.top}: Geben Sie „vorlage“ (Nummer) oder „titel“ an.")
            )
        return problems


@record
class Tagesordnung(Record):
    oeffentlich: list[Top] = doc("Punkte des öffentlichen Teils, in Reihenfolge", factory=list)
    nichtoeffentlich: list[Top] = doc("Punkte des nichtöffentlichen Teils, in Reihenfolge", factory=list)


@record
class Sitzung(Record):
    gremium: str = doc("Kürzel des Gremiums")
    datum: dt.date = doc("Tag der Sitzung")
    beginn: str | None = doc('Uhrzeit als Text, z. B. "15:00 Uhr"', default=None)
    ort: str | None = doc("z. B. Kreishaus Siegburg, Großer Sitzungssaal", default=None)
    tagesordnung: Tagesordnung | None = doc("Tagesordnungspunkte, öffentlich und nichtöffentlich", default=None)
    platzhalter: bool = doc(
        "true: ein Beispiel von „vorlagen neu“, noch nicht der Fakt der Körperschaft – gebaut wird, veröffentlicht "
        "nicht: ersetzen Sie die Angaben und entfernen Sie die Zeile",
        default=False,
    )

    @property
    def uhrzeit(self) -> tuple[int, int] | None:
        """Hour and minute from `beginn` ('15:00 Uhr' → (15, 0)), if it holds one."""
        return uhrzeit(self.beginn)


def uhrzeit(text: str | None) -> tuple[int, int] | None:
    """Hour and minute of a time written as text ('16:35 Uhr' → (16, 35)), if it holds one."""
    match = re.match(r"\s*(\d{1,2})[:.](\d{2})", text or "")
    return (int(match[1]), int(match[2])) if match and int(match[1]) < 24 and int(match[2]) < 60 else None
