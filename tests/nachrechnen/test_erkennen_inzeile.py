"""erkennen/inzeile.py for itself: a calculation written out within one line."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import erkannt, werte


def test_a_sum_typed_in_the_line(tmp_path):
    readings = erkannt(tmp_path, "inzeile", "1.250 € + 730 € = 1.980 €\n")
    (reading,) = [r for r in readings if r.typ == "zeilenrechnung"]
    parts, result = werte(reading)
    assert parts == [Fraction(1250), Fraction(730)] and result == Fraction(1980) == sum(parts)


def test_a_product_typed_in_the_line(tmp_path):
    readings = erkannt(tmp_path, "inzeile", "3 x 1.012,50 € = 3.037,50 €\n")
    (reading,) = readings
    parts, result = werte(reading)
    assert reading.formel == "produkt" and parts == [Fraction(3), Fraction(101250, 100)]
    assert result == Fraction(303750, 100) == parts[0] * parts[1]
