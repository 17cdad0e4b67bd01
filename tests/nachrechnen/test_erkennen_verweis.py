"""erkennen/verweis.py for itself: a row that names the rows it is the Saldo of."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import erkannt, werte


def test_a_row_naming_the_rows_of_its_saldo(tmp_path):
    text = (
        "1.1 Summe Erträge | 1.500.000,75 |\n1.2 Summe Aufwendungen | 1.300.000,50 |\n"
        "1.3 Jahresüberschuss (Saldo aus 1.1 und 1.2) | 200.000,25 |\n"
    )
    (reading,) = erkannt(tmp_path, "verweis", text)
    parts, result = werte(reading)
    assert parts == [Fraction(150000075, 100), Fraction(130000050, 100)]
    assert result == Fraction(20000025, 100) == parts[0] - parts[1]
