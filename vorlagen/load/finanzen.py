"""Typed records of financing facts: rates, Bescheide, Anträge and the tables of a Vorlage."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from vorlagen.core.fmt import zahl
from vorlagen.core.limits import MAX_JAHRE
from vorlagen.core.problems import Where
from vorlagen.load.records import Anzahl, Betrag, Record, record
from vorlagen.load.zeitraum import Zeitraum, laenge

EINHEITEN = ("Jahr", "Monat", "Tag", "Stück", "einmalig")
Einheit = Literal["Jahr", "Monat", "Tag", "Stück", "einmalig"]  # nur Jahr und Monat wachsen mit dem Zeitraum
ARTEN = ("Eigenanteil", "Aufstellung", "Finanzierungsplan", "Vergleich")


# --- kostensaetze/<id>.yaml und foerderprogramme/<id>.yaml --------------------------------


@record
class Kostensaetze(Record):
    titel: str  # z. B. KGSt – Kosten eines Arbeitsplatzes 2020/2021
    quelle: str | None = None  # Herkunft der Sätze, z. B. KGSt-Bericht 11/2020
    gueltig: Zeitraum | None = None  # Zeitraum, für den die Sätze gelten dürfen
    einheit: Einheit = "Jahr"  # alle Sätze der Datei gelten je Jahr (Standard), Monat, Tag, Stück oder einmalig
    vzae: Decimal | None = (
        None  # Stellen (VZÄ) je Einheit eines Satzes: Standard 1 bei Sätzen je Jahr oder Monat (Kosten eines Arbeitsplatzes), sonst 0; 0 für Sachkosten
    )
    saetze: dict[str, Betrag]  # Kürzel (z. B. E11) → Euro je VZÄ und Einheit

    def stellen_je_einheit(self) -> Decimal:
        """VZÄ per unit of each rate of this file."""
        if self.vzae is not None:
            return self.vzae
        return Decimal(1) if self.einheit in ("Jahr", "Monat") else Decimal(0)

    def check(self):
        for key, betrag in self.saetze.items():
            if betrag < 0:
                yield (
                    self.saetze.lines[key],
                    f"Der Satz „{key}“ ist negativ ({zahl(betrag)}) – Sätze schreiben Sie ohne Minus.",
                )


@record
class Foerdersatz(Record):
    betrag: Betrag  # Euro je Einheit (Stelle, Tag, Stück …) und Zeiteinheit
    einheit: Einheit = "Jahr"  # je Jahr (Standard), Monat, Tag, Stück oder einmalig
    kurz: str  # Kürzel in Zeilentexten, z. B. PK oder SK
    name: str  # ausgeschrieben, z. B. Personalkostenpauschale Koordination
    vzae: Decimal | None = (
        None  # Stellen (VZÄ) je Einheit: 1 je Vollzeitstelle, 0.5 je halbe Stelle, 0 für Sachkosten; ohne Angabe zählt der Satz keine Stellen
    )

    def check(self):
        if self.betrag < 0:
            yield (
                "betrag",
                f"Der Satz „{self.name}“ ist negativ ({zahl(self.betrag)}) – Sätze schreiben Sie ohne Minus.",
            )
        if self.vzae is not None and self.vzae < 0:
            yield "vzae", f"„vzae“ ist negativ ({zahl(self.vzae)}) – Stellen je Einheit sind 0 oder mehr."


@record
class Foerdermodul(Record):
    titel: str  # Name des Moduls, z. B. Strategische Steuerung
    saetze: dict[str, Foerdersatz]  # Kürzel des Satzes (z. B. koordination) → Fördersatz


@record
class Foerderprogramm(Record):
    titel: str  # Name des Programms, z. B. Kommunales Integrationsmanagement NRW
    gueltig: Zeitraum | None = None  # Zeitraum, für den die Fördersätze gelten
    module: dict[str, Foerdermodul]  # Kürzel des Moduls (z. B. modul-1) → Modul mit seinen Sätzen


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


# --- bescheide/<id>.yaml und antraege/<id>.yaml --------------------------------------------


@record
class Bescheidposition(Record):
    satz: str  # z. B. kim/modul-2/case-management
    anzahl: Anzahl  # VZÄ oder Einheiten, auch als Summe "2 + 1"
    als: str | None = None  # Bezeichnung, wenn mehrere Positionen denselben Satz nutzen


@record
class Rate(Record):
    name: str | None = None  # z. B. „erste Rate“; im Text: raten["erste Rate"]
    faellig: dt.date | None = None  # Fälligkeit; bei bereits gezahlten Raten entbehrlich
    anteil: Fraction  # z. B. 1/2
    bezahlt: bool = False  # bereits ausgezahlt

    def check(self):
        if self.name is None and self.faellig is None:
            yield "anteil", "Eine Rate braucht „faellig“ (Datum) oder „name“ – ergänzen Sie eins davon."
        if self.anteil <= 0:
            yield "anteil", f"Der Anteil einer Rate muss größer als 0 sein, nicht {self.anteil}."


@record
class Foerderschreiben(Record):
    """What a Bescheid and an Antrag share (an Antrag may leave its Behörde open)."""

    datum: dt.date  # Datum des Bescheids
    behoerde: str | None = None  # erlassende Behörde, z. B. Bezirksregierung Arnsberg
    aktenzeichen: str | None = None  # Aktenzeichen der Behörde
    programm: str | None = None  # Förderprogramm, z. B. KIM NRW
    zeitraum: Zeitraum  # Bewilligungszeitraum
    tagesgenau: bool = False  # Zeiträume, die nicht ganze Monate sind, tagesgenau anteilig rechnen
    lang: bool = False  # ein Zeitraum über sechs Jahre ist gewollt (höchstens 50 Kalenderjahre)
    rundung: Literal["euro", "cent"] | None = None  # auf ganze Euro oder Cent runden (sonst wie in koerperschaft.yaml)
    positionen: list[Bescheidposition]  # bewilligte Stellen oder Einheiten je Satz
    betrag: Betrag | None = None  # wenn angegeben, muss er der Berechnung entsprechen
    raten: list[Rate] = field(default_factory=list)  # Auszahlung in Raten

    def check(self):
        if not self.positionen:
            yield (
                "positionen",
                "Es fehlen die Positionen – tragen Sie unter „positionen“ mindestens {satz, anzahl} ein.",
            )
        yield from laenge(self.zeitraum, self.lang)


@record
class Bescheid(Foerderschreiben):
    behoerde: str = field()  # erlassende Behörde, z. B. Bezirksregierung Arnsberg


@record
class Antrag(Foerderschreiben):
    behoerde: str | None = None  # an wen der Antrag geht
    bescheid: str | None = None  # Kennung des Bescheids, der auf den Antrag erging


# --- finanzierung in vorlage.yaml ----------------------------------------------------------


@record
class Kostenposition(Record):
    id: str | None = None  # Name für Texte: zeilen["id"]
    anzahl: Anzahl = Anzahl.of([Decimal(1)])  # Stellen (VZÄ), Tage, Stück; auch als Summe "6 + 3"
    anteil: Decimal = Decimal(1)  # Stellenanteil je Stelle, z. B. 0.75
    saetze: list[str] = field(default_factory=list)  # Sätze, deren Beträge je Einheit addiert werden …
    betrag: Betrag | None = None  # … oder ein fester Betrag
    als: str | None = None  # Bezeichnung in der Tabelle (Aufstellung, Finanzierungsplan)
    foerderfaehig: bool = True  # Finanzierungsplan: zählt zu den förderfähigen Kosten
    hinweis: str | None = None  # Text hinter der Zeile
    erwartet: Betrag | None = None  # Betrag der Zeile laut Vorlage, wird nachgerechnet
    formel: str | None = None  # Aufstellung: die Zeile ist eine berechnete Zahl, z. B. „zahlen-id“ oder „fonds * 10 %“
    felder: dict[str, str] = field(default_factory=dict)  # Aufstellung: Text je freier Spalte, z. B. {Kommune: Alfter}
    gruppe: str | None = None  # Aufstellung: Zeilen einer Gruppe bekommen eine Zwischensumme

    def check(self):
        if sum([bool(self.saetze), self.betrag is not None, self.formel is not None]) != 1:
            yield (
                "saetze",
                (
                    "Geben Sie genau eines an: „saetze“ (mindestens ein Satz, z. B. [kgst-2020/E11]), "
                    "„betrag“ (ein fester Betrag) oder – in einer Aufstellung – „formel“."
                ),
            )
        if self.anzahl < 0 or any(t < 0 for t in self.anzahl.teile):
            yield (
                "anzahl",
                (
                    f"Die Anzahl ist negativ ({zahl(self.anzahl)}) – Abzüge stehen unter „abzuege“; "
                    "schreiben Sie die Anzahl ohne Minus."
                ),
            )
        if self.anteil <= 0 or self.anteil > 1:
            yield "anteil", f"Der Stellenanteil muss größer als 0 und höchstens 1 sein, nicht {zahl(self.anteil)}."
        if self.betrag is not None and self.betrag < 0:
            yield "betrag", "Der Betrag ist negativ – schreiben Sie ihn ohne Minus (Abzüge stehen unter „abzuege“)."


@record
class Abzug(Kostenposition):
    als: str  # Bezeichnung in der Tabelle, z. B. KIM-Förderung


@record
class Erwartet(Record):
    gesamtkosten: Betrag | None = None  # erwartete Gesamtkosten
    abzuege: Betrag | None = None  # erwartete Summe der Abzüge
    eigenanteil: Betrag | None = None  # erwarteter Eigenanteil
    summe: Betrag | None = None  # erwartete Summe (Aufstellung)


@record
class Quelle(Record):
    """A source of a Finanzierungsplan; exactly one way to compute it."""

    id: str | None = None  # Name für Texte: quellen["id"] (sonst die Bezeichnung)
    als: str  # z. B. Bund, Land, Eigenmittel der Stadt
    art: Literal["Zuwendung", "Dritte", "Eigenmittel"] = "Zuwendung"  # Art der Finanzierungsquelle
    foerdersatz: Decimal | None = None  # Anteilsfinanzierung: Prozent der förderfähigen Kosten …
    hoechstbetrag: Betrag | None = None  # … höchstens so viel (auch bei Fehlbedarf)
    festbetrag: Betrag | None = None  # Festbetragsfinanzierung
    fehlbedarf: bool = False  # Fehlbedarfsfinanzierung: Kosten − Eigenmittel − Dritte, höchstens hoechstbetrag
    anteil: Fraction | None = None  # Anteil an den Gesamtkosten, z. B. 1/3
    betrag: Betrag | None = None  # ein fester Betrag (Dritte, Eigenmittel)
    rest: bool = False  # trägt den Rest: Gesamtkosten − alle anderen Quellen (auch Rundungsreste)

    def check(self):
        ways = [
            self.foerdersatz is not None,
            self.festbetrag is not None,
            self.fehlbedarf,
            self.anteil is not None,
            self.betrag is not None,
        ]
        if sum(ways) > 1 or (sum(ways) == 0 and not self.rest):
            yield (
                "als",
                (
                    f"Quelle „{self.als}“: Geben Sie genau eines an: „foerdersatz“ (Prozent), „festbetrag“, "
                    "„fehlbedarf: true“, „anteil“ (z. B. 1/3) oder „betrag“ – oder „rest: true“."
                ),
            )
        if self.foerdersatz is not None and not 0 < self.foerdersatz <= 100:
            yield "foerdersatz", f"Der Fördersatz ist ein Prozentwert über 0 bis 100, nicht {self.foerdersatz}."
        if self.anteil is not None and not 0 < self.anteil <= 1:
            yield "anteil", f"Der Anteil muss größer als 0 und höchstens 1 sein, nicht {self.anteil}."
        for key in ("hoechstbetrag", "festbetrag", "betrag"):
            if (getattr(self, key) or 0) < 0:
                yield key, f"„{key}“ ist negativ – Beträge einer Quelle schreiben Sie ohne Minus."


@record
class Quellenaenderung(Record):
    foerdersatz: Decimal | None = None  # in diesem Szenario: Prozent der förderfähigen Kosten
    anteil: Fraction | None = None  # … oder Anteil an den Gesamtkosten
    festbetrag: Betrag | None = None  # … oder ein Festbetrag
    betrag: Betrag | None = None  # … oder ein fester Betrag
    hoechstbetrag: Betrag | None = None  # höchstens so viel


@record
class Szenario(Record):
    id: str | None = None  # Name für Texte und Formeln: finanzierung.plan.szenarien.<id> (sonst der Spaltenkopf)
    name: str  # Spaltenkopf, z. B. Förderung 75 %
    quellen: dict[str, Quellenaenderung]  # Quelle (id oder Bezeichnung) → was in diesem Szenario anders ist


@record
class Vergleichserwartung(Record):
    alt: Decimal | None = None  # alter Stand laut Vorlage
    neu: Decimal | None = None  # neuer Stand laut Vorlage
    differenz: Decimal | None = None  # Veränderung laut Vorlage
    prozent: Decimal | None = None  # Veränderung in Prozent laut Vorlage, z. B. 1.15


@record
class Vergleichszeile(Record):
    id: str | None = None  # Name für Texte und für abgeleitete Zeilen (plus/minus)
    als: str  # Bezeichnung, z. B. Stellen insgesamt
    werte: list[Decimal] = field(default_factory=list)  # [alter Stand, neuer Stand] …
    aus: list[str] = field(
        default_factory=list
    )  # … oder zwei Formeln wie bei „zahlen“, z. B. [zahlen-alt, finanzierung.plan.zuwendung] …
    plus: list[str] = field(default_factory=list)  # … oder Summe dieser Zeilen (ids)
    minus: list[str] = field(default_factory=list)  # … abzüglich dieser Zeilen
    erwartet: Vergleichserwartung | None = None  # Werte laut Vorlage, werden nachgerechnet

    def check(self):
        ways = [bool(self.werte), bool(self.aus), bool(self.plus or self.minus)]
        if sum(ways) > 1:
            yield "werte", f"Zeile „{self.als}“: Geben Sie genau eines an: „werte“, „aus“ oder „plus“/„minus“."
        elif not self.werte and not self.aus and not self.plus:
            yield (
                "als",
                f"Zeile „{self.als}“: Es fehlen „werte: [alt, neu]“, „aus: [formel, formel]“ oder „plus: [zeile, …]“.",
            )
        elif self.werte and len(self.werte) != 2:
            yield "werte", f"Zeile „{self.als}“: „werte“ braucht genau zwei Zahlen [alt, neu], nicht {len(self.werte)}."
        elif self.aus and len(self.aus) != 2:
            yield "aus", f"Zeile „{self.als}“: „aus“ braucht genau zwei Formeln [alt, neu], nicht {len(self.aus)}."


@record
class Berechnung(Record):
    id: str  # Name für Texte: finanzierung["id"]
    art: Literal["Eigenanteil", "Aufstellung", "Finanzierungsplan", "Vergleich"] = "Eigenanteil"  # Art der Tabelle
    titel: str  # z. B. Strategische Steuerung im KI (Stellenzahl und Zeitraum ergänzt das Programm)
    zeitraum: Zeitraum | None = None  # Pflicht bei Eigenanteil; ohne Zeitraum: Jahresbeträge
    tagesgenau: bool = False  # Zeiträume, die nicht ganze Monate sind, tagesgenau anteilig rechnen
    rundung: Literal["euro", "cent"] | None = (
        None  # diese Berechnung auf ganze Euro oder Cent runden (sonst wie in koerperschaft.yaml)
    )
    lang: bool = False  # ein Zeitraum über sechs Jahre ist gewollt (höchstens 50 Kalenderjahre)
    alternative: str | None = None  # Berechnungen mit gleichem Namen sind Alternativen (Spanne)
    kosten: list[Kostenposition] = field(default_factory=list)  # Zeilen der Kosten
    abzuege: list[Abzug] = field(default_factory=list)  # Zeilen der Abzüge, z. B. Förderung
    negativ: bool = False  # ein negativer Eigenanteil (Überschuss) ist gewollt
    summe_als: str | None = None  # Aufstellung: Bezeichnung der Summe, z. B. Höchstförderung je Jahr
    anzeige: Literal["€", "T€", "Mio. €"] = (
        "€"  # Aufstellung: Beträge in Euro, Tausend oder Millionen Euro drucken (Einheit einmal im Kopf)
    )
    fonds: str | None = (
        None  # Aufstellung: Betrag oder Formel des Fonds, den die Zeilen verteilen; der Rest wird genannt
    )
    fonds_als: str | None = None  # Aufstellung: Bezeichnung des Fonds, z. B. Landesmittel 2025
    ausschoepfen: bool = False  # Aufstellung: die Zeilen müssen den Fonds genau aufbrauchen
    quellen: list[Quelle] = field(default_factory=list)  # Finanzierungsplan
    haushaltsjahre: dict[str, Decimal] = field(default_factory=dict)  # Jahr → Gewicht (z. B. Prozent)
    szenarien: list[Szenario] = field(
        default_factory=list
    )  # Finanzierungsplan: derselbe Plan mit anderen Sätzen, Spalte neben Spalte
    spalten: list[str] = field(default_factory=list)  # Vergleich: Namen der beiden Stände
    einheit: Literal["Euro", "Stellen", "Anzahl"] = "Euro"  # Vergleich: was die Werte sind
    zeilen: list[Vergleichszeile] = field(default_factory=list)  # Vergleich
    erwartet: Erwartet | None = None  # Beträge laut Vorlage, werden nachgerechnet

    def check(self):
        needs = {
            "Eigenanteil": ("kosten",),
            "Aufstellung": ("kosten",),
            "Finanzierungsplan": ("kosten", "quellen"),
            "Vergleich": ("zeilen", "spalten"),
        }[self.art]
        for key in needs:
            if not getattr(self, key):
                yield (
                    key,
                    (
                        f"Berechnung „{self.id}“ ({self.art}): „{key}“ ist leer – tragen Sie mindestens "
                        "einen Eintrag ein."
                    ),
                )
        if self.art == "Eigenanteil" and self.zeitraum is None:
            yield (
                "titel",
                f"Berechnung „{self.id}“: Ein Eigenanteil braucht „zeitraum: {{von, bis}}“ – ergänzen Sie ihn.",
            )
        allowed = {
            "Eigenanteil": {"kosten", "abzuege"},
            "Aufstellung": {"kosten", "summe_als", "spalten", "anzeige", "fonds", "fonds_als", "ausschoepfen"},
            "Finanzierungsplan": {"kosten", "quellen", "haushaltsjahre", "szenarien"},
            "Vergleich": {"spalten", "einheit", "zeilen"},
        }[self.art]
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
        ):
            if key in self._lines and key not in allowed:
                yield key, f"„{key}“ gehört nicht zu einer Berechnung der Art „{self.art}“ – entfernen Sie es."
        if self.art == "Aufstellung":
            for position in self.kosten:
                for name in position.felder:
                    if name not in self.spalten:
                        yield (
                            position.where("felder"),
                            (
                                f"Die Spalte „{name}“ einer Zeile steht nicht in „spalten“ ({', '.join(self.spalten) or 'keine'}) "
                                "– ergänzen Sie sie dort oder prüfen Sie die Schreibweise."
                            ),
                        )
        if self.ausschoepfen and self.fonds is None:
            yield "ausschoepfen", "„ausschoepfen: true“ braucht „fonds“ – den Betrag, den die Zeilen aufbrauchen."
        if self.art != "Aufstellung":
            for position in self.kosten:
                for key in ("formel", "felder", "gruppe"):
                    if key in position._lines:
                        yield (
                            position.where(key),
                            f"„{key}“ gibt es nur in Zeilen einer Aufstellung – entfernen Sie es.",
                        )
        if self.art == "Vergleich" and self.spalten and len(self.spalten) != 2:
            yield "spalten", "Ein Vergleich hat genau zwei Stände, z. B. spalten: [Stellenplan 2022, Stellenplan 2023]."
        for year in self.haushaltsjahre:
            if not (year.isdigit() and len(year) == 4):
                yield "haushaltsjahre", f"„{year}“ ist kein Haushaltsjahr – schreiben Sie es vierstellig, z. B. 2024."
        if len(self.haushaltsjahre) > MAX_JAHRE:
            yield (
                "haushaltsjahre",
                (
                    f"„haushaltsjahre“ nennt {len(self.haushaltsjahre)} Jahre – mehr als {MAX_JAHRE} "
                    "Haushaltsjahre rechnet vorlagen nicht; prüfen Sie die Angaben."
                ),
            )
        yield from laenge(self.zeitraum, self.lang)


EINHEITEN_ZAHL = ("€", "T€", "Mio. €", "%", "VZÄ", "Stellen", "Tage", "Stück", "Anzahl")


@record
class Kennzahl(Record):
    id: str  # Name für Texte (zahlen["id"]) und andere Formeln
    titel: str | None = None  # Bezeichnung, z. B. Verwaltungskostenpauschale (1,75 % der Zuwendung)
    formel: str  # wie sich die Zahl ergibt, z. B. „finanzierung.plan.zuwendung * 1,75 %“ oder „summe(a; b) - c“ (Dezimalkomma, „;“ zwischen Argumenten)
    einheit: Literal["€", "T€", "Mio. €", "%", "VZÄ", "Stellen", "Tage", "Stück", "Anzahl"] = (
        "€"  # Einheit; T€ und Mio. € sind Euro, nur anders gedruckt
    )
    rundung: Literal["euro", "cent", "keine"] | None = (
        None  # Geld: auf ganze Euro oder Cent (Standard: wie die Körperschaft) oder gar nicht
    )
    runden: Literal["je_posten", "am_ende"] = (
        "je_posten"  # je_posten: gelesene Zahlen gerundet, wie gedruckt; am_ende: genau, gerundet wird nur diese Zahl
    )
    stellen: int | None = None  # Nachkommastellen beim Drucken (Standard: Prozent wie die Körperschaft, T€ 0, Mio. € 2)
    erwartet: Decimal | None = (
        None  # der Wert laut Vorlage, in der Einheit der Zahl (bei % in Prozent), wird nachgerechnet
    )

    def check(self):
        if not self.id or not self.id[0].isalpha() or not all(c.isalnum() or c in "-_" for c in self.id):
            yield (
                "id",
                (
                    f"„{self.id}“ taugt nicht als Name einer Zahl – beginnen Sie mit einem Buchstaben und "
                    "verwenden Sie nur Buchstaben, Ziffern, - und _."
                ),
            )
        if self.stellen is not None and not 0 <= self.stellen <= 6:
            yield "stellen", f"„stellen“ liegt zwischen 0 und 6, nicht {self.stellen}."


@record
class Kennzahlen(Record):
    titel: str  # wofür die Zahlen gelten, z. B. Kreisfonds Integration 2025
    quelle: str | None = None  # Herkunft, z. B. Haushaltssatzung 2025, § 2
    zahlen: list[Kennzahl]  # Zahlen, die jede Vorlage lesen kann: kennzahlen.<datei>.<id>

    def check(self):
        seen = set()
        for k in self.zahlen:
            if k.id in seen:
                yield "zahlen", f"Die Kennung „{k.id}“ steht in „zahlen“ doppelt – vergeben Sie eindeutige Namen."
            seen.add(k.id)


@record
class Verteilung(Record):
    id: str  # Name für Texte: verteilungen["id"]
    titel: str  # z. B. CM-Einsatz in Tagen pro Arbeitswoche
    berechnung: str | None = None  # Stellenzahl aus dieser Berechnung übernehmen …
    vzae: Decimal | None = None  # … oder hier angeben
    tage_pro_vzae: Decimal = Decimal(5)  # Tage je Vollzeitstelle und Woche
    werte: dict[str, Decimal | None]  # Name → Tage; leer (~) heißt: kein Einsatz
    hinweise: dict[str, str] = field(default_factory=dict)  # Name → Hinweis in der Tabelle, z. B. eigene Stelle

    def check(self):
        if (self.berechnung is None) == (self.vzae is None):
            yield "werte", "Geben Sie genau eines an: „berechnung“ (Stellenzahl daraus) oder „vzae“."
