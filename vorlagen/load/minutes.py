"""Typed records of a Niederschrift (sitzungen/<id>/niederschrift.yaml) and of a Stellenstatistik."""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from decimal import Decimal
from typing import Literal

from vorlagen.load.model import record
from vorlagen.load.records import Record

# --- sitzungen/<id>/niederschrift.yaml ------------------------------------------------------


@record
class Mitglied(Record):
    name: str  # wie gedruckt, z. B. Frau Dr. Beispiel
    fraktion: str | None = None  # z. B. CDU
    funktion: str | None = None  # z. B. Vorsitzende, sachkundige Bürgerin
    stimmberechtigt: bool = True  # sachkundige Einwohner stimmen nicht mit


@record
class Teilnehmer(Record):
    name: str  # wie gedruckt, z. B. Frau Dinstühler
    funktion: str | None = None  # z. B. Leiterin des Kommunalen Integrationszentrums


@record
class Anwesenheit(Record):
    mitglieder: list[Mitglied] = field(default_factory=list)  # anwesende Mitglieder mit Namen (Fraktion optional)
    anzahl: int | None = None  # anwesende stimmberechtigte Mitglieder als Zahl, wo die Niederschrift keine Namen nennt
    mitgliederzahl: int | None = None  # Mitglieder des Gremiums insgesamt (gedruckt: „12 von 15“)
    verwaltung: list[Teilnehmer] = field(default_factory=list)  # anwesend von der Verwaltung
    gaeste: list[Teilnehmer] = field(default_factory=list)  # Gäste, z. B. Berichterstatter des Landes

    def check(self):
        if "mitglieder" not in self._lines and self.anzahl is None:
            yield (
                "mitglieder",
                (
                    "Tragen Sie die anwesenden Mitglieder ein – mit Namen unter „mitglieder“ oder, wo die "
                    "Niederschrift keine Namen nennt, als Zahl unter „anzahl“."
                ),
            )
        if self.mitglieder and self.anzahl is not None:
            yield (
                "anzahl",
                (
                    "„anzahl“ gilt nur ohne Namen – bei „mitglieder“ zählt vorlagen die Namen selbst; "
                    "entfernen Sie einen der beiden Einträge."
                ),
            )
        for name in ("anzahl", "mitgliederzahl"):
            value = getattr(self, name)
            if value is not None and value < 0:
                yield name, f"„{name}“ kann nicht negativ sein ({value})."
        anwesend = self.anzahl if self.anzahl is not None else len(self.mitglieder)
        if self.mitgliederzahl is not None and anwesend > self.mitgliederzahl:
            sind = "Mitglied ist" if anwesend == 1 else "Mitglieder sind"
            yield (
                "mitgliederzahl",
                (
                    f"{anwesend} {sind} anwesend, das Gremium hat aber nur "
                    f"{self.mitgliederzahl} – prüfen Sie beide Zahlen."
                ),
            )


@record
class Abstimmung(Record):
    einstimmig: bool = False  # true: alle stimmberechtigten Anwesenden stimmten gleich
    ja: int | None = None  # Ja-Stimmen
    nein: int | None = None  # Nein-Stimmen
    enthaltung: int | None = None  # Enthaltungen; ohne Angabe: keine festgehalten (und keine gedruckt)
    ergebnis: Literal["angenommen", "abgelehnt"] = "angenommen"  # wird gegen die Stimmen geprüft

    def check(self):
        if self.einstimmig and (self.ja is not None or self.nein is not None or self.enthaltung):
            yield (
                "einstimmig",
                (
                    "Eine Abstimmung ist entweder „einstimmig: true“ oder hat Stimmen "
                    "(„ja“, „nein“, „enthaltung“) – nicht beides."
                ),
            )
        elif not self.einstimmig and (self.ja is None or self.nein is None):
            yield (
                "ergebnis",
                ("Tragen Sie die Stimmen ein („ja“ und „nein“, dazu „enthaltung“) oder „einstimmig: true“."),
            )
        for name in ("ja", "nein", "enthaltung"):
            value = getattr(self, name)
            if value is not None and value < 0:
                yield name, f"„{name}“: Stimmen können nicht negativ sein ({value})."


