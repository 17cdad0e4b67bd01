"""erkennen/rueckbezug.py for itself: a calculation with figures of the sentences before."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import erkannt, werte


def test_parts_named_after_the_total_of_the_sentence_before(tmp_path):
    text = (
        "Die Maßnahme kostet insgesamt 700.000 €.\n"
        "Davon entfallen auf A 200.000 €, auf B 300.000 € und auf C 200.000 €.\n"
    )
    readings = erkannt(tmp_path, "rueckbezug", text)
    parts, result = werte(readings[0])
    assert parts == [Fraction(200000), Fraction(300000), Fraction(200000)] and result == Fraction(700000) == sum(parts)
