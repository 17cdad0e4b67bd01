"""Figures an adversary types to break the arithmetic: products of huge figures are computed exactly (nachrechnen
runs with nachrechnen.PRECISION digits; the default 28 ended them in a decimal traceback), a figure of more than
zahlenlesen.MAX_DIGITS digits – its scale counted – is no amount, and a calculation that divides by zero gives no
value: it is neither „stimmt“ nor a slip („5 € von 0 € = 12 %“ was a FEHLER with „nachgerechnet 0 %“)."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import check, write


def test_a_product_of_two_huge_figures_is_computed_exactly(tmp_path, capsys):
    text = "Anzahl 999.999.999.999.999.999.999 x 999.999.999.999.999.999,99 € = 7 €\n"
    code, report, err = check(capsys, write(tmp_path, "p.txt", text))
    exact = Fraction(999_999_999_999_999_999_999) * Fraction(99_999_999_999_999_999_999, 100)
    euros = (2 * exact.numerator + exact.denominator) // (2 * exact.denominator)  # half up to the typed whole euro
    assert code == 1 and err == ""
    (slip,) = report["befunde"]
    assert slip["status"] == "Fehler" and Fraction(slip["werte"]["nachgerechnet"]) == euros


def test_a_figure_beyond_the_bound_is_no_amount_and_ends_without_a_traceback(tmp_path, capsys):
    # 21 digits in Mrd. € are 30 digits of euros; 24 digits are the bound
    text = "Summe 999.999.999.999.999.999.999 Mrd. € + 1 € = 2 €\nBetrag 999.999.999.999.999.999.999.999 € laut Plan\n"
    code, report, err = check(capsys, write(tmp_path, "g.txt", text))
    assert (code, err, report["befunde"]) == (0, "", [])
    assert [(o["zeile"], o["zahl"]) for o in report["nicht_geprueft"]] == [
        (1, "1\u00a0€"),
        (1, "2\u00a0€"),
        (2, "999.999.999.999.999.999.999.999\u00a0€"),
    ]


def test_a_share_of_nothing_gives_no_value_and_its_figures_stay_open(tmp_path, capsys):
    text = (
        "Quote 5 € von 0 € = 12 %\n"
        "Die Kosten stiegen von 0 € auf 5.000 €, das sind 12 % mehr.\n"
        "Die Umlage von 1.000 € wird nach dem Schlüssel 0 : 0 verteilt, Anteil 0 €.\n"
    )
    code, report, err = check(capsys, write(tmp_path, "q.txt", text))
    assert (code, err) == (0, "")
    assert [b for b in report["befunde"] if b["status"] in ("Fehler", "stimmt")] == []
    assert {(o["zeile"], o["zahl"]) for o in report["nicht_geprueft"]} >= {(1, "12\u00a0%"), (2, "12\u00a0%")}
