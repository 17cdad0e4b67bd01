"""Totals of the rows above them, each column for itself: the total rows and their runs (`gesamtzeile`), every
reading of each total cell (`lesarten`)."""

from __future__ import annotations

from dataclasses import replace

from vorlagen.nachrechnen.aufbau import gerundet
from vorlagen.nachrechnen.aufbau.gesamtzeile import Lauf, both_sides, in_prose, last_of_run, total_kind, walk
from vorlagen.nachrechnen.aufbau.lesarten import Summe, readings
from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.aufbau.reihe import WERT, Eintrag, Reihe
from vorlagen.nachrechnen.aufbau.spaltenkopf import head_cell, heads_above
from vorlagen.nachrechnen.aufbau.summensaldo import saldo_of_totals
from vorlagen.nachrechnen.woerter import PERCENT_WORD, UNIT_PRICE_HEAD

_SCALE_LOOK = 8  # lines above a run looked at for the unit of its amounts
_CAPTION = 100  # characters of a line over a table that names its unit (a longer one is prose)


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    """Adds every reading of every total to `found`."""
    found: list[Rechnung] = []
    for index, reihe in enumerate(reihen):
        kind = total_kind(reihe)
        if kind in ("", "summe"):  # „Fehlbetrag gesamt:“ is named a total, and is the Saldo of two
            saldo_of_totals(reihen, index, found)
        if not kind or kind == "still" and not last_of_run(reihen, index) or in_prose(reihen, index):
            continue
        lauf = walk(reihen, index, reihe)
        if lauf is None or both_sides(reihe, lauf):
            continue
        head = _head(reihen, index, lauf)
        before = len(found)
        for column, place in enumerate(reihe.eintraege):
            # a column of percentages holds rates or shares, each of its own base: none adds up to the total's
            if place.art != WERT or len(place.zahlen) != 1 or place.zahlen[0].einheit == "%":
                continue
            if _per_unit(head, place):
                continue  # „Betrag je Kind“: the total row's figure there is an average, no sum
            if _in_percent(head, place):
                # „| VZÄ | VZÄ | % |“ over the rows: percentages without the sign – rates, or shares each rounded
                # on its own (76 + 6 + 12 + 5 under „100“): nachrechnen/erkennen/anteilsliste.py reads shares
                continue
            readings(Summe(reihen, index, kind, column, place.zahlen[0], found), lauf)
        if _scaled(reihen, lauf):
            found[before:] = [_within_rounding(r) for r in found[before:]]
    return found


def _scaled(reihen: list[Reihe], lauf: Lauf) -> bool:
    """A run of amounts in thousands or millions: the head above it says so („in Mio. €“), or every figure of its
    rows is typed so („3,3 Mio. €“) – each rounded to its last place."""
    if not lauf.rows:
        return False
    top = lauf.rows[0][0].zeile
    start = next((i for i, r in enumerate(reihen) if r.zeile is top), 0)
    # the head and a caption over it („Investitionen nach Bereichen (in Mio. €)“) – no paragraph of prose above
    above = [r.zeile.text for r in reihen[max(0, start - _SCALE_LOOK) : start] if r.zeile.text.strip()][-2:]
    if gerundet.scaled(text for text in above if len(text.strip()) <= _CAPTION):
        return True
    figures = [z for row, _ in lauf.rows for z in row.werte]
    return bool(figures) and all(z.skala > 1 for z in figures)


def _within_rounding(rechnung: Rechnung) -> Rechnung:
    """A sum of figures each rounded to its last place: off by no more than the halves of those places is a
    „Rundung“, as for the differences and rates of such a table (spaltenbeziehung.py)."""
    if rechnung.formel not in ("summe", "saldo") or not (rechnung.sicher or rechnung.grund):
        return rechnung  # a guess that fails claims nothing; within the rounding it would claim a „Rundung“
    allowance = gerundet.sum_allowance([t.zahl for t in rechnung.teile])
    if allowance <= rechnung.toleranz:
        return rechnung
    return replace(rechnung, toleranz=allowance, rundungsgrund=gerundet.GRUND_SCALED)


def _head(reihen: list[Reihe], index: int, lauf: Lauf) -> list[Reihe]:
    """The head rows right above the run of the total in line `index` (nachrechnen/aufbau/spaltenkopf.py)."""
    if not lauf.rows:
        return []
    top = lauf.rows[0][0].zeile
    return heads_above(reihen, next((i for i in range(index - 1, -1, -1) if reihen[i].zeile is top), 0))


def _per_unit(heads: list[Reihe], place: Eintrag) -> bool:
    """Whether the head names the place's column a price or amount per unit („Einzelpreis“, „Betrag je Kind“)."""
    return UNIT_PRICE_HEAD.search(head_cell(heads, place)) is not None


def _in_percent(heads: list[Reihe], place: Eintrag) -> bool:
    """Whether the head names the place's column in percent („%“, „in %“, „Prozentuale Steigerung“)."""
    return PERCENT_WORD.search(head_cell(heads, place)) is not None
