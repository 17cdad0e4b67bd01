"""Whether a Vorlage is released: each sign-off against the fingerprint of what the Vorlage prints now.

What is signed is the normalised text rendition of the Vorlage and its Anlagen (texts, tables, header
fields: every figure and fact it prints), not its source files: a reformatted YAML that prints the same
keeps every sign-off. Results of a Beratung, the sign-offs themselves and the ENTWURF marks are not signed.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from vorlagen.load.mitzeichnung import Mitzeichnung
from vorlagen.render import plaintext

GUELTIG, VERALTET, FEHLT = "gültig", "veraltet", "fehlt"


@dataclass(frozen=True)
class Stand:
    """One role's sign-off as it stands now."""

    rolle: str
    zustand: str  # gültig | veraltet | fehlt
    erforderlich: bool
    mitzeichnung: Mitzeichnung | None = None

    @property
    def offen(self) -> bool:
        """It keeps the Vorlage an ENTWURF: required and not valid, or given for content that has changed since."""
        return self.zustand == VERALTET or (self.erforderlich and self.zustand == FEHLT)


@dataclass
class Freigabe:
    text: str  # the normalised text a sign-off signs now
    fingerabdruck: str
    staende: list[Stand] = field(default_factory=list)

    @property
    def offen(self) -> list[Stand]:
        return [s for s in self.staende if s.offen]

    @property
    def entwurf(self) -> bool:
        return bool(self.offen)

    def wer(self) -> str:
        """'Kämmerei (veraltet), Rechtsamt (fehlt)': who still has to sign."""
        return ", ".join(f"{s.rolle} ({s.zustand})" for s in self.offen)


def normalise(text: str) -> str:
    """The text as signed: NFC, each line's runs of white space as one space, at most one empty line in a row."""
    lines = [re.sub(r"\s+", " ", line).strip() for line in unicodedata.normalize("NFC", text).splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"


def fingerprint(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def freigabe(erforderlich: list[str], mitzeichnungen: list[Mitzeichnung], text: str) -> Freigabe:
    """The state of every required role and every recorded sign-off for the signed text `text`."""
    text = normalise(text)
    result = Freigabe(text, fingerprint(text))
    given = {m.rolle: m for m in mitzeichnungen}
    for rolle in [*erforderlich, *(r for r in given if r not in erforderlich)]:
        m = given.get(rolle)
        zustand = FEHLT if m is None else GUELTIG if m.fingerabdruck == result.fingerabdruck else VERALTET
        result.staende.append(Stand(rolle, zustand, rolle in erforderlich, m))
    return result


def signed_text(html: str, anlagen: list) -> str:
    """What a sign-off signs: the text rendition of the Vorlage's HTML and of each Anlage (a PDF by its hash)."""
    parts = [plaintext.render(html)]
    for anlage in anlagen:
        if anlage.html is not None:
            parts += [f"Anlage {anlage.nummer}: {anlage.titel}", plaintext.render(anlage.html)]
        elif anlage.pdf is not None:
            parts.append(f"Anlage {anlage.nummer}: {anlage.titel} (PDF-Datei, SHA-256 "
                         f"{hashlib.sha256(anlage.pdf).hexdigest()})")
    return normalise("\n\n".join(parts))


_BODY = re.compile(r"<body\b[^>]*>")


def marked(html: str, marks: str) -> str:
    """The HTML with the ENTWURF marks first in its body (also in a Körperschaft's own templates)."""
    match = _BODY.search(html)
    return html if match is None else html[:match.end()] + "\n" + marks + html[match.end():]


def was_tun(nummer: str, stand: Stand) -> str:
    """What a person does about an open sign-off, in German."""
    zeichnen = f"vorlagen zeichnen {nummer} --rolle \"{stand.rolle}\" --name \"…\""
    if stand.zustand == VERALTET:
        m = stand.mitzeichnung
        return (f"Die Mitzeichnung „{stand.rolle}“ ({m.name}, {m.datum:%d.%m.%Y}) gilt nicht mehr: die Vorlage hat sich "
                f"seitdem geändert – was, zeigt „vorlagen freigabe {nummer}“; neu zeichnen: {zeichnen}")
    return f"Die Mitzeichnung „{stand.rolle}“ fehlt – zeichnen: {zeichnen}"
