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
from vorlagen.nachrechnen.erkennen.spaltenbeziehung import runs_at
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl

_BASE = re.compile(r"\b(?:Steuer)?(?:mess|grund)betr[aä]g", re.IGNORECASE)
_RATE = re.compile(r"\bHebesatz|\bHebesätze", re.IGNORECASE)
_YIELD = re.compile(r"\b(?:Aufkommen|Ertrag|Erträge|Steuerertrag|Steuereinnahmen|Einnahmen)\b", re.IGNORECASE)
_MIN_ROWS = 2
_ROWS = 60  # rows under a head in cells looked at, at most
# a row that says it follows a rule of its own: „Grundsteuer B (Sonderregel¹)“, „… ermäßigt“, a footnote mark
_OWN_RULE = re.compile(r"Sonder|abweich|Ausnahme|ermäßig|Faktor|Härte|[¹²³⁴*†]", re.IGNORECASE)


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    found: list[Rechnung] = []
    for start, run in runs_at(reihen, any_units=True, min_rows=_MIN_ROWS):
        heads = heads_above(reihen, start)
        cells = [head_cell(heads, place) for place in run[0][0].eintraege]
        for base, rate, result in _columns(cells):
            found += _readings([(reihe, values[base], values[rate], values[result]) for reihe, values in run], taken)
    taken |= {r.ergebnis.key for r in found}
    for index, head in enumerate(reihen):
        if "\t" in head.zeile.text and not head.werte:
            for base, rate, result in _columns(head.zeile.text.split("\t")):
                found += _readings(_cell_rows(reihen[index + 1 : index + 1 + _ROWS], base, rate, result), taken)
    return found


def _columns(cells: list[str]) -> list[tuple[int, int, int]]:
    """(Messbetrag, Hebesatz, Aufkommen) of each column headed „Aufkommen“ with a „Hebesatz“ left of it, where one
    column only is headed „Messbetrag“."""
    bases = [k for k, cell in enumerate(cells) if _BASE.search(cell)]
    if len(bases) != 1:
        return []
    found = []
    for result, cell in enumerate(cells):
        rates = [k for k in range(bases[0] + 1, result) if _RATE.search(cells[k]) and not _YIELD.search(cells[k])]
        if _YIELD.search(cell) and not _RATE.search(cell) and rates:
            found.append((bases[0], rates[-1], result))
    return found


def _cell_rows(reihen: list[Reihe], base: int, rate: int, result: int) -> list[tuple[Reihe, Zahl, Zahl, Zahl]]:
    """The rows in cells under a head that leave other cells empty („| Grundsteuer B – Wohngrundstücke | 412.806,55
    | 598 | 2.468.583,17 | | |“): the figure of each of the three cells, where each holds one; up to a line in no
    cells."""
    rows = []
    for reihe in reihen:
        if not reihe.zeile.text.strip():
            continue
        if "\t" not in reihe.zeile.text:
            break
        cells = reihe.zeile.zahlen_je_zelle
        if max(base, rate, result) < len(cells) and all(len(cells[k]) == 1 for k in (base, rate, result)):
            rows.append((reihe, cells[base][0], cells[rate][0], cells[result][0]))
    return rows


def _readings(rows: list[tuple[Reihe, Zahl, Zahl, Zahl]], taken: set) -> list[Rechnung]:
    found = []
    for reihe, messbetrag, hebesatz, aufkommen in rows:
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
    holding = sum(1 for _, m, h, a in rows if round_half_up(m.wert * h.wert / 100, a.schritt) == a.wert)
    return found if holding >= _MIN_ROWS else []
