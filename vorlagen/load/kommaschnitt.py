"""A text or a number cut at a comma: in `{…}` YAML splits entries at commas, so `{als: Kosten, Material}` reads a
key „Material“ and `{betrag: 12.500,00}` a key „00“. The reader keeps the plain value before an unknown key; where the
key is that value's rest, one message names the whole text or number and says how to write it."""

from __future__ import annotations

import dataclasses
import re

from vorlagen.core.problems import Problem
from vorlagen.load.schreibweise import Schreibweise, datenzahl


@dataclasses.dataclass
class Cut:
    """The plain value of the entry before an unknown key, where a comma in `{…}` may have cut it off."""

    key: str  # that entry's key
    text: str  # its value as written (and, after a cut, with the cut-off parts)
    line: int | None
    problems: tuple[int, int]  # the reader's problems about that value: superseded by the hint

    def absorb(self, rest: str, problems: list[Problem]) -> None:
        """Takes back the part a comma cut off (`rest`, read as a key of its own); the reader's problems about the
        cut value go, the message on the whole text replaces them."""
        start, end = self.problems
        del problems[start:end]
        self.text, self.problems = _joined(self.text, rest), (len(problems),) * 2


def comma_hint(key: str, before: Cut | None, ohne_wert: bool) -> str:
    """A key that is the rest of a text or a number cut at a comma: in `{…}` YAML splits entries at commas.
    `before` is the entry in front of it, written without quotes (the number's part before the comma);
    `ohne_wert`: the key stands without a value, as the rest of a text does."""
    if key.strip().isdigit():
        if before is not None and re.fullmatch(r"-?\d{1,3}(\.\d{3})*|-?\d+", before.text.strip()):
            german = f"{before.text.strip()},{key.strip()}"
            try:
                datenzahl(german)
            except Schreibweise as error:  # a comma never stands in a number of a data file
                return f" Steht hier die Zahl „{german}“? In „{{…}}“ trennt das Komma Einträge. {error.meldung()}"
        return (
            " Steht davor eine Zahl mit Dezimalkomma wie 12.500,00? In „{…}“ trennt das Komma Einträge – "
            "schreiben Sie Beträge ohne Tausenderpunkt und mit Dezimalpunkt, z. B. 12500.00."
        )
    if any(c in key for c in "() ") or key[:1].isdigit() or (ohne_wert and before is not None):
        beispiel = (
            f'{before.key}: "{_joined(before.text, key)}"' if before is not None else 'als: "Kosten (0,5 Stelle)"'
        )
        return (
            " Steht in dieser Zeile ein Text mit Komma ohne Anführungszeichen? In „{…}“ trennt das Komma "
            f"Einträge – setzen Sie den Text in Anführungszeichen, z. B. {beispiel}."
        )
    return ""


def _joined(text: str, rest: str) -> str:
    """A text cut at its comma, joined again: "0,5" between digits, "Kruse, Fachbereich 32" elsewhere."""
    return f"{text},{rest}" if text[-1:].isdigit() and rest[:1].isdigit() else f"{text}, {rest}"


def quoted(text: str) -> str:
    """A text as it may stand inside `{…}` in YAML: in quotes where a comma, colon or bracket would cut it."""
    return '"' + text.replace('"', '\\"') + '"' if any(c in text for c in ',:{}[]#"') else text
