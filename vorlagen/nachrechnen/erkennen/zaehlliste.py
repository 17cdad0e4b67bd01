"""A count that announces a list of its parts, each line opening with its own count: „Derzeit sind 476 Vollzeitstellen
besetzt. Diese verteilen sich auf die folgenden Bereiche:“, then „127 im Rathaus“, „190 in Kindertagesstätten“ … –
the list of a Stellenplan's or a staff report's heads (ankuendigung.py reads such a list of amounts in euros).

Said to be complete („verteilen sich“, „aufgeteilt“, „entfallen auf“), a list that misses the count is a slip; a list
merely announced („wie folgt:“) may name only some parts, and a mismatch is „nicht eindeutig“."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, written_sum
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.woerter import COUNT_NOUN

_ANNOUNCES = re.compile(r"\b(?:verteil\w*|aufgeteilt|entfallen|entfällt|wie folgt|folgende\w*)\b[^.;:]*:\s*$", re.I)
_COMPLETE = re.compile(r"\b(?:verteil\w*|aufgeteilt|entfallen|entfällt)\b", re.IGNORECASE)
# „.  127 im Rathaus“, „- 15 in Schulen“, „• 35 im Baubetriebshof“: an item opening with its count and a word
_ITEM = re.compile(r"^\W{0,4}?(\d{1,5}(?:,\d{1,2})?)\s+(?:[a-zäöüß]+\s+)?[A-Za-zÄÖÜäöüß]")
_YEAR = re.compile(r"(?:19|20)\d\d")
_MAX_ITEMS = 40
_GAP = 1  # blank lines passed over between the announcing line and its list


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    """Adds the sum of each announced list of counts."""
    taken = {r.ergebnis.key for r in prior}
    found: list[Rechnung] = []
    for index, zeile in enumerate(zeilen):
        if not _ANNOUNCES.search(zeile.text):
            continue
        total = _count(zeile)
        parts = _items(zeilen, index)
        if total is None or len(parts) < 2 or Fund(zeile, total).key in taken:
            continue
        if [z.wert for _, z in parts] == list(range(1, len(parts) + 1)):
            continue  # „1 Hauptamt“, „2 Bauamt“ …: the items' numbers, no counts
        complete = bool(_COMPLETE.search(zeile.text[total.ende :]))
        found.append(
            Rechnung(
                "genannte Zahl und ihre Teile in der Liste darunter",
                "summe",
                [Fund(line, z) for line, z in parts],
                Fund(zeile, total),
                written_sum([z for _, z in parts], [1] * len(parts)),
                sicher=complete,
                grund="" if complete else "ob die Liste darunter alle Teile nennt, sagt der Text nicht",
                typ="verteilung",
            )
        )
    return found


def _count(zeile: Zeile) -> Zahl | None:
    """The one count of the line: a figure without a unit, named by the noun after it („476 Vollzeitstellen“)."""
    counts = [
        z
        for z in zeile.zahlen
        if not z.einheit and z.tiefe == 0 and z.wert > 0 and COUNT_NOUN.match(zeile.text, z.ende)
    ]
    return counts[0] if len(counts) == 1 else None


def _items(zeilen: list[Zeile], index: int) -> list[tuple[Zeile, Zahl]]:
    """The list's lines: each opens with its count, which is the line's first figure; the list ends at the first line
    of another shape (a blank line only right after the announcing line)."""
    parts: list[tuple[Zeile, Zahl]] = []
    gap = 0
    for zeile in zeilen[index + 1 : index + 1 + _GAP + _MAX_ITEMS]:
        if not zeile.text.strip() and not parts and gap < _GAP:
            gap += 1
            continue
        item = _ITEM.match(zeile.text)
        first = zeile.zahlen[0] if zeile.zahlen else None
        if (
            item is None
            or first is None
            or first.einheit
            or first.start != item.start(1)
            or _YEAR.fullmatch(first.text)
        ):
            break  # „2024 rund 100 Stellen“ opens with a year, not with a count
        parts.append((zeile, first))
    return parts
