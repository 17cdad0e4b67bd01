"""An amount that announces the lines below it as its parts: „Der Jahresgewinn von 606.529,83 EURO wird so
verwendet:“ or „… werden Sachmittel in Höhe von 85.000 EUR beantragt:“ and the lines after it with their amounts;
„Bilanzsumme | 9.904.625,37“, then „davon entfallen auf der Aktivseite auf“ and the rows of that side (a row
„darunter …“ is a part of the row above it, not of the total).

A split said to be complete („verwendet“, „verteilt“, „entfallen auf“) that does not add up is a slip; otherwise the
lines may name only some parts, and a mismatch is „nicht eindeutig“."""

from __future__ import annotations

import re
from decimal import Decimal

from vorlagen.nachrechnen.aufbau.gesamtzeile import MAX_LISTE
from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.aufbau.reihe import Reihe
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, short_sum, year_heads
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.woerter import OPENS_TOTAL

_COMPLETE = re.compile(r"\b(?:verwendet|verteilt|aufgeteilt|entfallen|entfällt|aufgeschlüsselt|zusammen)\b")
_DAVON = re.compile(r"\b(?:davon|hiervon)\b.*\b(?:entfallen|entfällt)\b.*\bauf\s*:?\s*$|\bdavon\s*:\s*$", re.I)
_PART_OF_PART = re.compile(r"^\W*(?:darunter|davon)\b", re.IGNORECASE)
_NEW_POINT = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?\s|[A-Z]\)|[IVX]+\.\s)")
_NUMBER = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2})*)\b")
_SECOND_END = "wo die Zeilen der zweiten Seite enden, sagt der Text nicht"
_SIDE = re.compile(r"\b(?:Aktiv|Passiv)seite\b", re.IGNORECASE)  # a side of a Bilanz: one of two splits of its total
_EMPTY_ROW = re.compile(r"[\s|]+")  # a row a page stored empty: bars only
_ITEM_CELL = re.compile(r"^\s*[-–•]\t")  # a row whose first cell is the list's dash
_MAX_BACK = 30  # lines above a „davon“ line searched for the amount it splits


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    found: list[Rechnung] = []
    taken = {r.ergebnis.key for r in prior}
    read_before = frozenset(taken)
    for index, head in enumerate(reihen):
        text = head.zeile.text.strip()
        if _DAVON.search(_label(head)) and not _money(head.zeile):
            total = _split_total(reihen, index)
            if total is None:
                continue
            rows, key = _rows(reihen, index, cells=True), Fund(*total).key
            side = bool(_SIDE.search(_label(head)))
            if side and key in taken and key not in read_before:  # the second side of a Bilanz
                _add(found, taken - {key}, total, _second_side(rows, total[1]), False, davon=True, why=_SECOND_END)
            else:
                _add(found, taken, total, rows, complete=True, davon=True, side=side)
        elif text.endswith(":") and len(_money(head.zeile)) == 1:
            _add(found, taken, (head.zeile, _money(head.zeile)[0]), _rows(reihen, index), bool(_COMPLETE.search(text)))
    return found


def _label(reihe: Reihe) -> str:
    return " ".join(cell for cell in reihe.zeile.text.split("\t") if not re.fullmatch(r"\s*[\d.]*\s*", cell))


def _money(zeile: Zeile) -> list[Zahl]:
    heads = year_heads(zeile.zahlen)
    return [z for z in zeile.zahlen if (z.einheit == "€" or not z.einheit and z.stellen == 2) and z not in heads]


def _rows(reihen: list[Reihe], index: int, cells: bool = False) -> list[tuple[Zeile, Zahl]]:
    """The amounts of the lines below, until a blank line, a new numbered point or a line without an amount. Under a
    „davon … auf“ in cells, the empty rows a page stores as „|“ are passed over, and so is an item of the list
    without an amount („- | die Anteile an verbundenen Unternehmen |“: nothing on that side)."""
    parts = []
    for reihe in reihen[index + 1 : index + 1 + MAX_LISTE]:
        text = reihe.zeile.text
        if cells and _EMPTY_ROW.fullmatch(text):
            continue
        if not text.strip() or _NEW_POINT.match(text) or _DAVON.search(_label(reihe)) or OPENS_TOTAL.match(text):
            break  # „Zusammen: 52.103 EGW, Umlage insgesamt 1.605.330,00 €.“ under the list: the total again
        money = _money(reihe.zeile)
        if not money and cells and _ITEM_CELL.match(text):
            continue
        if not money:
            break
        if _PART_OF_PART.match(_label(reihe).lstrip("- ")):
            continue
        if cells and len(money) != 1:
            break
        parts += [(reihe.zeile, z) for z in money]
    return parts


