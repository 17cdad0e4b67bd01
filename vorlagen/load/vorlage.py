"""Typed records of vorlage.yaml (vorlagen/<ordner>/): Vorlage, Beratungsfolge, Anlagen, Unterschrift. Field names
are the YAML keys.

Each field carries its German description (doc("…")), the JSON Schema's that editors use (vorlagen/load/schema.py
builds it from the records at run time: nothing to regenerate by hand). The records of the other data files stand
in the module of their concept (koerperschaft, sitzungen, bescheide, saetze, finanzen, kennzahlen, haushalt,
niederschrift, mitzeichnung).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from vorlagen.core.dateinamen import windows_problem
from vorlagen.core.fmt import datum as tag
from vorlagen.core.problems import Problem
from vorlagen.load.abstimmung import Abstimmung
from vorlagen.load.auswirkungen import FinanzielleAuswirkungen
from vorlagen.load.drucksache import Aenderung, Einreicher
from vorlagen.load.finanzen import Berechnung, Verteilung
from vorlagen.load.kennzahlen import Kennzahl
from vorlagen.load.records import Record, doc, record
from vorlagen.load.tabellenarten import ARTEN
from vorlagen.load.vorlagenart import NUMMER_ZEICHEN_TEXT, fremdes_zeichen, zeichen_text


@record
class Berichterstattung(Record):
    name: str = doc("wie gedruckt, z. B. Herr Dr. Berger")
    funktion: str | None = doc("z. B. Leitung des Kommunalen Integrationszentrums", default=None)


@record
class Beratung(Record):
    sitzung: str | None = doc(
        "Kennung der Sitzung (Dateiname unter sitzungen/ ohne .yaml); solange der Termin offen ist: „gremium“",
        default=None,
    )
    gremium: str | None = doc(
        "nur solange der Termin offen ist: Kürzel des Gremiums, gedruckt mit „Termin offen“", default=None
    )
    rolle: str | None = doc(
        "eine der Zuständigkeiten des Hausstils (hausstil: rollen), z. B. Vorberatung, Entscheidung; darf fehlen, wo die Vorlage keine nennt",
        default=None,
    )
    berichterstattung: Berichterstattung | None = doc("wer in dieser Sitzung berichtet", default=None)
    ergebnis: str | None = doc(
        "Stand oder Ergebnis, sobald es eines gibt: eines der Wörter unter „hausstil: beratungsergebnisse“",
        default=None,
    )
    datum: dt.date | None = doc(
        "nur ohne Sitzungsdatei (mit „gremium“): Tag, an dem das Gremium das Ergebnis gefasst hat", default=None
    )
    abstimmung: Abstimmung | None = doc(
        "die Abstimmung, wie die Quelle sie festhält (einstimmig, ja, nein, enthaltung – was bekannt ist)", default=None
    )

    @property
    def termin_offen(self) -> bool:
        """Neither a Sitzung nor the date of a result: the Beratung's Termin is open."""
        return self.sitzung is None and self.datum is None

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        if self.sitzung is None and self.gremium is None:
            problems.append(
                Problem(
                    self.where("rolle"),
                    "Die Beratung nennt weder „sitzung“ noch „gremium“ – nennen Sie die Sitzung oder, solange "
                    "ihr Termin offen ist, das Gremium, z. B. {gremium: KA, rolle: Entscheidung}.",
                )
            )
        elif self.sitzung is not None and self.gremium is not None:
            problems.append(
                Problem(
                    self.where("gremium"),
                    "Die Beratung nennt „sitzung“ und „gremium“ – das Gremium steht schon in der Sitzung; "
                    "„gremium“ gilt nur, solange der Termin offen ist: entfernen Sie es.",
                )
            )
        if self.termin_offen and (self.ergebnis is not None or self.abstimmung is not None):
            key = "ergebnis" if self.ergebnis is not None else "abstimmung"
            problems.append(
                Problem(
                    self.where(key),
                    "Eine Beratung ohne Termin hat noch kein Ergebnis – nennen Sie die Sitzung oder, wo es keine "
                    "Sitzungsdatei gibt, den Tag des Ergebnisses unter „datum“, oder entfernen Sie "
                    f"„{key}“.",
                )
            )
        if self.datum is not None and self.sitzung is not None:
            problems.append(
                Problem(
                    self.where("datum"),
                    "Die Beratung nennt „sitzung“ und „datum“ – der Tag steht schon in der Sitzung; „datum“ gilt "
                    "nur für ein Ergebnis ohne Sitzungsdatei: entfernen Sie es.",
                )
            )
        if self.abstimmung is not None and self.ergebnis is None:
            problems.append(
                Problem(
                    self.where("abstimmung"),
                    "Eine Abstimmung gehört zu einem Ergebnis – tragen Sie „ergebnis“ ein (ein Wort aus „hausstil: "
                    "beratungsergebnisse“).",
                )
            )
        return problems


