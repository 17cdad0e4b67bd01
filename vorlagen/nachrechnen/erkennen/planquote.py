"""A budget report's column „%“ right after its Ist column: the Ist in percent of the Plan of the same year („Plan
2022 | Ist 1. Hj 2022 | % | …“, w08 of the Zusatz: „der Abfluss in Prozent“). Read in the rows under such a head, cell
for cell; a column „%“ after an Ist of another year than any Plan of the head is not read.

The head does not say of what the percentage is (of the Plan, or the change against the year before): the share is
only confirmed, a mismatch is „nicht eindeutig“. Bounded: the rows under a head, the columns of a row."""

from __future__ import annotations

import re
from dataclasses import replace

from vorlagen.core.money import round_half_up
from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.woerter import PERCENT_CELL

_IST = re.compile(r"\b(?:Ist|IST|Ergebnis|Rechnungsergebnis)\b")
_PLAN = re.compile(r"\b(?:Plan|Ansatz|Haushaltsansatz|Planansatz)\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_ROWS = 40  # rows under a head, at most
_WHY = "ob der Anteil sich auf den Plan bezieht, sagt der Kopf der Spalte nicht"


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    """Adds the share of each row's Ist in its Plan under a head that sets „%“ after the Ist."""
    taken = {r.ergebnis.key for r in prior}
    found: list[Rechnung] = []
    for index, head in enumerate(zeilen):
        columns = _columns(head.text.split("\t"))
        if not columns:
            continue
        for zeile in zeilen[index + 1 : index + 1 + _ROWS]:
            cells = zeile.zahlen_je_zelle
            if len(cells) < 2:
                break
            offset = 1 if not cells[0] else 0  # the row's label, a cell the head leaves out
            for plan, ist, rate in columns:
                reading = _share(zeile, cells, plan + offset, ist + offset, rate + offset)
                if reading is not None and reading.ergebnis.key not in taken:
                    found.append(reading)
    return found


def _columns(heads: list[str]) -> list[tuple[int, int, int]]:
    """(Plan, Ist, %) of each „%“ whose cell before is an Ist and which a Plan of the same year precedes."""
    columns = []
    for rate, head in enumerate(heads):
        if rate < 2 or not PERCENT_CELL.fullmatch(head.strip()) or not _IST.search(heads[rate - 1]):
            continue
        plans = [i for i in range(rate - 1) if _PLAN.search(heads[i]) and not _IST.search(heads[i])]
        years = set(_YEAR.findall(heads[rate - 1]))
        same = [i for i in plans if not years or set(_YEAR.findall(heads[i])) == years]
        if same:
            columns.append((same[-1], rate - 1, rate))
    return columns


def _share(zeile: Zeile, cells: list[list[Zahl]], plan: int, ist: int, rate: int) -> Rechnung | None:
    parts = [cells[column] if column < len(cells) else [] for column in (plan, ist, rate)]
    if any(len(p) != 1 for p in parts):
        return None
    (soll,), (ist_wert,), (anteil,) = parts
    if not soll.geld or not ist_wert.geld or anteil.einheit not in ("", "%") or not soll.wert:
        return None
    if round_half_up(ist_wert.wert / soll.wert * 100, anteil.schritt) < 0:
        return None
    return Rechnung(
        "Spalte „%“ nach dem Ist: das Ist in Prozent des Plans",
        "quote",
        [Fund(zeile, ist_wert), Fund(zeile, soll)],
        Fund(zeile, replace(anteil, einheit="%")),
        f"{ist_wert.betrag()} / {soll.betrag()} x 100",
        sicher=False,
        grund=_WHY,
        rang=1,
        typ="planquote",
    )
