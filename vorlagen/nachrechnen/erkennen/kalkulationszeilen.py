"""The last rows of a Gebührenkalkulation in cells, each with its one figure under the others' column:
„gebührenfähige Kosten | … | 1.858.373,00“, „Maßstab Frischwasser in m³ | … | 599.700“, „Gebühr je m³ | | | 3,10“ –
the fee is the costs by the measure; „bisherige Gebühr je m³ | | | 2,91“, „Veränderung in % | | | +6,5“ – the change of
the fee in percent of the one before.

Read only where it is one. The fee: a row whose label says „je“/„pro“ a unit, right under a row whose label names a
measure or count („Maßstab“, „Menge“, „Anzahl“, „in m³“ …) and, right above that, a row of an amount in euros or of
costs – each with a figure in the fee's column. The change: a row whose label names a change in percent, right under
two rows of one figure each in its column whose labels name the same thing, one of them the one before („bisherige“,
„alt“, „Vorjahr“). Sure: the labels say what divides what. Bounded: each row looks at the two rows above it."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl
from vorlagen.nachrechnen.lesen.zeile import Zeile

_PER_UNIT = re.compile(
    r"\b(?:je|pro)\s+(?:m³|m3|m²|m2|kg|t|Einwohner\w*|EW|Platz|Stück|Grab\w*|Behälter\w*|Leerung\w*)"
)
_MEASURE = re.compile(r"\b(?:Maßstab\w*|Menge\w*|Anzahl|Einwohner\w*|in\s+(?:m³|m3|m²|m2|kg|t))\b")
_COSTS = re.compile(r"\b(?:\w*[Kk]osten|\w*[Bb]edarf|\w*[Aa]ufwand\w*)\b")
_CHANGE = re.compile(r"^\W*(?:Veränderung|Änderung|Steigerung|Erhöhung|Senkung|Anstieg|Rückgang)\b.*(?:%|Prozent)")
_BEFORE = re.compile(r"\b(?:bisherig\w*|alt\w*|Vorjahr\w*|bisher)\b", re.IGNORECASE)
_NOUN = re.compile(r"[A-ZÄÖÜ][a-zäöüß]{3,}")


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    found: list[Rechnung] = []
    rows = [(zeile, _label(zeile), zeile.zahlen_je_zelle) for zeile in zeilen if "\t" in zeile.text]
    for index in range(2, len(rows)):
        zeile, label, cells = rows[index]
        own = [(column, cell[0]) for column, cell in enumerate(cells) if cell]
        if len(own) != 1 or len(cells[own[0][0]]) != 1:
            continue
        column, result = own[0]
        first, second = _in(rows[index - 2], column), _in(rows[index - 1], column)
        if first is None or second is None or not _adjacent([first[0], second[0], zeile]):
            continue
        (upper, upper_label, a), (lower, lower_label, b) = first, second
        reading = None
        if _PER_UNIT.search(label) and _MEASURE.search(lower_label) and _COSTS.search(upper_label):
            reading = _fee(Fund(upper, a), Fund(lower, b), Fund(zeile, result))
        elif _CHANGE.search(label):
            reading = _change(upper_label, Fund(upper, a), lower_label, Fund(lower, b), Fund(zeile, result))
        if reading is not None and reading.ergebnis.key not in taken:
            found.append(reading)
    return found


def _label(zeile: Zeile) -> str:
    return zeile.text.split("\t", 1)[0]


def _in(row: tuple[Zeile, str, list[list[Zahl]]], column: int) -> tuple[Zeile, str, Zahl] | None:
    """The row's one figure in the column (none of a unit in percent)."""
    zeile, label, cells = row
    if column >= len(cells) or len(cells[column]) != 1 or cells[column][0].einheit == "%":
        return None
    return zeile, label, cells[column][0]


def _adjacent(rows: list[Zeile]) -> bool:
    """The three rows stand one right under the other."""
    return all(b.nr - a.nr == 1 and a.seite == b.seite for a, b in zip(rows, rows[1:]))


def _fee(costs: Fund, measure: Fund, fee: Fund) -> Rechnung:
    return Rechnung(
        "Gebühr je Einheit: die Kosten der Zeile darüber durch den Maßstab",
        "division",
        [costs, measure],
        fee,
        f"{costs.zahl.betrag()} / {measure.zahl.betrag()}",
        rang=2,
        typ="kalkulationszeilen",
    )


def _change(first_label: str, first: Fund, second_label: str, second: Fund, rate: Fund) -> Rechnung | None:
    """The change in percent of the row named as the one before, where both rows name the same thing."""
    firsts, seconds = set(_NOUN.findall(first_label)), set(_NOUN.findall(second_label))
    if not firsts & seconds or bool(_BEFORE.search(first_label)) == bool(_BEFORE.search(second_label)):
        return None
    old, new = (first, second) if _BEFORE.search(first_label) else (second, first)
    if old.zahl.wert <= 0:
        return None
    return Rechnung(
        "Veränderung in Prozent gegenüber der Zeile des bisherigen Werts",
        "steigerung",
        [old, new],
        rate,
        f"({new.zahl.betrag()} − {old.zahl.betrag()}) / {old.zahl.betrag()} x 100",
        betrag=False,
        rang=2,
        typ="veraenderung_prozent",
    )
