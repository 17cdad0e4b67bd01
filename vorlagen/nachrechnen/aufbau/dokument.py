"""The structure of a document's lines: each line as a row of cells, total rows marked, and the rows folded where a
page stored a table one cell per line – what the recognisers read besides the lines themselves."""

from __future__ import annotations

from dataclasses import dataclass

from vorlagen.nachrechnen.aufbau import faltung, gesamtzeile, reihe
from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.aufbau.reihe import Reihe
from vorlagen.nachrechnen.lesen.zeile import Zeile


@dataclass(frozen=True)
class Dokument:
    """The lines of a document and their rows."""

    zeilen: list[Zeile]
    reihen: list[Reihe]
    zeilen_reihen: list[Reihe]  # a table stored one cell per line read as rows; else the rows themselves
    in_zeile: tuple[Rechnung, ...]  # the calculations within one line, read first: their inputs are no cells


def aufbauen(zeilen: list[Zeile], in_zeile: list[tuple[list[Rechnung], set[int]]]) -> Dokument:
    """The rows of the lines; `in_zeile` holds, per line, its calculations and the starts of the figures they use."""
    reihen = [reihe.row(zeile, used) for zeile, (_, used) in zip(zeilen, in_zeile, strict=True)]
    gesamtzeile.mark_categories(reihen)
    zeilen_reihen = faltung.fold(reihen)  # a table stored one cell per line read as rows
    if zeilen_reihen is not reihen:
        gesamtzeile.mark_categories(zeilen_reihen)
    return Dokument(zeilen, reihen, zeilen_reihen, tuple(r for readings, _ in in_zeile for r in readings))
