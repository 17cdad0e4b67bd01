"""erkennen/verweis.py for itself: a row that names the rows it is the Saldo of."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import check, erkannt, werte, write


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


def _eine_zelle_je_zeile(ist_saldo: str, plan_saldo: str) -> str:
    """A Jahresabschluss as a district's page stores its table (k09 of the Zusatz): a row's number alone on a line,
    its label on the next, then one figure a line for each column (IST, Plan), blank lines between."""
    zeilen = [
        "1.1", "Summe der ordentlichen Erträge", "181.383.016,07", "181.337.700",
        "1.2", "Summe der ordentlichen Aufwendungen", "- 175.799.051,39 €", "- 185.060.900",
        "1.3", "Ordentliches Ergebnis (Saldo aus 1.1 und 1.2)", ist_saldo, plan_saldo,
        "1.4", "Außerordentliche Erträge", "273.511,77", "0",
    ]  # fmt: skip
    return "Ergebnisrechnung\n\nIST 2021 in €\n\nPlan 2021 in €\n\n" + "\n\n".join(zeilen) + "\n"


def test_a_table_stored_one_cell_a_line_gives_each_column_its_saldo(tmp_path):
    ertraege = [Fraction(18138301607, 100), Fraction(181_337_700)]
    aufwendungen = [Fraction(-17579905139, 100), Fraction(-185_060_900)]
    ist, plan = erkannt(tmp_path, "verweis", _eine_zelle_je_zeile("5.583.964,68", "- 3.723.200"))
    for column, saldo in enumerate((ist, plan)):
        parts, result = werte(saldo)
        assert parts == [ertraege[column], aufwendungen[column]]
        assert result == ertraege[column] + aufwendungen[column]
    assert [ist.ergebnis.zeile.nr, plan.ergebnis.zeile.nr] == [27, 29]


def test_a_slipped_cell_of_such_a_table_is_named(tmp_path, capsys):
    # the Plan column's Saldo typed 3.732.200 (two digits swapped): its lines are named, the IST column holds
    path = write(tmp_path, "abschluss.txt", _eine_zelle_je_zeile("5.583.964,68", "- 3.732.200"))
    code, report, _ = check(capsys, path)
    assert code == 1
    (slip,) = [b for b in report["befunde"] if b["status"] != "stimmt" and b["zeile"] == 29]
    assert Fraction(slip["werte"]["getippt"]) == Fraction(-3_732_200)
    assert any(b["status"] == "stimmt" and b["zeile"] == 27 for b in report["befunde"])


def test_cells_that_do_not_make_the_same_columns_are_no_saldo(tmp_path):
    # the Saldo row has one figure where its rows have two: which column it belongs to is not known
    text = _eine_zelle_je_zeile("5.583.964,68", "- 3.723.200").replace("\n\n- 3.723.200", "")
    assert erkannt(tmp_path, "verweis", text) == []
    # a row's number alone with figures but no label before them is no row of a table
    text = _eine_zelle_je_zeile("5.583.964,68", "- 3.723.200").replace("Summe der ordentlichen Erträge\n\n", "")
    assert erkannt(tmp_path, "verweis", text) == []


def test_only_a_saldo_whose_readings_agree_is_sure(tmp_path):
    # the second row typed with its minus: the sum and the first less the second's amount are one figure – sure
    ist, plan = erkannt(tmp_path, "verweis", _eine_zelle_je_zeile("5.583.964,68", "- 3.723.200"))
    assert ist.sicher and plan.sicher
    # a „Differenz“ of such rows may be the first less the second as typed: a third reading, not sure
    text = _eine_zelle_je_zeile("5.583.964,68", "- 3.723.200").replace("(Saldo aus", "(Differenz aus")
    assert [r.sicher for r in erkannt(tmp_path, "verweis", text)] == [False, False]
    # both rows typed without a sign: the Saldo may be their sum or their difference – not sure
    (saldo,) = erkannt(
        tmp_path,
        "verweis",
        "1.1 Erträge | 500.000 |\n1.2 Aufwendungen | 300.000 |\n1.3 Saldo aus 1.1 und 1.2 | 200.000 |\n",
    )
    assert not saldo.sicher
