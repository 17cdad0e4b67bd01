"""A total in prose right after a numbered or bulleted list, each item with its amount: „1. SV Germania … (zuwendungs-
fähige Kosten 42.500,00 €, Fördersatz 30 %): 12.750,00 €“ … „6. DLRG …: 4.380,00 €“, then „Die zuwendungsfähigen
Kosten der sechs Vorhaben belaufen sich zusammen auf 243.920,00 €. Insgesamt werden damit Zuschüsse in Höhe von
87.626,00 € bewilligt.“ – a sentence that names a noun the items name right before one amount each („Kosten
42.500,00 €“) sums those; a sentence that names none sums the amount each item ends with.

Read only where it is one: two to _MAX_ITEMS lines one under the other, each opening with a number („1.“, „2)“) or
a bullet, each with one amount at its end right after „:“ or a dash (not „… von 650.000 EUR.“: a Beschluss's points
in running words) in one unit and scale; the paragraph right after them (a blank line between at most), itself no
item (an item of another shape: the list goes on); a sentence of it that says it sums („insgesamt“, „zusammen“, „in der Summe“,
„Summe“) with one amount and no other figure, and no word that names another quantity (what is left, an
average, a change against the Vorjahr, a yearly amount, the sum together with another amount); no item that is a
part of another („davon …“). Sure where the sentence points back („damit“, „somit“, „also“, „zusammen“) or names the
items' noun; else a guess that only confirms. Bounded: the items of a list, the sentences of one paragraph."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.erkennen.fliesstext import sentence_spans
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, short_sum
from vorlagen.nachrechnen.lesen.zeile import Zeile

_ITEM = re.compile(r"^\s*(?:\d{1,2}[.)]|[-–•*])\s+\S")
_ENDS = re.compile(r"[:–-]\s*$")  # right before an item's own amount at its end: a colon or a dash, no running words
_SUMS = re.compile(r"\b(?:[Ii]nsgesamt|[Zz]usammen|[Ii]n\s+der\s+Summe|[Ss]umme)\b")
# a sentence that names something else than the items' sum: what is left, an average, a change, a year's amount
# of monthly items, the sum together with another amount
_NO_SUM = re.compile(
    r"\b(?:verbleib\w*|übrig\w*|Rest\w*|[Dd]urchschnitt\w*|je|pro|über|unter|mehr|weniger|jährlich|monatlich|"
    r"Vorjahr\w*|gleicher\s+Höhe|mit\s+(?:dem|der|den)|zuzüglich|abzüglich|davon|darunter|Differenz|Anteil\w*)\b"
)
_PART_OF = re.compile(r"\b(?:davon|darunter)\b", re.IGNORECASE)
_POINTS_BACK = re.compile(r"\b(?:damit|somit|also|zusammen)\b")
_NOUN = re.compile(r"[A-ZÄÖÜ][a-zäöüß]{3,}")
_NEAR = 4  # characters between a noun and its amount in an item, at most (a space and a unit mark)
_MAX_ITEMS = 30


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    found: list[Rechnung] = []
    index = 0
    while index < len(zeilen):
        length = _run(zeilen, index)
        items = _items(zeilen[index : index + length])
        after = index + length
        after += 1 if after < len(zeilen) and not zeilen[after].text.strip() else 0
        if len(items) >= 2 and after < len(zeilen):
            found += [r for r in _totals(items, zeilen[after]) if r.ergebnis.key not in taken]
        index += max(length, 1)
    return found


def _run(zeilen: list[Zeile], start: int) -> int:
    """How many lines from `start` on open like items of a list, _MAX_ITEMS + 1 at most."""
    length = 0
    while start + length < len(zeilen) and length <= _MAX_ITEMS and _ITEM.match(zeilen[start + length].text):
        length += 1
    return length


def _items(lines: list[Zeile]) -> list[tuple[Zeile, Zahl]]:
    """The items of a whole list, each with the amount it ends with; none where one item has no such amount or is a
    part of another („2. davon zweckgebunden für die Jugendarbeit: 5.000,00 €“), or the units differ."""
    items: list[tuple[Zeile, Zahl]] = []
    for zeile in lines:
        money = [z for z in zeile.zahlen if z.geld and z.tiefe == 0]
        if not money or zeile.text[money[-1].ende :].strip(" .;") or not _ENDS.search(zeile.text[: money[-1].start]):
            return []
        if _PART_OF.search(zeile.text):
            return []
        items.append((zeile, money[-1]))
    units = {(z.einheit, z.skala) for _, z in items}
    return items if len(units) == 1 and len(items) <= _MAX_ITEMS else []


def _totals(items: list[tuple[Zeile, Zahl]], zeile: Zeile) -> list[Rechnung]:
    found = []
    for start, end in sentence_spans(zeile.text):
        figures = [z for z in zeile.zahlen if start <= z.start < end]
        money = [z for z in figures if z.geld and z.tiefe == 0]
        if len(money) != 1 or len(figures) != 1 or not _SUMS.search(zeile.text, start, end):
            continue  # „Das Land trägt davon insgesamt 60 %, also 210.000 €“: another figure, another calculation
        if _NO_SUM.search(zeile.text, start, end):
            continue
        total = money[0]
        named = _named_parts(items, zeile.text[start : total.start])
        parts = named or items
        if {(z.einheit, z.skala) for _, z in parts} != {(total.einheit, total.skala)}:
            continue
        sure = bool(named) or bool(_POINTS_BACK.search(zeile.text, start, end))
        found.append(_reading(parts, Fund(zeile, total), sure))
    return found


def _named_parts(items: list[tuple[Zeile, Zahl]], words: str) -> list[tuple[Zeile, Zahl]]:
    """The amount each item names right after a noun of the sentence („Kosten 42.500,00 €“) – one in every item."""
    for noun in _NOUN.findall(words):
        parts = []
        for zeile, _ in items:
            near = [
                z
                for z in zeile.zahlen
                if z.geld and re.search(rf"\b{re.escape(noun)}\s{{1,{_NEAR}}}$", zeile.text[: z.start])
            ]
            if len(near) != 1:
                break
            parts.append((zeile, near[0]))
        else:
            return parts
    return []


def _reading(parts: list[tuple[Zeile, Zahl]], total: Fund, sure: bool) -> Rechnung:
    zahlen = [z for _, z in parts]
    return Rechnung(
        "Summe der Liste darüber, die ein Satz nennt",
        "summe",
        [Fund(zeile, z) for zeile, z in parts],
        total,
        short_sum(zahlen, [1] * len(zahlen)),
        sicher=sure,
        rang=1,
        typ="listensumme",
    )
