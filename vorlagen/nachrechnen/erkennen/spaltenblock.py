"""A table a page stored column by column: first every label, then every amount, one a line, then the column of
explanations, and at the end „Summe“ and its amount („200.000 €“ … „68.900 €“ … „Summe“ / „677.900 €“, i04 of the
Zusatz). The total is the sum of the column of amounts above it.

Whether the column holds every part of the total the lines do not say (a page may set two columns of amounts one
after the other): the sum is only confirmed, a mismatch is „nicht eindeutig“. Each line is looked at a bounded
number of times."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, short_sum
from vorlagen.nachrechnen.lesen.zeile import Zeile

_TOTAL = re.compile(r"^\s*(?:Summe|Gesamt|Insgesamt|Gesamtsumme|Summe gesamt)\s*:?\s*$", re.IGNORECASE)
_MIN_CELLS = 3
_MAX_CELLS = 60
_WHY = "ob die Spalte darüber alle Teile der Summe nennt, sagt der Text nicht"


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    """Adds the sum of each column of amounts stored one a line whose total follows after the column's words."""
    taken = {r.ergebnis.key for r in prior}
    used = {f.key for r in prior if r.sicher for f in r.teile}
    found: list[Rechnung] = []
    index = 0
    while index < len(zeilen):
        cells, end = _column(zeilen, index)
        if len(cells) < _MIN_CELLS:
            index += 1
            continue
        total = _total_after(zeilen, end, len(cells))
        fits = all(Fund(line, z).key not in used for line, z in cells)
        if total is not None and fits and Fund(*total).key not in taken and _one_unit(cells, total[1]):
            found.append(_reading(cells, total))
        index = end
    return found


def _cell(zeile: Zeile) -> Zahl | None:
    """The line's amount where the line is that amount alone (with its unit)."""
    if len(zeile.zahlen) != 1:
        return None
    zahl = zeile.zahlen[0]
    alone = not zeile.text[: zahl.start].strip() and not zeile.text[zahl.ende :].strip()
    return zahl if alone and zahl.geld and zahl.wert >= 0 else None


def _column(zeilen: list[Zeile], index: int) -> tuple[list[tuple[Zeile, Zahl]], int]:
    """The amounts alone on their lines from `index` on, blank lines between passed over; and the index of the line
    after the last of them."""
    cells: list[tuple[Zeile, Zahl]] = []
    end = index
    for at in range(index, min(len(zeilen), index + 2 * _MAX_CELLS)):
        zeile = zeilen[at]
        if not zeile.text.strip():
            continue
        zahl = _cell(zeile)
        if zahl is None or len(cells) >= _MAX_CELLS:
            break
        cells.append((zeile, zahl))
        end = at + 1
    return cells, end


def _total_after(zeilen: list[Zeile], end: int, count: int) -> tuple[Zeile, Zahl] | None:
    """„Summe“ alone on its line and the amount alone on the next line with text, after at most as many lines of
    words (the column of explanations, its head) as the column has cells and three more; no amount between."""
    words = 0
    for index in range(end, min(len(zeilen), end + 2 * (count + 3))):
        zeile = zeilen[index]
        if not zeile.text.strip():
            continue
        if any(z.geld for z in zeile.zahlen):
            return None
        if _TOTAL.match(zeile.text):
            below = next((z for z in zeilen[index + 1 : index + 3] if z.text.strip()), None)
            zahl = _cell(below) if below is not None else None
            return (below, zahl) if below is not None and zahl is not None else None
        words += 1
        if words > count + 3:
            return None
    return None


def _one_unit(cells: list[tuple[Zeile, Zahl]], total: Zahl) -> bool:
    return len({(z.einheit, z.skala) for _, z in [*cells, (None, total)]}) == 1


def _reading(cells: list[tuple[Zeile, Zahl]], total: tuple[Zeile, Zahl]) -> Rechnung:
    values = [z for _, z in cells]
    shown = short_sum(values, [1] * len(values))
    return Rechnung(
        "Summe einer Spalte, die die Seite Zelle für Zelle untereinander speichert",
        "summe",
        [Fund(line, z) for line, z in cells],
        Fund(*total),
        shown,
        sicher=False,
        grund=_WHY,
        typ="spaltenblock",
    )
