"""A table by the Produktbereiche of the kommunale Doppik (Personal, Aufwand or Ansätze by Produktbereich; d07 of the
Zusatz): the row of a Hauptproduktbereich („1 Zentrale Verwaltung“) and right under it the rows of its
Produktbereiche („11 Innere Verwaltung“, „12 Sicherheit und Ordnung“, or a range „21 - 24 Schulträgeraufgaben“) –
each column of the main row is the sum of the same column of the rows under it; a row „Insgesamt“ right above the
first main row or right under the table's last row is the sum of the main rows.

Read only where the table is typed in cells and the rows show it, column by column: two of the column's sums at least
hold, one at most does not – that one is a slip where three hold, else „nicht eindeutig“. Figures typed rounded
(whole VZÄ in a table of many, amounts in Tsd. or Mio. €: vorlagen/nachrechnen/aufbau/gerundet.py) hold within half
their last place each. A column of rates (headed in percent, or whose sums do not hold) is never read as sums. The
figures are added as typed, with their signs. Each row is looked at once: linear in the table's size."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from vorlagen.nachrechnen.aufbau import gerundet
from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.aufbau.reihe import WERT, Reihe
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl
from vorlagen.nachrechnen.woerter import PERCENT_WORD, TOTAL_ROW_START

_NUMBER = re.compile(r"(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?\s+[A-ZÄÖÜ]")
_MIN_CHILDREN = 2
_MIN_HOLD, _SURE_HOLD = 2, 3
_MAX_ROWS = 200  # rows of one table
_HEAD_LINES = 4  # lines above the table looked at for a head naming a column in percent
_TOTAL = "Summe der Hauptproduktbereiche"
_UNSURE = "die Spalte ist aus den übrigen Summen der Tabelle erschlossen"


@dataclass(frozen=True)
class _Row:
    reihe: Reihe
    first: int  # „11“, or the first of a range „21 - 24“
    last: int
    values: dict[int, Zahl]  # by cell


@dataclass(frozen=True)
class _Sum:
    result: _Row
    parts: tuple[_Row, ...]
    art: str


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    vzae = gerundet.counts_in_vzae(reihe.zeile.text for reihe in reihen)
    found: list[Rechnung] = []
    index = 0
    while index < len(reihen):
        rows, end = _table(reihen, index)
        if rows:
            head = [reihe.zeile.text for reihe in reihen[max(0, index - _HEAD_LINES) : index]]
            total = _total(reihen, index - 1) or _total(reihen, end)
            found += _read(rows, total, head, vzae, taken)
        index = max(end, index + 1)
    return found


def _numbered(reihe: Reihe) -> _Row | None:
    """A row typed in cells whose text before its first figure opens with a Produktbereich's number."""
    values = _values(reihe)
    match = _NUMBER.match(_label(reihe, values)) if values else None
    if match is None:
        return None
    first = int(match[1])
    last = int(match[2]) if match[2] else first
    return _Row(reihe, first, last, values) if first <= last else None


def _values(reihe: Reihe) -> dict[int, Zahl]:
    if not reihe.zeile.zellen:
        return {}
    return {
        e.spalte[1]: e.zahlen[0]
        for e in reihe.eintraege
        if e.art == WERT and len(e.zahlen) == 1 and e.spalte and e.spalte[0] == "zelle"
    }


def _table(reihen: list[Reihe], index: int) -> tuple[list[_Row], int]:
    """The numbered rows from line `index` on, one after another, and the index after them."""
    rows: list[_Row] = []
    while index < len(reihen) and len(rows) < _MAX_ROWS:
        row = _numbered(reihen[index])
        if row is None:
            break
        rows.append(row)
        index += 1
    return rows, index


def _total(reihen: list[Reihe], index: int) -> _Row | None:
    if not 0 <= index < len(reihen):
        return None
    reihe = reihen[index]
    values = _values(reihe)
    return _Row(reihe, 0, 0, values) if values and TOTAL_ROW_START.match(_label(reihe, values)) else None


def _label(reihe: Reihe, values: dict[int, Zahl]) -> str:
    """The text of the cells before the row's first figure."""
    cells = reihe.zeile.text.split("\t")
    return " ".join(cell.strip() for cell in cells[: min(values)] if cell.strip())


