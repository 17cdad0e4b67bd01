"""The Hausstil of a Körperschaft as data: header, Beratungsfolge, Vorlagenarten, sections, signature.

Every key is optional; the defaults give the look of the shipped templates. Field names are the
YAML keys under `hausstil:` in koerperschaft.yaml.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import field
from typing import Literal, get_args

from vorlagen.core.problems import Where
from vorlagen.load.mitzeichnung import datei
from vorlagen.load.records import Record, defined_at, line_of, record, suggest, unknown_word

KOPFFELDER = ("nummer", "datum", "federfuehrend", "aktenzeichen")
# each word list once, as a type (for the schema and the type check) and as its tuple of words
Spalte = Literal["datum", "uhrzeit", "gremium", "rolle", "berichterstattung", "ergebnis"]
Regel = Literal["pflicht", "optional", "verboten"]
Schrift = Literal["Liberation Sans", "Liberation Serif"]
Form = Literal["text", "klimaschutz"]
Unterschriftform = Literal["verwaltungschef", "im_auftrag", "gez", "keine"]
SPALTEN, REGELN, FORMEN, UNTERSCHRIFTEN = get_args(Spalte), get_args(Regel), get_args(Form), get_args(Unterschriftform)
SCHRIFTEN = {"Liberation Sans": "LiberationSans", "Liberation Serif": "LiberationSerif"}  # the keys: Schrift
# Nummer patterns: JJJJ year, NNNN a number with at least that many digits (zero-padded), N any number, R Roman.
_MUSTER_TEILE = {"JJJJ": r"\d{4}", "JJ": r"\d{2}", "R": r"[IVXLCDM]+"}


@record
class Kopfbeschriftung(Record):
    nummer: str = "Vorlage-Nr."  # Beschriftung der Nummer im Kopf
    datum: str = "Datum"  # Beschriftung des Datums
    federfuehrend: str = "Federführend"  # Beschriftung des federführenden Amts, z. B. Federführendes Amt
    aktenzeichen: str = "Aktenzeichen"  # Beschriftung des Aktenzeichens
    oeffentlich: str = "öffentlich"  # Text im Kasten der Vorlagenart bei öffentlichen Vorlagen
    nichtoeffentlich: str = "nichtöffentlich"  # … und bei nichtöffentlichen


@record
class Kopf(Record):
    felder: list[str] = field(
        default_factory=lambda: ["nummer", "datum", "federfuehrend"]
    )  # Kopfdaten in Reihenfolge (nummer, datum, federfuehrend, aktenzeichen und die eigenen); was fehlt, erscheint nicht
    beschriftung: Kopfbeschriftung = field(default_factory=Kopfbeschriftung)  # Beschriftungen im Kopf
    verwaltungschef: bool = True  # den Verwaltungschef unter dem Namen der Körperschaft zeigen
    eigene: dict[str, str] = field(
        default_factory=dict
    )  # eigene Kopfdaten: Kennung → Beschriftung, z. B. bearbeitung: Bearbeitung; jede Vorlage füllt sie unter „kopf“

    def check(self):
        for feld in self.felder:
            if feld not in KOPFFELDER and feld not in self.eigene:
                hint = suggest(feld, [*KOPFFELDER, *self.eigene])
                yield (
                    "felder",
                    (
                        f"„felder“: „{feld}“ ist kein Kopfdatum{hint or '.'} Möglich sind: "
                        f"{', '.join([*KOPFFELDER, *self.eigene])}; eigene legen Sie unter „eigene“ an, "
                        "z. B. eigene: {bearbeitung: Bearbeitung}."
                    ),
                )
        for feld in self.eigene:
            if feld in KOPFFELDER:
                yield (
                    "eigene",
                    (
                        f"„{feld}“ ist schon ein Kopfdatum von vorlagen – wählen Sie für das eigene eine "
                        "andere Kennung; die Beschriftung ändern Sie unter „beschriftung“."
                    ),
                )


@record
class Spaltenbeschriftung(Record):
    datum: str = "Datum"  # z. B. Termin
    uhrzeit: str = "Beginn"  # Uhrzeit der Sitzung (beginn)
    gremium: str = "Gremium"  # Name des Gremiums
    rolle: str = "Zuständigkeit"  # Vorberatung, Entscheidung, Kenntnisnahme
    berichterstattung: str = "Berichterstattung"  # Name und Funktion
    ergebnis: str = "Ergebnis"  # z. B. ungeändert beschlossen


@record
class BeratungsfolgeStil(Record):
    ueberschrift: str = "Beratungsfolge"  # z. B. Beratungsreihenfolge
    spalten: list[Spalte] = field(default_factory=lambda: ["datum", "gremium", "rolle"])  # Spalten in Reihenfolge
    beschriftung: Spaltenbeschriftung = field(default_factory=Spaltenbeschriftung)  # Spaltenköpfe


@record
class UnterschriftStil(Record):
    form: Unterschriftform = "verwaltungschef"  # wie Vorlagen ohne eigene „unterschrift“ schließen
    im_auftrag: str = "Im Auftrag"  # Zeile über dem Namen, z. B. „Im Auftrag:“
    gez: str = "gez."  # vor dem Namen


@record
class Klimaantwort(Record):
    text: str  # wie gedruckt, z. B. „ja, positiv“ oder „Es sind keine wesentlichen Auswirkungen zu erwarten.“
    begruendung: bool = False  # true: die Vorlage muss diese Antwort begründen


def standard_klimaantworten() -> dict[str, Klimaantwort]:
    """The answers of the shipped house style (the Klimacheck of many NRW bodies)."""
    return {
        "ja_positiv": Klimaantwort(text="ja, positiv", begruendung=True),
        "ja_negativ": Klimaantwort(text="ja, negativ", begruendung=True),
        "nein": Klimaantwort(text="nein"),
    }


@record
class Abschnitt(Record):
    id: str  # Kennung, unter der eine Vorlage den Text liefert (texte: {id: datei.md}), z. B. klimaschutz
    ueberschrift: str  # wie gedruckt, z. B. Auswirkungen auf den Klimaschutz
    form: Form = "text"  # text: eine Markdown-Datei; klimaschutz: eine der „antworten“ (klimaschutz: {auswirkung: …})
    antworten: dict[str, Klimaantwort] = field(
        default_factory=standard_klimaantworten
    )  # form klimaschutz: Kennung → Antwort
    vorsatz: str | None = (
        "Auswirkung:"  # form klimaschutz: vor der fett gedruckten Antwort; leer (~): nur die Antwort, als Satz
    )


@record
class Vorlagenart(Record):
    ueberschrift: str | None = None  # gedruckt im Kopf statt des Namens der Art
    beschlussvorschlag: Regel = "optional"  # pflicht, optional oder verboten
    ohne_beschlussvorschlag: str | None = None  # Satz an seiner Stelle, wenn die Vorlage keinen hat
    abschnitte: dict[str, Regel] = field(default_factory=dict)  # Abschnitt-Kennung → pflicht/optional/verboten
    kopf: dict[str, Regel] = field(default_factory=dict)  # eigenes Kopfdatum → pflicht/optional/verboten
    bezug: Literal["Ergänzung", "Neufassung"] | None = None  # Vorlagen dieser Art ergänzen oder ersetzen eine andere
    nummer_aus_bezug: bool = False  # Nummer = Nummer der ursprünglichen Vorlage + /1, /2 … (z. B. 151/2013/1)
    mitzeichnung: list[str] = field(
        default_factory=list
    )  # Rollen, die jede Vorlage dieser Art mitzeichnen müssen (aus „mitzeichnung: rollen“)


def standard_arten() -> dict[str, Vorlagenart]:
    """The Vorlagenarten of the shipped house style."""
    return {
        "Beschlussvorlage": Vorlagenart(beschlussvorschlag="pflicht"),
        "Mitteilungsvorlage": Vorlagenart(beschlussvorschlag="verboten"),
        "Berichtsvorlage": Vorlagenart(),
    }  # no Beschlussvorschlag nobody wrote; a body may state its sentence


@record
class Finanzen(Record):
    ueberschrift: str = "Finanzielle Auswirkungen"  # Überschrift des Abschnitts
    ohne: str | None = (
        None  # Satz der Körperschaft, wenn eine Vorlage weder Berechnungen noch Text dazu hat, z. B. „Keine.“; ohne ihn entfällt der Abschnitt
    )
    ja_nein: bool = False  # „ja“ oder „nein“ (aus Berechnungen und Text ermittelt) als erste Zeile drucken
    keine: str = (
        "Keine finanziellen Auswirkungen."  # gedruckt, wenn eine Vorlage „finanzielle_auswirkungen: {keine: true}“ sagt
    )
    rechtsgrundlage: str = (
        "§ 83 GO NRW"  # Vorschrift über über- und außerplanmäßige Aufwendungen, wie gedruckt, z. B. Art. 66 GO (Bayern)
    )


@record
class Mitzeichnungsstil(Record):
    rollen: list[str] = field(
        default_factory=lambda: ["Kämmerei", "Rechtsamt"]
    )  # wer mitzeichnet, wie gedruckt, z. B. Kämmerei, Rechtsamt, Dezernent
    finanzielle_auswirkungen: list[str] = field(
        default_factory=list
    )  # Rollen, die jede Vorlage mit finanziellen Auswirkungen mitzeichnen müssen, z. B. [Kämmerei]
    kaemmerei: str = "Kämmerei"  # Rolle, die jede Vorlage mit über- oder außerplanmäßigen Beträgen mitzeichnet (§ 83 GO NRW: Zustimmung des Kämmerers), gleich was sonst verlangt ist

    def unbekannte(self, genannt: list[str], where: Where):
        """(where, message) for each role named in `genannt` that is not in `rollen`."""
        for rolle in genannt:
            if rolle not in self.rollen:
                yield (
                    where,
                    unknown_word(
                        where, "mitzeichnung", rolle, self.rollen, "mitzeichnung: rollen", defined_at(self, "rollen")
                    ).message,
                )

    def check(self) -> Iterator[tuple[str | Where, str]]:
        if any(not rolle.strip() for rolle in self.rollen):
            yield "rollen", "Die Liste „mitzeichnung: rollen“ enthält ein leeres Wort – entfernen Sie es."
        for doppelt in doppelte(self.rollen):
            yield "rollen", f"„{doppelt}“ steht in „mitzeichnung: rollen“ doppelt – nennen Sie jede Rolle einmal."
        dateien: dict[str, str] = {}
        for rolle in dict.fromkeys(r for r in self.rollen if r.strip()):
            andere = dateien.setdefault(datei(rolle), rolle)
            if andere != rolle:
                yield (
                    "rollen",
                    (
                        f"„{andere}“ und „{rolle}“ in „mitzeichnung: rollen“ teilen sich die Datei "
                        f"gezeichnet/{datei(rolle)} – geben Sie den Rollen Namen, die sich nicht nur in "
                        "Umlauten, Groß- und Kleinschreibung oder Satzzeichen unterscheiden."
                    ),
                )
        if self.finanzielle_auswirkungen:
            yield from self.unbekannte(self.finanzielle_auswirkungen, self.where("finanzielle_auswirkungen"))
        if defined_at(self, "kaemmerei") is not None:  # the default is checked where a Vorlage needs it
            yield from self.unbekannte([self.kaemmerei], self.where("kaemmerei"))


@record
class Rolle(Record):
    entscheidet: bool = False  # das Gremium entscheidet abschließend (OParl: authoritative)


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
    akzentfarbe: str = "#1f4e79"  # Farbe für Linien und Überschriften, als #rrggbb
    logo: str | None = None  # Bilddatei (SVG oder PNG) relativ zum Datenordner
    schrift: Schrift = "Liberation Sans"  # eine der mitgelieferten freien Schriften
    stylesheet: str | None = None  # eigene CSS-Datei relativ zum Datenordner, nach dem Standard geladen
    kopf: Kopf = field(default_factory=Kopf)  # Kopf der Vorlage: welche Kopfdaten, wie beschriftet
    datum_pflicht: bool = True  # jede Vorlage braucht ein Datum; false: „datum“ darf fehlen
    nummer: str | None = None  # Muster der Vorlagennummer, z. B. JJJJ/NNNN, N/JJJJ oder R/N/N
    beratungsfolge: BeratungsfolgeStil = field(default_factory=BeratungsfolgeStil)  # Tabelle der Beratungsfolge
    arten: dict[str, Vorlagenart] = field(default_factory=standard_arten)  # Vorlagenarten der Körperschaft
    abschnitte: list[Abschnitt] = field(default_factory=list)  # Abschnitte mit fester Überschrift, in Druckreihenfolge
    finanzen: Finanzen = field(default_factory=Finanzen)  # Abschnitt „Finanzielle Auswirkungen“
    mitzeichnung: Mitzeichnungsstil = field(
        default_factory=Mitzeichnungsstil
    )  # wer welche Vorlagen mitzeichnen muss, bevor sie hinausgehen
    unterschrift: UnterschriftStil = field(default_factory=UnterschriftStil)  # Schluss der Vorlage
    rollen: dict[str, Rolle] = field(
        default_factory=standard_rollen
    )  # Zuständigkeiten in der Beratungsfolge: Wort → {entscheidet: true/false}
    beratungsergebnisse: list[str] = field(
        default_factory=lambda: list(STANDARD_ERGEBNISSE)
    )  # Stand oder Ergebnis einer Beratung, wie gedruckt
    enthaltungen: bool = False  # true: „0 Enthaltungen“ auch drucken, wo eine Abstimmung keine festhält (z. B. wo man sich nicht enthalten kann: false)
    dringlichkeitsentscheidung: str = "Dringlichkeitsentscheidung"  # das Wort der Körperschaft, gedruckt unter dem Betreff, z. B. Eilentscheidung (§ 89 NKomVG), dringliche Anordnung (Bayern)
    niederschrift_saetze: dict[str, str] = field(
        default_factory=dict
    )  # Satz der Niederschrift unter einem Ergebnis: Ergebnis → Satz, z. B. Kenntnisnahme: Der Bericht wird zur Kenntnis genommen.; ohne: nur das Ergebnis als Überschrift
    vorsitz: str = "Vorsitz"  # Zeile unter der Unterschrift der Sitzungsleitung (Niederschrift, Auszug), z. B. Landrat; je Gremium änderbar

    # keys that were renamed: the message says what to write instead ({wert}: the value written under the old key)
    ersetzt = {
        "niederschrift_kenntnisnahme": "„niederschrift_kenntnisnahme“ heißt jetzt „niederschrift_saetze“ und "
        "nimmt einen Satz je Ergebnis – schreiben Sie: niederschrift_saetze: "
        "{Kenntnisnahme: {wert}}"
    }

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

    def check(self):
        if not re.fullmatch(r"#[0-9a-fA-F]{6}", self.akzentfarbe):
            yield (
                "akzentfarbe",
                (
                    f"„{self.akzentfarbe}“ ist keine Farbe – schreiben Sie sie als "
                    '#rrggbb in Anführungszeichen, z. B. "#1f4e79".'
                ),
            )
        if self.nummer is not None and not nummer_regex(self.nummer):
            yield (
                "nummer",
                (
                    f"Das Muster „{self.nummer}“ enthält keinen Platzhalter – schreiben Sie es mit JJJJ "
                    "(Jahr), N oder NNNN (Zahl) und R (römische Zahl), z. B. JJJJ/NNNN."
                ),
            )
        if not self.dringlichkeitsentscheidung.strip():
            yield (
                "dringlichkeitsentscheidung",
                (
                    "„dringlichkeitsentscheidung“ ist leer – schreiben Sie das Wort der "
                    "Körperschaft, z. B. Eilentscheidung, oder lassen Sie die Zeile weg."
                ),
            )
        ids = [a.id for a in self.abschnitte]
        for doppelt in doppelte(ids):
            yield "abschnitte", f"Der Abschnitt „{doppelt}“ steht doppelt – vergeben Sie eindeutige Kennungen."
        for name, art in self.arten.items():
            for abschnitt_id in art.abschnitte:
                if abschnitt_id not in ids:
                    close = difflib.get_close_matches(abschnitt_id, ids, n=1, cutoff=0.6)
                    hint = f"meinten Sie „{close[0]}“?" if close else "legen Sie ihn unter „hausstil: abschnitte“ an."
                    yield "arten", f"Die Art „{name}“ nennt den unbekannten Abschnitt „{abschnitt_id}“ – {hint}"
            for feld in art.kopf:
                if feld not in self.kopf.eigene:
                    yield (
                        "arten",
                        (
                            f"Die Art „{name}“ nennt das unbekannte Kopfdatum „{feld}“ – legen Sie es unter "
                            "„hausstil: kopf: eigene“ an."
                        ),
                    )
        for art in self.arten.values():
            if art.mitzeichnung:
                yield from self.mitzeichnung.unbekannte(art.mitzeichnung, art.where("mitzeichnung"))
        for liste, woerter in (("rollen", self.rollen), ("beratungsergebnisse", self.beratungsergebnisse)):
            if not woerter:
                yield (
                    liste,
                    f"Die Liste „{liste}“ ist leer – tragen Sie die Wörter ein, die Ihre Körperschaft verwendet.",
                )
            elif any(not wort.strip() for wort in woerter):
                yield liste, f"Die Liste „{liste}“ enthält ein leeres Wort – entfernen Sie es."
        for doppelt in doppelte(self.beratungsergebnisse):
            yield (
                "beratungsergebnisse",
                (f"Die Liste „beratungsergebnisse“ nennt „{doppelt}“ zweimal – streichen Sie eines der beiden."),
            )
        for ergebnis, satz in self.niederschrift_saetze.items():
            where = line_of(self.niederschrift_saetze, ergebnis)
            if "{{" in satz or "{%" in satz:
                yield (
                    where,
                    (
                        f"„niederschrift_saetze“: Der Satz unter „{ergebnis}“ ist fester Text – Platzhalter wie "
                        "{{ … }} werden hier nicht ausgewertet; schreiben Sie ihn ohne."
                    ),
                )
            if ergebnis == "Beschluss":
                yield (
                    where,
                    (
                        "„niederschrift_saetze“: Unter einem Beschluss steht sein Text mit der Abstimmung, kein "
                        "fester Satz – entfernen Sie „Beschluss“ hier."
                    ),
                )
            elif not self.ergebnis_erlaubt(ergebnis):
                yield (
                    where,
                    unknown_word(
                        where,
                        "niederschrift_saetze",
                        ergebnis,
                        [w for w in self.niederschrift_ergebnisse() if w != "Beschluss"],
                        "beratungsergebnisse",
                        defined_at(self, "beratungsergebnisse"),
                    ).message,
                )


def doppelte(woerter) -> list[str]:
    """The words a list names more than once, sorted."""
    return sorted(wort for wort, anzahl in Counter(woerter).items() if anzahl > 1)


def nummer_regex(muster: str) -> str | None:
    """The regular expression of a Nummer pattern, or None when it has no placeholder."""
    parts, found = [], False
    for token in re.findall(r"JJJJ|JJ|N+|R|.", muster):
        if token in _MUSTER_TEILE:
            parts.append(_MUSTER_TEILE[token])
        elif token.startswith("N"):
            parts.append(r"\d+" if len(token) == 1 else rf"\d{{{len(token)},}}")
        else:
            parts.append(re.escape(token))
            continue
        found = True
    return "".join(parts) if found else None


def nummer_beispiel(muster: str) -> str:
    """An example Nummer for a pattern: JJJJ/NNNN → 2021/0123, R/N/N → IX/416/1."""
    examples = {"JJJJ": "2021", "JJ": "21", "R": "IX"}
    single = iter(["416", "1", "2", "3"] * len(muster))
    return "".join(
        examples.get(t) or (next(single) if t == "N" else "0123456789"[: len(t)] if t.startswith("N") else t)
        for t in re.findall(r"JJJJ|JJ|N+|R|.", muster)
    )
