"""The Hausstil of a Körperschaft as data: header, Beratungsfolge, Vorlagenarten, sections, signature.

Every key is optional; the defaults give the look of the shipped templates. Field names are the
YAML keys under `hausstil:` in koerperschaft.yaml.
"""

from __future__ import annotations

from typing import Literal

from vorlagen.core.fmt import ZAHLFORMATE, Zahlformat
from vorlagen.core.problems import Problem, Where
from vorlagen.load.abstimmung import Abstimmungsstil
from vorlagen.load.hausstilpruefung import hausstil_probleme
from vorlagen.load.kopfzeilen import Kopf
from vorlagen.load.mitzeichnung import datei
from vorlagen.load.records import Record, defined_at, doc, doppelte, record, unknown_word
from vorlagen.load.satz import Silbentrennung, Tabellenstil
from vorlagen.load.ueberschriften import Ueberschriften
from vorlagen.load.vorlagenart import (
    Abschnitt,
    Klimaantwort,
    Vorlagenart,
    standard_arten,
    standard_klimaantworten,
)
from vorlagen.load.worddateien import Worddateien

# the word lists, as types (for the schema and the type check)
Spalte = Literal["datum", "uhrzeit", "gremium", "rolle", "berichterstattung", "ergebnis"]
Schrift = Literal["Liberation Sans", "Liberation Serif"]
Unterschriftform = Literal["verwaltungschef", "im_auftrag", "gez", "keine"]
SCHRIFTEN = {"Liberation Sans": "LiberationSans", "Liberation Serif": "LiberationSerif"}  # the keys: Schrift


@record
class Spaltenbeschriftung(Record):
    datum: str = doc("z. B. Termin", default="Datum")
    uhrzeit: str = doc("Uhrzeit der Sitzung (beginn)", default="Beginn")
    gremium: str = doc("Name des Gremiums", default="Gremium")
    rolle: str = doc("Vorberatung, Entscheidung, Kenntnisnahme", default="Zuständigkeit")
    berichterstattung: str = doc("Name und Funktion", default="Berichterstattung")
    ergebnis: str = doc("z. B. ungeändert beschlossen", default="Ergebnis")


@record
class BeratungsfolgeStil(Record):
    ueberschrift: str = doc("z. B. Beratungsreihenfolge", default="Beratungsfolge")
    spalten: list[Spalte] = doc("Spalten in Reihenfolge", factory=lambda: ["datum", "gremium", "rolle"])
    beschriftung: Spaltenbeschriftung = doc("Spaltenköpfe", factory=Spaltenbeschriftung)


@record
class UnterschriftStil(Record):
    form: Unterschriftform = doc("wie Vorlagen ohne eigene „unterschrift“ schließen", default="verwaltungschef")
    im_auftrag: str = doc("Zeile über dem Namen, z. B. „Im Auftrag:“", default="Im Auftrag")
    gez: str = doc("vor dem Namen", default="gez.")


@record
class Haushaltsbeschriftung(Record):
    ansatz: str = doc("Kopf der Spalte der Ansätze in der Tabelle eines Deckungskreises", default="Ansatz")
    betrag: str | None = doc(
        "Kopf der Spalte der Beträge; ohne Angabe: Ausgaben (kameral), Aufwand (Ergebnisplan), Auszahlungen (Finanzplan)",
        default=None,
    )
    reste: str | None = doc(
        "Wort für aus dem Vorjahr übertragene Mittel, z. B. Haushaltsreste; ohne Angabe: Haushaltsreste (kameral), "
        "Ermächtigungsübertragungen (doppisch)",
        default=None,
    )


