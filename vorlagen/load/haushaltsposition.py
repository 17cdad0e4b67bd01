"""A Position of the Haushalt (Produkt, Kostenstelle, Sachkonto, Investition, Projekt – kameral: Haushaltsstelle):
the Ansatz, what is already bound, the bookings after decisions (dated, so that a decided Vorlage prints the Haushalt
of its decision), the Verpflichtungsermächtigung the plan grants, what a Vorlage can still draw there, and what is
wrong with it as written. A Position with `ertrag: true` plans Erträge or Einzahlungen; its `prognose` is the only
source of a Mehrertrag Deckung.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from vorlagen.core.fmt import OHNE_HAUS
from vorlagen.core.problems import Problem
from vorlagen.load.records import Record, doc, record
from vorlagen.load.werte import Betrag

Plan = Literal["Ergebnisplan", "Finanzplan", "Verwaltungshaushalt", "Vermögenshaushalt"]
Art = Literal["Produkt", "Kostenstelle", "Sachkonto", "Investition", "Projekt", "Haushaltsstelle"]
NULL = Betrag(Decimal(0))
# A Haushalt file is checked as it is read, on its own: no Körperschaft is at hand yet, so its messages print amounts
# with „€“ (load/records.py reads every file before the body's Hausstil is known to it).
_geld = OHNE_HAUS.geld


@record
class Buchung(Record):
    datum: dt.date = doc("Tag, an dem die Kämmerei den Betrag gebunden hat")
    betrag: Betrag = doc("gebundener Betrag in Euro")
    vorlage: str | None = doc(
        'Nummer der beschlossenen Vorlage, deren Betrag gebunden wird, z. B. "2021/0123"', default=None
    )

    def check(self) -> list[Problem]:
        if self.betrag < 0:
            return [Problem(self.where("betrag"), f"Eine Buchung ist nicht negativ ({_geld(self.betrag)}).")]
        return []


@record
class Position(Record):
    konto: str = doc(
        'Produkt, Kostenstelle, Sachkonto, Investition, Projekt oder Haushaltsstelle, wie gedruckt, z. B. "1.05.06"'
    )
    bezeichnung: str | None = doc(
        "wie gedruckt, z. B. Kommunales Integrationszentrum; ohne Angabe: nur „konto“ (wo die Quelle nur einen Namen nennt)",
        default=None,
    )
    art: Art | None = doc(
        "was „konto“ bezeichnet; ohne Angabe: Produkt (doppisch) bzw. Haushaltsstelle (kameral)", default=None
    )
    plan: Plan | None = doc(
        "Ergebnisplan (Aufwendungen) oder Finanzplan (Auszahlungen); kameral Verwaltungs- oder Vermögenshaushalt; "
        "ohne Angabe: Ergebnisplan bzw. Verwaltungshaushalt",
        default=None,
    )
    deckungskreis: str | None = doc(
        "Kennung des Deckungskreises (Budget, Deckungsring), dessen Positionen sich gegenseitig decken", default=None
    )
    ertrag: bool = doc(
        "true: eine Ertrags- oder Einzahlungsposition (Ansatz: geplante Erträge); sie kann Mehrerträge zur Deckung bringen",
        default=False,
    )
    ansatz: Betrag | None = doc(
        "Ansatz im Haushaltsplan dieses Jahres, in Euro (0: nicht veranschlagt – dann ist jeder Betrag außerplanmäßig); "
        "leer (~): noch offen, nur bei einer Position, die eine Deckung bringt oder deren über- oder außerplanmäßigen "
        "Betrag die Vorlage selbst nennt (ueberplanmaessig, ausserplanmaessig)",
    )
    gebunden: Betrag = doc(
        "davon schon gebunden (Verträge, Aufträge, Stellen), in Euro; bei einer Ertragsposition: Mehrerträge, die schon andere Bereitstellungen decken",
        default=NULL,
    )
    buchungen: list[Buchung] = doc(
        "was die Kämmerei nach Beschlüssen bindet, mit Datum: eine beschlossene Vorlage rechnet ohne die Buchungen "
        "ab ihrem Beschluss",
        factory=list,
    )
    prognose: Betrag | None = doc(
        "nur bei einer Ertragsposition: erwartete Erträge des Jahres laut Kämmerei; Mehrertrag = prognose − ansatz − gebunden",
        default=None,
    )
    reste: Betrag | None = doc(
        "Haushaltsreste (kameral) bzw. Ermächtigungsübertragungen (doppisch): aus dem Vorjahr übertragene Mittel, in "
        "Euro; sie erhöhen, was verfügbar ist; ohne Angabe: keine (und keine Zeile dafür im Druck)",
        default=None,
    )
    bereitgestellt: Betrag | None = doc(
        "in diesem Jahr schon über- oder außerplanmäßig bereitgestellt, in Euro (statt den Ansatz zu erhöhen); es "
        "erhöht, was verfügbar ist; ohne Angabe: nichts (und keine Zeile dafür im Druck)",
        default=None,
    )
    ve: Betrag | None = doc(
        "Verpflichtungsermächtigung, die der Plan dieses Jahres hier veranschlagt, in Euro (0: keine; ohne Angabe: "
        "nicht bekannt)",
        default=None,
    )
    ve_gebunden: Betrag = doc("davon schon in Anspruch genommen, in Euro", default=NULL)

    @property
    def mittel(self) -> Decimal:
        """What the plan holds here before a Vorlage: Ansatz + Haushaltsreste + already bereitgestellt."""
        return (self.ansatz if self.ansatz is not None else NULL) + (self.reste or NULL) + (self.bereitgestellt or NULL)

    @property
    def mittel_teile(self) -> list[tuple[str, Decimal]]:
        """(label, amount) of what `mittel` adds up: the Ansatz, and Reste and bereitgestellt where stated."""
        teile: list[tuple[str, Decimal]] = [("Ansatz", self.ansatz if self.ansatz is not None else NULL)]
        teile += [("Reste", self.reste)] if self.reste is not None else []
        return teile + ([("bereitgestellt", self.bereitgestellt)] if self.bereitgestellt is not None else [])

    @property
    def verfuegbar(self) -> Decimal:
        """What a Vorlage can still draw here: Ansatz (+ Reste + bereitgestellt) − gebunden; at an Ertrag position
        the Mehrertrag still free (prognose − Ansatz − gebunden, 0 without a prognose). Only asked where the Ansatz
        is known."""
        ansatz = self.ansatz if self.ansatz is not None else NULL
        if self.ertrag:
            return self.prognose - ansatz - self.gebunden if self.prognose is not None else Decimal(0)
        return self.mittel - self.gebunden

    @property
    def ve_frei(self) -> Decimal | None:
        """The Verpflichtungsermächtigung still free here, None where the plan's is not known."""
        return None if self.ve is None else self.ve - self.ve_gebunden

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        for key in ("ansatz", "gebunden", "prognose", "ve", "ve_gebunden", "reste", "bereitgestellt"):
            if (getattr(self, key) or 0) < 0:
                problems.append(
                    Problem(
                        self.where(key),
                        f"„{key}“ ist negativ ({_geld(getattr(self, key))}) – tragen Sie den Betrag ohne Minus ein; "
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
        for key in ("reste", "bereitgestellt"):
            if self.ertrag and getattr(self, key) is not None:
                problems.append(
                    Problem(
                        self.where(key),
                        f"„{key}“ gilt nur für Aufwands- und Auszahlungspositionen – bei einer Ertragsposition "
                        "(„ertrag: true“) streichen Sie die Zeile.",
                    )
                )
            elif self.deckungskreis is not None and getattr(self, key) is not None:
                problems.append(
                    Problem(
                        self.where(key),
                        f"„{key}“ bei einer Position im Deckungskreis „{self.deckungskreis}“ rechnet vorlagen noch "
                        "nicht – der Kreis zählt nur die Ansätze: rechnen Sie die Mittel in den Ansatz ein und "
                        "streichen Sie die Zeile.",
                    )
                )
        if self.ve_gebunden and (self.ve is None or self.ve_gebunden > self.ve):
            problems.append(
                Problem(
                    self.where("ve_gebunden"),
                    f"In Anspruch genommen ({_geld(self.ve_gebunden)}) ist mehr als die veranschlagte "
                    f"Verpflichtungsermächtigung ({_geld(self.ve or NULL)}) – prüfen Sie „ve“ und „ve_gebunden“.",
                )
            )
        if self.ertrag or self.ansatz is None:
            return problems
        gebunden = self.gebunden + sum((b.betrag for b in self.buchungen), NULL)
        if 0 <= self.mittel < gebunden:
            was = "Gebunden" if not self.buchungen else "Gebunden mit den Buchungen"
            mit = [n for n, v in (("Reste", self.reste), ("bereitgestellt", self.bereitgestellt)) if v is not None]
            problems.append(
                Problem(
                    self.where("gebunden"),
                    f"{was} ({_geld(gebunden)}) ist mehr als der Ansatz ({_geld(self.ansatz)}) – prüfen Sie beide "
                    "Beträge; eine schon bewilligte Bereitstellung erhöht den Ansatz."
                    if not mit
                    else f"{was} ({_geld(gebunden)}) ist mehr als Ansatz, {' und '.join(mit)} zusammen "
                    f"({_geld(self.mittel)}) – prüfen Sie die Beträge.",
                )
            )
        return problems
