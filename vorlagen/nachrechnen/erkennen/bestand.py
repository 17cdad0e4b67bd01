"""A table of stocks over a year – „Stand zu Beginn des Haushaltsjahres | Zugang | Abgang | Stand am Ende des
Haushaltsjahres“ (the Schulden and Rücklagen of a Jahresrechnung, an Anlagenspiegel): in each row the stock at the
start plus the additions less the disposals is the stock at the end.

Read by the head's cells, not by the figures: each of the four columns named exactly once, in this order, and a row's
four figures standing in those cells (a table typed in cells, or stored one cell per line: faltung.py). The head says
how a row is computed, so a row that does not add up is a slip. The rows end at a row whose figures stand elsewhere,
or after a few lines without figures; at most _MAX_ROWS rows are looked at under one head."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.aufbau.reihe import WERT, Reihe
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, written_sum

_START = re.compile(
    r"^\W*(?:Stand\b.{0,30}\b(?:Beginn|Anfang)|Anfangsbestand|Stand\s+(?:zum\s+|am\s+)?0?1\.\s?0?1\.)", re.I
)
_IN = re.compile(r"^\W*(?:Zugang|Zugänge)\W*$", re.I)
_OUT = re.compile(r"^\W*(?:Abgang|Abgänge)\W*$", re.I)
_END = re.compile(r"^\W*(?:Stand\b.{0,30}\bEnde|Endbestand|Stand\s+(?:zum\s+|am\s+)?31\.\s?12\.)", re.I)
_ROLES = (_START, _IN, _OUT, _END)
_SIGNS = [1, 1, -1]  # start + Zugang − Abgang
_MAX_ROWS = 40  # rows looked at under one head
_MAX_GAP = 3  # lines without figures between two rows of the table


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    found: list[Rechnung] = []
    for index, head in enumerate(reihen):
        columns = _columns(head)
        if columns is None:
            continue
        gap = 0
        for reihe in reihen[index + 1 : index + 1 + _MAX_ROWS]:
            if not reihe.werte:
                gap += 1
                if gap > _MAX_GAP or _columns(reihe) is not None:
                    break
                continue
            gap = 0
            cells = _cells(reihe)
            if set(cells) != set(columns):
                break  # figures in other places: not a row of this table
            parts, result = [cells[c] for c in columns[:3]], cells[columns[3]]
            found.append(
                Rechnung(
                    "Bestand: Stand zu Beginn + Zugang − Abgang (Spalten des Kopfs)",
                    "summe",
                    [reihe.fund(z) for z in parts],
                    reihe.fund(result),
                    written_sum(parts, _SIGNS),
                    betrag=False,
                    vorzeichen=list(_SIGNS),
                    rang=4,
                    typ="bestand",
                )
            )
    return found


def _columns(head: Reihe) -> list[int] | None:
    """The places of start, Zugang, Abgang and end among the head's cells, each named once and in this order."""
    if head.werte or "\t" not in head.zeile.text:
        return None
    cells = head.zeile.text.split("\t")
    places = []
    for role in _ROLES:
        named = [i for i, cell in enumerate(cells) if role.search(cell.strip())]
        if len(named) != 1:
            return None
        places.append(named[0])
    return places if places == sorted(places) else None


def _cells(reihe: Reihe) -> dict[int, Zahl]:
    """The row's figures by the cell they stand in (a cell with one figure)."""
    cells: dict[int, Zahl] = {}
    for entry in reihe.eintraege:
        if entry.art == WERT and entry.spalte is not None and entry.spalte[0] == "zelle" and len(entry.zahlen) == 1:
            cells[entry.spalte[1]] = entry.zahlen[0]
    return cells
