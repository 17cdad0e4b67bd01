"""Sentences a PDF wrapped over several lines, read as one for the calculations written in words."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from vorlagen.core import limits
from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.erkennen import fliesstext
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, figures
from vorlagen.nachrechnen.lesen.zeile import Zeile

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-ZÄÖÜ„])")
_ITEM = re.compile(r"^\s*(?:[-–•*▪]|\d{1,2}[.)]|[a-z]\))\s")  # a list item starts a paragraph of its own
_MAX_SENTENCE = limits.NR_SATZ  # characters of a sentence read as one (a longer run is no sentence with a sum)
_PROSE_WORDS = 4  # a line with fewer words is a table row or a heading, not running text


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    """Adds what whole sentences state, where a sentence runs over more than one line."""
    found: list[Rechnung] = []
    known = {(r.ergebnis.key, r.formel) for r in prior}
    for paragraph in _paragraphs(zeilen):
        text, offsets = _join(paragraph)
        start = 0
        for end in [m.start() for m in _SENTENCE_END.finditer(text)] + [len(text)]:
            lines = {_line_at(offsets, paragraph, position) for position in (start, max(start, end - 1))}
            if len(lines) > 1 and end - start <= _MAX_SENTENCE:
                for rechnung in _checks(text, start, end, offsets, paragraph):
                    if (rechnung.ergebnis.key, rechnung.formel) not in known:
                        known.add((rechnung.ergebnis.key, rechnung.formel))
                        found.append(rechnung)
            start = end + 1
    return found


def _paragraphs(zeilen: list[Zeile]) -> list[list[Zeile]]:
    paragraphs: list[list[Zeile]] = []
    current: list[Zeile] = []
    for zeile in zeilen + [Zeile(None, 0, "")]:
        if (
            len(re.findall(r"[A-Za-zÄÖÜäöüß]{2,}", zeile.text)) >= _PROSE_WORDS
            and "\t" not in zeile.text
            and (not current or current[-1].seite == zeile.seite and not _ITEM.match(zeile.text))
        ):
            current.append(zeile)
            continue
        if len(current) > 1:
            paragraphs.append(current)
        current = [zeile] if len(re.findall(r"[A-Za-zÄÖÜäöüß]{2,}", zeile.text)) >= _PROSE_WORDS else []
    return paragraphs


def _join(paragraph: list[Zeile]) -> tuple[str, list[int]]:
    offsets, parts, position = [], [], 0
    for zeile in paragraph:
        offsets.append(position)
        parts.append(zeile.text)
        position += len(zeile.text) + 1
    return " ".join(parts), offsets


def _line_at(offsets: list[int], paragraph: list[Zeile], position: int) -> int:
    return max(0, bisect.bisect_right(offsets, position) - 1)


def _checks(text: str, start: int, end: int, offsets: list[int], paragraph: list[Zeile]) -> list[Rechnung]:
    sentence = text[start:end]

    def at(zahl: Zahl) -> Fund:
        index = _line_at(offsets, paragraph, start + zahl.start)
        shift = start - offsets[index]
        return Fund(paragraph[index], replace(zahl, start=zahl.start + shift, ende=zahl.ende + shift))

    return fliesstext.checks(sentence, figures(sentence), at)
