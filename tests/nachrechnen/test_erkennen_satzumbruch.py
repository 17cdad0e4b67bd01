"""erkennen/satzumbruch.py for itself: a sentence whose calculation runs over two lines."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import erkannt, werte


def test_a_share_over_two_lines(tmp_path):
    text = "Das Land fördert mit 80 % der förderfähigen Kosten von\n2.000.000 €, also mit 1.600.000 €. Der Rest sind Eigenmittel.\n"
    (reading,) = [r for r in erkannt(tmp_path, "satzumbruch", text) if r.typ == "prozentanteil"]
    parts, result = werte(reading)
    assert parts == [Fraction(80), Fraction(2000000)] and result == Fraction(1600000) == parts[0] * parts[1] / 100
