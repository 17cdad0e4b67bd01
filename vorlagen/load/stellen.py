"""Typed records of a Stellenstatistik (stellen/<id>.yaml): Stellen and their Besetzung per Baustein."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from vorlagen.core.problems import Problem
from vorlagen.load.records import Record, doc, record


@record
class Baustein(Record):
    name: str = doc("wie gedruckt, z. B. Baustein 1")
    stellen: Decimal = doc("Zahl der Stellen")
    besetzt: Decimal = doc("davon besetzt, in VZÄ (Bruchteile erlaubt, z. B. 551.5)")
    stand: dt.date | None = doc("ohne Angabe: der Stand der Statistik", default=None)

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        if self.stellen <= 0:
            problems.append(Problem(self.where("stellen"), f"„stellen“ muss größer als 0 sein, nicht {self.stellen}."))
        if self.besetzt < 0:
            problems.append(Problem(self.where("besetzt"), f"„besetzt“ kann nicht negativ sein ({self.besetzt})."))
        elif self.besetzt > self.stellen:
            problems.append(
                Problem(
                    self.where("besetzt"),
                    f"„besetzt“ ({self.besetzt}) ist größer als „stellen“ ({self.stellen}) – prüfen Sie beide Zahlen.",
                )
            )
        return problems


@record
class Stellenstatistik(Record):
    titel: str = doc("z. B. Stellenbesetzung im KIM in NRW")
    quelle: str | None = doc("wer die Zahlen geliefert hat", default=None)
    stand: dt.date = doc("Stand der Zahlen")
    bausteine: dict[str, Baustein] = doc('Kennung → Baustein; Texte lesen stellen["datei"]["kennung"]')
