"""`nachrechnen`: a typed minus in front of a figure, and thousands grouped by spaces (issue 24, brief nachrechnen2).

Expected figures are computed here with exact Fractions and formatted here, never taken from the engine.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from tests.hilfen import run
from tests.hilfen.nachrechnen import by_status, check, write
from tests.referenz.rechnen import euro, euro_mit_vorzeichen

NBSP = "\u00a0"
HEAD = "Z. 1           "  # place column of the report, 14 characters wide plus a space


def report_text(capsys, tmp_path, text: str) -> tuple[int, str]:
    code, out, _ = run(capsys, "nachrechnen", str(write(tmp_path, "v.txt", text)))
    return code, out


# --- a leading minus ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("minus", ["-", "\u2212", "\u2013"])
def test_a_leading_minus_makes_a_wrong_sum_a_slip(capsys, tmp_path, minus):
    parts = Fraction(-5000) + Fraction(3000)  # −2.000 €, not the typed 8.000 €
    code, out = report_text(capsys, tmp_path, f"Summe: {minus}5.000 € + 3.000 € = 8.000 €\n")
    assert code == 1
    assert (
        f"{HEAD}FEHLER       getippt {euro(Fraction(8000))}, nachgerechnet {euro(parts)} "
        f"(Differenz {euro_mit_vorzeichen(Fraction(8000) - parts)})"
    ) in out
    assert f"erkannt: Rechnung mit + und − in der Zeile: \u22125.000{NBSP}€ + 3.000{NBSP}€" in out


@pytest.mark.parametrize("minus", ["-", "\u2212", "\u2013"])
def test_a_leading_minus_with_its_negative_result_holds(capsys, tmp_path, minus):
    result = Fraction(-5000) + Fraction(3000)
    code, out = report_text(capsys, tmp_path, f"{minus}5.000 € + 3.000 € = {minus}2.000 €\n")
    assert code == 0
    assert (
        f"{HEAD}stimmt       \u22125.000{NBSP}€ + 3.000{NBSP}€ = {euro(result)} – Rechnung mit + und − in der Zeile"
    ) in out
    assert "1 Rechnung erkannt: 1 stimmt, 0 Fehler, 0 Folgefehler; 0 Zahlen nicht geprüft." in out


def test_a_negative_result_of_positive_parts_that_do_not_give_it_is_a_slip(capsys, tmp_path):
    right = Fraction(5000) - Fraction(3000)  # 2.000 €, typed −2.000 €
    code, out = report_text(capsys, tmp_path, "Ergebnis: 5.000 € − 3.000 € = −2.000 €\n")
    assert code == 1
    assert (
        f"{HEAD}FEHLER       getippt {euro(Fraction(-2000))}, nachgerechnet {euro(right)} "
        f"(Differenz {euro_mit_vorzeichen(Fraction(-2000) - right)})"
    ) in out


def test_without_any_typed_minus_a_sum_is_read_as_before(capsys, tmp_path):
    code, out = report_text(capsys, tmp_path, "5.000 € + 3.000 € = 8.000 €\n")
    assert code == 0
    assert f"{HEAD}stimmt       5.000{NBSP}€ + 3.000{NBSP}€ = 8.000{NBSP}€ – Rechnung mit + und − in der Zeile" in out


@pytest.mark.parametrize(
    "line",
    [
        "Die Kosten – 5.000 € + 3.000 € = 8.000 €\n",  # a dash standing between words is punctuation
        "Kosten - 5.000 € + 3.000 € = 8.000 €\n",
        "Jahre 2019 – 5.000 € + 3.000 € = 8.000 €\n",  # a range dash after a figure
    ],
)
def test_a_dash_that_is_no_minus_is_not_read_as_one(capsys, tmp_path, line):
    code, out = report_text(capsys, tmp_path, line)
    assert code == 0, out
    assert f"stimmt       5.000{NBSP}€ + 3.000{NBSP}€ = 8.000{NBSP}€" in out


def test_a_free_dash_between_words_leaves_the_figure_positive_in_the_open_list(capsys, tmp_path):
    code, report, _ = check(capsys, write(tmp_path, "d.txt", "Die Kosten – 5.000 € – steigen.\n"))
    assert code == 0
    assert report["nicht_geprueft"] == [{"seite": None, "zeile": 1, "zahl": euro(Fraction(5000))}]


def test_a_minus_in_a_cell_of_its_own_is_a_sign(capsys, tmp_path):
    code, out = report_text(capsys, tmp_path, "Saldo\t- 5.000 € + 3.000 € = - 2.000 €\n")
    assert code == 0
    assert f"stimmt       \u22125.000{NBSP}€ + 3.000{NBSP}€ = {euro(Fraction(-2000))}" in out


# a Haushaltssatzung from a PDF whose spaces were lost or widened: the amounts glued to „auf“, the Saldo's minus
# set apart from its figure by a column gap
ERTRAEGE, AUFWENDUNGEN = Fraction(3_644_670_800, 100), Fraction(3_819_446_200, 100)


def _satzung(minus: str) -> str:
    saldo = ERTRAEGE - AUFWENDUNGEN
    return (
        "1. im Ergebnishaushalt mit\n\n"
        f"dem Gesamtbetrag der Erträge auf{euro(ERTRAEGE, cent=True)}\n"
        f"dem Gesamtbetrag der Aufwendungen auf{euro(AUFWENDUNGEN, cent=True)}\n"
        f"im Saldo der Erträge und Aufwendungen auf {minus}    {euro(-saldo, cent=True)}\n"
    )


def test_an_amount_glued_to_its_word_and_a_minus_apart_from_its_figure_are_read(capsys, tmp_path):
    saldo = ERTRAEGE - AUFWENDUNGEN
    assert saldo == Fraction(-174_775_400, 100)
    code, report, _ = check(capsys, write(tmp_path, "s.txt", _satzung("-")))
    assert code == 0 and report["nicht_geprueft"] == []
    (reading,) = report["befunde"]
    assert (reading["status"], reading["zeile"], reading["getippt"]) == ("stimmt", 5, euro(saldo, cent=True))
    # the sign is what is checked: without it, the Saldo is a slip
    code, report, _ = check(capsys, write(tmp_path, "t.txt", _satzung("")))
    assert code == 1 and [b["zeile"] for b in by_status(report, "Fehler")] == [5]


def test_no_word_glued_to_a_figure_makes_an_amount_of_it(capsys, tmp_path):
    """Only a grouped amount in euros is read off the word it is glued to: „Anlage12“, „B1.234“ and „abc12345 €“ are
    none."""
    code, report, _ = check(capsys, write(tmp_path, "g.txt", "Anlage12 zu B1.234 und abc12345 € und A12.345,00 €\n"))
    assert code == 0 and report["befunde"] == [] and report["nicht_geprueft"] == []


# --- thousands grouped by spaces ------------------------------------------------------------------------------


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f"])
def test_space_grouped_thousands_are_one_figure_and_the_slip_is_found(capsys, tmp_path, space):
    right = Fraction(1234) + Fraction(766)  # 2.000 €, typed 2.001 €
    code, out = report_text(capsys, tmp_path, f"1{space}234 € + 766 € = 2{space}001 €\n")
    assert code == 1
    assert (
        f"{HEAD}FEHLER       getippt {euro(Fraction(2001))}, nachgerechnet {euro(right)} "
        f"(Differenz {euro_mit_vorzeichen(Fraction(2001) - right)})"
    ) in out
    assert f"erkannt: Rechnung mit + und − in der Zeile: 1.234{NBSP}€ + 766{NBSP}€" in out


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f"])
def test_space_grouped_amounts_with_cents_and_dash(capsys, tmp_path, space):
    total = Fraction(123450, 100) + Fraction(76550, 100)  # 2.000,00 €
    assert total == 2000
    code, out = report_text(
        capsys, tmp_path, f"1{space}234,50 € + 765,50 € = 2{space}000,00 €\nKosten: 2{space}450{space}000,- €\n"
    )
    assert code == 0
    assert f"{HEAD}stimmt       1.234,50{NBSP}€ + 765,50{NBSP}€ = 2.000,00{NBSP}€" in out
    assert f"Z. 2: 2.450.000{NBSP}€" in out


def test_no_break_space_groups_without_unit_are_one_figure(capsys, tmp_path):
    _, report, _ = check(capsys, write(tmp_path, "n.txt", "Summe\t12\u00a0345\n"))
    assert report["nicht_geprueft"] == [{"seite": None, "zeile": 1, "zahl": "12.345"}]


@pytest.mark.parametrize(
    "line, figures",
    [
        ("Posten 12 1 234 €\n", ["234\u00a0€"]),  # a figure right before the groups: where would they start?
        ("Im Jahr 2019 100 € mehr\n", ["100\u00a0€"]),  # a year before a figure is no group
        ("Summe\t100 200 300\n", ["100", "200", "300"]),  # plain spaces without a euro sign: columns
        ("12 3456 €\n", ["3.456\u00a0€"]),  # a group of four digits is no thousands group
    ],
)
def test_ambiguous_spaces_do_not_join_figures(capsys, tmp_path, line, figures):
    _, report, _ = check(capsys, write(tmp_path, "m.txt", line))
    assert [f["zahl"] for f in report["nicht_geprueft"]] == figures
    assert by_status(report, "Fehler") == []


# --- a minus on a part of a breakdown in brackets, and on the first row of a list -----------------------------


def test_a_breakdown_in_brackets_counts_the_minus_of_its_parts(capsys, tmp_path):
    total = Fraction(-6000) + Fraction(1000)  # −5.000 €, as typed
    code, out = report_text(capsys, tmp_path, "Ergebnis −5.000 € (−6.000 € PK + 1.000 € SK)\n")
    assert code == 0
    assert f"{HEAD}stimmt       \u22126.000{NBSP}€ + 1.000{NBSP}€ = {euro(total)} – Aufschlüsselung in Klammern" in out


def test_a_breakdown_in_brackets_with_a_wrong_signed_total_is_a_slip(capsys, tmp_path):
    right = Fraction(-6000) + Fraction(2000)  # −4.000 €, typed −5.000 €
    code, out = report_text(capsys, tmp_path, "Ergebnis −5.000 € (−6.000 € PK + 2.000 € SK)\n")
    assert code == 1
    assert (
        f"{HEAD}FEHLER       getippt {euro(Fraction(-5000))}, nachgerechnet {euro(right)} "
        f"(Differenz {euro_mit_vorzeichen(Fraction(-5000) - right)})"
    ) in out
    assert f"erkannt: Aufschlüsselung in Klammern: \u22126.000{NBSP}€ + 2.000{NBSP}€" in out


def test_a_breakdown_whose_total_lacks_the_minus_is_never_a_slip(capsys, tmp_path):
    # −6.000 € + 1.000 € = −5.000 €; the total typed as 5.000 € may name the amount of a deficit
    code, report, _ = check(capsys, write(tmp_path, "b.txt", "Defizit 5.000 € (−6.000 € PK + 1.000 € SK)\n"))
    assert code == 0 and report["befunde"] == []
    assert [f["zahl"] for f in report["nicht_geprueft"]] == [
        euro(Fraction(5000)),
        euro(Fraction(-6000)),
        euro(Fraction(1000)),
    ]


def test_a_list_whose_first_row_is_negative_shows_its_minus(capsys, tmp_path):
    total = Fraction(-5000) + Fraction(3000)
    code, out = report_text(capsys, tmp_path, "A\t−5.000 €\nB\t3.000 €\nSumme\t−2.000 €\n")
    assert code == 0
    assert (
        f"Z. 3           stimmt       \u22125.000{NBSP}€ + 3.000{NBSP}€ = {euro(total)} – Summe der Liste darüber"
        in out
    )


def test_word_file_with_no_break_space_groups_and_a_minus(capsys, tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("1\u00a0234 € + 766 € = 2\u00a0001 €")
    document.add_paragraph("Summe: \u22125.000 € + 3.000 € = 8.000 €")
    path = tmp_path / "v.docx"
    document.save(path)
    code, out, _ = run(capsys, "nachrechnen", str(path))
    assert code == 1
    # 1.234 + 766 = 2.000 (typed 2.001); −5.000 + 3.000 = −2.000 (typed 8.000)
    assert (
        f"Z. 1           FEHLER       getippt {euro(Fraction(2001))}, nachgerechnet {euro(Fraction(1234 + 766))} "
        f"(Differenz {euro_mit_vorzeichen(Fraction(2001 - 1234 - 766))})"
    ) in out
    assert (
        f"Z. 2           FEHLER       getippt {euro(Fraction(8000))}, nachgerechnet {euro(Fraction(-5000 + 3000))} "
        f"(Differenz {euro_mit_vorzeichen(Fraction(8000 - (-5000 + 3000)))})"
    ) in out


def test_the_minus_sign_u2212_standing_free_after_a_word_is_still_a_minus(capsys, tmp_path):
    total = Fraction(-5000) + Fraction(3000)
    code, out = report_text(capsys, tmp_path, "Kosten \u2212 5.000 € + 3.000 € = \u22122.000 €\n")
    assert code == 0
    assert f"{HEAD}stimmt       \u22125.000{NBSP}€ + 3.000{NBSP}€ = {euro(total)}" in out
