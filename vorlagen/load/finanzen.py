"""Typed records of financing facts: rates, Bescheide, Anträge and the tables of a Vorlage."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from vorlagen.core.fmt import zahl
from vorlagen.core.limits import MAX_JAHRE
from vorlagen.core.problems import Where
from vorlagen.load.records import Anzahl, Betrag, Record, doc, record
from vorlagen.load.zeitraum import Zeitraum, laenge

EINHEITEN = ("Jahr", "Monat", "Tag", "Stück", "einmalig")
Einheit = Literal["Jahr", "Monat", "Tag", "Stück", "einmalig"]  # nur Jahr und Monat wachsen mit dem Zeitraum
ARTEN = ("Eigenanteil", "Aufstellung", "Finanzierungsplan", "Vergleich")


# --- kostensaetze/<id>.yaml und foerderprogramme/<id>.yaml --------------------------------


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

    def check(self):
        for key, betrag in self.saetze.items():
            if betrag < 0:
                yield (
                    self.saetze.lines[key],
                    f"Der Satz „{key}“ ist negativ ({zahl(betrag)}) – Sätze schreiben Sie ohne Minus.",
                )


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


# --- bescheide/<id>.yaml und antraege/<id>.yaml --------------------------------------------


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

    def check(self):
        if self.name is None and self.faellig is None:
            yield "anteil", "Eine Rate braucht „faellig“ (Datum) oder „name“ – ergänzen Sie eins davon."
        if self.anteil <= 0:
            yield "anteil", f"Der Anteil einer Rate muss größer als 0 sein, nicht {self.anteil}."


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

    def check(self):
        if not self.positionen:
            yield (
                "positionen",
                "Es fehlen die Positionen – tragen Sie unter „positionen“ mindestens {satz, anzahl} ein.",
            )
        yield from laenge(self.zeitraum, self.lang)


@record
class Bescheid(Foerderschreiben):
    behoerde: str = doc("erlassende Behörde, z. B. Bezirksregierung Arnsberg")


@record
class Antrag(Foerderschreiben):
    behoerde: str | None = doc("an wen der Antrag geht", default=None)
    bescheid: str | None = doc("Kennung des Bescheids, der auf den Antrag erging", default=None)


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
    formel: str | None = doc(
        "Aufstellung: die Zeile ist eine berechnete Zahl, z. B. „zahlen-id“ oder „fonds * 10 %“", default=None
    )
    felder: dict[str, str] = doc("Aufstellung: Text je freier Spalte, z. B. {Kommune: Alfter}", factory=dict)
    gruppe: str | None = doc("Aufstellung: Zeilen einer Gruppe bekommen eine Zwischensumme", default=None)

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
    als: str | None = doc(
        "Bezeichnung in der Tabelle, z. B. KIM-Förderung; fehlt sie, die Namen der Sätze", default=None
    )


@record
class Erwartet(Record):
    gesamtkosten: Betrag | None = doc("erwartete Gesamtkosten", default=None)
    abzuege: Betrag | None = doc("erwartete Summe der Abzüge", default=None)
    eigenanteil: Betrag | None = doc("erwarteter Eigenanteil", default=None)
    summe: Betrag | None = doc("erwartete Summe (Aufstellung)", default=None)


@record
class Quelle(Record):
    """A source of a Finanzierungsplan; exactly one way to compute it."""

    id: str | None = doc('Name für Texte: quellen["id"] (sonst die Bezeichnung)', default=None)
    als: str = doc("z. B. Bund, Land, Eigenmittel der Stadt")
    art: Literal["Zuwendung", "Dritte", "Eigenmittel"] = doc("Art der Finanzierungsquelle", default="Zuwendung")
    foerdersatz: Decimal | None = doc("Anteilsfinanzierung: Prozent der förderfähigen Kosten …", default=None)
    hoechstbetrag: Betrag | None = doc("… höchstens so viel (auch bei Fehlbedarf)", default=None)
    festbetrag: Betrag | None = doc("Festbetragsfinanzierung", default=None)
    fehlbedarf: bool = doc(
        "Fehlbedarfsfinanzierung: Kosten − Eigenmittel − Dritte, höchstens hoechstbetrag", default=False
    )
    anteil: Fraction | None = doc("Anteil an den Gesamtkosten, z. B. 1/3", default=None)
    betrag: Betrag | None = doc("ein fester Betrag (Dritte, Eigenmittel)", default=None)
    rest: bool = doc("trägt den Rest: Gesamtkosten − alle anderen Quellen (auch Rundungsreste)", default=False)

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
    foerdersatz: Decimal | None = doc("in diesem Szenario: Prozent der förderfähigen Kosten", default=None)
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


@record
class Vergleichserwartung(Record):
    alt: Decimal | None = doc("alter Stand laut Vorlage", default=None)
    neu: Decimal | None = doc("neuer Stand laut Vorlage", default=None)
    differenz: Decimal | None = doc("Veränderung laut Vorlage", default=None)
    prozent: Decimal | None = doc("Veränderung in Prozent laut Vorlage, z. B. 1.15", default=None)


@record
class Vergleichszeile(Record):
    id: str | None = doc("Name für Texte und für abgeleitete Zeilen (plus/minus)", default=None)
    als: str = doc("Bezeichnung, z. B. Stellen insgesamt")
    werte: list[Decimal] = doc("[alter Stand, neuer Stand] …", factory=list)
    aus: list[str] = doc(
        "… oder zwei Formeln wie bei „zahlen“, z. B. [zahlen-alt, finanzierung.plan.zuwendung] …", factory=list
    )
    plus: list[str] = doc("… oder Summe dieser Zeilen (ids)", factory=list)
    minus: list[str] = doc("… abzüglich dieser Zeilen", factory=list)
    erwartet: Vergleichserwartung | None = doc("Werte laut Vorlage, werden nachgerechnet", default=None)

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
    id: str = doc('Name für Texte: finanzierung["id"]')
    art: Literal["Eigenanteil", "Aufstellung", "Finanzierungsplan", "Vergleich"] = doc(
        "Art der Tabelle", default="Eigenanteil"
    )
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
    summe_als: str | None = doc("Aufstellung: Bezeichnung der Summe, z. B. Höchstförderung je Jahr", default=None)
    anzeige: Literal["€", "T€", "Mio. €"] = doc(
        "Aufstellung: Beträge in Euro, Tausend oder Millionen Euro drucken (Einheit einmal im Kopf)", default="€"
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
    spalten: list[str] = doc("Vergleich: Namen der beiden Stände", factory=list)
    einheit: Literal["Euro", "Stellen", "Anzahl"] = doc("Vergleich: was die Werte sind", default="Euro")
    zeilen: list[Vergleichszeile] = doc("Vergleich", factory=list)
    erwartet: Erwartet | None = doc("Beträge laut Vorlage, werden nachgerechnet", default=None)

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
    id: str = doc('Name für Texte (zahlen["id"]) und andere Formeln')
    titel: str | None = doc("Bezeichnung, z. B. Verwaltungskostenpauschale (1,75 % der Zuwendung)", default=None)
    formel: str = doc(
        "wie sich die Zahl ergibt, z. B. „finanzierung.plan.zuwendung * 1,75 %“ oder „summe(a; b) - c“ (Dezimalkomma, „;“ zwischen Argumenten)"
    )
    einheit: Literal["€", "T€", "Mio. €", "%", "VZÄ", "Stellen", "Tage", "Stück", "Anzahl"] = doc(
        "Einheit; T€ und Mio. € sind Euro, nur anders gedruckt", default="€"
    )
    rundung: Literal["euro", "cent", "keine"] | None = doc(
        "Geld: auf ganze Euro oder Cent (Standard: wie die Körperschaft) oder gar nicht", default=None
    )
    runden: Literal["je_posten", "am_ende"] = doc(
        "je_posten: gelesene Zahlen gerundet, wie gedruckt; am_ende: genau, gerundet wird nur diese Zahl",
        default="je_posten",
    )
    stellen: int | None = doc(
        "Nachkommastellen beim Drucken (Standard: Prozent wie die Körperschaft, T€ 0, Mio. € 2)", default=None
    )
    erwartet: Decimal | None = doc(
        "der Wert laut Vorlage, in der Einheit der Zahl (bei % in Prozent), wird nachgerechnet", default=None
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
    titel: str = doc("wofür die Zahlen gelten, z. B. Kreisfonds Integration 2025")
    quelle: str | None = doc("Herkunft, z. B. Haushaltssatzung 2025, § 2", default=None)
    zahlen: list[Kennzahl] = doc("Zahlen, die jede Vorlage lesen kann: kennzahlen.<datei>.<id>")

    def check(self):
        seen = set()
        for k in self.zahlen:
            if k.id in seen:
                yield "zahlen", f"Die Kennung „{k.id}“ steht in „zahlen“ doppelt – vergeben Sie eindeutige Namen."
            seen.add(k.id)


@record
class Verteilung(Record):
    id: str = doc('Name für Texte: verteilungen["id"]')
    titel: str = doc("z. B. CM-Einsatz in Tagen pro Arbeitswoche")
    berechnung: str | None = doc("Stellenzahl aus dieser Berechnung übernehmen …", default=None)
    vzae: Decimal | None = doc("… oder hier angeben", default=None)
    tage_pro_vzae: Decimal = doc("Tage je Vollzeitstelle und Woche", default=Decimal(5))
    werte: dict[str, Decimal | None] = doc("Name → Tage; leer (~) heißt: kein Einsatz")
    hinweise: dict[str, str] = doc("Name → Hinweis in der Tabelle, z. B. eigene Stelle", factory=dict)

    def check(self):
        if (self.berechnung is None) == (self.vzae is None):
            yield "werte", "Geben Sie genau eines an: „berechnung“ (Stellenzahl daraus) oder „vzae“."