@record
class Finanzen(Record):
    ueberschrift: str = doc("Überschrift des Abschnitts", default="Finanzielle Auswirkungen")
    ohne: str | None = doc(
        "Satz der Körperschaft, wenn eine Vorlage weder Berechnungen noch Text dazu hat, z. B. „Keine.“; ohne ihn entfällt der Abschnitt",
        default=None,
    )
    ja_nein: bool = doc("„ja“ oder „nein“ (aus Berechnungen und Text ermittelt) als erste Zeile drucken", default=False)
    keine: str = doc(
        "gedruckt, wenn eine Vorlage „finanzielle_auswirkungen: {keine: true}“ sagt",
        default="Keine finanziellen Auswirkungen.",
    )
    rechtsgrundlage: str | None = doc(
        "Vorschrift über über- und außerplanmäßige Aufwendungen, wie gedruckt, z. B. § 53 Abs. 1 KrO NRW i. V. m. § 83 GO NRW; ohne Angabe: die des Landes („land“)",
        default=None,
    )
    beschriftung: Haushaltsbeschriftung = doc(
        "Spaltenköpfe der Tabelle eines Deckungskreises", factory=Haushaltsbeschriftung
    )
    cent: bool = doc("Beträge des Haushaltsblocks immer mit Cent drucken (181.800,00 €)", default=False)
    verpflichtungsermaechtigung: str | None = doc(
        "Vorschrift über Verpflichtungsermächtigungen, wie gedruckt, z. B. § 85 Abs. 1 Satz 2 GO NRW; ohne Angabe: die des Landes",
        default=None,
    )
    entscheidung: str | None = doc(
        "wer unter der Erheblichkeitsgrenze entscheidet, z. B. die Zustimmung des Kämmerers; ohne Angabe: des Landes",
        default=None,
    )
    ergebnisplan: str | None = doc(
        "Wort für den Ergebnisplan, z. B. Ergebnishaushalt; sonst das des Landes", default=None
    )
    finanzplan: str | None = doc("Wort für den Finanzplan, z. B. Finanzhaushalt; sonst das des Landes", default=None)


@record
class Mitzeichnungsstil(Record):
    rollen: list[str] = doc(
        "wer mitzeichnet, wie gedruckt, z. B. Kämmerei, Rechtsamt, Dezernent", factory=lambda: ["Kämmerei", "Rechtsamt"]
    )
    finanzielle_auswirkungen: list[str] = doc(
        "Rollen, die jede Vorlage mit finanziellen Auswirkungen mitzeichnen müssen, z. B. [Kämmerei]", factory=list
    )
    kaemmerei: str = doc(
        "Rolle, die jede Vorlage mit über- oder außerplanmäßigen Beträgen mitzeichnet (wer über- und außerplanmäßigen Beträgen zustimmt, regelt das Haushaltsrecht des Landes), gleich was sonst verlangt ist",
        default="Kämmerei",
    )

    def unbekannte(self, genannt: list[str], where: Where) -> list[Problem]:
        """A problem for each role named in `genannt` that is not in `rollen`."""
        gelistet = defined_at(self, "rollen")
        return [
            unknown_word(where, "mitzeichnung", rolle, self.rollen, "mitzeichnung: rollen", gelistet)
            for rolle in genannt
            if rolle not in self.rollen
        ]

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        if any(not rolle.strip() for rolle in self.rollen):
            problems.append(
                Problem(
                    self.where("rollen"), "Die Liste „mitzeichnung: rollen“ enthält ein leeres Wort – entfernen Sie es."
                )
            )
        for doppelt in doppelte(self.rollen):
            problems.append(
                Problem(
                    self.where("rollen"),
                    f"„{doppelt}“ steht in „mitzeichnung: rollen“ doppelt – nennen Sie jede Rolle einmal.",
                )
            )
        dateien: dict[str, str] = {}
        for rolle in dict.fromkeys(r for r in self.rollen if r.strip()):
            andere = dateien.setdefault(datei(rolle), rolle)
            if andere != rolle:
                problems.append(
                    Problem(
                        self.where("rollen"),
                        f"„{andere}“ und „{rolle}“ in „mitzeichnung: rollen“ teilen sich die Datei "
                        f"gezeichnet/{datei(rolle)} – geben Sie den Rollen Namen, die sich nicht nur in "
                        "Umlauten, Groß- und Kleinschreibung oder Satzzeichen unterscheiden.",
                    )
                )
        if self.finanzielle_auswirkungen:
            problems += self.unbekannte(self.finanzielle_auswirkungen, self.where("finanzielle_auswirkungen"))
        if defined_at(self, "kaemmerei") is not None:  # the default is checked where a Vorlage needs it
            problems += self.unbekannte([self.kaemmerei], self.where("kaemmerei"))
        return problems


