"""erkennen/nachtragleerzellen.py (issue 60): a Nachtrag table as running text, each cell closed by its unit, an empty
cell a lone „EUR“ (as a municipal site gives its Ortsrecht). Figures computed with Fractions, never taken from the
program."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import euro, zahl

HEAD = (
    "Mit dem Nachtragshaushaltsplan werden\n\n"
    "erhöht um vermindert um und damit der Gesamtbetrag des Haushaltsplans einschl. der Nachträge\n"
    "gegenüber bisher nunmehr festgesetzt auf\n"
    "im Ergebnisplan\n"
)
ERTRAEGE, MEHR = Fraction(8_215_300), Fraction(604_900)
AUSZAHLUNGEN, WENIGER = Fraction(2_977_450), Fraction(318_250)


def _text(neu_ertraege: Fraction, neu_auszahlungen: Fraction, kleber: str = " ") -> str:
    return HEAD + (
        f"der Gesamtbetrag der Erträge {zahl(MEHR)}{kleber}EUR EUR {zahl(ERTRAEGE)} EUR {zahl(neu_ertraege)} EUR\n"
        "der Jahresüberschuss EUR EUR EUR EUR\n"
        f"der Auszahlungen aus der Investitionstätigkeit EUR {zahl(WENIGER)} EUR {zahl(AUSZAHLUNGEN)} EUR "
        f"{zahl(neu_auszahlungen)} EUR\n"
    )


def test_each_cell_closed_by_its_unit_gives_the_column(tmp_path):
    readings = erkannt(tmp_path, "nachtragleerzellen", _text(ERTRAEGE + MEHR, AUSZAHLUNGEN - WENIGER))
    assert sorted(werte(r) for r in readings) == sorted(
        [([ERTRAEGE, MEHR], ERTRAEGE + MEHR), ([AUSZAHLUNGEN, WENIGER], AUSZAHLUNGEN - WENIGER)]
    )
    assert all(r.sicher for r in readings)


def test_the_table_holds_and_a_figure_glued_to_its_unit_is_read(capsys, tmp_path):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _text(ERTRAEGE + MEHR, AUSZAHLUNGEN - WENIGER, "_")))
    assert code == 0
    assert [(b["zeile"], b["getippt"], b["status"]) for b in report["befunde"] if b["art"] == "nachtrag"] == [
        (6, euro(ERTRAEGE + MEHR), "stimmt"),
        (8, euro(AUSZAHLUNGEN - WENIGER), "stimmt"),
    ]


def test_a_decrease_added_instead_of_taken_off_is_a_slip(capsys, tmp_path):
    wrong = AUSZAHLUNGEN + WENIGER  # the „vermindert um“ added: a slip the columns leave no doubt about
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _text(ERTRAEGE + MEHR, wrong)))
    assert code == 1
    assert [(b["zeile"], b["getippt"], b["nachgerechnet"]) for b in by_status(report, "Fehler")] == [
        (8, euro(wrong), euro(AUSZAHLUNGEN - WENIGER))
    ]


def test_rows_whose_units_do_not_match_the_head_are_left_alone(capsys, tmp_path):
    text = HEAD + (
        "Kredite von bisher 655.000 EUR auf 545.000 EUR\n"  # two cells under a head of four
        "Stand 01.01.2025 Seite 3 Haushaltsstelle 2141.54001 EUR\n"
        "1.500 EUR 2.000 EUR 7.000 EUR 9.999 EUR\n"  # no label: amounts that merely stand together
    )
    assert erkannt(tmp_path, "nachtragleerzellen", text) == []
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0 and not by_status(report, "Fehler")


def test_without_a_nachtrag_head_nothing_is_read(tmp_path):
    text = "Übersicht\nder Gesamtbetrag der Erträge 604.900 EUR EUR 8.215.300 EUR 9.999.999 EUR\n"
    assert erkannt(tmp_path, "nachtragleerzellen", text) == []