@record
class Anlage(Record):
    titel: str = doc("Titel der Anlage, wie gedruckt")
    datei: str = doc("Markdown (.md) wird gesetzt, PDF (.pdf) unverändert übernommen")
    oeffentlich: bool = doc("false: nur in der internen Ausgabe", default=True)
    querformat: bool = doc("true: die ganze Anlage auf Seiten im Querformat (nur Markdown)", default=False)

    def check(self) -> list[Problem]:
        if self.querformat and not self.datei.endswith(".md"):
            return [
                Problem(
                    self.where("querformat"),
                    f"„querformat“ gilt nur für Anlagen aus Markdown – „{self.datei}“ wird unverändert übernommen, "
                    "mit seinen eigenen Seiten; entfernen Sie „querformat: true“.",
                )
            ]
        return []


@record
class Unterschrift(Record):
    name: str = doc("z. B. Dr. Ziemons")
    im_auftrag: bool | None = doc(
        "„Im Auftrag“ über dem Namen; ohne Angabe: ja, außer der Hausstil sagt „gez“", default=None
    )
    funktion: str | None = doc("z. B. Dezernentin", default=None)


@record
class Bezug(Record):
    vorlage: str = doc('Nummer der ursprünglichen Vorlage, z. B. "2021/0123"')
    art: Literal["Ergänzung", "Neufassung"] = doc("Ergänzung oder Neufassung")


@record
class Dringlichkeitsentscheidung(Record):
    datum: dt.date | None = doc("Tag, an dem entschieden wurde; fehlt er, wird kein Datum gedruckt", default=None)
    durch: str = doc("wer entschieden hat, wie gedruckt, z. B. der Landrat und ein Mitglied des Kreistags")
    grundlage: str | None = doc("Rechtsgrundlage, z. B. § 50 Abs. 3 KrO NRW", default=None)


@record
class Klimaschutz(Record):
    auswirkung: str = doc("eine der Antworten des Hausstils, Standard: ja_positiv, ja_negativ oder nein")
    begruendung: str | None = doc(
        "Pflicht bei Antworten mit „begruendung: true“ (Standard: ja_positiv, ja_negativ)", default=None
    )


