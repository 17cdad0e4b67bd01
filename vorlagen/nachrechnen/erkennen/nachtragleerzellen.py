"""A Nachtrag table a page gives as running text, every cell closed by its unit: „der Gesamtbetrag der Erträge
1.001.400 EUR EUR 10.562.400 EUR 11.563.800 EUR“ under the head „erhöht um vermindert um … gegenüber bisher nunmehr
festgesetzt auf“. An empty cell keeps its „EUR“ – so the units count the columns and each figure's column is
certain: bisher + erhöht − vermindert = nunmehr, a row that does not hold is a slip. A figure glued to its unit by a
stray „_“ („1.001.400_EUR“) is read as well; a row whose units do not match the head's columns is left alone.

A row may name each cell's column itself, without a head: „Gesamtbetrag der Erträge erhöht um 6.487.500 € vermindert
um € gegenüber bisher 70.993.100 € nunmehr festgesetzt auf 77.480.600 €“ – the words before each cell say which it
is, as certain as a head. Read only where every amount of the line stands in such a cell."""

from __future__ import annotations

import re
from decimal import Decimal

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.erkennen.nachtrag import cell_role, column_roles
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, parse_number, written_sum
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.woerter import NACHTRAG_ROLE, NEXT_PARAGRAPH

_HEAD_LINES = 3
_ROWS = 30
# a cell: a figure or nothing, closed by its unit
_CELL = re.compile(r"(?:(?P<minus>[-−]\s?)?(?P<zahl>\d{1,3}(?:\.\d{3})*(?:,\d\d)?)[ _\u00a0]?)?(?P<unit>EUR|€)(?=\s|$)")
_GAP = re.compile(r"\s*")
# a cell that names its column: the role's words, then the same cell as in a table under a head
_LABELLED = re.compile(
    r"(?P<rolle>(?i:erhöht\s+um|vermindert\s+um|verändert\s+um|(?:gegenüber\s+)?bisher|"
    r"(?:nunmehr\s+)?fest\w*\s+auf|nunmehr))\s+" + _CELL.pattern
)


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    found: list[Rechnung] = []
    index = 0
    while index < len(zeilen):
        roles, start = _head(zeilen, index)
        if roles is None:
            index += 1
            continue
        for zeile in zeilen[start : start + _ROWS]:
            if NEXT_PARAGRAPH.match(zeile.text):
                break
            reading = _reading(zeile, roles)
            if reading:
                found.append(reading)
        index = start
    read = {r.ergebnis.zeile.nr for r in (*prior, *found) if r.sicher or r.grund}  # a mere guess claims nothing
    return found + [r for zeile in zeilen if zeile.nr not in read and (r := _labelled(zeile)) is not None]


def _head(zeilen: list[Zeile], index: int) -> tuple[list[str] | None, int]:
    """The columns a head of running text names in order, and the line after it."""
    if zeilen[index].zellen or zeilen[index].zahlen or not NACHTRAG_ROLE.search(zeilen[index].text):
        return None, index
    texts: list[str] = []
    at = index
    while (
        at < min(len(zeilen), index + _HEAD_LINES) and not zeilen[at].zahlen and NACHTRAG_ROLE.search(zeilen[at].text)
    ):
        texts.append(zeilen[at].text)
        at += 1
    roles = column_roles(texts)
    if roles is None:
        return None, index
    return roles, at


def _cells(zeile: Zeile, count: int) -> list[Zahl | None] | None:
    """The row's cells from its end: `count` figures-or-nothing, each closed by its unit, nothing else between."""
    text = zeile.text.rstrip()
    matches = list(_CELL.finditer(text))
    if len(matches) < count:
        return None
    tail = matches[-count:]
    if tail[-1].end() != len(text) or any(
        _GAP.fullmatch(text[a.end() : b.start()]) is None for a, b in zip(tail, tail[1:])
    ):
        return None
    if tail[0].start() == 0 or not re.search(r"[A-Za-zÄÖÜäöüß]", text[: tail[0].start()]):
        return None  # no label before the cells
    return [_zahl(zeile, m) if m["zahl"] else None for m in tail]


def _zahl(zeile: Zeile, match: re.Match[str]) -> Zahl:
    """The figure the number reader found there, or – glued to its unit by a stray „_“ – the figure as typed."""
    start = match.start("minus") if match["minus"] else match.start("zahl")
    for zahl in zeile.zahlen:
        if zahl.start <= match.start("zahl") < zahl.ende:
            return zahl
    value = parse_number(match["zahl"]) * (-1 if match["minus"] else 1)
    return Zahl(
        wert=value,
        text=match.group(0),
        einheit="€",
        schritt=Decimal("0.01") if "," in match["zahl"] else Decimal(1),
        skala=Decimal(1),
        start=start,
        ende=match.end("unit"),
        tiefe=0,
        minus=bool(match["minus"]),
    )


def _labelled(zeile: Zeile) -> Rechnung | None:
    """A row whose words name each cell's column; None where a column is named twice, one is missing or an amount
    of the line stands outside the cells."""
    matches = list(_LABELLED.finditer(zeile.text))
    named = [cell_role(m["rolle"]) for m in matches]
    roles = [r for r in named if r is not None]
    if len(roles) != len(matches) or len(set(roles)) != len(roles) or not {"alt", "neu"} <= set(roles):
        return None
    cells = [_zahl(zeile, m) if m["zahl"] else None for m in matches]
    if any(z.geld and z not in cells for z in zeile.zahlen):
        return None
    return _columns(zeile, dict(zip(roles, cells, strict=True)))


def _reading(zeile: Zeile, roles: list[str]) -> Rechnung | None:
    cells = _cells(zeile, len(roles))
    if cells is None:
        return None
    return _columns(zeile, dict(zip(roles, cells, strict=True)))


def _columns(zeile: Zeile, columns: dict[str, Zahl | None]) -> Rechnung | None:
    """bisher + the changes = nunmehr, where bisher, nunmehr and a change are filled."""
    alt, neu = columns["alt"], columns["neu"]
    changes = [(r, columns[r]) for r in ("delta", "plus", "minus") if r in columns and columns[r] is not None]
    if alt is None or neu is None or not changes:
        return None
    parts = [alt] + [z for _, z in changes if z is not None]
    signs = [1] + [-1 if r == "minus" else 1 for r, _ in changes]
    return Rechnung(
        "Nachtrag: bisher und Veränderung, nunmehr festgesetzt",
        "saldo",
        [Fund(zeile, z) for z in parts],
        Fund(zeile, neu),
        written_sum(parts, signs, signed=True),
        betrag=False,
        vorzeichen=signs,
        sicher=True,
        rang=3,
        typ="nachtrag",
    )
