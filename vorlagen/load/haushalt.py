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
from dataclasses import field
from decimal import Decimal
from typing import Literal, get_args

from vorlagen.core.fmt import eur, eur_cent
from vorlagen.load.records import Betrag, Record, record

Plan = Literal["Ergebnisplan", "Finanzplan"]
PLAENE = get_args(Plan)
_JAHR = re.compile(r"(19|20|21)\d\d")


def betrag_text(value: Decimal) -> str:
    """An amount as printed: '1.284.300 €', with cents where it has some."""
    return eur(value) if value == value.to_integral_value() else eur_cent(value)


def ist_jahr(text: str) -> bool:
    """True for a plausible Haushaltsjahr written as four digits (1900–2199)."""
    return bool(_JAHR.fullmatch(text))


@record
class Position(Record):
    konto: str  # Produkt, Kostenstelle, Sachkonto oder Investitionsnummer, wie gedruckt, z. B. "1.05.06"
    bezeichnung: str  # wie gedruckt, z. B. Kommunales Integrationszentrum
    art: Literal["Produkt", "Kostenstelle", "Sachkonto", "Investition"] = "Produkt"  # was „konto“ bezeichnet
    plan: Plan = "Ergebnisplan"  # Ergebnisplan (Aufwendungen) oder Finanzplan (Auszahlungen, z. B. Investitionen)
    ertrag: bool = False  # true: eine Ertrags- oder Einzahlungsposition (Ansatz: geplante Erträge); sie kann Mehrerträge zur Deckung bringen
    ansatz: Betrag  # Ansatz im Haushaltsplan dieses Jahres, in Euro (0: nicht veranschlagt – dann ist jeder Betrag außerplanmäßig)
    gebunden: Betrag = Betrag(
        Decimal(0)
    )  # davon schon gebunden (Verträge, Aufträge, Stellen), in Euro; bei einer Ertragsposition: Mehrerträge, die schon andere Bereitstellungen decken
    prognose: Betrag | None = (
        None  # nur bei einer Ertragsposition: erwartete Erträge des Jahres laut Kämmerei; Mehrertrag = prognose − ansatz − gebunden
    )

    @property
    def verfuegbar(self) -> Decimal:
        """What a Vorlage can still draw here: Ansatz − gebunden; at an Ertrag position the Mehrertrag still free
        (prognose − Ansatz − gebunden, 0 without a prognose)."""
        if self.ertrag:
            return self.prognose - self.ansatz - self.gebunden if self.prognose is not None else Decimal(0)
        return self.ansatz - self.gebunden

    def check(self):
        for key in ("ansatz", "gebunden", "prognose"):
            if (getattr(self, key) or 0) < 0:
                yield (
                    key,
                    (
                        f"„{key}“ ist negativ ({betrag_text(getattr(self, key))}) – tragen Sie den Betrag ohne Minus ein; "
                        "Erträge und Einzahlungen gehören in eine eigene Position mit „ertrag: true“."
                    ),
                )
        if self.prognose is not None and not self.ertrag:
            yield (
                "prognose",
                (
                    "„prognose“ gilt nur für eine Ertragsposition – schreiben Sie „ertrag: true“ dazu, wenn "
                    "die Position Erträge oder Einzahlungen plant, sonst streichen Sie „prognose“."
                ),
            )
        if self.ertrag:
            return
        if 0 <= self.ansatz < self.gebunden:
            yield (
                "gebunden",
                (
                    f"Gebunden ({betrag_text(self.gebunden)}) ist mehr als der Ansatz "
                    f"({betrag_text(self.ansatz)}) – prüfen Sie "
                    "beide Beträge; eine schon bewilligte Bereitstellung erhöht den Ansatz."
                ),
            )


