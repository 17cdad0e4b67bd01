"""A unit a page wrapped onto a line of its own: „Planung 12.500“ / „€“ – the figure at the end of the line above is
an amount. The unit is put back behind the figure and its own line left empty, so every line keeps its number."""

from __future__ import annotations

import re
from dataclasses import replace

from vorlagen.nachrechnen.lesen.zeile import Zeile

_UNIT = re.compile(r"€|EUR|Euro|EURO|T€|TEUR")
_ENDS_WITH_FIGURE = re.compile(r"\d(?:,-{1,2}|,–)?$")
_YEAR = re.compile(r"(?:19|20)\d\d")
_GAP = 1  # blank lines that may stand between the figure and its unit


def join(zeilen: list[Zeile]) -> list[Zeile]:
    out = list(zeilen)
    for index, zeile in enumerate(zeilen):
        unit = zeile.text.strip()
        if not _UNIT.fullmatch(unit):
            continue
        above = index - 1
        while above >= 0 and index - above <= _GAP + 1 and not out[above].text.strip():
            above -= 1
        if above < 0 or index - above > _GAP + 1:
            continue
        text = out[above].text.rstrip()
        figures = out[above].zahlen
        if (
            not figures
            or figures[-1].einheit
            or figures[-1].ende != len(text)
            or not _ENDS_WITH_FIGURE.search(text)
            or _YEAR.fullmatch(figures[-1].text)
        ):
            continue
        out[above] = replace(out[above], text=f"{text} {unit}")
        out[index] = replace(zeile, text="")
    return out
