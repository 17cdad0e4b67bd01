"""erkennen/anteil.py for itself: an amount with its percentage, the base nearby."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import erkannt, werte


def test_an_amount_as_a_share_of_a_nearby_base(tmp_path):
    text = "Das Volumen liegt bei rund 250 Mio. €. Davon trägt der Bund voraussichtlich rund 115 Mio. € (46%).\n"
    (reading,) = erkannt(tmp_path, "anteil", text)
    parts, result = werte(reading)
    assert parts == [Fraction(115_000_000), Fraction(250_000_000)]
    assert result == Fraction(46) == parts[0] / parts[1] * 100
