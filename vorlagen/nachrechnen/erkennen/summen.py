"""Totals of the rows above them, each column for itself: the total rows and their runs (`gesamtzeile`), every
reading of each total cell (`lesarten`)."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.gesamtzeile import Lauf, in_prose, last_of_run, total_kind, walk
from vorlagen.nachrechnen.aufbau.lesarten import Summe, readings
from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.aufbau.reihe import WERT, Eintrag, Reihe
from vorlagen.nachrechnen.aufbau.summensaldo import saldo_of_totals
from vorlagen.nachrechnen.woerter import PERCENT_WORD, UNIT_PRICE_HEAD

_HEAD_LOOK = 4  # lines above a run in which its head of cells may stand (label lines a PDF wrapped between)


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
        if lauf is None:
            continue
        head = _head(reihen, index, lauf)
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
    return found


def _head(reihen: list[Reihe], index: int, lauf: Lauf) -> Reihe | None:
    """The row of cells without a value nearest above the run of the total in line `index` (its head, or a row
    naming the columns' units)."""
    if not lauf.rows:
        return None
    top = lauf.rows[0][0].zeile
    start = next((i for i in range(index - 1, -1, -1) if reihen[i].zeile is top), 0) - 1
    for i in range(start, max(-1, start - _HEAD_LOOK), -1):
        reihe = reihen[i]
        if any(e.art == WERT for e in reihe.eintraege):
            return None
        if "\t" in reihe.zeile.text and re.search(r"[A-Za-zÄÖÜäöüß%]", reihe.zeile.text):
            return reihe  # not a line of dashes under a head
    return None


def _per_unit(head: Reihe | None, place: Eintrag) -> bool:
    """Whether the head names the place's column a price or amount per unit („Einzelpreis“, „Betrag je Kind“)."""
    if head is None or not place.spalte or place.spalte[0] != "zelle":
        return False
    cells = head.zeile.text.split("\t")
    return place.spalte[1] < len(cells) and UNIT_PRICE_HEAD.search(cells[place.spalte[1]]) is not None


def _in_percent(head: Reihe | None, place: Eintrag) -> bool:
    """Whether the head names the place's column in percent („%“, „in %“, „Prozentuale Steigerung“)."""
    if head is None or not place.spalte or place.spalte[0] != "zelle":
        return False
    cells = head.zeile.text.split("\t")
    return place.spalte[1] < len(cells) and PERCENT_WORD.search(cells[place.spalte[1]]) is not None
