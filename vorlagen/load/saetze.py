"""Typed records of rates: Kostensätze (kostensaetze/<id>.yaml) and Förderprogramme (foerderprogramme/<id>.yaml),
and a rate as the engine uses it (Satz)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from vorlagen.core.fmt import zahl
from vorlagen.core.problems import Problem, Where
from vorlagen.load.records import Record, doc, line_of, record
from vorlagen.load.werte import Betrag
from vorlagen.load.zeitraum import Zeitraum

Einheit = Literal["Jahr", "Monat", "Tag", "Stück", "einmalig"]  # nur Jahr und Monat wachsen mit dem Zeitraum


@record
class Kostensaetze(Record):
    titel: str = doc("z. B. KGSt – Kosten eines Arbeitsplatzes 2020/2021")
    quelle: str | None = doc("Herkunft der Sätze, z. B. KGSt-Bericht 11/2020", default=None)
    gueltig: Zeitraum | None = doc("Zeitraum, für den die Sätze gelten dürfen", default=None)
    einheit: Einheit = doc(
        "alle Sätze der Datei gelten je Jahr (Standard), Monat, Tag, Stück oder einmalig", default="Jahr"
    )
    vzae: Decimal | None = doc(
        "Stellen (VZÄ) je Einheit eines Satzes: Standard 1 bei Sätzen je Jahr oder Monat (Kosten eines Arbeitsplatzes), sonst 0; 0 für Sachkosten",
        default=None,
    )
    saetze: dict[str, Betrag] = doc("Kürzel (z. B. E11) → Euro je VZÄ und Einheit")

    def stellen_je_einheit(self) -> Decimal:
        """VZÄ per unit of each rate of this file."""
        if self.vzae is not None:
            return self.vzae
        return Decimal(1) if self.einheit in ("Jahr", "Monat") else Decimal(0)

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        for key, betrag in self.saetze.items():
            if betrag < 0:
                problems.append(
                    Problem(
                        line_of(self.saetze, key),
                        f"Der Satz „{key}“ ist negativ ({zahl(betrag)}) – Sätze schreiben Sie ohne Minus.",
                    )
                )
        return problems


@record
class Foerdersatz(Record):
    betrag: Betrag = doc("Euro je Einheit (Stelle, Tag, Stück …) und Zeiteinheit")
    einheit: Einheit = doc("je Jahr (Standard), Monat, Tag, Stück oder einmalig", default="Jahr")
    kurz: str = doc("Kürzel in Zeilentexten, z. B. PK oder SK")
    name: str = doc("ausgeschrieben, z. B. Personalkostenpauschale Koordination")
    vzae: Decimal | None = doc(
        "Stellen (VZÄ) je Einheit: 1 je Vollzeitstelle, 0.5 je halbe Stelle, 0 für Sachkosten; ohne Angabe zählt der Satz keine Stellen",
        default=None,
    )

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        if self.betrag < 0:
            problems.append(
                Problem(
                    self.where("betrag"),
                    f"Der Satz „{self.name}“ ist negativ ({zahl(self.betrag)}) – Sätze schreiben Sie ohne Minus.",
                )
            )
        if self.vzae is not None and self.vzae < 0:
            problems.append(
                Problem(
                    self.where("vzae"), f"„vzae“ ist negativ ({zahl(self.vzae)}) – Stellen je Einheit sind 0 oder mehr."
                )
            )
        return problems


@record
class Foerdermodul(Record):
    titel: str = doc("Name des Moduls, z. B. Strategische Steuerung")
    saetze: dict[str, Foerdersatz] = doc("Kürzel des Satzes (z. B. koordination) → Fördersatz")


@record
class Foerderprogramm(Record):
    titel: str = doc("Name des Programms, z. B. Kommunales Integrationsmanagement NRW")
    gueltig: Zeitraum | None = doc("Zeitraum, für den die Fördersätze gelten", default=None)
    module: dict[str, Foerdermodul] = doc("Kürzel des Moduls (z. B. modul-1) → Modul mit seinen Sätzen")


@dataclass(frozen=True)
class Satz:
    """A rate as the engine uses it, from a Kostensätze file or a Förderprogramm."""

    id: str  # e.g. kgst-2020/E11 or kim/modul-1/koordination
    jahresbetrag: Decimal  # the amount per `einheit` (named for the common case: per year)
    kurz: str
    name: str
    gueltig: Zeitraum | None
    where: Where
    einheit: str = "Jahr"
    vzae: Decimal | None = None  # VZÄ per unit; None: not stated (counts no Stellen, and a Bescheid names none)

    @property
    def betrag(self) -> Decimal:
        return self.jahresbetrag
