"""erkennen/verteilung.py for itself: a named fund and the grants one per line below it."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import erkannt, werte


def test_a_fund_split_on_the_lines_below(tmp_path):
    text = (
        "Das Budget des Kulturfonds von 90.000,- € wird wie folgt vergeben:\n"
        "- Stadtteilfest Nord: 25.000,- €\n- Jazzfestival: 40.000,- €\n- Lesereihe: 25.000,- €\n"
    )
    (reading,) = erkannt(tmp_path, "verteilung", text)
    parts, result = werte(reading)
    assert parts == [Fraction(25000), Fraction(40000), Fraction(25000)] and result == Fraction(90000) == sum(parts)
