"""erkennen/tabellenkopf.py for itself: a table whose head names a total column, and a total in brackets
followed by its year columns."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import erkannt, werte


def test_the_total_column_a_head_names(tmp_path):
    text = (
        "\t2016 EUR\t2017 EUR\t2018 EUR\tSumme EUR\nBundesmittel\t600.000,00\t2.500.000,50\t300.000,25\t3.400.000,75\n"
    )
    (reading,) = erkannt(tmp_path, "tabellenkopf", text)
    parts, result = werte(reading)
    assert parts == [Fraction(600000), Fraction(250000050, 100), Fraction(30000025, 100)]
    assert result == Fraction(340000075, 100) == sum(parts)


def test_a_total_in_brackets_over_its_year_columns(tmp_path):
    text = (
        "\t2011\t2012\t2013\t2014\n3. Konversion von Militärflächen (900.000 €)\t500.000\t150.000\t150.000\t100.000\n"
    )
    (reading,) = erkannt(tmp_path, "tabellenkopf_klammern", text)
    parts, result = werte(reading)
    assert parts == [Fraction(500000), Fraction(150000), Fraction(150000), Fraction(100000)]
    assert result == Fraction(900000) == sum(parts)
