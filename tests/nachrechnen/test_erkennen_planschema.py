"""erkennen/planschema.py for itself: the numbered rows of a plan in the scheme of the Haushalt and their total."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import erkannt, werte


def test_the_total_of_a_numbered_scheme(tmp_path):
    text = (
        "Ertrags- und Aufwandsarten in € Ergebnis 2012\n"
        "1 + Steuern und ähnliche Abgaben 170.000.000,25\n"
        "2 + Zuwendungen und allgemeine Umlagen 5.400.000,50\n"
        "7 + Sonstige ordentliche Erträge 2.300.000,00\n"
        "10 = Ordentliche Erträge 177.700.000,75\n"
    )
    (reading,) = erkannt(tmp_path, "planschema", text)
    parts, result = werte(reading)
    assert parts == [Fraction(17000000025, 100), Fraction(540000050, 100), Fraction(2300000)]
    assert result == Fraction(17770000075, 100) == sum(parts)
