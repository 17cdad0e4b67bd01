"""Totals of the rows above them, each column for itself: the total rows and their runs (`gesamtzeile`), every
reading of each total cell (`lesarten`)."""

from __future__ import annotations

from vorlagen.review.nachrechnen.gesamtzeile import in_prose, last_of_run, signed, total_kind, walk
from vorlagen.review.nachrechnen.lesarten import Summe, readings, saldo_of_totals
from vorlagen.review.nachrechnen.rechnung import Rechnung
from vorlagen.review.nachrechnen.reihe import WERT, Reihe


def recognise(reihen: list[Reihe], found: list[Rechnung], rates: frozenset[tuple] | set[tuple] = frozenset()) -> None:
    """Adds every reading of every total to `found`; in the lines `rates` ((page, line)) a percentage is a rate of
    change, never the sum of the percentages above it."""
    for index, reihe in enumerate(reihen):
        kind = total_kind(reihe)
        if not kind:
            saldo_of_totals(reihen, index, found)
        if not kind or kind == "still" and not last_of_run(reihen, index) or in_prose(reihen, index):
            continue
        lauf = walk(reihen, index, reihe)
        if lauf is None:
            continue
        rate = (reihe.zeile.seite or 0, reihe.zeile.nr) in rates
        for column, place in enumerate(reihe.eintraege):
            if (
                place.art != WERT
                or len(place.zahlen) != 1
                or place.zahlen[0].einheit == "%"
                and (rate or signed(place))
            ):
                continue
            readings(Summe(reihen, index, kind, column, place.zahlen[0], found), lauf)
