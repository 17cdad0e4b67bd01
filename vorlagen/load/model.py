"""Typed records of the data files. Field names are the YAML keys; each is documented here.

The comment behind a field is its German description in the JSON Schema that editors use
(vorlagen/load/schema.py builds it from these records at run time: nothing to regenerate by hand).
`vorlagen schema` writes it into a data repository; tests/test_schema.py checks every data file of data/
and of the fixtures against it and fails for a field without a comment. A new kind of data file needs
one row in schema.FILES.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import field
from typing import Literal

from vorlagen.load.finanzen import (  # noqa: F401 – financing records, re-exported
    Antrag,
    Berechnung,
    Bescheid,
    Foerderprogramm,
    Kennzahl,
    Kennzahlen,
    Kostensaetze,
    Satz,
    Verteilung,
    Zeitraum,
)
from vorlagen.load.haushalt import FinanzielleAuswirkungen, Haushalt  # noqa: F401 – re-exported
from vorlagen.load.hausstil import Hausstil
from vorlagen.load.records import Record, record

# --- koerperschaft.yaml -------------------------------------------------------------------


@record
class Amt(Record):
    id: str  # Kürzel, auf das Vorlagen mit „federfuehrend“ verweisen, z. B. KI
    name: str  # z. B. Kommunales Integrationszentrum


@record
class Gremium(Record):
    id: str  # Kürzel, z. B. ASI
    name: str  # z. B. Ausschuss für Soziales und Integration
    frist_tage: int = 14  # Vorlagen müssen so viele Tage vor der Sitzung fertig sein
    vorsitz: str | None = None  # unter der Unterschrift der Sitzungsleitung, z. B. Landrat (sonst „hausstil: vorsitz“)

    def check(self):
        try:
            self.id.encode("cp1252")  # the page stamp of Sitzungsmappen prints it in a standard PDF font
        except UnicodeEncodeError:
            yield (
                "id",
                (
                    f"Das Kürzel „{self.id}“ enthält Zeichen, die der Seitenstempel der Sitzungsmappe nicht "
                    "drucken kann – verwenden Sie Buchstaben, Ziffern und Bindestriche."
                ),
            )
        if not 0 <= self.frist_tage <= 365:
            yield (
                "frist_tage",
                (
                    f"„frist_tage“: {self.frist_tage} Tage sind keine mögliche Frist – tragen Sie eine Zahl "
                    "von 0 bis 365 ein."
                ),
            )


@record
class Wahlperiode(Record):
    name: str  # z. B. 2020–2025
    von: dt.date  # erster Tag
    bis: dt.date | None = None  # letzter Tag; leer, solange sie läuft

    def check(self):
        if self.bis is not None and self.bis < self.von:
            yield (
                "bis",
                (
                    f"Die Wahlperiode endet ({self.bis:%d.%m.%Y}) vor ihrem Beginn "
                    f"({self.von:%d.%m.%Y}) – tauschen Sie „von“ und „bis“."
                ),
            )


@record
class Oparl(Record):
    basis_url: str  # Adresse, unter der der Ausgabeordner veröffentlicht wird, z. B. https://ratsinfo.example.de/
    seitengroesse: int = 100  # Objekte je Seite einer OParl-Liste

    def check(self):
        if not re.fullmatch(r"https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~/-]*)?", self.basis_url):
            yield (
                "basis_url",
                (
                    f"„{self.basis_url}“ ist keine Webadresse – schreiben Sie sie vollständig mit "
                    "http:// oder https://, z. B. https://ratsinfo.example.de/vorlagen/."
                ),
            )
        if self.seitengroesse < 1:
            yield (
                "seitengroesse",
                (
                    f"Eine Listenseite muss mindestens ein Objekt fassen, nicht {self.seitengroesse} "
                    "– geben Sie z. B. 100 an."
                ),
            )

    @property
    def basis(self) -> str:
        """The base URL ending in '/'."""
        return self.basis_url if self.basis_url.endswith("/") else self.basis_url + "/"


@record
class Koerperschaft(Record):
    name: str  # z. B. Rhein-Sieg-Kreis
    verwaltungschef: str  # wie gedruckt, z. B. Der Landrat
    verwaltungschef_name: str | None = None  # Name unter „gez.“, z. B. Sebastian Schuster
    anschrift: str | None = None  # eine Zeile unter dem Namen im Kopf
    rundung: Literal["euro", "cent"] = "euro"  # Beträge in Berechnungen auf ganze Euro oder Cent
    runden: Literal["je_einheit", "genau"] = "je_einheit"  # Betrag je Einheit zuerst runden, oder nur die Zeile
    prozent_stellen: int = 2  # Nachkommastellen von Prozentwerten (79,35 %)
    hausstil: Hausstil = field(default_factory=Hausstil)  # Aussehen der Dokumente
    aemter: list[Amt] = field(
        default_factory=list
    )  # Ämter, die Vorlagen federführend einbringen; leer, wo Vorlagen keines nennen
    gremien: list[Gremium]  # Ausschüsse und Räte, in denen Vorlagen beraten werden
    kommunen: list[str] = field(default_factory=list)  # Namen, die in Verteilungen vorkommen dürfen
    wahlperioden: list[Wahlperiode] = field(default_factory=list)  # für OParl (LegislativeTerm)
    oparl: Oparl | None = None  # ohne Angabe: keine OParl-Schnittstelle unter output/oparl/


# --- sitzungen/<id>.yaml -------------------------------------------------------------------


@record
class Top(Record):
    top: str  # Nummer, z. B. "5" oder "5.1"
    vorlage: str | None = None  # Nummer der Vorlage, die unter diesem Punkt beraten wird …
    titel: str | None = None  # … oder der Gegenstand (bei einer Vorlage: statt ihres Betreffs)

    def check(self):
        if self.vorlage is None and self.titel is None:
            yield "top", f"TOP {self.top}: Geben Sie „vorlage“ (Nummer) oder „titel“ an."


@record
class Tagesordnung(Record):
    oeffentlich: list[Top] = field(default_factory=list)  # Punkte des öffentlichen Teils, in Reihenfolge
    nichtoeffentlich: list[Top] = field(default_factory=list)  # Punkte des nichtöffentlichen Teils, in Reihenfolge


@record
class Sitzung(Record):
    gremium: str  # Kürzel des Gremiums
    datum: dt.date  # Tag der Sitzung
    beginn: str | None = None  # Uhrzeit als Text, z. B. "15:00 Uhr"
    ort: str | None = None  # z. B. Kreishaus Siegburg, Großer Sitzungssaal
    tagesordnung: Tagesordnung | None = None  # Tagesordnungspunkte, öffentlich und nichtöffentlich

    @property
    def uhrzeit(self) -> tuple[int, int] | None:
        """Hour and minute from `beginn` ('15:00 Uhr' → (15, 0)), if it holds one."""
        return uhrzeit(self.beginn)


def uhrzeit(text: str | None) -> tuple[int, int] | None:
    """Hour and minute of a time written as text ('16:35 Uhr' → (16, 35)), if it holds one."""
    match = re.match(r"\s*(\d{1,2})[:.](\d{2})", text or "")
    return (int(match[1]), int(match[2])) if match and int(match[1]) < 24 and int(match[2]) < 60 else None


# --- vorlagen/<ordner>/vorlage.yaml --------------------------------------------------------


@record
class Berichterstattung(Record):
    name: str  # wie gedruckt, z. B. Herr Dr. Berger
    funktion: str | None = None  # z. B. Leitung des Kommunalen Integrationszentrums


@record
class Beratung(Record):
    sitzung: str | None = (
        None  # Kennung der Sitzung (Dateiname unter sitzungen/ ohne .yaml); solange der Termin offen ist: „gremium“
    )
    gremium: str | None = None  # nur solange der Termin offen ist: Kürzel des Gremiums, gedruckt mit „Termin offen“
    rolle: str | None = (
        None  # eine der Zuständigkeiten des Hausstils (hausstil: rollen), z. B. Vorberatung, Entscheidung; darf fehlen, wo die Vorlage keine nennt
    )
    berichterstattung: Berichterstattung | None = None  # wer in dieser Sitzung berichtet
    ergebnis: str | None = (
        None  # Stand oder Ergebnis, sobald es eines gibt: eines der Wörter unter „hausstil: beratungsergebnisse“
    )

    def check(self):
        if self.sitzung is None and self.gremium is None:
            yield (
                "rolle",
                (
                    "Die Beratung nennt weder „sitzung“ noch „gremium“ – nennen Sie die Sitzung oder, solange "
                    "ihr Termin offen ist, das Gremium, z. B. {gremium: KA, rolle: Entscheidung}."
                ),
            )
        elif self.sitzung is not None and self.gremium is not None:
            yield (
                "gremium",
                (
                    "Die Beratung nennt „sitzung“ und „gremium“ – das Gremium steht schon in der Sitzung; "
                    "„gremium“ gilt nur, solange der Termin offen ist: entfernen Sie es."
                ),
            )
        if self.sitzung is None and self.ergebnis is not None:
            yield (
                "ergebnis",
                (
                    "Eine Beratung ohne Termin hat noch kein Ergebnis – nennen Sie die Sitzung oder "
                    "entfernen Sie „ergebnis“."
                ),
            )


@record
class Anlage(Record):
    titel: str  # Titel der Anlage, wie gedruckt
    datei: str  # Markdown (.md) wird gesetzt, PDF (.pdf) unverändert übernommen
    oeffentlich: bool = True  # false: nur in der internen Ausgabe


@record
class Unterschrift(Record):
    name: str  # z. B. Dr. Ziemons
    im_auftrag: bool | None = None  # „Im Auftrag“ über dem Namen; ohne Angabe: ja, außer der Hausstil sagt „gez“
    funktion: str | None = None  # z. B. Dezernentin


@record
class Bezug(Record):
    vorlage: str  # Nummer der ursprünglichen Vorlage, z. B. "2021/0123"
    art: Literal["Ergänzung", "Neufassung"]  # Ergänzung oder Neufassung


@record
class Dringlichkeitsentscheidung(Record):
    datum: dt.date | None = None  # Tag, an dem entschieden wurde; fehlt er, wird kein Datum gedruckt
    durch: str  # wer entschieden hat, wie gedruckt, z. B. der Landrat und ein Mitglied des Kreistags
    grundlage: str | None = None  # Rechtsgrundlage, z. B. § 50 Abs. 3 KrO NRW


@record
class Klimaschutz(Record):
    auswirkung: str  # eine der Antworten des Hausstils, Standard: ja_positiv, ja_negativ oder nein
    begruendung: str | None = None  # Pflicht bei Antworten mit „begruendung: true“ (Standard: ja_positiv, ja_negativ)


@record
class Vorlage(Record):
    nummer: str | None = (
        None  # z. B. "2021/0123"; das Muster kann der Hausstil vorgeben; fehlt sie, druckt die Vorlage „Nummer: noch offen“
    )
    art: str  # eine Vorlagenart des Hausstils, z. B. Beschlussvorlage, Mitteilungsvorlage, Berichtsvorlage
    oeffentlich: bool  # false: erscheint nur in der internen Ausgabe
    datum: dt.date | None = (
        None  # Datum der Vorlage (zählt für die Frist); Pflicht, außer der Hausstil sagt „datum_pflicht: false“
    )
    aktenzeichen: str | None = None  # erscheint, wenn der Hausstil es im Kopf zeigt
    kopf: dict[str, str] = field(
        default_factory=dict
    )  # eigene Kopfdaten des Hausstils (hausstil: kopf: eigene), z. B. bearbeitung: Frau Muster
    federfuehrend: str | None = (
        None  # Kürzel des Amts; fehlt es, druckt die Vorlage „noch offen“ (ohne Ämter der Körperschaft: nichts)
    )
    betreff: str  # Gegenstand der Vorlage, wie gedruckt
    beratungsfolge: list[Beratung] = field(
        default_factory=list
    )  # Sitzungen, in denen die Vorlage beraten wird, nach Datum; leer, wo die Vorlage keine nennt
    beschlussvorschlag: str | None = None  # Markdown-Datei; Pflicht bei Beschlussvorlagen
    abschnitte: list[str] = field(default_factory=list)  # Markdown-Dateien in Reihenfolge, Überschrift im Text
    texte: dict[str, str] = field(default_factory=dict)  # Abschnitt des Hausstils → Markdown-Datei
    klimaschutz: Klimaschutz | None = None  # Antwort für einen Abschnitt „form: klimaschutz“ des Hausstils
    dringlichkeitsentscheidung: Dringlichkeitsentscheidung | None = (
        None  # die Vorlage legt eine solche Entscheidung vor: wann, durch wen
    )
    finanzielle_auswirkungen: str | FinanzielleAuswirkungen | None = (
        None  # Markdown-Datei mit dem Text, oder die Angaben selbst (positionen, deckung …, siehe docs/anleitungen/haushalt.md)
    )
    bescheide: list[str] = field(default_factory=list)  # Bescheide, die der Text nennt
    antraege: list[str] = field(default_factory=list)  # Anträge, die der Text nennt
    finanzierung: list[Berechnung] = field(default_factory=list)  # Berechnungen, je eine Tabelle
    zahlen: list[Kennzahl] = field(default_factory=list)  # benannte Zahlen mit Formel, Einheit und Rundung
    verteilungen: list[Verteilung] = field(default_factory=list)  # Verteilungen, z. B. Einsatztage je Kommune
    anlagen: list[Anlage] = field(default_factory=list)  # Anlagen in Reihenfolge
    unterschrift: Unterschrift | None = None  # ohne Angabe: wie der Hausstil sagt (Standard: der Verwaltungschef)
    bezug: Bezug | None = None  # Ergänzung zu oder Neufassung einer anderen Vorlage

    @property
    def finanzen_text(self) -> str | None:
        """The Markdown file of the Finanzielle Auswirkungen, in either form."""
        f = self.finanzielle_auswirkungen
        return f if isinstance(f, str) or f is None else f.text

    @property
    def finanzen_daten(self) -> FinanzielleAuswirkungen | None:
        """The Finanzielle Auswirkungen as data, when the Vorlage gives them so."""
        f = self.finanzielle_auswirkungen
        return f if isinstance(f, FinanzielleAuswirkungen) else None

    def check(self):
        if self.nummer is not None and not re.fullmatch(r"[0-9A-Za-z/._-]+", self.nummer):
            yield "nummer", f"Die Nummer „{self.nummer}“ darf nur Ziffern, Buchstaben und / . _ - enthalten."
        for name, items in (
            ("finanzierung", self.finanzierung),
            ("verteilungen", self.verteilungen),
            ("zahlen", self.zahlen),
        ):
            seen = set()
            for item in items:
                if item.id in seen:
                    yield name, f"Die Kennung „{item.id}“ steht in „{name}“ doppelt – vergeben Sie eindeutige Namen."
                seen.add(item.id)
        daten = self.finanzen_daten
        geld = [b.id for b in self.finanzierung if b.art != "Vergleich" or b.einheit == "Euro"]
        if daten is not None and daten.keine and geld:
            namen = ", ".join(f"„{i}“" for i in geld[:3]) + (" …" if len(geld) > 3 else "")
            yield (
                daten.where("keine"),
                (
                    f"„keine: true“ widerspricht den Berechnungen dieser Vorlage in Euro "
                    f"(„finanzierung“: {namen}) – wer Eigenanteile oder Kosten berechnet, hat "
                    "finanzielle Auswirkungen: streichen Sie „keine“ und nennen Sie unter "
                    "„positionen“ die Beträge je Haushaltsjahr."
                ),
            )
