"""A column that is another one times the number of periods in a year, as the head above the rows says: „Kostenart |
monatlich | jährlich“ over „Kaltmiete | 3.480,00 € | 41.760,00 €“, „Rate gesamt/Monat | Jahresbetrag (x 12)“ –
in every row the yearly amount is 12 times the monthly one (4 times a quarter's, 2 times a half-year's; or the
factor the head types: „(x 12)“, „× 4“).

Read only where it is one: the head names the period and the year (or types the factor), the two columns are
amounts in euros right of each other, every row with figures other than 0 holds but one at most, two rows at least
hold, and no other column gives the yearly one in as many rows. A row that misses is a slip where three rows hold,
else „nicht eindeutig“ – so too a row whose label says it is otherwise („Jahressonderzahlung (einmal jährlich)“,
mengenpreis.REMARK). Each run is looked at for a bounded number of column pairs: linear in the document's length."""

from __future__ import annotations

import re
from decimal import Decimal
from itertools import combinations

from vorlagen.core.money import round_half_up
from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.aufbau.reihe import Reihe
from vorlagen.nachrechnen.aufbau.spaltenkopf import words_above
from vorlagen.nachrechnen.erkennen.mengenpreis import REMARK, row_words
from vorlagen.nachrechnen.erkennen.spaltenbeziehung import runs_at
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl

_TYPED = re.compile(r"(?:x|×|\*)\s*(\d{1,2})\b")
_YEAR = re.compile(r"jährlich|\bJahr|p\.\s?a\.", re.IGNORECASE)
_PERIODS = (
    (re.compile(r"monatlich|Monat", re.IGNORECASE), 12),
    (re.compile(r"vierteljährlich|Quartal", re.IGNORECASE), 4),
    (re.compile(r"halbjährlich|Halbjahr", re.IGNORECASE), 2),
)
_HEAD_LOOK = 3  # lines with words above a run looked at for its head
_SURE = 3  # rows that hold for a row that misses to be a slip
_GRUND = "der Faktor ist aus zu wenigen Zeilen erschlossen"


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    found: list[Rechnung] = []
    for start, run in runs_at(reihen, any_units=True, min_width=2, min_rows=2):
        factor = _factor(words_above(reihen, start, _HEAD_LOOK))
        if factor:
            found += _read(run, factor, taken)
    return found


def _factor(head: str) -> int:
    """The periods in a year the head names with the year, or the factor it types; 0 where it names none."""
    typed = _TYPED.search(head)
    if typed and 2 <= int(typed[1]) <= 12:
        return int(typed[1])
    if not _YEAR.search(head):
        return 0
    return next((times for words, times in _PERIODS if words.search(head)), 0)


def _read(run: list[tuple[Reihe, list[Zahl]]], factor: int, taken: set) -> list[Rechnung]:
    width = len(run[0][1])
    money = [k for k in range(width) if all(values[k].einheit == "€" for _, values in run)]
    holding = {
        (a, b): sum(1 for _, values in run if _holds(values, a, b, factor))
        for a, b in combinations(money, 2)
        if _shown(run, a, b, factor)
    }
    found: list[Rechnung] = []
    for (a, b), holds in holding.items():
        if any(other == b and more >= holds for (c, other), more in holding.items() if c != a):
            continue  # another column gives the yearly one as often: which is meant is open
        for reihe, values in run:
            result = reihe.fund(values[b])
            if result.key in taken or values[a].wert < 0 or values[b].wert < 0:
                continue
            name = row_words(reihe)  # „Jahressonderzahlung (einmal jährlich)“: no month's amount
            sure = holds >= _SURE and not REMARK.search(name)
            found.append(
                Rechnung(
                    f"Spalte mal {factor} für das Jahr, wie der Kopf der Tabelle sagt",
                    "vielfaches",
                    [reihe.fund(values[a])],
                    result,
                    f"{factor} × {values[a].betrag()}",
                    faktor=Decimal(factor),
                    sicher=sure,
                    grund=""
                    if sure
                    else _GRUND
                    if holds < _SURE
                    else f"die Zeile nennt eine Besonderheit („{name[:60]}“)",
                    rang=2,
                    typ="jahresbetrag",
                )
            )
    return found


def _holds(values: list[Zahl], a: int, b: int, factor: int) -> bool:
    return round_half_up(values[a].wert * factor, values[b].schritt) == values[b].wert


def _shown(run: list[tuple[Reihe, list[Zahl]]], a: int, b: int, factor: int) -> bool:
    """Every row with figures other than 0 holds but one at most, and two hold."""
    shown = [values for _, values in run if values[a].wert and values[b].wert]
    holds = sum(1 for values in shown if _holds(values, a, b, factor))
    return holds >= 2 and len(shown) - holds <= 1
