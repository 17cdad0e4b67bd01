"""Tables whose header names the relation: „davon …“ columns (parts of the column before) and a last column „Gesamt“."""

from __future__ import annotations

import re

from vorlagen.review.nachrechnen.bloecke import Reihe
from vorlagen.review.nachrechnen.rechnung import Fund, Rechnung
from vorlagen.review.nachrechnen.zahlen import Zahl

_DAVON = re.compile(r"\bdavon\b", re.IGNORECASE)
_TOTAL_LAST = re.compile(r"(?:^|\s)(?:Gesamt|Summe|Insgesamt|Gesamtbetrag|Gesamtsumme)\s*$", re.IGNORECASE)
_MAX_GAP = 3  # label lines a flattened table may wrap between two rows of figures


def recognise(reihen: list[Reihe], found: list[Rechnung]) -> None:
    """Adds the row checks of every table introduced by such a header."""
    for index, head in enumerate(reihen):
        parts, row_total = _header(head)
        if parts or row_total:
            _rows(reihen[index + 1:], parts, row_total, found)


def _header(reihe: Reihe) -> tuple[int, bool]:
    """How many „davon“ columns the line announces, and whether its last column is a row total."""
    text = reihe.zeile.text.strip()
    if reihe.werte or not text or len(text) > 160 or text.endswith((".", ":", ";")):
        return 0, False
    parts = len(_DAVON.findall(text))
    before_davon = _DAVON.split(text, 1)[0] if parts else text
    return parts, bool(_TOTAL_LAST.search(before_davon.strip()))


def _rows(below: list[Reihe], parts: int, row_total: bool, found: list[Rechnung]) -> None:
    gap, width = 0, None
    for reihe in below:
        values = [z for z in reihe.werte if z.einheit]  # a wrapped label ("3,5 VZÄ …") is no row of figures
        if not reihe.zeile.text.strip() or any(_header(reihe)):
            return
        if not values:
            gap += 1
            if gap > _MAX_GAP:
                return
            continue
        gap, width = 0, width or len(values)
        if len({z.einheit for z in values}) != 1 or len(values) < parts + 1 or (row_total and len(values) != width):
            return
        whole = len(values) - parts - 1
        if parts:
            _add(reihe, values[whole + 1:], values[whole], "„davon“-Spalten ergeben die Spalte davor", found)
        if row_total and whole >= 2:
            _add(reihe, values[:whole], values[whole], "Spalte „Gesamt“ als Summe der Zeile", found)


def _add(reihe: Reihe, members: list[Zahl], result: Zahl, art: str, found: list[Rechnung]) -> None:
    shown = " + ".join(z.zeige(abs(z.wert)) for z in members)
    found.append(Rechnung(art, "summe", [Fund(reihe.zeile, z) for z in members], Fund(reihe.zeile, result), shown,
                          betrag=False, vorzeichen=[-1 if z.wert < 0 else 1 for z in members]))
