"""A table row of two counts, a price and their product – „Stadtvertretung | 27 | 10 | 45,00 | 12.150,00“ under
„Gremium | Mitglieder | Sitzungen | Sitzungsgeld | Betrag“, „Fahrzeuge | 3 | 12 | 489,00 € | 17.604,00 €“: the
amount right of the three is the counts times the price, rounded as it is typed.

The counts are whole figures without a unit in every row, the price and the product amounts in euros – or figures
with two places in every row where the head above names money („Betrag“, „Kosten“, „…geld“, „€“). Read only where
the rows show it: a row shows it where the counts' product is neither 0 nor 1; two rows must show it and one at most
may miss – a slip where three show it, else „nicht eindeutig“ (so too a row whose label says it is priced otherwise:
„Vorsitz (doppelt)“, mengenpreis.REMARK). Where two triples of columns give the same amounts,
or mengenpreis.py read the column as a product of two, nothing is read. Each run is looked at for a bounded number of
column quadruples: linear in the document's length."""

from __future__ import annotations

import re
from itertools import combinations

from vorlagen.core.money import round_half_up
from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.aufbau.reihe import Reihe
from vorlagen.nachrechnen.aufbau.spaltenkopf import words_above
from vorlagen.nachrechnen.erkennen.mengenpreis import REMARK, row_words
from vorlagen.nachrechnen.erkennen.spaltenbeziehung import runs_at
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl

_MONEY_HEAD = re.compile(r"€|\bEUR\b|\bEuro\b|Betrag|Kosten|geld\b|Entschädigung|Preis|Summe", re.IGNORECASE)
_HEAD_LOOK = 3  # lines with words above a run looked at for its head
_SURE = 3  # rows that show the product for a row that misses to be a slip
_GRUND = "das Produkt ist aus zu wenigen Zeilen erschlossen"
_MAX_WIDTH = 6


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    found: list[Rechnung] = []
    for start, run in runs_at(reihen, any_units=True, min_width=4, min_rows=2):
        if len(run[0][1]) <= _MAX_WIDTH:
            money_head = bool(_MONEY_HEAD.search(words_above(reihen, start, _HEAD_LOOK)))
            found += _read(run, money_head, taken)
    return found


def _read(run: list[tuple[Reihe, list[Zahl]]], money_head: bool, taken: set) -> list[Rechnung]:
    width = len(run[0][1])
    column = [[values[k] for _, values in run] for k in range(width)]
    counts = [
        k for k in range(width) if all(not z.einheit and z.wert == int(z.wert) and z.wert >= 0 for z in column[k])
    ]
    money = [
        k
        for k in range(width)
        if all(z.geld for z in column[k]) or money_head and all(not z.einheit and z.stellen == 2 for z in column[k])
    ]
    shown: dict[int, list[tuple[int, int, int]]] = {}
    for (a, b), price in ((pair, p) for pair in combinations(counts, 2) for p in money):
        for total in money:
            if total > max(a, b, price) and total != price and _shown(run, a, b, price, total):
                shown.setdefault(total, []).append((a, b, price))
    found: list[Rechnung] = []
    for total, triples in shown.items():
        if len(triples) == 1 and not any(reihe.fund(values[total]).key in taken for reihe, values in run):
            found += _readings(run, *triples[0], total)
    return found


def _verdict(values: list[Zahl], a: int, b: int, price: int, total: int) -> bool | None:
    counted = values[a].wert * values[b].wert
    holds = round_half_up(counted * values[price].wert, values[total].schritt) == values[total].wert
    if counted in (0, 1):
        return None if holds else False
    return holds


def _shown(run: list[tuple[Reihe, list[Zahl]]], a: int, b: int, price: int, total: int) -> bool:
    verdicts = [_verdict(values, a, b, price, total) for _, values in run]
    return verdicts.count(True) >= 2 and verdicts.count(False) <= 1


def _readings(run: list[tuple[Reihe, list[Zahl]]], a: int, b: int, price: int, total: int) -> list[Rechnung]:
    sure = [_verdict(values, a, b, price, total) for _, values in run].count(True) >= _SURE
    found = []
    for reihe, values in run:
        name = row_words(reihe)  # „Vorsitz (doppelt)“: a row priced otherwise is no slip
        grund = (
            _GRUND if not sure else f"die Zeile nennt eine Besonderheit („{name[:60]}“)" if REMARK.search(name) else ""
        )
        found.append(
            Rechnung(
                "Anzahl mal Anzahl mal Preis in der Zeile (so in den anderen Zeilen)",
                "produkt",
                [reihe.fund(values[a]), reihe.fund(values[b]), reihe.fund(values[price])],
                reihe.fund(values[total]),
                f"{values[a].betrag()} × {values[b].betrag()} × {values[price].betrag()}",
                sicher=not grund,
                grund=grund,
                rang=2,
                typ="mengenpreis",
            )
        )
    return found
