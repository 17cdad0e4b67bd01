"""The sign-offs of a Vorlage (mitzeichnungen.yaml in its folder): who signed, when, and what exactly."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from vorlagen.core.fmt import slugify
from vorlagen.core.problems import Problem
from vorlagen.load.records import Record, doc, record

DATEI = "mitzeichnungen.yaml"  # beside vorlage.yaml
ORDNER = "gezeichnet"  # beside it: the text each role signed, <rolle>.txt, so that git shows what was signed
FINGERABDRUCK = re.compile(r"sha256:[0-9a-f]{64}")
NAME_LAENGE = 120  # characters of a name


def datei(rolle: str) -> str:
    """The file in gezeichnet/ that keeps what a role signed, e.g. Kämmerei → kaemmerei.txt."""
    return f"{slugify(rolle)}.txt"


def name_fehler(name: str) -> str | None:
    """Why a name cannot be a signer's name – empty, a line break or control character, {{ }} < >, overlong –
    or None. The one rule for `vorlagen zeichnen` and for mitzeichnungen.yaml."""
    if not name.strip():
        return "leer"
    if any(c in name for c in "{}<>"):
        return "zeichen"
    if any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in name):
        return "zeile"
    if len(name) > NAME_LAENGE:
        return "lang"
    return None


_NAME = {
    "leer": "Der Name ist leer",
    "zeichen": "„{name}“ enthält Zeichen, die in keinem Namen vorkommen ({{ }} < >)",
    "zeile": "„{name}“ enthält einen Zeilenumbruch oder ein Steuerzeichen",
    "lang": "Der Name hat {laenge} Zeichen – höchstens 120 sind vorgesehen",
}


@record
class Mitzeichnung(Record):
    rolle: str = doc("eine Rolle aus „hausstil: mitzeichnung: rollen“, z. B. Kämmerei")
    name: str = doc("wer gezeichnet hat, z. B. Erika Mustermann")
    datum: dt.date = doc("an welchem Tag")
    fingerabdruck: str = doc(
        "SHA-256 des gezeichneten Textes; „vorlagen zeichnen“ schreibt ihn – nicht von Hand ändern"
    )

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        fehler = name_fehler(self.name)
        if fehler:
            problems.append(
                Problem(
                    self.where("name"),
                    _NAME[fehler].format(name=self.name[:60], laenge=len(self.name)) + " – tragen Sie "
                    "Mitzeichnungen nur mit „vorlagen zeichnen“ ein.",
                )
            )
        if not FINGERABDRUCK.fullmatch(self.fingerabdruck):
            problems.append(
                Problem(
                    self.where("fingerabdruck"),
                    f"„{self.fingerabdruck[:80]}“ ist kein Fingerabdruck von „vorlagen zeichnen“ – "
                    "tragen Sie Mitzeichnungen nur mit „vorlagen zeichnen“ ein.",
                )
            )
        return problems


@record
class Mitzeichnungen(Record):
    mitzeichnungen: list[Mitzeichnung] = doc("je Rolle die letzte Mitzeichnung", factory=list)

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        seen = set()
        for m in self.mitzeichnungen:
            if m.rolle in seen:
                problems.append(
                    Problem(
                        m.where("rolle"),
                        f"Die Rolle „{m.rolle}“ hat zweimal gezeichnet – es gilt eine Mitzeichnung je "
                        "Rolle; entfernen Sie die ältere (git bewahrt sie auf).",
                    )
                )
            seen.add(m.rolle)
        return problems
