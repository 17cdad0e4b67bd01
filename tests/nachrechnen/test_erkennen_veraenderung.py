"""erkennen/veraenderung.py for itself: a stated change under the two figures it compares, and its rate."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import erkannt, werte


def test_a_change_and_its_rate_under_the_pair_it_compares(tmp_path):
    text = "Personalkosten 2025\t40.000 €\nPersonalkosten 2026\t42.000 €\nSteigerung\t2.000 €\t5,00 %\n"
    readings = {r.typ: r for r in erkannt(tmp_path, "veraenderung", text)}
    (first, second), result = werte(readings["veraenderung"])
    assert result == Fraction(2000) == abs(first - second)
    parts, rate = werte(readings["veraenderung_prozent"])
    assert sorted(parts) == [Fraction(40000), Fraction(42000)]
    assert rate == Fraction(5) == (Fraction(42000) - Fraction(40000)) / Fraction(40000) * 100
