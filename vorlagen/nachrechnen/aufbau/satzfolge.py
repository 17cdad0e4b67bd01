"""The sentences of running text over the lines a page set them on: each with its text, its figures and where each
stands in the text, and whether it follows right on the sentence before (recognisers that read a calculation over two
sentences – a change and its rate, an amount and its share per head)."""

from __future__ import annotations

from dataclasses import dataclass, field

from vorlagen.nachrechnen.aufbau.rechnung import Fund
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.woerter import SENTENCE_END


@dataclass
class Satz:
    """A sentence of running text, over the lines it runs through: its text, each figure with where it stands in
    the text, and whether it follows right on the sentence before (no blank line or table between)."""

    text: str = ""
    figures: list[tuple[int, Fund]] = field(default_factory=list)
    follows: bool = False

    def add(self, zeile: Zeile, start: int, end: int) -> None:
        offset = len(self.text) + (1 if self.text else 0) - start
        self.text = f"{self.text} {zeile.text[start:end]}" if self.text else zeile.text[start:end]
        self.figures += [(z.start + offset, Fund(zeile, z)) for z in zeile.zahlen if start <= z.start < end]

    def after(self, at: int, fund: Fund) -> str:
        """The sentence's text after one of its figures (`at`: where the figure stands in the text)."""
        return self.text[at + fund.zahl.ende - fund.zahl.start :]


def sentences(zeilen: list[Zeile]) -> tuple[list[Satz], dict[int, int]]:
    """The sentences of the running text, and each line's index in `zeilen` (by the line's id): a table row or a
    blank line ends the sentence it interrupts, and the next does not follow on it."""
    found: list[Satz] = []
    where: dict[int, int] = {}
    current: Satz | None = None
    gap = True
    for index, zeile in enumerate(zeilen):
        where[id(zeile)] = index
        text = zeile.text
        if not text.strip() or "\t" in text or zeile.lagen or text.count("|") >= 2:
            current, gap = None, True
            continue
        ends = [m.end() for m in SENTENCE_END.finditer(text)]
        start = 0
        for end in [*ends, len(text)]:
            if text[start:end].strip():
                if current is None:
                    current = Satz(follows=not gap)
                    found.append(current)
                    gap = False
                current.add(zeile, start, end)
                if end in ends:
                    current = None
            start = end
        if text.rstrip().endswith((".", "!", "?", ":")):
            current = None
    return found, where
