"""erkennen/veraenderung.py for itself: a stated change under the two figures it compares, and its rate."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import euro, zahl


def test_a_change_and_its_rate_under_the_pair_it_compares(tmp_path):
    text = "Personalkosten 2025\t40.000 €\nPersonalkosten 2026\t42.000 €\nSteigerung\t2.000 €\t5,00 %\n"
    readings = {r.typ: r for r in erkannt(tmp_path, "veraenderung", text)}
    (first, second), result = werte(readings["veraenderung"])
    assert result == Fraction(2000) == abs(first - second)
    parts, rate = werte(readings["veraenderung_prozent"])
    assert sorted(parts) == [Fraction(40000), Fraction(42000)]
    assert rate == Fraction(5) == (Fraction(42000) - Fraction(40000)) / Fraction(40000) * 100


# A Jahresabschluss of an Eigenbetrieb as its page stores it (k08 of the corpus's Zusatz, Kraichtal 2018): the change
# typed only with its plus sign under the two amounts it compares, the „€“ wrapped onto a line of its own.
PLAN, ERGEBNIS = Fraction(2_968_400), Fraction(2_980_400)
AUFLOESUNG, ZUFUEHRUNG = Fraction(23_900), Fraction(68_600)


def _erfolgsplan(aenderung: Fraction) -> str:
    return (
        f"1. Erfolgsplan\nVolumen nach Plan {zahl(PLAN)}\n€\nVolumen gemäß Ergebnis {zahl(ERGEBNIS)}\n€\n"
        f"+ {zahl(aenderung)} €\n"
    )


def test_a_change_typed_with_its_plus_sign_under_two_rows_of_one_measure(tmp_path, capsys):
    readings = erkannt(tmp_path, "veraenderung", _erfolgsplan(ERGEBNIS - PLAN))  # by the rows, and as it holds
    assert {str(werte(r)) for r in readings} == {str(([ERGEBNIS, PLAN], ERGEBNIS - PLAN))}
    assert all(r.sicher for r in readings)
    getippt = ERGEBNIS - PLAN + 1000
    code, report, _ = check(capsys, write(tmp_path, "p.txt", _erfolgsplan(getippt)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and (fehler["getippt"], fehler["nachgerechnet"]) == (euro(getippt), euro(ERGEBNIS - PLAN))


def test_a_plus_sign_under_rows_of_other_measures_is_read_only_where_it_holds(tmp_path):
    text = (
        f"Auflösung Gebührenausgleichsrückstellung nach\nPlan {zahl(AUFLOESUNG)} €\n"
        f"Zuführung Gebührenausgleichsrückstellung gemäß\nErgebnis {zahl(ZUFUEHRUNG)} €\n"
    )
    (reading,) = erkannt(tmp_path, "veraenderung", text + f"Entwicklung 2018 + {zahl(ZUFUEHRUNG - AUFLOESUNG)} €\n")
    assert werte(reading)[1] == ZUFUEHRUNG - AUFLOESUNG
    assert erkannt(tmp_path, "veraenderung", text + f"Entwicklung 2018 + {zahl(ZUFUEHRUNG)} €\n") == []
    # two figures after the sign, or a sign inside a sentence: no change of this form
    assert erkannt(tmp_path, "veraenderung", text + "Entwicklung + 44.700 € und 3.000 €\n") == []


def test_a_plain_figure_with_a_plus_sign_may_be_a_cell_and_is_no_change_of_this_form(tmp_path):
    text = "Kosten Ost 2024\n15,75\nKosten Ost 2025\n14,05\n+ 1,70\n"  # in Mio. € by a head, or a cell of a table
    assert erkannt(tmp_path, "veraenderung", text) == []
