"""Typed records of Bescheide (bescheide/<id>.yaml) and Anträge (antraege/<id>.yaml): positions × rates, paid
in Raten."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Literal

from vorlagen.core.problems import Problem
from vorlagen.load.records import Record, doc, record
from vorlagen.load.werte import Anzahl, Betrag
from vorlagen.load.zeitraum import Zeitraum, laenge


@record
class Bescheidposition(Record):
    satz: str = doc("z. B. kim/modul-2/case-management")
    anzahl: Anzahl = doc('VZÄ oder Einheiten, auch als Summe "2 + 1"')
    als: str | None = doc("Bezeichnung, wenn mehrere Positionen denselben Satz nutzen", default=None)


@record
class Rate(Record):
    name: str | None = doc('z. B. „erste Rate“; im Text: raten["erste Rate"]', default=None)
    faellig: dt.date | None = doc("Fälligkeit; bei bereits gezahlten Raten entbehrlich", default=None)
    anteil: Fraction = doc("z. B. 1/2")
    bezahlt: bool = doc("bereits ausgezahlt", default=False)

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        if self.name is None and self.faellig is None:
            problems.append(
                Problem(
                    self.where("anteil"), "Eine Rate braucht „faellig“ (Datum) oder „name“ – ergänzen Sie eins davon."
                )
            )
        if self.anteil <= 0:
            problems.append(
                Problem(self.where("anteil"), f"Der Anteil einer Rate muss größer als 0 sein, nicht {self.anteil}.")
            )
        return problems


@record
class Foerderschreiben(Record):
    """What a Bescheid and an Antrag share (an Antrag may leave its Behörde open)."""

    datum: dt.date = doc("Datum des Bescheids")
    behoerde: str | None = doc("erlassende Behörde, z. B. Bezirksregierung Arnsberg", default=None)
    aktenzeichen: str | None = doc("Aktenzeichen der Behörde", default=None)
    programm: str | None = doc("Förderprogramm, z. B. KIM NRW", default=None)
    zeitraum: Zeitraum = doc("Bewilligungszeitraum")
    tagesgenau: bool = doc("Zeiträume, die nicht ganze Monate sind, tagesgenau anteilig rechnen", default=False)
    lang: bool = doc("ein Zeitraum über sechs Jahre ist gewollt (höchstens 50 Kalenderjahre)", default=False)
    rundung: Literal["euro", "cent"] | None = doc(
        "auf ganze Euro oder Cent runden (sonst wie in koerperschaft.yaml)", default=None
    )
    positionen: list[Bescheidposition] = doc("bewilligte Stellen oder Einheiten je Satz")
    betrag: Betrag | None = doc("wenn angegeben, muss er der Berechnung entsprechen", default=None)
    raten: list[Rate] = doc("Auszahlung in Raten", factory=list)

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        if not self.positionen:
            problems.append(
                Problem(
                    self.where("positionen"),
                    "Es fehlen die Positionen – tragen Sie unter „positionen“ mindestens {satz, anzahl} ein.",
                )
            )
        problems += laenge(self.zeitraum, self.lang, self.where("zeitraum"))
        return problems


@record
class Bescheid(Foerderschreiben):
    behoerde: str = doc("erlassende Behörde, z. B. Bezirksregierung Arnsberg")


@record
class Antrag(Foerderschreiben):
    behoerde: str | None = doc("an wen der Antrag geht", default=None)
    bescheid: str | None = doc("Kennung des Bescheids, der auf den Antrag erging", default=None)
