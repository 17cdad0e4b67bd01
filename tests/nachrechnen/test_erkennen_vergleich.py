"""erkennen/vergleich.py for itself: a comparison table whose last column is the difference of two others."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import erkannt, werte


def test_the_difference_column_of_a_comparison(tmp_path):
    text = (
        "\tBezeichnung\tAnsatz 2023\tSoll 30.06.2023\tHochrechnung 31.12.2023\tVergleich +/- Hochrechnung ./. Ansatz\n"
        "HGr. 0\tSteuern\t60.200\t41.000\t64.450\t4.250\n"
    )
    (reading,) = [r for r in erkannt(tmp_path, "vergleich", text) if r.typ == "vergleich_differenz"]
    parts, result = werte(reading)
    assert sorted(parts) == [Fraction(60200), Fraction(64450)]
    assert result == Fraction(4250) == Fraction(64450) - Fraction(60200)
