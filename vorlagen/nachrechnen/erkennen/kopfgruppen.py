"""A table a page flattened to one line per row, its head in words with no cell marks, whose columns come in groups
each closed by a total column: „Stellen im Amt Beamt_innen Beschäftigte Gesamt 2019/2020 Beamt_innen Beschäftigte
Gesamt 2021/22“ over „Amt für öffentliche Ordnung 62,40 97,20 159,60 65,45 97,20 162,65“ (b01 of the Zusatz) – in
each group of the rows below, the last figure is the sum of the ones before it.

The head names the total („Gesamt“, „Summe“, „insgesamt“) once per group, at least twice, with at least two words
before each; a row below (at most _MAX_ROWS, each within _MAX_GAP lines of the one before) has as many figures as
groups times the columns of a group (three or more), with words before them and nothing after. Then each group's
total is its parts' sum: the head says so, so a mismatch is a slip – but only where the other groups of the table
hold, at least two (a head whose „Gesamt“ means something else fails everywhere); otherwise what holds is confirmed."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, written_sum
from vorlagen.nachrechnen.lesen.zeile import Zeile

_TOTAL = re.compile(r"\b(?:Gesamt|Summe|insgesamt)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß][\w\-/.]*")
_MAX_ROWS = 30
_MAX_GAP = 2  # lines between two rows of the table (a blank line)
_MAX_GROUPS = 8
_ART = "Gesamtspalte jeder Spaltengruppe (Kopf „… Gesamt … Gesamt“)"


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    """Adds the sum of each group of each row under such a head."""
    taken = {r.ergebnis.key for r in prior}
    found: list[Rechnung] = []
    for index, zeile in enumerate(zeilen):
        groups = _groups(zeile)
        if groups < 2:
            continue
        sums = [s for row in _rows(zeilen, index, groups) for s in _group_sums(row, groups)]
        holds = [s.haelt() for s in sums]  # each judged once
        holding = sum(holds)
        for reading, held in zip(sums, holds, strict=True):
            if reading.ergebnis.key not in taken and (held or holding >= 2):
                found.append(reading)
    return found


def _groups(zeile: Zeile) -> int:
    """How many groups the head names, each closed by a total word with at least two words before it since the
    last one; 0 where the line is no such head (it holds figures besides years, or a tab)."""
    text = zeile.text
    if "\t" in text or "|" in text or any(z.einheit or not re.fullmatch(r"\d{4}", z.text) for z in zeile.zahlen):
        return 0
    totals = list(_TOTAL.finditer(text))
    if not 2 <= len(totals) <= _MAX_GROUPS:
        return 0
    start = 0
    for total in totals:
        if len(_WORD.findall(text[start : total.start()])) < 2:
            return 0
        start = total.end()
    return len(totals)


def _rows(zeilen: list[Zeile], head: int, groups: int) -> list[tuple[Zeile, list[Zahl]]]:
    """The rows under the head: words, then only figures, as many as a whole number of columns per group."""
    rows: list[tuple[Zeile, list[Zahl]]] = []
    last = head
    for index in range(head + 1, min(len(zeilen), head + 1 + _MAX_ROWS * (_MAX_GAP + 1))):
        zeile = zeilen[index]
        if not zeile.text.strip():
            if index - last > _MAX_GAP:
                break
            continue
        figures = zeile.zahlen
        count = len(figures)
        if (
            count < 3 * groups
            or count % groups
            or not _WORD.match(zeile.text.strip())
            or zeile.text[figures[-1].ende :].strip()
            or not re.fullmatch(r"[\s\d.,+\-−]*", zeile.text[figures[0].start : figures[-1].ende])
            or len(rows) >= _MAX_ROWS
        ):
            break
        rows.append((zeile, figures))
        last = index
    return rows


def _group_sums(row: tuple[Zeile, list[Zahl]], groups: int) -> list[Rechnung]:
    zeile, figures = row
    size = len(figures) // groups
    readings = []
    for group in range(groups):
        cells = figures[group * size : (group + 1) * size]
        parts, total = cells[:-1], cells[-1]
        readings.append(
            Rechnung(
                _ART,
                "saldo",
                [Fund(zeile, z) for z in parts],
                Fund(zeile, total),
                written_sum(parts, [1] * len(parts), signed=True),
                betrag=False,
                vorzeichen=[1] * len(parts),
                typ="kopfgruppen",
            )
        )
    return readings
