"""A Nachtrag table a page stored column by column: under the head „erhöht um | vermindert um | gegenüber bisher |
nunmehr festgesetzt auf“ one row names all the items in its first cell („die Erträge die Aufwendungen der Saldo …“)
and each further cell holds all the figures of one column, one after another („1.460.760 2.061.532 - 600.772“);
cells that did not fit go on in the line below. The i-th figure of every column cell belongs to the i-th item: bisher
± Veränderung = nunmehr. A minus set apart by a space inside such a cell („- 600.772“) is the figure's sign.

Which column an empty „erhöht um“ or „vermindert um“ left out, the cells do not say: the reading under which all
items (or all but one) hold decides; a slip in one item of such a table is a FEHLER. Where the first cell names a
Saldo for every third item, each third figure of a column is the Saldo of the two before it."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from decimal import Decimal

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.erkennen.nachtrag import column_roles
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, written_sum
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.woerter import NACHTRAG_ROLE, NEXT_PARAGRAPH, STACK_SALDO

_HEAD_LINES = 4  # lines a head may take
_ROWS = 30  # lines of the table below its head
_SIGN = re.compile(r"(?:^|\s)[-−–]\s?$")
_FILLER = re.compile(r"[\s\-−–€]|EUR|Euro")
_LETTER = re.compile(r"[A-Za-zÄÖÜäöüß]")
_UNSURE = "welche der Spalten „erhöht um“ und „vermindert um“ die Tabelle leer lässt, sagt sie nicht"

Cell = list[Fund]  # the signed figures of one column cell, in order


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    found: list[Rechnung] = []
    for roles, label, cells in _groups(zeilen):
        found += _changes(roles, cells)
        found += _saldi(label, cells)
    return found


def _groups(zeilen: list[Zeile]) -> Iterator[tuple[list[str], str, list[Cell]]]:
    """Each group of column cells under a Nachtrag head: the head's roles, the items' label and the cells."""
    index = 0
    while index < len(zeilen):
        roles, start = _head(zeilen, index)
        if roles is None:
            index += 1
            continue
        label = ""
        cells: list[Cell] = []
        for zeile in zeilen[start : start + _ROWS]:
            if not zeile.zellen or NEXT_PARAGRAPH.match(zeile.text):
                break
            labels, figures = _cells(zeile)
            if labels:
                if cells:
                    yield roles, label, cells
                label, cells = " ".join(labels), []
            if label:
                cells += figures
        if cells:
            yield roles, label, cells
        index = start


def _head(zeilen: list[Zeile], index: int) -> tuple[list[str] | None, int]:
    """The columns a head names in order (a line without figures opens it), and the line after the head."""
    if not zeilen[index].zellen or zeilen[index].zahlen or not NACHTRAG_ROLE.search(zeilen[index].text):
        return None, index
    texts: list[str] = []
    at = index
    while at < min(len(zeilen), index + _HEAD_LINES) and zeilen[at].zellen and not zeilen[at].zahlen:
        texts.append(zeilen[at].text)
        at += 1
    roles = column_roles(texts)
    if roles is None:
        return None, index
    return roles, at


def _cells(zeile: Zeile) -> tuple[list[str], list[Cell]]:
    """The line's label cells (words, no figure) and its column cells (two figures or more and nothing else)."""
    labels: list[str] = []
    cells: list[Cell] = []
    start = 0
    for text in zeile.text.split("\t"):
        end = start + len(text)
        figures = [z for z in zeile.zahlen if start <= z.start < end]
        rest = text
        for zahl in reversed(figures):
            rest = rest[: zahl.start - start] + rest[zahl.ende - start :]
        if not figures and _LETTER.search(text):
            labels.append(text.strip())
        elif len(figures) >= 2 and not _FILLER.sub("", rest) and all(z.tiefe == 0 for z in figures):
            cells.append([Fund(zeile, _signed(zeile.text, start, figures, i)) for i in range(len(figures))])
        start = end + 1
    return labels, cells