def _split_total(reihen: list[Reihe], index: int) -> tuple[Zeile, Zahl] | None:
    """The amount a „davon … auf“ line splits: the line of the number it belongs to („1.1.2“ → „1.1“), or the
    nearest line above with one amount that is no part of another split."""
    number = _NUMBER.match(reihen[index].zeile.text)
    parent = number[1].rsplit(".", 1)[0] if number and "." in number[1] else None
    above = _side_above(reihen, index)
    if above is not None:  # „b) Davon entfallen auf der Passivseite“ under the rows of the Aktivseite
        return _split_total(reihen, above)
    for reihe in reversed(reihen[max(0, index - _MAX_BACK) : index]):
        money = _money(reihe.zeile)
        own = _NUMBER.match(reihe.zeile.text)
        if parent is not None and own and own[1] == parent and len(money) == 1:
            return reihe.zeile, money[0]
        if parent is None and len(money) == 1 and not re.match(r"^\W*-", reihe.zeile.text):
            return reihe.zeile, money[0]
    return None


def _side_above(reihen: list[Reihe], index: int) -> int | None:
    """The „davon“ line whose rows (one amount each) run up to this one: a second side of the same total."""
    for back in range(index - 1, max(-1, index - 1 - MAX_LISTE), -1):
        reihe = reihen[back]
        if _DAVON.search(_label(reihe)) and not _money(reihe.zeile):
            return back if back < index - 1 else None
        if len(_money(reihe.zeile)) != 1 or not reihe.zeile.text.strip():
            return None
    return None


def _second_side(rows: list[tuple[Zeile, Zahl]], total: Zahl) -> list[tuple[Zeile, Zahl]]:
    """The rows of a Bilanz's second side: nothing marks where they end (rows after the Bilanz may follow), so the
    longest run from the first row that gives the total, else all of them."""
    for end in range(len(rows), 1, -1):
        if sum((abs(z.wert) for _, z in rows[:end]), Decimal(0)) == abs(total.wert):
            return rows[:end]
    return rows


def _add(
    found: list[Rechnung],
    taken: set[tuple[int, int, int]],
    total: tuple[Zeile, Zahl],
    parts: list[tuple[Zeile, Zahl]],
    complete: bool,
    davon: bool = False,
    side: bool = False,
    why: str = "",
) -> None:
    zeile, amount = total
    if len(parts) < 2 or Fund(zeile, amount).key in taken:  # a split of a Fördersumme is read already
        return
    lines = [line.nr for line, _ in parts]
    firsts = [(line, z) for i, (line, z) in enumerate(parts) if i == 0 or lines[i - 1] != line.nr]
    if len(firsts) >= 2 and len(firsts) < len(parts):  # lines with several amounts: all, or each line's first
        why = "eine Zeile nennt mehrere Beträge; ob alle oder nur der erste ein Teil sind, sagt der Text nicht"
        for reading in (parts, firsts):
            found.append(_reading(total, reading, False, why, davon, side))
    else:
        found.append(_reading(total, parts, complete, why, davon, side))
    taken.add(Fund(zeile, amount).key)


def _reading(
    total: tuple[Zeile, Zahl], parts: list[tuple[Zeile, Zahl]], complete: bool, why: str, davon: bool, side: bool
) -> Rechnung:
    zeile, amount = total
    signs = [1] * len(parts)
    values = [z for _, z in parts]
    shown = short_sum(values, signs)
    return Rechnung(
        "Aufteilung „davon entfallen auf …“ in den Zeilen darunter"
        if davon
        else "genannter Betrag und seine Teile in den Zeilen darunter",
        "summe",
        [Fund(line, z) for line, z in parts],
        Fund(zeile, amount),
        shown,
        vorzeichen=signs,
        sicher=complete,
        grund=why or ("" if complete else "ob die Zeilen darunter alle Teile nennen, sagt der Text nicht"),
        rang=2,
        typ="verteilung",
        selbst=side,  # the other side of a Bilanz may confirm the total: a side that does not add up stays a slip
    )
