"""erkennen/haushaltssaldo.py for itself: the Saldo line of a Haushaltssatzung under its two lines."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import erkannt, werte


def test_the_saldo_of_a_haushaltssatzung(tmp_path):
    text = (
        "1. im Ergebnishaushalt\n\nder Gesamtbetrag der Erträge auf\n\n500.250 EUR\n\n"
        "der Gesamtbetrag der Aufwendungen auf\n\n480.100 EUR\n\nder Jahresüberschuss auf\n\n20.150 EUR\n"
    )
    (reading,) = erkannt(tmp_path, "haushaltssaldo", text)
    parts, result = werte(reading)
    assert parts == [Fraction(500250), Fraction(480100)] and result == Fraction(20150) == parts[0] - parts[1]
