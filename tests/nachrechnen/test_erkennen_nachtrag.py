"""erkennen/nachtrag.py for itself: a row of a Nachtrag table – before, raised, lowered, now."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import erkannt, werte


def test_a_row_of_a_nachtrag(tmp_path):
    text = (
        "| erhöht um | vermindert um | gegenüber bisher | nunmehr festgesetzt auf |\n"
        "| Gesamtbetrag der Erträge | 5.000.000 € | 700.000 € | 40.000.000 € | 44.300.000 € |\n"
    )
    (reading,) = erkannt(tmp_path, "nachtrag", text)
    parts, result = werte(reading)
    assert sorted(parts) == [Fraction(700000), Fraction(5000000), Fraction(40000000)]
    assert result == Fraction(44300000) == Fraction(40000000) + Fraction(5000000) - Fraction(700000)
