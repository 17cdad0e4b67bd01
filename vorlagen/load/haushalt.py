"""Records of the Haushalt (haushalt/<jahr>.yaml) and of a Vorlage's Finanzielle Auswirkungen as data.

A Haushalt file holds one Haushaltsjahr: its Positionen (Produkte, Kostenstellen, Sachkonten or
Investitionsnummern) with Ansatz and what is already bound, the Haushaltssatzung's threshold of
„erheblich“ and the Gremium that decides über-/außerplanmäßige Aufwendungen above it. A Position with
`ertrag: true` plans Erträge or Einzahlungen; its `prognose` says how much the year is expected to bring – the
only source of a Mehrertrag Deckung. Amounts of a Vorlage are names of figures of its ledger, never typed numbers
(checked in compute/haushalt.py).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Literal, TypeVar, get_args

from vorlagen.core.fmt import geld
from vorlagen.core.problems import Problem
from vorlagen.load.records import Record, doc, line_of, record
from vorlagen.load.werte import Betrag

Plan = Literal["Ergebnisplan", "Finanzplan"]
PLAENE = get_args(Plan)
_JAHR = re.compile(r"(19|20|21)\d\d")


def ist_jahr(text: str) -> bool:
    """True for a plausible Haushaltsjahr written as four digits (1900–2199)."""
    return bool(_JAHR.fullmatch(text))


_P = TypeVar("_P", "Position", "Haushaltsbetrag")


def doppelt(positionen: list[_P]) -> list[_P]:
    """The Positionen that name a konto and plan an earlier one names already (the Haushalt keeps one Position
    per konto and plan, a Vorlage one amount per Position and year)."""
    seen: set[tuple[str, str]] = set()
    repeated = []
    for p in positionen:
        if (p.konto, p.plan) in seen:
            repeated.append(p)
        seen.add((p.konto, p.plan))
    return repeated


@record
class Position(Record):
    konto: str = doc('Produkt, Kostenstelle, Sachkonto oder Investitionsnummer, wie gedruckt, z. B. "1.05.06"')
    bezeichnung: str = doc("wie gedruckt, z. B. Kommunales Integrationszentrum")
    art: Literal["Produkt", "Kostenstelle", "Sachkonto", "Investition"] = doc(
        "was „konto“ bezeichnet", default="Produkt"
    )
    plan: Plan = doc(
        "Ergebnisplan (Aufwendungen) oder Finanzplan (Auszahlungen, z. B. Investitionen)", default="Ergebnisplan"
    )
    ertrag: bool = doc(
        "true: eine Ertrags- oder Einzahlungsposition (Ansatz: geplante Erträge); sie kann Mehrerträge zur Deckung bringen",
        default=False,
    )
    ansatz: Betrag = doc(
        "Ansatz im Haushaltsplan dieses Jahres, in Euro (0: nicht veranschlagt – dann ist jeder Betrag außerplanmäßig)"
    )
    gebunden: Betrag = doc(
        "davon schon gebunden (Verträge, Aufträge, Stellen), in Euro; bei einer Ertragsposition: Mehrerträge, die schon andere Bereitstellungen decken",
        default=Betrag(Decimal(0)),
    )
    prognose: Betrag | None = doc(
        "nur bei einer Ertragsposition: erwartete Erträge des Jahres laut Kämmerei; Mehrertrag = prognose − ansatz − gebunden",
        default=None,
    )

    @property
    def verfuegbar(self) -> Decimal:
        """What a Vorlage can still draw here: Ansatz − gebunden; at an Ertrag position the Mehrertrag still free
        (prognose − Ansatz − gebunden, 0 without a prognose)."""
        if self.ertrag:
            return self.prognose - self.ansatz - self.gebunden if self.prognose is not None else Decimal(0)
        return self.ansatz - self.gebunden

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        for key in ("ansatz", "gebunden", "prognose"):
            if (getattr(self, key) or 0) < 0:
                problems.append(
                    Problem(
                        self.where(key),
                        f"„{key}“ ist negativ ({geld(getattr(self, key))}) – tragen Sie den Betrag ohne Minus ein; "
                        "Erträge und Einzahlungen gehören in eine eigene Position mit „ertrag: true“.",
                    )
                )
        if self.prognose is not None and not self.ertrag:
            problems.append(
                Problem(
                    self.where("prognose"),
                    "„prognose“ gilt nur für eine Ertragsposition – schreiben Sie „ertrag: true“ dazu, wenn "
                    "die Position Erträge oder Einzahlungen plant, sonst streichen Sie „prognose“.",
                )
            )
        if self.ertrag:
            return problems
        if 0 <= self.ansatz < self.gebunden:
            problems.append(
                Problem(
                    self.where("gebunden"),
                    f"Gebunden ({geld(self.gebunden)}) ist mehr als der Ansatz "
                    f"({geld(self.ansatz)}) – prüfen Sie "
                    "beide Beträge; eine schon bewilligte Bereitstellung erhöht den Ansatz.",
                )
            )
        return problems


@record
class Haushalt(Record):
    satzung: str | None = doc("Fundstelle der Erheblichkeitsgrenze, z. B. Haushaltssatzung 2021, § 7", default=None)
    erheblich: Betrag = doc(
        "Erheblichkeitsgrenze der Haushaltssatzung in Euro: über-/außerplanmäßige Beträge darüber beschließt vorher das Gremium „entscheidet“"
    )
    entscheidet: str = doc(
        "Kürzel des Gremiums, das darüber entscheidet, z. B. KT (Kreistag), Rat oder HA, wo übertragen"
    )
    positionen: list[Position] = doc("Produkte, Kostenstellen, Sachkonten oder Investitionsnummern mit Ansatz")

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        if self.erheblich < 0:
            problems.append(
                Problem(
                    self.where("erheblich"),
                    f"„erheblich“ ist negativ ({geld(self.erheblich)}) – tragen Sie die Grenze ohne Minus ein.",
                )
            )
        for p in doppelt(self.positionen):
            problems.append(
                Problem(
                    p.where("konto"),
                    f"„{p.konto}“ steht im {p.plan} doppelt – fassen Sie die Ansätze in einer Position zusammen.",
                )
            )
        return problems


@record
class Haushaltsbetrag(Record):
    konto: str = doc('Position des Haushalts (haushalt/<jahr>.yaml: konto), z. B. "1.05.06"')
    plan: Plan = doc("Ergebnisplan oder Finanzplan, wie die Position im Haushalt", default="Ergebnisplan")
    jahre: dict[str, str] = doc(
        "Haushaltsjahr → Name einer Zahl (Abschnitt „zahlen“ oder z. B. uebersicht.jahre_max.2022), keine getippte Zahl"
    )


@record
class Deckung(Record):
    art: Literal["Einsparung", "Mehrertrag"] = doc(
        "Einsparung bei einer anderen Aufwandsposition oder Mehrertrag bei einer Ertragsposition (ertrag: true) mit „prognose“"
    )
    konto: str = doc("Position des Haushalts, bei der eingespart wird oder die die Mehrerträge bringt")
    plan: Plan = doc("Ergebnisplan oder Finanzplan", default="Ergebnisplan")
    jahre: dict[str, str] = doc("Haushaltsjahr → Name einer Zahl, wie bei den Beträgen")


@record
class FinanzielleAuswirkungen(Record):
    keine: bool = doc(
        "true: die Vorlage hat keine finanziellen Auswirkungen (gedruckt wird der Satz des Hausstils)", default=False
    )
    text: str | None = doc("Markdown-Datei mit weiterem Text, gedruckt unter den Angaben", default=None)
    positionen: list[Haushaltsbetrag] = doc("je Position des Haushalts die Beträge je Haushaltsjahr", factory=list)
    deckung: list[Deckung] = doc("Deckung über- und außerplanmäßiger Beträge", factory=list)
    dauer: Literal["einmalig", "laufend", "einmalig und laufend"] | None = doc(
        "einmalige oder laufende Aufwendungen", default=None
    )
    anlagevermoegen: bool | None = doc(
        "entsteht Anlagevermögen? (gedruckt: Ja/Nein; ohne Angabe: nicht gedruckt)", default=None
    )
    folgekosten: str | None = doc("Name einer Zahl mit den jährlichen Folgekosten, oder „keine“", default=None)

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        if self.keine and (self.positionen or self.deckung or self.folgekosten or self.dauer or self.anlagevermoegen):
            problems.append(
                Problem(
                    self.where("keine"),
                    "„keine: true“ und Angaben zu Beträgen widersprechen sich – streichen Sie „keine“ oder die Angaben.",
                )
            )
        elif not self.keine and not self.positionen:
            problems.append(
                Problem(
                    self.where("positionen"),
                    "Es fehlen „positionen“ (je Position des Haushalts die Beträge je Jahr) – oder "
                    "schreiben Sie „keine: true“, wenn die Vorlage keine finanziellen Auswirkungen hat.",
                )
            )
        for p in doppelt(self.positionen):
            problems.append(
                Problem(
                    p.where("konto"),
                    f"Die Position „{p.konto}“ ({p.plan}) steht doppelt – nennen Sie jedes Jahr "
                    "einer Position einmal, mit einer Zahl für seinen ganzen Betrag.",
                )
            )
        items: list[Haushaltsbetrag | Deckung] = [*self.positionen, *self.deckung]
        for item in items:
            if not item.jahre:
                problems.append(
                    Problem(item.where("jahre"), "„jahre“ ist leer – nennen Sie je Haushaltsjahr die Zahl des Betrags.")
                )
            for jahr in item.jahre:
                if not ist_jahr(jahr):
                    problems.append(
                        Problem(
                            line_of(item.jahre, jahr),
                            f"„{jahr}“ ist kein Haushaltsjahr – schreiben Sie das Jahr mit vier Ziffern, z. B. 2022.",
                        )
                    )
        return problems
