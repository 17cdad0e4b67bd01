"""What a Vorlage of each Art must or may hold (Vorlagenarten of the Hausstil), the sections with a fixed heading
(Abschnitte, with the answers of a Klimaschutz section), and the pattern of the Vorlage's Nummer."""

from __future__ import annotations

import re
from typing import Literal

from vorlagen.load.drucksache import EINGEREICHT, Drucksache
from vorlagen.load.records import Record, doc, record

Regel = Literal["pflicht", "optional", "verboten"]
Form = Literal["text", "klimaschutz"]
# Nummer patterns: JJJJ year, NNNN a number with at least that many digits (zero-padded), N any number, R Roman;
# text in single quotes ('KREIS') is literal, as is every other character outside a word.
_MUSTER_TEILE = {"JJJJ": r"\d{4}", "JJ": r"\d{2}", "R": r"[IVXLCDM]+"}
_TOKEN = re.compile(r"'([^']*)'|(JJJJ|JJ|N+|R)|(.)", re.S)
_PLATZHALTER = re.compile(r"(JJJJ|JJ|N+|R)+")
# the characters of a Nummer – it becomes a folder name, a file name and part of a web address: ASCII only
NUMMER_ZEICHEN = re.compile(r"[0-9A-Za-z/._-]")
NUMMER_ZEICHEN_TEXT = "Ziffern, Buchstaben A–Z ohne Umlaute und ß und / . _ -"
_ERSATZ = {
    " ": "-",
    "\u2013": "-",
    "\u2014": "-",
    "Ä": "AE",
    "Ö": "OE",
    "Ü": "UE",
    "ä": "ae",
    "ö": "oe",
    "ü": "ue",
    "ß": "ss",
}


def fremdes_zeichen(text: str) -> tuple[int, str] | None:
    """(1-based position, character) of the first character a Nummer may not have, or None."""
    return next(((i, c) for i, c in enumerate(text, start=1) if not NUMMER_ZEICHEN.fullmatch(c)), None)


def zeichen_text(zeichen: str) -> str:
    """A character as a message names it: a space or an invisible one by its name."""
    return {" ": "ein Leerzeichen", "\t": "ein Tabulator"}.get(zeichen, f"„{zeichen}“")


@record
class Klimaantwort(Record):
    text: str = doc("wie gedruckt, z. B. „ja, positiv“ oder „Es sind keine wesentlichen Auswirkungen zu erwarten.“")
    begruendung: bool = doc("true: die Vorlage muss diese Antwort begründen", default=False)


def standard_klimaantworten() -> dict[str, Klimaantwort]:
    """The answers of the shipped house style (the Klimacheck of many NRW bodies)."""
    return {
        "ja_positiv": Klimaantwort(text="ja, positiv", begruendung=True),
        "ja_negativ": Klimaantwort(text="ja, negativ", begruendung=True),
        "nein": Klimaantwort(text="nein"),
    }


@record
class Abschnitt(Record):
    id: str = doc("Kennung, unter der eine Vorlage den Text liefert (texte: {id: datei.md}), z. B. klimaschutz")
    ueberschrift: str = doc("wie gedruckt, z. B. Auswirkungen auf den Klimaschutz")
    form: Form = doc(
        "text: eine Markdown-Datei; klimaschutz: eine der „antworten“ (klimaschutz: {auswirkung: …})", default="text"
    )
    antworten: dict[str, Klimaantwort] = doc("form klimaschutz: Kennung → Antwort", factory=standard_klimaantworten)
    vorsatz: str | None = doc(
        "form klimaschutz: vor der fett gedruckten Antwort; leer (~): nur die Antwort, als Satz", default="Auswirkung:"
    )


@record
class Vorlagenart(Record):
    ueberschrift: str | None = doc("gedruckt im Kopf statt des Namens der Art", default=None)
    beschlussvorschlag: Regel = doc("pflicht, optional oder verboten", default="optional")
    ohne_beschlussvorschlag: str | None = doc("Satz an seiner Stelle, wenn die Vorlage keinen hat", default=None)
    abschnitte: dict[str, Regel] = doc("Abschnitt-Kennung → pflicht/optional/verboten", factory=dict)
    kopf: dict[str, Regel] = doc("eigenes Kopfdatum → pflicht/optional/verboten", factory=dict)
    bezug: Literal["Ergänzung", "Neufassung"] | None = doc(
        "Vorlagen dieser Art ergänzen oder ersetzen eine andere", default=None
    )
    nummer_aus_bezug: bool = doc(
        "Nummer = Nummer der ursprünglichen Vorlage + /1, /2 … (z. B. 151/2013/1)", default=False
    )
    mitzeichnung: list[str] = doc(
        "Rollen, die jede Vorlage dieser Art mitzeichnen müssen (aus „mitzeichnung: rollen“)", factory=list
    )
    drucksache: Drucksache = doc(
        "vorlage: die Verwaltung bringt sie ein (federführendes Amt); antrag, aenderungsantrag, anfrage: eine "
        "Fraktion, Gruppe oder Mitglieder reichen sie ein („einreicher“ statt „federfuehrend“); ein "
        "Änderungsantrag nennt unter „aendert“ die Vorlage, die er ändert, eine Anfrage ihre „fragen“",
        default="vorlage",
    )
    stellungnahme: bool = doc(
        "true: ein Antrag dieser Art braucht vor der Veröffentlichung die Stellungnahme der Verwaltung (eine "
        "Vorlage mit „stellungnahme_zu“)",
        default=False,
    )

    @property
    def eingereicht(self) -> bool:
        """Submitted by an Einreicher, not brought in by an Amt."""
        return self.drucksache in EINGEREICHT


