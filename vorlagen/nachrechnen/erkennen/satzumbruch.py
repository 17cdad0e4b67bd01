"""Sentences a PDF wrapped over several lines, read as one for the calculations written in words."""

from __future__ import annotations

import re

from vorlagen.core import limits
from vorlagen.nachrechnen.aufbau.absatz import Absatz, paragraphs
from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.erkennen import fliesstext
from vorlagen.nachrechnen.lesen.zahlenlesen import figures
from vorlagen.nachrechnen.lesen.zeile import Zeile

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-ZÄÖÜ„])")
_MAX_SENTENCE = limits.NR_SATZ  # characters of a sentence read as one (a longer run is no sentence with a sum)


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    """Adds what whole sentences state, where a sentence runs over more than one line."""
    found: list[Rechnung] = []
    known = {(r.ergebnis.key, r.formel) for r in prior}
    for absatz in paragraphs(zeilen):
        text = absatz.text
        start = 0
        for end in [m.start() for m in _SENTENCE_END.finditer(text)] + [len(text)]:
            lines = {absatz.at(position)[0].nr for position in (start, max(start, end - 1))}
            if len(lines) > 1 and end - start <= _MAX_SENTENCE:
                for rechnung in _checks(text, start, end, absatz):
                    if (rechnung.ergebnis.key, rechnung.formel) not in known:
                        known.add((rechnung.ergebnis.key, rechnung.formel))
                        found.append(rechnung)
            start = end + 1
    return found


def _checks(text: str, start: int, end: int, absatz: Absatz) -> list[Rechnung]:
    sentence = text[start:end]
    return fliesstext.checks(sentence, figures(sentence), lambda zahl: absatz.fund(zahl, start))
