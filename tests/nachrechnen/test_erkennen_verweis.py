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


def _oftersheim(ergebnis: str, vortrag: str) -> str:
    """A Haushaltssatzung as a town's page stores it (o01 of the Zusatz): the figure of a row on the next line with
    text, after a blank one, a deficit's minus in a cell of its own before the figure."""
    return (
        "1.1\tGesamtbetrag der ordentlichen Erträge von\t28.088.090\t€\n"
        "1.2\tGesamtbetrag der ordentlichen Aufwendungen von\t29.526.100\t€\n\n"
        "1.3. Ordentliches Ergebnis\t(Saldo aus 1.1 und 1.2) von\n\n"
        f"\t-\t{ergebnis}\t€\n\n"
        "1.4\tAbdeckung von Fehlbeträgen aus Vorjahren von\n\n\t0 €\n"
        f"1.5\tVeranschlagtes ordentliches Ergebnis\t(Saldo aus 1.3 und 1.4) von\t-\t{vortrag}\t€\n"
    )


def test_a_rows_figure_on_the_next_line_with_its_minus_in_a_cell_of_its_own(tmp_path):
    ertraege, aufwendungen = Fraction(28_088_090), Fraction(29_526_100)
    saldo, vortrag = erkannt(tmp_path, "verweis", _oftersheim("1.438.010", "1.438.010"))
    parts, result = werte(saldo)
    assert parts == [ertraege, aufwendungen] and result == ertraege - aufwendungen == Fraction(-1_438_010)
    assert saldo.ergebnis.zeile.nr == 6
    parts, result = werte(vortrag)
    assert parts == [ertraege - aufwendungen, Fraction(0)] and result == Fraction(-1_438_010)


def test_a_figure_below_is_a_rows_only_where_it_stands_alone(tmp_path):
    # the next line with text is a row of its own or holds words: the row without a figure stays without one
    text = _oftersheim("1.438.010", "1.438.010").replace("\t-\t1.438.010\t€", "siehe Anlage\t-\t1.438.010\t€")
    assert erkannt(tmp_path, "verweis", text) == []  # 1.3 has no figure, and 1.5, which names it, none to add


def test_a_dash_after_a_label_alone_is_an_empty_column_no_minus(tmp_path):
    text = (
        "1.1\tErträge\t-\t500.000\t€\n1.2\tAufwendungen\t-\t300.000\t€\n"
        "1.3\tJahresergebnis (Saldo aus 1.1 und 1.2)\t-\t200.000\t€\n"
    )
    (saldo,) = erkannt(tmp_path, "verweis", text)
    assert werte(saldo) == ([Fraction(500_000), Fraction(300_000)], Fraction(200_000))


def test_a_bare_number_alone_under_a_row_is_no_figure_of_it(tmp_path):
    text = _oftersheim("1.438.010", "1.438.010").replace("\t-\t1.438.010\t€", "12")  # a page's number
    assert erkannt(tmp_path, "verweis", text) == []
