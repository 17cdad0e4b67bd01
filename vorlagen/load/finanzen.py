"""Typed records of a Vorlage's calculations: its tables (finanzierung) with their rows – the sources and scenarios
of a Finanzierungsplan in load/finanzierungsquellen.py – and its distributions (verteilungen)."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from vorlagen.core.fmt import zahl
from vorlagen.core.limits import MAX_JAHRE
from vorlagen.core.problems import Problem
from vorlagen.load import tabellenarten
from vorlagen.load.finanzierungsquellen import Quelle, Szenario
from vorlagen.load.kennzahlen import widerspruch
from vorlagen.load.records import Record, doc, record
from vorlagen.load.tabellenarten import ARTEN
from vorlagen.load.vergleichszeilen import Vergleichsspalte, Vergleichszeile
from vorlagen.load.werte import Anzahl, Betrag
from vorlagen.load.zeitraum import Zeitraum, laenge

# --- finanzierung in vorlage.yaml ----------------------------------------------------------


@record
class Kostenposition(Record):
    id: str | None = doc('Name für Texte: zeilen["id"]', default=None)
    anzahl: Anzahl = doc('Stellen (VZÄ), Tage, Stück; auch als Summe "6 + 3"', default=Anzahl.of([Decimal(1)]))
    anteil: Decimal = doc("Stellenanteil je Stelle, z. B. 0.75", default=Decimal(1))
    saetze: list[str] = doc("Sätze, deren Beträge je Einheit addiert werden …", factory=list)
    betrag: Betrag | None = doc("… oder ein fester Betrag", default=None)
    als: str | None = doc("Bezeichnung in der Tabelle (Aufstellung, Finanzierungsplan)", default=None)
    foerderfaehig: bool = doc("Finanzierungsplan: zählt zu den förderfähigen Kosten", default=True)
    hinweis: str | None = doc("Text hinter der Zeile", default=None)
    erwartet: Betrag | None = doc("Betrag der Zeile laut Vorlage, wird nachgerechnet", default=None)
    hoechstens: Betrag | None = doc(
        "der Betrag der Zeile ist höchstens so hoch, geschrieben wie „erwartet“", default=None
    )
    mindestens: Betrag | None = doc(
        "der Betrag der Zeile ist mindestens so hoch, geschrieben wie „erwartet“", default=None
    )
    formel: str | None = doc(
        "Aufstellung: die Zeile ist eine berechnete Zahl, z. B. „zahlen-id“ oder „fonds * 10 %“", default=None
    )
    felder: dict[str, str] = doc("Aufstellung: Text je freier Spalte, z. B. {Kommune: Alfter}", factory=dict)
    gruppe: str | None = doc("Aufstellung: Zeilen einer Gruppe bekommen eine Zwischensumme", default=None)

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        if sum([bool(self.saetze), self.betrag is not None, self.formel is not None]) != 1:
            problems.append(
                Problem(
                    self.where("saetze"),
                    "Geben Sie genau eines an: „saetze“ (mindestens ein Satz, z. B. [kgst-2020/E11]), "
                    "„betrag“ (ein fester Betrag) oder – in einer Aufstellung – „formel“.",
                )
            )
        if self.anzahl < 0 or any(t < 0 for t in self.anzahl.teile):
            problems.append(
                Problem(
                    self.where("anzahl"),
                    f"Die Anzahl ist negativ ({zahl(self.anzahl)}) – Abzüge stehen unter „abzuege“; "
                    "schreiben Sie die Anzahl ohne Minus.",
                )
            )
        if self.anteil <= 0 or self.anteil > 1:
            problems.append(
                Problem(
                    self.where("anteil"),
                    f"Der Stellenanteil muss größer als 0 und höchstens 1 sein, nicht {zahl(self.anteil)}.",
                )
            )
        if self.betrag is not None and self.betrag < 0:
            problems.append(
                Problem(
                    self.where("betrag"),
                    "Der Betrag ist negativ – schreiben Sie ihn ohne Minus (Abzüge stehen unter „abzuege“).",
                )
            )
        return problems + widerspruch(self)


@record
class Abzug(Kostenposition):
    als: str | None = doc(
        "Bezeichnung in der Tabelle, z. B. KIM-Förderung; fehlt sie, die Namen der Sätze", default=None
    )


@record
class Erwartet(Record):
    gesamtkosten: Betrag | None = doc("Gesamtkosten", default=None)
    abzuege: Betrag | None = doc("Summe der Abzüge", default=None)
    eigenanteil: Betrag | None = doc("Eigenanteil", default=None)
    summe: Betrag | None = doc("Summe (Aufstellung; Matrix: Summe aller Zellen)", default=None)
    spalten: dict[str, Decimal] = doc("Matrix: Summe je Spalte, z. B. {2015: 148920}", factory=dict)
    quellen: dict[str, Betrag] = doc(
        "Finanzierungsplan: Betrag je Quelle unter dem Namen, den ihre Zeile druckt, z. B. {Bund: 80000, "
        "Eigenanteil: 20000}",
        factory=dict,
    )


@record
class Berechnung(Record):
    id: str = doc('Name für Texte: finanzierung["id"]')
    art: tabellenarten.Art = doc("Art der Tabelle", default=tabellenarten.STANDARD)
    titel: str = doc("z. B. Strategische Steuerung im KI (Stellenzahl und Zeitraum ergänzt das Programm)")
    zeitraum: Zeitraum | None = doc("Pflicht bei Eigenanteil; ohne Zeitraum: Jahresbeträge", default=None)
    tagesgenau: bool = doc("Zeiträume, die nicht ganze Monate sind, tagesgenau anteilig rechnen", default=False)
    rundung: Literal["euro", "cent"] | None = doc(
        "diese Berechnung auf ganze Euro oder Cent runden (sonst wie in koerperschaft.yaml)", default=None
    )
    lang: bool = doc("ein Zeitraum über sechs Jahre ist gewollt (höchstens 50 Kalenderjahre)", default=False)
    alternative: str | None = doc("Berechnungen mit gleichem Namen sind Alternativen (Spanne)", default=None)
    kosten: list[Kostenposition] = doc("Zeilen der Kosten", factory=list)
    abzuege: list[Abzug] = doc("Zeilen der Abzüge, z. B. Förderung", factory=list)
    negativ: bool = doc("ein negativer Eigenanteil (Überschuss) ist gewollt", default=False)
    summe_als: str | None = doc(
        "Aufstellung: Bezeichnung der Summe, z. B. Höchstförderung je Jahr; Matrix: Kopf der Summenspalte und "
        "-zeile (Standard: Summe)",
        default=None,
    )
    anzeige: Literal["€", "T€", "Mio. €", "Mrd. €"] = doc(
        "Aufstellung: Beträge in Euro, Tausend, Millionen oder Milliarden Euro drucken (Einheit einmal im Kopf)",
        default="€",
    )
    fonds: str | None = doc(
        "Aufstellung: Betrag oder Formel des Fonds, den die Zeilen verteilen; der Rest wird genannt", default=None
    )
    fonds_als: str | None = doc("Aufstellung: Bezeichnung des Fonds, z. B. Landesmittel 2025", default=None)
    ausschoepfen: bool = doc("Aufstellung: die Zeilen müssen den Fonds genau aufbrauchen", default=False)
    quellen: list[Quelle] = doc("Finanzierungsplan", factory=list)
    haushaltsjahre: dict[str, Decimal] = doc("Jahr → Gewicht (z. B. Prozent)", factory=dict)
    szenarien: list[Szenario] = doc(
        "Finanzierungsplan: derselbe Plan mit anderen Sätzen, Spalte neben Spalte", factory=list
    )
    spalten: list[str] = doc(
        "Vergleich: Namen der beiden Stände; Matrix: die Spalten, z. B. [Vorjahre, 2015, Folgejahre]", factory=list
    )
    einheit: Literal["Euro", "Stellen", "Anzahl"] = doc("Vergleich, Matrix: was die Werte sind", default="Euro")
    zeilen: list[Vergleichszeile] = doc("Vergleich, Matrix: die Zeilen", factory=list)
    vergleichsspalten: list[Vergleichsspalte] | None = doc(
        "Vergleich: die Spalten nach den beiden Ständen, mit Kopf und Rechnung; ohne Angabe „Veränderung“ "
        "(neu − alt) und „in %“, [] keine",
        default=None,
    )
    zeilenkopf: str | None = doc("Matrix: Kopf der ersten Spalte, z. B. Träger", default=None)
    zeilensummen: bool = doc("Matrix: eine Spalte mit der Summe jeder Zeile", default=True)
    spaltensummen: bool = doc("Matrix: eine Zeile mit der Summe jeder Spalte", default=True)
    erwartet: Erwartet | None = doc("Beträge laut Vorlage, werden nachgerechnet", default=None)
    hoechstens: Erwartet | None = doc(
        "Obergrenzen der Summen, geschrieben wie „erwartet“, z. B. {summe: 2216000}; eine überschrittene ist ein Fehler",
        default=None,
    )
    mindestens: Erwartet | None = doc(
        "Untergrenzen der Summen, geschrieben wie „erwartet“, z. B. {eigenanteil: 10000}; eine unterschrittene ist ein "
        "Fehler",
        default=None,
    )

    def check(self) -> list[Problem]:
        """What is wrong with the Berechnung as written, in the order of its parts."""
        problems = self._leere_angaben() + self._fremde_angaben() + self._angaben_der_aufstellung()
        problems += ARTEN[self.art].pruefen(self)
        problems += self._haushaltsjahre_probleme()
        problems += laenge(self.zeitraum, self.lang, self.where("zeitraum"))
        return problems

    def _leere_angaben(self) -> list[Problem]:
        """What the table's art needs and the Berechnung leaves empty: its rows, sources or columns, a Zeitraum."""
        problems: list[Problem] = []
        for key in ARTEN[self.art].braucht:
            if not getattr(self, key):
                problems.append(
                    Problem(
                        self.where(key),
                        f"Berechnung „{self.id}“ ({self.art}): „{key}“ ist leer – tragen Sie mindestens "
                        "einen Eintrag ein.",
                    )
                )
        if ARTEN[self.art].zeitraum and self.zeitraum is None:
            problems.append(
                Problem(
                    self.where("titel"),
                    f"Berechnung „{self.id}“: Ein Eigenanteil braucht „zeitraum: {{von, bis}}“ – ergänzen Sie ihn.",
                )
            )
        return problems

    def _fremde_angaben(self) -> list[Problem]:
        """The keys written that belong to tables of another art."""
        allowed = ARTEN[self.art].schluessel
        return [
            Problem(
                self.where(key),
                f"„{key}“ gehört nicht zu einer Berechnung der Art „{self.art}“ – entfernen Sie es.",
            )
            for key in (
                "kosten",
                "abzuege",
                "summe_als",
                "quellen",
                "haushaltsjahre",
                "spalten",
                "zeilen",
                "anzeige",
                "fonds",
                "fonds_als",
                "ausschoepfen",
                "szenarien",
                "vergleichsspalten",
                "zeilenkopf",
                "zeilensummen",
                "spaltensummen",
            )
            if key in self._lines and key not in allowed
        ]

    def _angaben_der_aufstellung(self) -> list[Problem]:
        """The columns an Aufstellung's rows fill, its fonds to use up, and the keys of its rows in any other table."""
        problems: list[Problem] = []
        if ARTEN[self.art].formelzeilen:
            for position in self.kosten:
                for name in position.felder:
                    if name not in self.spalten:
                        problems.append(
                            Problem(
                                position.where("felder"),
                                f"Die Spalte „{name}“ einer Zeile steht nicht in „spalten“ ({', '.join(self.spalten) or 'keine'}) "
                                "– ergänzen Sie sie dort oder prüfen Sie die Schreibweise.",
                            )
                        )
        if self.ausschoepfen and self.fonds is None:
            problems.append(
                Problem(
                    self.where("ausschoepfen"),
                    "„ausschoepfen: true“ braucht „fonds“ – den Betrag, den die Zeilen aufbrauchen.",
                )
            )
        if not ARTEN[self.art].formelzeilen:
            for position in self.kosten:
                for key in ("formel", "felder", "gruppe"):
                    if key in position._lines:
                        problems.append(
                            Problem(
                                position.where(key),
                                f"„{key}“ gibt es nur in Zeilen einer Aufstellung – entfernen Sie es.",
                            )
                        )
        return problems

    def _haushaltsjahre_probleme(self) -> list[Problem]:
        """Each Haushaltsjahr is written with four digits, and there are not too many."""
        problems: list[Problem] = []
        for year in self.haushaltsjahre:
            if not (year.isdigit() and len(year) == 4):
                problems.append(
                    Problem(
                        self.where("haushaltsjahre"),
                        f"„{year}“ ist kein Haushaltsjahr – schreiben Sie es vierstellig, z. B. 2024.",
                    )
                )
        if len(self.haushaltsjahre) > MAX_JAHRE:
            problems.append(
                Problem(
                    self.where("haushaltsjahre"),
                    f"„haushaltsjahre“ nennt {len(self.haushaltsjahre)} Jahre – mehr als {MAX_JAHRE} "
                    "Haushaltsjahre rechnet vorlagen nicht; prüfen Sie die Angaben.",
                )
            )
        return problems


@record
class Verteilung(Record):
    id: str = doc('Name für Texte: verteilungen["id"]')
    titel: str = doc("z. B. CM-Einsatz in Tagen pro Arbeitswoche")
    berechnung: str | None = doc("Stellenzahl aus dieser Berechnung übernehmen …", default=None)
    vzae: Decimal | None = doc("… oder hier angeben", default=None)
    tage_pro_vzae: Decimal = doc("Tage je Vollzeitstelle und Woche", default=Decimal(5))
    werte: dict[str, Decimal | None] = doc("Name → Tage; leer (~) heißt: kein Einsatz")
    hinweise: dict[str, str] = doc("Name → Hinweis in der Tabelle, z. B. eigene Stelle", factory=dict)

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        if (self.berechnung is None) == (self.vzae is None):
            problems.append(
                Problem(self.where("werte"), "Geben Sie genau eines an: „berechnung“ (Stellenzahl daraus) oder „vzae“.")
            )
        return problems
