"""Totals of the rows above them, each column for itself: the total rows and their runs (`gesamtzeile`), every
reading of each total cell (`lesarten`)."""

from __future__ import annotations

from vorlagen.nachrechnen.aufbau.gesamtzeile import in_prose, last_of_run, total_kind, walk
from vorlagen.nachrechnen.aufbau.lesarten import Summe, readings
from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.aufbau.reihe import WERT, Reihe
from vorlagen.nachrechnen.aufbau.summensaldo import saldo_of_totals


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
        for column, place in enumerate(reihe.eintraege):
            # a column of percentages holds rates or shares, each of its own base: none adds up to the total's
            if place.art != WERT or len(place.zahlen) != 1 or place.zahlen[0].einheit == "%":
                continue
            readings(Summe(reihen, index, kind, column, place.zahlen[0], found), lauf)
    return found
