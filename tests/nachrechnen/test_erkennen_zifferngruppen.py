"""erkennen/zifferngruppen.py (issue 60): the new amount of a Nachtrag row typed with its digit groups wrong
(„2.7902.500“ for bisher 2.250.250 € plus 540.000 €) is a slip, reported with the sum the row makes; what merely looks
alike (a Haushaltsstelle, a date, a figure in right groups) is left alone. Figures computed with Fractions."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import zahl

HEAD = "| | gegenüber bisher | verändert um | festgesetzt auf |\n"
BISHER, CHANGE = Fraction(3_140_250), Fraction(615_000)


def _row(last: str) -> str:
    return HEAD + f"| die Auszahlungen aus Investitionstätigkeit auf | {zahl(BISHER)} € | {zahl(CHANGE)} € | {last} |\n"


def test_a_new_amount_with_a_group_of_four_digits_is_a_slip(capsys, tmp_path):
    right = BISHER + CHANGE
    assert zahl(right) == "3.755.250"
    mistyped = "3.7552.500"  # the digits shifted into a group of four, as a real Amtsblatt printed one
    (reading,) = erkannt(tmp_path, "zifferngruppen", _row(mistyped))
    parts, result = werte(reading)
    assert parts == [BISHER, CHANGE]
    assert result == Fraction(37_552_500) != right
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _row(mistyped)))
    assert code == 1
    (slip,) = by_status(report, "Fehler")
    assert (slip["zeile"], slip["nachgerechnet"]) == (2, zahl(right))
    assert mistyped in slip["hinweis"]


def test_a_new_amount_in_right_groups_is_no_business_of_this_recogniser(tmp_path):
    assert erkannt(tmp_path, "zifferngruppen", _row(f"{zahl(BISHER + CHANGE)} €")) == []


def test_what_merely_looks_like_a_mistyped_amount_is_left_alone(capsys, tmp_path):
    for last in ("2141.54001", "01.01.2023", "1.2345", "51.10.05.30/090008", "12.3456.7890"):
        text = _row(last)
        assert erkannt(tmp_path, "zifferngruppen", text) == [], last
        code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
        assert code == 0 and not by_status(report, "Fehler"), last


def test_outside_a_nachtrag_table_a_group_of_four_is_not_read(tmp_path):
    text = f"| | 2023 | 2024 | 2025 |\n| Auszahlungen | {zahl(BISHER)} € | {zahl(CHANGE)} € | 3.7552.500 |\n"
    assert erkannt(tmp_path, "zifferngruppen", text) == []
