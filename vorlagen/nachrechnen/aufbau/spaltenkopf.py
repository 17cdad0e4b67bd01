"""The head over a run of table rows and the words it gives each column: the rows of cells without a value right
above the run – one line where the cells were typed (Word, HTML, tabs), two where a space-aligned head wraps („Kosten
je“ over „Schüler“) – and, for a place of a row, the head's cell of its number, or the cells whose place in the line
overlaps the place's figure. And, for a head that may stand a few lines higher, the nearest lines with words above a
run, as one text."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.reihe import WERT, Eintrag, Reihe

_HEAD_LOOK = 4  # lines above a run in which its head of cells may stand (label lines a PDF wrapped between)
_HEAD_LINES = 2  # lines of a space-aligned head read together


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
