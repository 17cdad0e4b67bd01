"""erkennen/ankuendigung.py for itself: an amount that announces the lines below it as its parts."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import erkannt, werte


def test_an_amount_announcing_its_parts(tmp_path):
    text = "Der Jahresgewinn von 750 € wird so verwendet:\nA erhält 150 €\nB erhält 250 €\nC erhält 350 €\n"
    readings = erkannt(tmp_path, "ankuendigung", text)
    (reading,) = readings
    parts, result = werte(reading)
    assert parts == [Fraction(150), Fraction(250), Fraction(350)] and result == Fraction(750) == sum(parts)
