"""The sign-offs of a Vorlage (mitzeichnungen.yaml in its folder): who signed, when, and what exactly."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import field

from vorlagen.load.records import Record, record

DATEI = "mitzeichnungen.yaml"  # beside vorlage.yaml
ORDNER = "gezeichnet"  # beside it: the text each role signed, <rolle>.txt, so that git shows what was signed
FINGERABDRUCK = re.compile(r"sha256:[0-9a-f]{64}")


@record
class Mitzeichnung(Record):
    rolle: str  # eine Rolle aus „hausstil: mitzeichnung: rollen“, z. B. Kämmerei
    name: str  # wer gezeichnet hat, z. B. Erika Mustermann
    datum: dt.date  # an welchem Tag
    fingerabdruck: str  # SHA-256 des gezeichneten Textes; „vorlagen zeichnen“ schreibt ihn – nicht von Hand ändern

    def check(self):
        if not FINGERABDRUCK.fullmatch(self.fingerabdruck):
            yield "fingerabdruck", (f"„{self.fingerabdruck[:80]}“ ist kein Fingerabdruck von „vorlagen zeichnen“ – "
                                    "tragen Sie Mitzeichnungen nur mit „vorlagen zeichnen“ ein.")


@record
class Mitzeichnungen(Record):
    mitzeichnungen: list[Mitzeichnung] = field(default_factory=list)  # je Rolle die letzte Mitzeichnung

    def check(self):
        seen = set()
        for m in self.mitzeichnungen:
            if m.rolle in seen:
                yield m.where("rolle"), (f"Die Rolle „{m.rolle}“ hat zweimal gezeichnet – es gilt eine Mitzeichnung je "
                                         "Rolle; entfernen Sie die ältere (git bewahrt sie auf).")
            seen.add(m.rolle)