@record
class Haushalt(Record):
    satzung: str | None = None  # Fundstelle der Erheblichkeitsgrenze, z. B. Haushaltssatzung 2021, § 7
    erheblich: Betrag  # Erheblichkeitsgrenze der Haushaltssatzung in Euro: über-/außerplanmäßige Beträge darüber beschließt vorher das Gremium „entscheidet“
    entscheidet: str  # Kürzel des Gremiums, das darüber entscheidet, z. B. KT (Kreistag), Rat oder HA, wo übertragen
    positionen: list[Position]  # Produkte, Kostenstellen, Sachkonten oder Investitionsnummern mit Ansatz

    def check(self):
        if self.erheblich < 0:
            yield (
                "erheblich",
                (f"„erheblich“ ist negativ ({betrag_text(self.erheblich)}) – tragen Sie die Grenze ohne Minus ein."),
            )
        seen = set()
        for p in self.positionen:
            if (p.konto, p.plan) in seen:
                yield (
                    p.where("konto"),
                    (f"„{p.konto}“ steht im {p.plan} doppelt – fassen Sie die Ansätze in einer Position zusammen."),
                )
            seen.add((p.konto, p.plan))


@record
class Haushaltsbetrag(Record):
    konto: str  # Position des Haushalts (haushalt/<jahr>.yaml: konto), z. B. "1.05.06"
    plan: Plan = "Ergebnisplan"  # Ergebnisplan oder Finanzplan, wie die Position im Haushalt
    jahre: dict[
        str, str
    ]  # Haushaltsjahr → Name einer Zahl (Abschnitt „zahlen“ oder z. B. uebersicht.jahre_max.2022), keine getippte Zahl


@record
class Deckung(Record):
    art: Literal[
        "Einsparung", "Mehrertrag"
    ]  # Einsparung bei einer anderen Aufwandsposition oder Mehrertrag bei einer Ertragsposition (ertrag: true) mit „prognose“
    konto: str  # Position des Haushalts, bei der eingespart wird oder die die Mehrerträge bringt
    plan: Plan = "Ergebnisplan"  # Ergebnisplan oder Finanzplan
    jahre: dict[str, str]  # Haushaltsjahr → Name einer Zahl, wie bei den Beträgen


@record
class FinanzielleAuswirkungen(Record):
    keine: bool = False  # true: die Vorlage hat keine finanziellen Auswirkungen (gedruckt wird der Satz des Hausstils)
    text: str | None = None  # Markdown-Datei mit weiterem Text, gedruckt unter den Angaben
    positionen: list[Haushaltsbetrag] = field(
        default_factory=list
    )  # je Position des Haushalts die Beträge je Haushaltsjahr
    deckung: list[Deckung] = field(default_factory=list)  # Deckung über- und außerplanmäßiger Beträge
    dauer: Literal["einmalig", "laufend", "einmalig und laufend"] | None = None  # einmalige oder laufende Aufwendungen
    anlagevermoegen: bool | None = None  # entsteht Anlagevermögen? (gedruckt: Ja/Nein; ohne Angabe: nicht gedruckt)
    folgekosten: str | None = None  # Name einer Zahl mit den jährlichen Folgekosten, oder „keine“

    def check(self):
        if self.keine and (self.positionen or self.deckung or self.folgekosten or self.dauer or self.anlagevermoegen):
            yield (
                "keine",
                ("„keine: true“ und Angaben zu Beträgen widersprechen sich – streichen Sie „keine“ oder die Angaben."),
            )
        elif not self.keine and not self.positionen:
            yield (
                "positionen",
                (
                    "Es fehlen „positionen“ (je Position des Haushalts die Beträge je Jahr) – oder "
                    "schreiben Sie „keine: true“, wenn die Vorlage keine finanziellen Auswirkungen hat."
                ),
            )
        seen = set()
        for p in self.positionen:
            if (p.konto, p.plan) in seen:
                yield (
                    p.where("konto"),
                    (
                        f"Die Position „{p.konto}“ ({p.plan}) steht doppelt – nennen Sie jedes Jahr "
                        "einer Position einmal, mit einer Zahl für seinen ganzen Betrag."
                    ),
                )
            seen.add((p.konto, p.plan))
        for item in [*self.positionen, *self.deckung]:
            if not item.jahre:
                yield item.where("jahre"), "„jahre“ ist leer – nennen Sie je Haushaltsjahr die Zahl des Betrags."
            for jahr in item.jahre:
                if not ist_jahr(jahr):
                    yield (
                        item.jahre.lines[jahr],
                        (f"„{jahr}“ ist kein Haushaltsjahr – schreiben Sie das Jahr mit vier Ziffern, z. B. 2022."),
                    )