def _signed(text: str, start: int, figures: list[Zahl], i: int) -> Zahl:
    """The i-th figure of a cell with its sign: a minus before it, set apart from the figure before, is its sign."""
    zahl = figures[i]
    before = text[(figures[i - 1].ende if i else start) : zahl.start]
    if zahl.wert > 0 and _SIGN.search(before):
        return dataclasses.replace(zahl, wert=-zahl.wert, minus=True)
    return zahl


def _assignments(roles: list[str], count: int) -> list[tuple[list[str], str]]:
    """The ways the cells fill the head's columns: all of them, or all but an empty „erhöht“ or „vermindert“."""
    if count == len(roles):
        return [(roles, "")]
    if count == len(roles) - 1 and {"plus", "minus"} <= set(roles):
        return [([r for r in roles if r != empty], _UNSURE) for empty in ("plus", "minus")]
    return []


def _item(cells: dict[str, Cell], i: int) -> tuple[list[Fund], list[int], Fund]:
    parts = [cells["alt"][i]] + [cells[r][i] for r in ("delta", "plus", "minus") if r in cells]
    signs = [1] + [-1 if r == "minus" else 1 for r in ("delta", "plus", "minus") if r in cells]
    return parts, signs, cells["neu"][i]


def _holds(parts: list[Fund], signs: list[int], result: Fund) -> bool:
    total = sum((p.zahl.wert if s > 0 else -abs(p.zahl.wert) for p, s in zip(parts, signs)), Decimal(0))
    return total == result.zahl.wert


def _changes(roles: list[str], cells: list[Cell]) -> list[Rechnung]:
    """Every item: bisher ± the change = nunmehr, under each way the cells fill the columns."""
    count = len(cells[0])
    if count < 2 or any(len(c) != count for c in cells):
        return []
    ways = []
    for kept, grund in _assignments(roles, len(cells)):
        columns = dict(zip(kept, cells, strict=True))
        items = [_item(columns, i) for i in range(count)]
        ways.append((items, grund, sum(_holds(*item) for item in items)))
    fitting = [w for w in ways if w[2] >= max(2, count - 1)]
    found = []
    for items, grund, _ in ways:
        sure = len(fitting) == 1 and fitting[0][0] is items
        reason = "" if sure else (grund if fitting else "")
        for parts, signs, result in items:
            found.append(
                _rechnung(
                    parts,
                    signs,
                    result,
                    sure,
                    reason,
                    "Nachtrag: bisher und Veränderung, nunmehr festgesetzt (Spalten gestapelt)",
                )
            )
    return found


def _saldi(label: str, cells: list[Cell]) -> list[Rechnung]:
    """Each third figure of a column cell is the Saldo of the two before, where the label names a Saldo for every
    third item; sure when all triples but one hold."""
    count = len(cells[0]) if cells else 0
    if count < 3 or count % 3 or len(STACK_SALDO.findall(label)) != count // 3 or any(len(c) != count for c in cells):
        return []
    triples = [(cell[i], cell[i + 1], cell[i + 2]) for cell in cells for i in range(0, count, 3)]
    holding = sum(_holds([a, b], [1, -1], c) for a, b, c in triples)
    sure = len(triples) >= 3 and holding >= len(triples) - 1
    return [
        _rechnung([a, b], [1, -1], c, sure, "", "Saldo der zwei Beträge davor (Spalten gestapelt)")
        for a, b, c in triples
    ]


def _rechnung(parts: list[Fund], signs: list[int], result: Fund, sure: bool, grund: str, art: str) -> Rechnung:
    return Rechnung(
        art,
        "saldo",
        parts,
        result,
        written_sum([p.zahl for p in parts], signs, signed=True),
        betrag=False,
        vorzeichen=signs,
        sicher=sure,
        grund=grund,
        rang=3,
        typ="nachtrag",
    )
