"""erkennen/summen.py for itself: a total row read as the sum of the rows above it."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import erkannt, werte


def test_a_total_row_is_the_sum_of_the_rows_above(tmp_path):
    readings = erkannt(tmp_path, "summen", "A\t−4.000 €\nB\t7.250 €\nSumme\t3.250 €\n")
    parts, result = werte(next(r for r in readings if r.typ == "listensumme"))
    assert parts == [Fraction(-4000), Fraction(7250)] and result == Fraction(3250) == sum(parts)
