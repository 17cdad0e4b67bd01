"""Typed records of a Niederschrift (sitzungen/<id>/niederschrift.yaml)."""

from __future__ import annotations

import datetime as dt

from vorlagen.core.fmt import numerus
from vorlagen.core.problems import Problem
from vorlagen.load.abstimmung import Abstimmung
from vorlagen.load.records import Record, doc, record

# --- sitzungen/<id>/niederschrift.yaml ------------------------------------------------------


@record
class Mitglied(Record):
    name: str = doc("wie gedruckt, z. B. Frau Dr. Beispiel")
    fraktion: str | None = doc("z. B. CDU", default=None)
    funktion: str | None = doc("z. B. Vorsitzende, sachkundige Bürgerin", default=None)
    stimmberechtigt: bool = doc("sachkundige Einwohner stimmen nicht mit", default=True)


@record
class Teilnehmer(Record):
    name: str = doc("wie gedruckt, z. B. Frau Dinstühler")
    funktion: str | None = doc("z. B. Leiterin des Kommunalen Integrationszentrums", default=None)


@record
class Anwesenheit(Record):
    mitglieder: list[Mitglied] = doc("anwesende Mitglieder mit Namen (Fraktion optional)", factory=list)
    anzahl: int | None = doc(
        "anwesende stimmberechtigte Mitglieder als Zahl, wo die Niederschrift keine Namen nennt", default=None
    )
    mitgliederzahl: int | None = doc("Mitglieder des Gremiums insgesamt (gedruckt: „12 von 15“)", default=None)
    verwaltung: list[Teilnehmer] = doc("anwesend von der Verwaltung", factory=list)
    gaeste: list[Teilnehmer] = doc("Gäste, z. B. Berichterstatter des Landes", factory=list)

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        if "mitglieder" not in self._lines and self.anzahl is None:
            problems.append(
                Problem(
                    self.where("mitglieder"),
                    "Tragen Sie die anwesenden Mitglieder ein – mit Namen unter „mitglieder“ oder, wo die "
                    "Niederschrift keine Namen nennt, als Zahl unter „anzahl“.",
                )
            )
        if self.mitglieder and self.anzahl is not None:
            problems.append(
                Problem(
                    self.where("anzahl"),
                    "„anzahl“ gilt nur ohne Namen – bei „mitglieder“ zählt vorlagen die Namen selbst; "
                    "entfernen Sie einen der beiden Einträge.",
                )
            )
        for name in ("anzahl", "mitgliederzahl"):
            value = getattr(self, name)
            if value is not None and value < 0:
                problems.append(Problem(self.where(name), f"„{name}“ kann nicht negativ sein ({value})."))
        anwesend = self.anzahl if self.anzahl is not None else len(self.mitglieder)
        if self.mitgliederzahl is not None and anwesend > self.mitgliederzahl:
            sind = numerus(anwesend, "Mitglied ist", "Mitglieder sind")
            problems.append(
                Problem(
                    self.where("mitgliederzahl"),
                    f"{anwesend} {sind} anwesend, das Gremium hat aber nur "
                    f"{self.mitgliederzahl} – prüfen Sie beide Zahlen.",
                )
            )
        return problems


@record
class Erledigung(Record):
    datum: dt.date = doc("Tag, an dem der Auftrag erledigt wurde")
    vermerk: str = doc("was getan wurde")


@record
class Auftrag(Record):
    was: str = doc("was zu tun ist")
    amt: str = doc("Kürzel des zuständigen Amts aus koerperschaft.yaml")
    frist: dt.date = doc("bis wann")
    erledigt: Erledigung | None = doc("ohne Angabe: offen", default=None)


@record
class Protokollpunkt(Record):
    top: str = doc("Nummer des TOPs aus der Tagesordnung der Sitzung")
    text: str | None = doc("Markdown-Datei mit den Wortbeiträgen (indirekte Rede)", default=None)
    anmerkungen: list[str] = doc("Markdown-Dateien „Anmerkung der Verwaltung“", factory=list)
    ergebnis: str | None = doc(
        "Beschluss, Kenntnisnahme oder ein Wort aus „hausstil: beratungsergebnisse“ (z. B. vertagt, abgesetzt); ohne: nur Text",
        default=None,
    )
    stand: str | None = doc(
        "wie die Beratungsfolge der Vorlage das Ergebnis zeigt, ein Wort aus „hausstil: beratungsergebnisse“ (z. B. empfohlen); ohne Angabe aus „ergebnis“ abgeleitet",
        default=None,
    )
    beschluss: str | None = doc("Markdown-Datei; ohne Angabe gilt der Beschlussvorschlag der Vorlage", default=None)
    abstimmung: Abstimmung | None = doc(
        "bei einem Beschluss, so weit die Quelle sie festhält (ohne Angabe: angenommen, ohne Stimmen)", default=None
    )
    auftraege: list[Auftrag] = doc("Aufträge aus dem Beschluss (Beschlusskontrolle)", factory=list)

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        if self.ergebnis != "Beschluss":
            for name in ("beschluss", "abstimmung", "auftraege"):
                if getattr(self, name):
                    problems.append(
                        Problem(
                            self.where(name),
                            f"„{name}“ gehört nur zu „ergebnis: Beschluss“ – entfernen Sie den Eintrag "
                            "oder tragen Sie „ergebnis: Beschluss“ ein.",
                        )
                    )
        return problems


@record
class Niederschrift(Record):
    beginn: str = doc('Uhrzeit als Text, z. B. "15:00 Uhr"')
    ende: str = doc('z. B. "17:10 Uhr"')
    vorsitz: str = doc("Name der oder des Vorsitzenden (Unterschrift)")
    schriftfuehrung: str | None = doc(
        "Name der Schriftführerin oder des Schriftführers (Unterschrift); ohne: keine Unterschriftslinie dafür",
        default=None,
    )
    anwesend: Anwesenheit = doc("Mitglieder, Verwaltung, Gäste")
    punkte: list[Protokollpunkt] = doc("je TOP das Ergebnis, in der Reihenfolge der Tagesordnung")
