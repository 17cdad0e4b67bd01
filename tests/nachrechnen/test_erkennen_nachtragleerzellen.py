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


# rows that name each cell's column themselves, with no head above them (a Satzung as a Wittich Amtsblatt prints it)
BISHER, ERHOEHT = Fraction(70_993_100), Fraction(6_487_500)


def _benannt(neu: Fraction, rest: str = "") -> str:
    return (
        "§ 1\nDurch den Nachtragshaushaltsplan werden im Haushaltsjahr 2023\n1. im Ergebnisplan der\n"
        f"- Gesamtbetrag der Erträge erhöht um {zahl(ERHOEHT)} € vermindert um € gegenüber bisher {zahl(BISHER)} € "
        f"nunmehr festgesetzt auf {zahl(neu)} €{rest}\n"
        f"- Gesamtbetrag der Aufwendungen erhöht um € vermindert um € gegenüber bisher {zahl(BISHER)} € "
        f"nunmehr festgesetzt auf {zahl(BISHER)} €\n"
    )


def test_a_row_that_names_each_cell_is_read_without_a_head(tmp_path):
    neu = BISHER + ERHOEHT
    (reading,) = [r for r in erkannt(tmp_path, "nachtragleerzellen", _benannt(neu)) if r.sicher]
    parts, result = werte(reading)
    assert parts == [BISHER, ERHOEHT] and result == neu and reading.ergebnis.zeile.nr == 4


def test_a_slip_in_a_row_that_names_each_cell_is_a_fehler(tmp_path, capsys):
    neu = BISHER + ERHOEHT
    falsch = neu - 1_000_000  # 77.480.600 typed 76.480.600
    assert zahl(falsch) == "76.480.600"
    code, report, _ = check(capsys, write(tmp_path, "s.txt", _benannt(falsch)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 4 and fehler["nachgerechnet"] == euro(neu)


def test_a_named_row_with_an_amount_outside_its_cells_or_a_column_twice_is_left_alone(tmp_path):
    neu = BISHER + ERHOEHT
    for text in (
        _benannt(neu - 5_000, rest=", davon 5.000 € für Zinsen"),
        _benannt(neu).replace("vermindert um €", "erhöht um €"),
    ):
        assert [r for r in erkannt(tmp_path, "nachtragleerzellen", text) if r.sicher] == [], text