def standard_arten() -> dict[str, Vorlagenart]:
    """The Vorlagenarten of the shipped house style."""
    return {
        "Beschlussvorlage": Vorlagenart(beschlussvorschlag="pflicht"),
        "Mitteilungsvorlage": Vorlagenart(beschlussvorschlag="verboten"),
        "Berichtsvorlage": Vorlagenart(),
        "Antrag": Vorlagenart(beschlussvorschlag="pflicht", drucksache="antrag"),
        "Änderungsantrag": Vorlagenart(beschlussvorschlag="pflicht", drucksache="aenderungsantrag"),
        "Anfrage": Vorlagenart(beschlussvorschlag="verboten", drucksache="anfrage"),
    }  # no Beschlussvorschlag nobody wrote; a body may state its sentence


def muster_teile(muster: str) -> list[tuple[bool, str]]:
    """The parts of a Nummer pattern: (True, placeholder) for JJJJ, JJ, N…, R; (False, text) for literal text."""
    teile = []
    for text, platzhalter, zeichen in _TOKEN.findall(muster):
        teile.append((True, platzhalter) if platzhalter else (False, text or zeichen))
    return teile


def muster_problem(muster: str) -> str | None:
    """Why a Nummer pattern can be read two ways, or None: a placeholder letter (J, N, R) inside a word outside quotes
    may be the letter or the placeholder – refused, with the pattern that quotes the word."""
    if muster.count("'") % 2:
        return f"Im Muster „{muster}“ fehlt ein schließendes Hochkomma – Text in Hochkommas ('KREIS') gilt wörtlich."
    wortlaut = "".join(t for platzhalter, t in muster_teile(muster) if not platzhalter)
    fremd = fremdes_zeichen(wortlaut)
    if fremd is not None:
        besser = "".join(c if c == "'" or NUMMER_ZEICHEN.fullmatch(c) else _ERSATZ.get(c, "") for c in muster)
        return (
            f"Im Muster „{muster}“ steht {zeichen_text(fremd[1])} – eine Nummer darf nur {NUMMER_ZEICHEN_TEXT} "
            f"enthalten (sie wird Ordnername und Teil der Adresse im Netz): schreiben Sie das Muster z. B. als {besser}"
        )
    ohne = re.sub(r"'[^']*'", lambda m: " " * len(m.group()), muster)
    for wort in re.finditer(r"[^\W\d_]+", ohne):
        if _PLATZHALTER.fullmatch(wort.group()) or not re.search("[JNR]", wort.group()):
            continue
        besser = muster[: wort.start()] + f"'{wort.group()}'" + muster[wort.end() :]
        return (
            f"Im Muster „{muster}“ steht „{wort.group()}“: J, N und R sind Platzhalter (Jahr, Zahl, römische Zahl), "
            "mitten in einem Wort lässt sich das nicht sicher lesen – setzen Sie Text, der so gedruckt wird, in "
            f"Hochkommas: {besser}"
        )
    return None


def nummer_regex(muster: str) -> str | None:
    """The regular expression of a Nummer pattern, or None when it has no placeholder."""
    parts, found = [], False
    for platzhalter, token in muster_teile(muster):
        if not platzhalter:
            parts.append(re.escape(token))
            continue
        if token in _MUSTER_TEILE:
            parts.append(_MUSTER_TEILE[token])
        else:
            parts.append(r"\d+" if len(token) == 1 else rf"\d{{{len(token)},}}")
        found = True
    return "".join(parts) if found else None


def nummer_beispiel(muster: str) -> str:
    """An example Nummer for a pattern: JJJJ/NNNN → 2021/0123, R/N/N → IX/416/1, NNNN/JJJJ/'KREIS' → 0123/2021/KREIS."""
    examples = {"JJJJ": "2021", "JJ": "21", "R": "IX"}
    single = iter(["416", "1", "2", "3"] * len(muster))
    return "".join(
        t if not platzhalter else examples.get(t) or (next(single) if t == "N" else "0123456789"[: len(t)])
        for platzhalter, t in muster_teile(muster)
    )