def _sums(rows: list[_Row], total: _Row | None) -> list[_Sum]:
    """Each main row with the rows of its Produktbereiche under it; the total with the main rows."""
    sums: list[_Sum] = []
    mains: list[_Row] = []
    for at, row in enumerate(rows):
        if row.first != row.last or row.first >= 10:
            continue
        mains.append(row)
        children: list[_Row] = []
        for child in rows[at + 1 :]:
            if child.first // 10 != row.first or child.last // 10 != row.first:
                break
            if children and child.first <= children[-1].last:
                break  # the numbers go up, one range after another
            children.append(child)
        if len(children) >= _MIN_CHILDREN:
            sums.append(_Sum(row, tuple(children), "Summe der Produktbereiche darunter"))
    if total is not None and len(mains) >= _MIN_CHILDREN:
        sums.append(_Sum(total, tuple(mains), _TOTAL))
    return sums


def _read(rows: list[_Row], total: _Row | None, head: list[str], vzae: bool, taken: set) -> list[Rechnung]:
    sums = _sums(rows, total)
    if not sums:
        return []
    table = [*rows, *([total] if total else [])]
    found: list[Rechnung] = []
    for column in sorted(set().union(*(s.result.values for s in sums))):
        figures = [row.values[column] for row in table if column in row.values]
        if all(z.einheit != "%" for z in figures) and not _in_percent(head, column):
            found += _column(sums, column, _rundung(figures, vzae, head), taken)
    return found


def _in_percent(head: list[str], column: int) -> bool:
    return any(column < len(cells) and PERCENT_WORD.search(cells[column]) for cells in (h.split("\t") for h in head))


def _rundung(figures: list[Zahl], vzae: bool, head: list[str]) -> str:
    """The reason a column's figures are typed rounded, or "" where they are exact: whole VZÄ where the column
    counts 100 or more in a row (then every whole figure of it is rounded: a change of 2 VZÄ as much as a total)."""
    if vzae and gerundet.whole(*figures) and max(abs(z.wert) for z in figures) >= gerundet.AGGREGATE:
        return gerundet.GRUND_VZAE
    return gerundet.GRUND_SCALED if gerundet.scaled(head) else ""


def _follows(readings: list[tuple[_Sum, list[Zahl], Zahl, bool, Decimal]]) -> int:
    """1 where the total misses only because one main row does: with that row as its Produktbereiche give it, the
    total holds (a slip in a main row shows twice – in its own sum and in the total's)."""
    misses = [(s, figures, result, allowance) for s, figures, result, ok, allowance in readings if not ok]
    if len(misses) != 2 or misses[1][0].art != _TOTAL:
        return 0
    (main, main_figures, main_result, _), (_, total_figures, total_result, allowance) = misses
    if not any(z is main_result for z in total_figures):
        return 0
    mended = sum((z.wert for z in total_figures), Decimal(0)) - main_result.wert + sum(z.wert for z in main_figures)
    return 1 if abs(mended - total_result.wert) <= allowance else 0


def _column(sums: list[_Sum], column: int, rundung: str, taken: set) -> list[Rechnung]:
    readings = []
    for s in sums:
        result = s.result.values.get(column)
        parts = [row.values.get(column) for row in s.parts]
        if result is None or any(p is None or p.einheit != result.einheit for p in parts):
            continue
        figures = [p for p in parts if p is not None]
        allowance = gerundet.sum_allowance(figures) if rundung else Decimal(0)
        exact = sum((p.wert for p in figures), Decimal(0))
        readings.append((s, figures, result, abs(exact - result.wert) <= allowance, allowance))
    holds = sum(1 for *_, ok, _ in readings if ok)
    if holds < _MIN_HOLD or len(readings) - holds - _follows(readings) > 1:
        return []
    sure = holds >= _SURE_HOLD
    found = []
    for s, figures, result, _, allowance in readings:
        fund = s.result.reihe.fund(result)
        if fund.key in taken:
            continue
        found.append(
            Rechnung(
                f"{s.art} (Spalte {column + 1})",
                "saldo",
                [row.reihe.fund(z) for row, z in zip(s.parts, figures, strict=True)],
                fund,
                " + ".join(z.zeige() if z.wert >= 0 else f"({z.zeige()})" for z in figures),
                betrag=False,
                vorzeichen=[1] * len(figures),
                sicher=sure,
                grund="" if sure else _UNSURE,
                typ="produktbereiche",
                toleranz=allowance,
                rundungsgrund=rundung or gerundet.GRUND_SCALED,
            )
        )
    return found