@record
class Rolle(Record):
    entscheidet: bool = doc("das Gremium entscheidet abschließend (OParl: authoritative)", default=False)


# The usual words of all Länder; a body adds its own or replaces the list (hausstil: rollen / beratungsergebnisse).
def standard_rollen() -> dict[str, Rolle]:
    return {
        "Vorberatung": Rolle(),
        "Entscheidung": Rolle(entscheidet=True),
        "Kenntnisnahme": Rolle(),
        "Beratung": Rolle(),
        "Anhörung": Rolle(),
    }


STANDARD_ERGEBNISSE = (
    "ungeändert beschlossen",
    "geändert beschlossen",
    "abgelehnt",
    "zur Kenntnis genommen",
    "zurückgestellt",
    "vertagt",
    "zurückgezogen",
    "abgesetzt",
    "erledigt",
)
PROTOKOLL_ERGEBNISSE = (
    "Beschluss",
    "Kenntnisnahme",
)  # results every Niederschrift may record, besides the body's words
FRUEHERE_ERGEBNISSE = ("vertagt", "zurückgestellt")  # recorded before the lists were the body's: still accepted


@record
class Hausstil(Record):
    akzentfarbe: str = doc("Farbe für Linien und Überschriften, als #rrggbb", default="#1f4e79")
    logo: str | None = doc("Bilddatei (SVG oder PNG) relativ zum Datenordner", default=None)
    schrift: Schrift = doc("eine der mitgelieferten freien Schriften", default="Liberation Sans")
    stylesheet: str | None = doc("eigene CSS-Datei relativ zum Datenordner, nach dem Standard geladen", default=None)
    kopf: Kopf = doc("Kopf der Vorlage: welche Kopfdaten, wie beschriftet", factory=Kopf)
    datum_pflicht: bool = doc("jede Vorlage braucht ein Datum; false: „datum“ darf fehlen", default=True)
    waehrung: Literal["€", "EUR"] = doc(
        "Währungszeichen hinter jedem Betrag, in Texten, Tabellen und Köpfen: € (647.800 €, T€, Mio. €) oder EUR "
        "(647.800 EUR, TEUR, Mio. EUR)",
        default="€",
    )
    nummer: str | None = doc("Muster der Vorlagennummer, z. B. JJJJ/NNNN, N/JJJJ oder R/N/N", default=None)
    beratungsfolge: BeratungsfolgeStil = doc("Tabelle der Beratungsfolge", factory=BeratungsfolgeStil)
    arten: dict[str, Vorlagenart] = doc("Vorlagenarten der Körperschaft", factory=standard_arten)
    abschnitte: list[Abschnitt] = doc("Abschnitte mit fester Überschrift, in Druckreihenfolge", factory=list)
    finanzen: Finanzen = doc("Abschnitt „Finanzielle Auswirkungen“", factory=Finanzen)
    ueberschriften: Ueberschriften = doc(
        "die festen Überschriften der Vorlage (Beschlussvorschlag, Anlagen …); die des Abschnitts Finanzielle "
        "Auswirkungen steht unter „finanzen: ueberschrift“, die der Beratungsfolge dort",
        factory=Ueberschriften,
    )
    mitzeichnung: Mitzeichnungsstil = doc(
        "wer welche Vorlagen mitzeichnen muss, bevor sie hinausgehen", factory=Mitzeichnungsstil
    )
    unterschrift: UnterschriftStil = doc("Schluss der Vorlage", factory=UnterschriftStil)
    tabellen: Tabellenstil = doc(
        "Tabellen, die breiter sind als die Seite: wie klein ihre Schrift werden darf, ob sie ins Querformat dürfen",
        factory=Tabellenstil,
    )
    silbentrennung: Silbentrennung = doc(
        "Wörter, die die Silbentrennung anders trennt (trennen) oder nie (nicht_trennen)", factory=Silbentrennung
    )
    word: Worddateien = doc(
        "Word-Dateien (.docx) neben den PDF-Dateien; im Veröffentlichungspaket", factory=Worddateien
    )
    rollen: dict[str, Rolle] = doc(
        "Zuständigkeiten in der Beratungsfolge: Wort → {entscheidet: true/false}", factory=standard_rollen
    )
    beratungsergebnisse: list[str] = doc(
        "Stand oder Ergebnis einer Beratung, wie gedruckt", factory=lambda: list(STANDARD_ERGEBNISSE)
    )
    abstimmung: Abstimmungsstil = doc(
        'wie Abstimmungen gedruckt werden, z. B. {einstimmig_mit_zahl: "einstimmig – {zahl} –", ja: "Ja: {zahl}"}',
        factory=Abstimmungsstil,
    )
    enthaltungen: bool = doc(
        "true: „0 Enthaltungen“ auch drucken, wo eine Abstimmung keine festhält (z. B. wo man sich nicht enthalten kann: false)",
        default=False,
    )
    dringlichkeitsentscheidung: str = doc(
        "das Wort der Körperschaft, gedruckt unter dem Betreff, z. B. Eilentscheidung (§ 89 NKomVG), dringliche Anordnung (Bayern)",
        default="Dringlichkeitsentscheidung",
    )
    niederschrift_saetze: dict[str, str] = doc(
        "Satz der Niederschrift unter einem Ergebnis: Ergebnis → Satz, z. B. Kenntnisnahme: Der Bericht wird zur Kenntnis genommen.; ohne: nur das Ergebnis als Überschrift",
        factory=dict,
    )
    vorsitz: str = doc(
        "Zeile unter der Unterschrift der Sitzungsleitung (Niederschrift, Auszug), z. B. Landrat; je Gremium änderbar",
        default="Vorsitz",
    )

    # renamed keys: the message says what to write instead ({wert}: the value written under the old key)
    ersetzt = {
        "niederschrift_kenntnisnahme": "„niederschrift_kenntnisnahme“ heißt jetzt „niederschrift_saetze“ und "
        "nimmt einen Satz je Ergebnis – schreiben Sie: niederschrift_saetze: "
        "{Kenntnisnahme: {wert}}"
    }

    @property
    def zahlformat(self) -> Zahlformat:
        """How this house prints money (its `waehrung`): handed to whatever prints an amount for it."""
        return ZAHLFORMATE[self.waehrung]

    def niederschrift_ergebnisse(self) -> list[str]:
        """The results a Niederschrift may record, as messages list them: Beschluss, Kenntnisnahme, the body's words."""
        return list(dict.fromkeys([*PROTOKOLL_ERGEBNISSE, *self.beratungsergebnisse]))

    def angenommene_ergebnisse(self) -> list[str]:
        """Every result a Niederschrift may record: those listed, and vertagt and zurückgestellt always (older
        repositories recorded them before the lists were the body's)."""
        return list(dict.fromkeys([*self.niederschrift_ergebnisse(), *FRUEHERE_ERGEBNISSE]))

    def ergebnis_erlaubt(self, ergebnis: str) -> bool:
        """Whether a Niederschrift may record `ergebnis`."""
        return ergebnis in self.angenommene_ergebnisse()

    def klimaantworten(self) -> dict[str, Klimaantwort]:
        """The answers of the Klimaschutz section (the shipped ones when there is none)."""
        abschnitt = next((a for a in self.abschnitte if a.form == "klimaschutz"), None)
        return abschnitt.antworten if abschnitt is not None else standard_klimaantworten()

    def check(self) -> list[Problem]:
        """What is wrong with the Hausstil as written (load/hausstilpruefung.py)."""
        return hausstil_probleme(self)
