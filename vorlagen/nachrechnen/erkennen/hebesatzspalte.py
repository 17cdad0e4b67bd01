"""The yield of a tax in a table by its Messbetrag and its Hebesatz: „Steuerart | Messbetrag € | Hebesatz bisher % |
Aufkommen bisher € | Hebesatz neu % | Aufkommen neu €“ over „Grundsteuer B | 412.860 | 395 | 1.630.797 | 425 |
1.754.655“ – in every row the Aufkommen is the Messbetrag times the Hebesatz in percent, rounded as it is typed.

Read only where the head says it: one column headed „Messbetrag“ (or „Grundbetrag“), and for each column headed
„Aufkommen“ (or „Ertrag“, „Steuer“) the nearest column left of it headed „Hebesatz“; all three columns filled in two
rows at least. Then a row that misses is a slip – a row that says it has a rule of its own („Sonderregel¹“,
„ermäßigt“) is left alone. Each run of rows is looked at once, each column once."""

from __future__ import annotations

import re

from vorlagen.core.money import round_half_up
from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.aufbau.reihe import Reihe
from vorlagen.nachrechnen.aufbau.spaltenkopf import head_cell, heads_above
from vorlagen.nachrechnen.erkennen.spaltenbeziehung import Run, runs_at

_BASE = re.compile(r"\b(?:Steuer)?(?:mess|grund)betr[aä]g", re.IGNORECASE)
_RATE = re.compile(r"\bHebesatz|\bHebesätze", re.IGNORECASE)
_YIELD = re.compile(r"\b(?:Aufkommen|Ertrag|Erträge|Steuerertrag|Steuereinnahmen|Einnahmen)\b", re.IGNORECASE)
_MIN_ROWS = 2
# a row that says it follows a rule of its own: „Grundsteuer B (Sonderregel¹)“, „… ermäßigt“, a footnote mark
_OWN_RULE = re.compile(r"Sonder|abweich|Ausnahme|ermäßig|Faktor|Härte|[¹²³⁴*†]", re.IGNORECASE)


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    found: list[Rechnung] = []
    for start, run in runs_at(reihen, any_units=True, min_rows=_MIN_ROWS):
        heads = heads_above(reihen, start)
        cells = [head_cell(heads, place) for place in run[0][0].eintraege]
        bases = [k for k, cell in enumerate(cells) if _BASE.search(cell)]
        if len(bases) != 1:
            continue
        for result, cell in enumerate(cells):
            rates = [k for k in range(bases[0] + 1, result) if _RATE.search(cells[k]) and not _YIELD.search(cells[k])]
            if _YIELD.search(cell) and not _RATE.search(cell) and rates:
                found += _readings(run, bases[0], rates[-1], result, taken)
    return found


def _readings(run: Run, base: int, rate: int, result: int, taken: set) -> list[Rechnung]:
    found = []
    for reihe, values in run:
        messbetrag, hebesatz, aufkommen = values[base], values[rate], values[result]
        if reihe.fund(aufkommen).key in taken or hebesatz.wert <= 0 or messbetrag.wert <= 0:
            continue
        if _OWN_RULE.search(reihe.zeile.text):
            continue
        found.append(
            Rechnung(
                "Aufkommen als Messbetrag mal Hebesatz, wie der Kopf der Tabelle sagt",
                "anteil",
                [reihe.fund(messbetrag), reihe.fund(hebesatz)],
                reihe.fund(aufkommen),
                f"{messbetrag.betrag()} × {hebesatz.betrag()} %",
                rang=3,
                typ="hebesatzspalte",
            )
        )
    # the words say it, but a row alone proves no column: two rows at least whose yields hold as typed
    holding = sum(
        1
        for reihe, values in run
        if round_half_up(values[base].wert * values[rate].wert / 100, values[result].schritt) == values[result].wert
    )
    return found if holding >= _MIN_ROWS else []
