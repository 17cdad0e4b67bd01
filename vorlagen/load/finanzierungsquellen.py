"""The sources of a Finanzierungsplan (Zuwendung, Dritte, Eigenmittel), each with exactly one way to compute it, and
its scenarios: the same plan with other rates, column beside column."""

from __future__ import annotations

from fractions import Fraction
from typing import Literal

from vorlagen.core.problems import Problem
from vorlagen.load.records import Record, doc, record
from vorlagen.load.werte import Betrag, Prozentsatz


@record
class Quelle(Record):
    """A source of a Finanzierungsplan; exactly one way to compute it."""

    id: str | None = doc('Name für Texte: quellen["id"] (sonst die Bezeichnung)', default=None)
    als: str = doc("z. B. Bund, Land, Eigenmittel der Stadt")
    art: Literal["Zuwendung", "Dritte", "Eigenmittel"] = doc("Art der Finanzierungsquelle", default="Zuwendung")
    foerdersatz: Prozentsatz | None = doc(
        "Anteilsfinanzierung: Prozent der förderfähigen Kosten, z. B. 80 oder „80 %“ …", default=None
    )
    hoechstbetrag: Betrag | None = doc("… höchstens so viel (auch bei Fehlbedarf)", default=None)
    festbetrag: Betrag | None = doc("Festbetragsfinanzierung", default=None)
    fehlbedarf: bool = doc(
        "Fehlbedarfsfinanzierung: Kosten − Eigenmittel − Dritte, höchstens hoechstbetrag", default=False
    )
    anteil: Fraction | None = doc("Anteil an den Gesamtkosten, z. B. 1/3", default=None)
    betrag: Betrag | None = doc("ein fester Betrag (Dritte, Eigenmittel)", default=None)
    rest: bool = doc("trägt den Rest: Gesamtkosten − alle anderen Quellen (auch Rundungsreste)", default=False)

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        ways = [
            self.foerdersatz is not None,
            self.festbetrag is not None,
            self.fehlbedarf,
            self.anteil is not None,
            self.betrag is not None,
        ]
        if sum(ways) > 1 or (sum(ways) == 0 and not self.rest):
            problems.append(
                Problem(
                    self.where("als"),
                    f"Quelle „{self.als}“: Geben Sie genau eines an: „foerdersatz“ (Prozent), „festbetrag“, "
                    "„fehlbedarf: true“, „anteil“ (z. B. 1/3) oder „betrag“ – oder „rest: true“.",
                )
            )
        if self.foerdersatz is not None and not 0 < self.foerdersatz <= 100:
            problems.append(
                Problem(
                    self.where("foerdersatz"),
                    f"Der Fördersatz ist ein Prozentwert über 0 bis 100, nicht {self.foerdersatz}.",
                )
            )
        if self.anteil is not None and not 0 < self.anteil <= 1:
            problems.append(
                Problem(
                    self.where("anteil"), f"Der Anteil muss größer als 0 und höchstens 1 sein, nicht {self.anteil}."
                )
            )
        for key in ("hoechstbetrag", "festbetrag", "betrag"):
            if (getattr(self, key) or 0) < 0:
                problems.append(
                    Problem(self.where(key), f"„{key}“ ist negativ – Beträge einer Quelle schreiben Sie ohne Minus.")
                )
        return problems


@record
class Quellenaenderung(Record):
    foerdersatz: Prozentsatz | None = doc("in diesem Szenario: Prozent der förderfähigen Kosten", default=None)
    anteil: Fraction | None = doc("… oder Anteil an den Gesamtkosten", default=None)
    festbetrag: Betrag | None = doc("… oder ein Festbetrag", default=None)
    betrag: Betrag | None = doc("… oder ein fester Betrag", default=None)
    hoechstbetrag: Betrag | None = doc("höchstens so viel", default=None)


@record
class Szenario(Record):
    id: str | None = doc(
        "Name für Texte und Formeln: finanzierung.plan.szenarien.<id> (sonst der Spaltenkopf)", default=None
    )
    name: str = doc("Spaltenkopf, z. B. Förderung 75 %")
    quellen: dict[str, Quellenaenderung] = doc("Quelle (id oder Bezeichnung) → was in diesem Szenario anders ist")
