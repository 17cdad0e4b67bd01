"""What a Drucksache not written by the administration states about itself in vorlage.yaml: who submitted it
(Einreicher: a Fraktion, a Gruppe or members of the Vertretung, with the date of submission) and, for an
Änderungsantrag, the Vorlage and the point of its Beschlussvorschlag it changes. Which Art needs what says its
„drucksache“ (load/vorlagenart.py); the references are checked in load/drucksachenpruefung.py."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from vorlagen.core.problems import Problem
from vorlagen.load.records import Record, doc, record

# the kinds of Drucksache an Art can be: the administration's Vorlage, or one a Fraktion or members submit
Drucksache = Literal["vorlage", "antrag", "aenderungsantrag", "anfrage"]
EINGEREICHT = ("antrag", "aenderungsantrag", "anfrage")  # submitted by an Einreicher, not by an Amt


@record
class Einreicher(Record):
    fraktion: str | None = doc("Kürzel einer Fraktion oder Gruppe aus vertretung.yaml …", default=None)
    mitglieder: list[str] = doc("… oder die Kürzel eines oder mehrerer Mitglieder aus vertretung.yaml", factory=list)
    datum: dt.date = doc("Tag der Einreichung")

    def check(self) -> list[Problem]:
        if (self.fraktion is None) == (not self.mitglieder):
            beide = self.fraktion is not None
            return [
                Problem(
                    self.where("fraktion" if beide else "datum"),
                    "Der Einreicher nennt "
                    + ("„fraktion“ und „mitglieder“" if beide else "weder „fraktion“ noch „mitglieder“")
                    + " – eingereicht hat entweder eine Fraktion oder Gruppe (fraktion: GRUENE) oder eines oder "
                    "mehrere Mitglieder (mitglieder: [mueller]).",
                )
            ]
        return []


@record
class Aenderung(Record):
    vorlage: str = doc('Nummer der Vorlage, die der Änderungsantrag ändert, z. B. "2020/DV/0662"')
    punkt: int | None = doc(
        "Nummer des Punkts ihres Beschlussvorschlags (1. …, 2. …); ohne Angabe: der Beschlussvorschlag im Ganzen",
        default=None,
    )