@record
class Vorlage(Record):
    nummer: str | None = doc(
        'z. B. "2021/0123"; das Muster kann der Hausstil vorgeben; fehlt sie, druckt die Vorlage „Nummer: noch offen“',
        default=None,
    )
    art: str | None = doc(
        "eine Vorlagenart des Hausstils, z. B. Beschlussvorlage, Mitteilungsvorlage, Berichtsvorlage; fehlt sie, "
        "druckt die Vorlage „Art noch offen“ (vor der Veröffentlichung nötig)",
        default=None,
    )
    oeffentlich: bool = doc("false: erscheint nur in der internen Ausgabe")
    datum: dt.date | None = doc(
        "Datum der Vorlage (zählt für die Frist); Pflicht, außer der Hausstil sagt „datum_pflicht: false“", default=None
    )
    aktenzeichen: str | None = doc("erscheint, wenn der Hausstil es im Kopf zeigt", default=None)
    kopf: dict[str, str] = doc(
        "eigene Kopfdaten des Hausstils (hausstil: kopf: eigene), z. B. bearbeitung: Frau Muster", factory=dict
    )
    federfuehrend: str | None = doc(
        "Kürzel des Amts; fehlt es, druckt die Vorlage „noch offen“ (ohne Ämter der Körperschaft: nichts)", default=None
    )
    einreicher: Einreicher | None = doc(
        "bei Anträgen und Anfragen statt „federfuehrend“: wer sie eingereicht hat und wann", default=None
    )
    aendert: Aenderung | None = doc(
        "bei einem Änderungsantrag: die Vorlage und der Punkt ihres Beschlussvorschlags, die er ändert", default=None
    )
    fragen: list[str] = doc("bei einer Anfrage: die Fragen, wie gedruckt, in Reihenfolge", factory=list)
    antwort_bis: dt.date | None = doc(
        "bei einer Anfrage: bis wann sie zu beantworten ist; ohne Angabe: nach der Frist der Geschäftsordnung "
        "(vertretung.yaml)",
        default=None,
    )
    beantwortet: str | None = doc(
        'Nummer der Anfrage, die diese Vorlage beantwortet, z. B. "2020/AF/0700"', default=None
    )
    stellungnahme_zu: str | None = doc(
        "Nummer des Antrags, zu dem diese Vorlage die Stellungnahme der Verwaltung ist", default=None
    )
    betreff: str = doc(
        "Gegenstand der Vorlage, wie gedruckt (höchstens 300 Zeichen); Zahlen zitiert er wie ein Text, "
        'z. B. {{ zahlen["gesamt"] }}'
    )
    beratungsfolge: list[Beratung] = doc(
        "Sitzungen, in denen die Vorlage beraten wird, nach Datum; leer, wo die Vorlage keine nennt", factory=list
    )
    beschlussvorschlag: str | None = doc("Markdown-Datei; Pflicht bei Beschlussvorlagen", default=None)
    abschnitte: list[str] = doc("Markdown-Dateien in Reihenfolge, Überschrift im Text", factory=list)
    texte: dict[str, str] = doc("Abschnitt des Hausstils → Markdown-Datei", factory=dict)
    klimaschutz: Klimaschutz | None = doc("Antwort für einen Abschnitt „form: klimaschutz“ des Hausstils", default=None)
    dringlichkeitsentscheidung: Dringlichkeitsentscheidung | None = doc(
        "die Vorlage legt eine solche Entscheidung vor: wann, durch wen", default=None
    )
    finanzielle_auswirkungen: str | FinanzielleAuswirkungen | None = doc(
        "Markdown-Datei mit dem Text, oder die Angaben selbst (positionen, deckung …, siehe docs/anleitungen/haushalt.md)",
        default=None,
    )
    bescheide: list[str] = doc("Bescheide, die der Text nennt", factory=list)
    antraege: list[str] = doc("Anträge, die der Text nennt", factory=list)
    finanzierung: list[Berechnung] = doc("Berechnungen, je eine Tabelle", factory=list)
    zahlen: list[Kennzahl] = doc("benannte Zahlen mit Formel, Einheit und Rundung", factory=list)
    verteilungen: list[Verteilung] = doc("Verteilungen, z. B. Einsatztage je Kommune", factory=list)
    anlagen: list[Anlage] = doc("Anlagen in Reihenfolge", factory=list)
    unterschrift: Unterschrift | None = doc(
        "ohne Angabe: wie der Hausstil sagt (Standard: der Verwaltungschef)", default=None
    )
    bezug: Bezug | None = doc("Ergänzung zu oder Neufassung einer anderen Vorlage", default=None)
    platzhalter: bool = doc(
        "true: ein Gerüst von „vorlagen neu“ oder „vorlagen vorlage neu“ – Texte und Angaben, die das Programm "
        "vorgeschlagen hat; gebaut wird, veröffentlicht nicht: ersetzen Sie sie und entfernen Sie die Zeile",
        default=False,
    )

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

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        fremd = fremdes_zeichen(self.nummer) if self.nummer is not None else None
        if self.nummer is not None and (fremd is not None or not self.nummer):
            was = f"; hier steht {zeichen_text(fremd[1])} (Zeichen {fremd[0]})" if fremd is not None else ""
            problems.append(
                Problem(
                    self.where("nummer"),
                    f"Die Nummer „{self.nummer}“ darf nur {NUMMER_ZEICHEN_TEXT} enthalten{was} – sie wird "
                    "Ordnername und Teil der Adresse im Netz.",
                )
            )
        elif self.nummer is not None and (windows := windows_problem(self.nummer.replace("/", "-"))):
            problems.append(
                Problem(
                    self.where("nummer"),
                    f"Die Nummer „{self.nummer}“ benennt Ordner und Dateien der Ausgabe: {windows}",
                )
            )
        for name, items in (
            ("finanzierung", self.finanzierung),
            ("verteilungen", self.verteilungen),
            ("zahlen", self.zahlen),
        ):
            seen = set()
            for item in items:
                if item.id in seen:
                    problems.append(
                        Problem(
                            self.where(name),
                            f"Die Kennung „{item.id}“ steht in „{name}“ doppelt – vergeben Sie eindeutige Namen.",
                        )
                    )
                seen.add(item.id)
        problems += self._einreicher()
        daten = self.finanzen_daten
        geld = [b.id for b in self.finanzierung if ARTEN[b.art].geld(b)]
        if daten is not None and daten.keine and geld:
            namen = ", ".join(f"„{i}“" for i in geld[:3]) + (" …" if len(geld) > 3 else "")
            problems.append(
                Problem(
                    daten.where("keine"),
                    f"„keine: true“ widerspricht den Berechnungen dieser Vorlage in Euro "
                    f"(„finanzierung“: {namen}) – wer Eigenanteile oder Kosten berechnet, hat "
                    "finanzielle Auswirkungen: streichen Sie „keine“ und nennen Sie unter "
                    "„positionen“ die Beträge je Haushaltsjahr.",
                )
            )
        return problems

    def _einreicher(self) -> list[Problem]:
        """An Einreicher instead of an Amt, and an Anfrage due after its submission."""
        problems = []
        if self.einreicher is not None and self.federfuehrend is not None:
            problems.append(
                Problem(
                    self.where("federfuehrend"),
                    f"Die Vorlage nennt „federfuehrend: {self.federfuehrend}“ und einen Einreicher – ein Antrag oder "
                    "eine Anfrage wird eingereicht, nicht von einem Amt eingebracht: entfernen Sie eines von beiden "
                    "(die Stellungnahme der Verwaltung ist eine eigene Vorlage mit „stellungnahme_zu“).",
                )
            )
        eingereicht = self.einreicher.datum if self.einreicher is not None else None
        if self.antwort_bis is not None and eingereicht is not None and self.antwort_bis < eingereicht:
            problems.append(
                Problem(
                    self.where("antwort_bis"),
                    f"Die Anfrage ist bis zum {tag(self.antwort_bis)} zu beantworten, aber erst am "
                    f"{tag(eingereicht)} eingereicht – die Frist kann nicht vor der Einreichung enden: prüfen "
                    "Sie beide Daten.",
                )
            )
        return problems
