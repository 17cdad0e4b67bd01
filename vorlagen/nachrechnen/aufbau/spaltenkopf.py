"""The head over a run of table rows and the words it gives each column: the rows of cells without a value right
above the run – one line where the cells were typed (Word, HTML, tabs), two where a space-aligned head wraps („Kosten
je“ over „Schüler“) – and, for a place of a row, the head's cell of its number, or the cells whose place in the line
overlaps the place's figure. And, for a head that may stand a few lines higher, the nearest lines with words above a
run, as one text."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.reihe import WERT, Eintrag, Reihe
from vorlagen.nachrechnen.woerter import DIFFERENCE_HEAD

_HEAD_LOOK = 4  # lines above a run in which its head of cells may stand (label lines a PDF wrapped between)
_HEAD_LINES = 2  # lines of a space-aligned head read together
# the change given in percent in its own cell („Veränderung in %“); „Veränderung | in %“ is two columns
_IN_PERCENT = re.compile(r"[^\S\t]*(?:in[^\S\t]+|\([^\S\t]*)?(?:%|Prozent\b|v\.[^\S\t]?H\.)")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# a head of changes that says no direction of its own (not „Veränderung 2024 gegenüber 2025“, „Differenz (Vorjahr −
# lfd. Jahr)“, „Abweichung (Ist − Plan)“)
_PLAIN_CHANGE = re.compile(
    r"(?:Veränderung|Differenz|Abweichung)(?:\s*\((?:€|EUR|Euro|T€)\)|\s+in\s+(?:€|EUR|Euro|T€))?"
)


def heads_above(reihen: list[Reihe], top: int) -> list[Reihe]:
    """The head rows above the row at index `top` (nearest first); none where a row of values stands between."""
    heads: list[Reihe] = []
    for i in range(top - 1, max(-1, top - 1 - _HEAD_LOOK), -1):
        reihe = reihen[i]
        if any(e.art == WERT for e in reihe.eintraege) or (heads and "\t" not in reihe.zeile.text):
            break
        if "\t" in reihe.zeile.text and re.search(r"[A-Za-zÄÖÜäöüß%]", reihe.zeile.text):
            heads.append(reihe)  # not a line of dashes under a head
            if heads[0].zeile.zellen or len(heads) == _HEAD_LINES:
                break  # a head of typed cells is one line
    return heads


def head_cell(heads: list[Reihe], place: Eintrag) -> str:
    """The words of the head over the place's column."""
    if not heads or not place.spalte:
        return ""
    if place.spalte[0] == "zelle":
        cells = heads[0].zeile.text.split("\t")
        return cells[place.spalte[1]] if place.spalte[1] < len(cells) else ""
    if place.spalte[0] != "lage":
        return ""
    end, begin = place.spalte[1], place.spalte[2]
    words = []
    for reihe in reversed(heads):
        zeile = reihe.zeile
        for at, cell in zip(zeile.lagen, zeile.text.split("\t"), strict=False):
            if cell.strip() and at < end and at + len(cell) > begin:
                words.append(cell.strip())
    return " ".join(words)


def words_above(reihen: list[Reihe], start: int, count: int) -> str:
    """The nearest `count` lines with words above the row at index `start` (looking back at most three times as many
    lines), top to bottom, as one text."""
    lines: list[str] = []
    for reihe in reversed(reihen[max(0, start - 3 * count) : start]):
        if re.search(r"[A-Za-zÄÖÜäöüß]", reihe.zeile.text):
            lines.append(reihe.zeile.text.strip())
            if len(lines) == count:
                break
    return " ".join(reversed(lines))


def later_year(cells: list[str], first: int, second: int) -> int:
    """+1 where the head's cell `first` names a later year than its cell `second` („Aufkommen 2025“, „Aufkommen
    2024“), −1 an earlier one, 0 where either names no year or more than one, or the cells name other words."""
    if not (0 <= first < len(cells) and 0 <= second < len(cells)):
        return 0
    years = [set(_YEAR.findall(cells[k])) for k in (first, second)]
    if any(len(found) != 1 for found in years) or years[0] == years[1]:
        return 0
    if _YEAR.sub("", cells[first]).strip() != _YEAR.sub("", cells[second]).strip():
        return 0  # „Ist 2024“ and „Plan 2025“: two quantities, not one of two years
    return 1 if years[0].pop() > years[1].pop() else -1


def years_of_change(cells: list[str], change: int, first: int, second: int) -> int:
    """later_year of the two columns a plain head of changes („Veränderung (€)“) compares; 0 under a head that says
    its own direction or none."""
    if not 0 <= change < len(cells) or not _PLAIN_CHANGE.fullmatch(cells[change].strip()):
        return 0
    return later_year(cells, first, second)


def percent_only(text: str) -> bool:
    """„2025 | 2026 | Veränderung in %“: every word of change in the head is given in percent – right after it, or at
    the end of its cell („Veränderung 2024 gegenüber 2025 (%)“)."""
    return all(
        _IN_PERCENT.match(text, d.end()) or "%" in text[d.end() :].split("\t")[0]
        for d in DIFFERENCE_HEAD.finditer(text)
    )


def given_in_percent(cell: str) -> bool:
    """A head cell that gives its column in percent at its end: „Inanspruchnahme (%)“, „Quote in %“, „Anteil v. H.“."""
    return re.search(_IN_PERCENT.pattern + r"[^\S\t]*\)?\s*$", cell) is not None


def last_cell(reihe: Reihe) -> int:
    """The cell of a row's last figure (−1 for a row whose figures stand in no cell)."""
    cells = [
        e.spalte[1] for e in reihe.eintraege if e.art == WERT and isinstance(e.spalte, tuple) and e.spalte[0] == "zelle"
    ]
    return max(cells, default=-1)