@record
class Erledigung(Record):
    datum: dt.date  # Tag, an dem der Auftrag erledigt wurde
    vermerk: str  # was getan wurde


@record
class Auftrag(Record):
    was: str  # was zu tun ist
    amt: str  # Kürzel des zuständigen Amts aus koerperschaft.yaml
    frist: dt.date  # bis wann
    erledigt: Erledigung | None = None  # ohne Angabe: offen


@record
class Protokollpunkt(Record):
    top: str  # Nummer des TOPs aus der Tagesordnung der Sitzung
    text: str | None = None  # Markdown-Datei mit den Wortbeiträgen (indirekte Rede)
    anmerkungen: list[str] = field(default_factory=list)  # Markdown-Dateien „Anmerkung der Verwaltung“
    ergebnis: str | None = (
        None  # Beschluss, Kenntnisnahme oder ein Wort aus „hausstil: beratungsergebnisse“ (z. B. vertagt, abgesetzt); ohne: nur Text
    )
    stand: str | None = (
        None  # wie die Beratungsfolge der Vorlage das Ergebnis zeigt, ein Wort aus „hausstil: beratungsergebnisse“ (z. B. empfohlen); ohne Angabe aus „ergebnis“ abgeleitet
    )
    beschluss: str | None = None  # Markdown-Datei; ohne Angabe gilt der Beschlussvorschlag der Vorlage
    abstimmung: Abstimmung | None = None  # Pflicht bei einem Beschluss
    auftraege: list[Auftrag] = field(default_factory=list)  # Aufträge aus dem Beschluss (Beschlusskontrolle)

    def check(self):
        if self.ergebnis == "Beschluss" and self.abstimmung is None:
            yield (
                "ergebnis",
                "Ein Beschluss braucht „abstimmung“ (einstimmig oder ja/nein/enthaltung) – ergänzen Sie sie.",
            )
        if self.ergebnis != "Beschluss":
            for name in ("beschluss", "abstimmung", "auftraege"):
                if getattr(self, name):
                    yield (
                        name,
                        (
                            f"„{name}“ gehört nur zu „ergebnis: Beschluss“ – entfernen Sie den Eintrag "
                            "oder tragen Sie „ergebnis: Beschluss“ ein."
                        ),
                    )


@record
class Niederschrift(Record):
    beginn: str  # Uhrzeit als Text, z. B. "15:00 Uhr"
    ende: str  # z. B. "17:10 Uhr"
    vorsitz: str  # Name der oder des Vorsitzenden (Unterschrift)
    schriftfuehrung: str | None = (
        None  # Name der Schriftführerin oder des Schriftführers (Unterschrift); ohne: keine Unterschriftslinie dafür
    )
    anwesend: Anwesenheit  # Mitglieder, Verwaltung, Gäste
    punkte: list[Protokollpunkt]  # je TOP das Ergebnis, in der Reihenfolge der Tagesordnung


# --- stellen/<id>.yaml ------------------------------------------------------------------


@record
class Baustein(Record):
    name: str  # wie gedruckt, z. B. Baustein 1
    stellen: Decimal  # Zahl der Stellen
    besetzt: Decimal  # davon besetzt, in VZÄ (Bruchteile erlaubt, z. B. 551.5)
    stand: dt.date | None = None  # ohne Angabe: der Stand der Statistik

    def check(self):
        if self.stellen <= 0:
            yield "stellen", f"„stellen“ muss größer als 0 sein, nicht {self.stellen}."
        if self.besetzt < 0:
            yield "besetzt", f"„besetzt“ kann nicht negativ sein ({self.besetzt})."
        elif self.besetzt > self.stellen:
            yield (
                "besetzt",
                (f"„besetzt“ ({self.besetzt}) ist größer als „stellen“ ({self.stellen}) – prüfen Sie beide Zahlen."),
            )


@record
class Stellenstatistik(Record):
    titel: str  # z. B. Stellenbesetzung im KIM in NRW
    quelle: str | None = None  # wer die Zahlen geliefert hat
    stand: dt.date  # Stand der Zahlen
    bausteine: dict[str, Baustein]  # Kennung → Baustein; Texte lesen stellen["datei"]["kennung"]
