"""Tables whose header names the relation: „davon …“ or year columns (parts of a Betrag), and a last column „Gesamt“
(the sums of its rows: zeilensumme.py)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.aufbau.reihe import NULL, WERT, Reihe
from vorlagen.nachrechnen.erkennen import zeilensumme
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl
from vorlagen.nachrechnen.woerter import (
    AMOUNT_COLUMN,
    COUNT_COLUMN,
    COUNT_HEAD,
    MONEY_COLUMN,
    TOTAL_COLUMN_LAST,
    UNIT_PRICE_HEAD,
)

_DAVON = re.compile(r"\b(?:davon|von Summe)\b", re.IGNORECASE)  # „von Summe konsumtiv“: a part of the Summe before
_YEARS_LAST = re.compile(r"(?:\b(?:19|20)\d\d\s*){2,}$")
_MAX_GAP = 3  # label lines a flattened table may wrap between two rows of figures


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    """Adds the row checks of every table introduced by such a header."""
    found: list[Rechnung] = []
    for index, head in enumerate(reihen):
        parts, row_total, years = _header(head)
        below = (reihen[i] for i in range(_first_row(reihen, index), len(reihen)))
        if parts:
            _rows(below, parts, row_total, years, found)
        elif row_total:
            found += zeilensumme.recognise(head, below, _ends_table)
    return found


def _first_row(reihen: list[Reihe], head: int) -> int:
    """The line after the head – past the rule under the head of a Markdown table („|---|---|“, read as an empty
    line), which does not end the table it heads."""
    after = head + 1
    if reihen[head].zeile.zellen and after < len(reihen) - 1 and not reihen[after].zeile.text.strip():
        return after + 1 if reihen[after + 1].zeile.zellen else after
    return after


def _ends_table(reihe: Reihe) -> bool:
    """A blank line, or the header of the next table."""
    if not reihe.zeile.text.strip() or any(_header(reihe)):
        return True
    return not reihe.werte and not reihe.eintraege and reihe.zeile.text.count("\t") >= 2  # „– | derzeit unklar“: a row


def _header(reihe: Reihe) -> tuple[int, bool, bool]:
    """How many part columns the line announces („davon …“, or years after a Betrag), and whether its last
    column is a row total."""
    text = reihe.zeile.text.strip()
    if reihe.werte or not text or len(text) > 160 or text.endswith((".", ":", ";")):
        return 0, False, False
    parts = len(_DAVON.findall(text))
    if parts:
        return parts, bool(TOTAL_COLUMN_LAST.search(_DAVON.split(text, 1)[0].strip())), False
    years = _YEARS_LAST.search(text)
    if years and AMOUNT_COLUMN.search(text[: years.start()]):
        return len(years[0].split()), False, True
    # „Menge | Einzelpreis | Gesamt“ is a product (mengenpreis); „Schülerzahl | Sachkosten | … | Gesamt in €“ adds
    # no count to the money
    product = UNIT_PRICE_HEAD.search(text) or COUNT_HEAD.search(text)
    product = product or COUNT_COLUMN.search(text) and MONEY_COLUMN.search(text)
    return 0, bool(TOTAL_COLUMN_LAST.search(text)) and not product, False


def _rows(below: Iterable[Reihe], parts: int, row_total: bool, years: bool, found: list[Rechnung]) -> None:
    gap, width = 0, None
    for reihe in below:
        cells = _cells(reihe, years, row_total)
        if _ends_table(reihe):
            return
        values = [z for z in cells if z is not None]
        if not values or years and len(cells) < parts + 1:  # a wrapped label, or "davon förderfähig 2.052.000 €"
            gap += 1
            if gap > _MAX_GAP:
                return
            continue
        gap, width = 0, width or len(cells)
        if len({z.einheit for z in values}) != 1 or len(cells) < parts + 1 or (row_total and len(cells) != width):
            return
        whole = len(cells) - parts - 1
        result = cells[whole]
        if result is None:
            continue  # „–“ where the whole would stand: nothing to check
        if years:
            _add(reihe, cells[whole + 1 :], result, "Jahresspalten ergeben den Betrag", found, "jahresspalten")
        elif parts:
            _add(reihe, cells[whole + 1 :], result, "„davon“-Spalten ergeben die Spalte davor", found, "davon_spalten")
        if row_total and whole >= 2:
            _add(reihe, cells[:whole], result, "Spalte „Gesamt“ als Summe der Zeile", found, "zeilensumme")


def _cells(reihe: Reihe, years: bool, row_total: bool) -> list[Zahl | None]:
    """The row's places in the table's columns: a figure of the kind the table sums, or None for a dash („–“: an
    empty cell keeps its column); figures of another kind are no places."""
    cells: list[Zahl | None] = []
    for place in reihe.eintraege:
        if place.art == NULL:
            cells.append(None)
        elif place.art == WERT and len(place.zahlen) == 1:
            z = place.zahlen[0]
            if z.einheit == "€" if years else z.einheit or row_total and _amount(z):
                cells.append(z)
    return cells


def _amount(zahl: Zahl) -> bool:
    """A figure typed as an amount without a unit: with cents („70.803,89“) or grouped thousands („2.919.885“)."""
    return zahl.stellen > 0 or "." in zahl.text


def _add(reihe: Reihe, places: list[Zahl | None], result: Zahl, art: str, found: list[Rechnung], typ: str) -> None:
    members = [z for z in places if z is not None]
    if not members:
        return
    shown = " + ".join(z.betrag() for z in members)
    found.append(
        Rechnung(
            art,
            "summe",
            [reihe.fund(z) for z in members],
            reihe.fund(result),
            shown,
            betrag=False,
            vorzeichen=[-1 if z.wert < 0 else 1 for z in members],
            typ=typ,
        )
    )


def bracketed_totals(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    """`3. Konversion von Militärflächen (848.000 €)<Tab>576.000<Tab>96.000<Tab>96.000<Tab>80.000`: the amount in
    the row's label and the plain figures of its cells. Only confirmed: the cells may hold something else."""
    found: list[Rechnung] = []
    for reihe in reihen:
        inner = [z for z in reihe.zeile.zahlen if z.tiefe == 1 and z.einheit == "€"]
        cells = [z for z in reihe.werte if not z.einheit and z.start > (inner[0].ende if inner else 0)]
        if len(inner) != 1 or len(cells) < 2 or "\t" not in reihe.zeile.text[inner[0].ende :]:
            continue
        found.append(
            Rechnung(
                "Betrag in der Beschriftung als Summe der Zeile",
                "summe",
                [reihe.fund(z) for z in cells],
                reihe.fund(inner[0]),
                " + ".join(z.betrag() for z in cells),
                betrag=False,
                vorzeichen=[1] * len(cells),
                sicher=False,
                typ="zeilensumme",
            )
        )
    return found
