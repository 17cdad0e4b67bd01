"""Paragraphs of running text a PDF set over several lines: which lines make one paragraph, and where each line
begins in the paragraph's joined text (the recognisers of sentences read a paragraph as one line)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from vorlagen.nachrechnen.aufbau.rechnung import Fund
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl
from vorlagen.nachrechnen.lesen.zeile import Zeile

_ITEM = re.compile(r"^\s*(?:[-–•*▪]|\d{1,2}[.)]|[a-z]\))\s")  # a list item starts a paragraph of its own
_PROSE_WORDS = 4  # a line with fewer words is a table row or a heading, not running text
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{2,}")
_MAX_LINES = 20  # lines joined into one paragraph at most: a longer run is read in pieces of this length
_SHORT = 0.8  # a line shorter than this share of the paragraph's widest ends it, when it ends a sentence


@dataclass(frozen=True)
class Absatz:
    """Lines of running text that follow one another on one page, and where each begins in their joined text."""

    zeilen: list[Zeile]
    anfaenge: list[int]

    @property
    def text(self) -> str:
        return " ".join(z.text for z in self.zeilen)

    def at(self, position: int) -> tuple[Zeile, int]:
        """The line a position of the joined text falls in, and how far into the joined text that line begins."""
        index = max(0, bisect.bisect_right(self.anfaenge, position) - 1)
        return self.zeilen[index], self.anfaenge[index]

    def fund(self, zahl: Zahl, offset: int = 0) -> Fund:
        """A figure read in the joined text (from `offset` on: a sentence of it) at its place in its own line."""
        zeile, begins = self.at(offset + zahl.start)
        shift = offset - begins
        end = min(zahl.ende + shift, len(zeile.text))
        return Fund(zeile, replace(zahl, start=zahl.start + shift, ende=end))


def paragraphs(zeilen: list[Zeile]) -> Iterator[Absatz]:
    """Runs of two or more lines of running text (four words or more, no cells) on one page. A list item opens a
    run of its own; a sentence that ends a line clearly shorter than the lines before ends its paragraph (the last
    line of a paragraph set flush left); a run longer than _MAX_LINES is cut."""
    current: list[Zeile] = []
    for zeile in zeilen + [Zeile(None, 0, "")]:
        prose = len(_WORD.findall(zeile.text)) >= _PROSE_WORDS and "\t" not in zeile.text
        if (
            prose
            and current
            and current[-1].seite == zeile.seite
            and not _ITEM.match(zeile.text)
            and not _last_line(current)
            and len(current) < _MAX_LINES
        ):
            current.append(zeile)
            continue
        if len(current) > 1:
            yield _absatz(current)
        current = [zeile] if prose else []


def _last_line(current: list[Zeile]) -> bool:
    """The run's last line ends a sentence and is clearly shorter than the longest before it."""
    text = current[-1].text.rstrip()
    widest = max(len(z.text.rstrip()) for z in current)
    return len(current) > 1 and text.endswith((".", ":", "!", "?")) and len(text) < _SHORT * widest


def _absatz(zeilen: list[Zeile]) -> Absatz:
    starts, position = [], 0
    for zeile in zeilen:
        starts.append(position)
        position += len(zeile.text) + 1
    return Absatz(zeilen, starts)
