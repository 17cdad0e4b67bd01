"""A difference in rows „Name: Betrag“ one under another (issue 60, point 3; `differenzzeilen.py`), figures computed
here with Fractions."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, write
from tests.referenz.rechnen import euro, zahl

GEPLANT, BESCHEID = Fraction(32_948_051, 100), Fraction(14_771_400, 100)


def _zeilen(typed: Fraction, noun: str = "Eigenmittel") -> str:
    return (
        "Eigenmittel:\n"
        f"geplante Eigenmittel: {euro(GEPLANT, cent=True)}\n"
        f"Eigenmittel laut Fördermittelbescheid: {euro(BESCHEID, cent=True)}\n"
        f"eingesparte {noun}: {euro(typed, cent=True)}\n"
    )


def test_a_row_named_a_difference_is_the_difference_of_the_two_rows_above(capsys, tmp_path):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _zeilen(GEPLANT - BESCHEID)))
    assert code == 0
    assert [(b["art"], b["zeile"], b["getippt"], b["status"]) for b in report["befunde"]] == [
        ("differenz", 4, euro(GEPLANT - BESCHEID, cent=True), "stimmt")
    ]


def test_a_wrong_difference_in_such_rows_is_a_slip(capsys, tmp_path):
    typed = GEPLANT - BESCHEID + 10
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _zeilen(typed)))
    assert code == 1
    assert [(b["zeile"], b["getippt"], b["nachgerechnet"]) for b in by_status(report, "Fehler")] == [
        (4, euro(typed, cent=True), euro(GEPLANT - BESCHEID, cent=True))
    ]


def test_rows_that_name_different_things_are_no_difference(capsys, tmp_path):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _zeilen(GEPLANT, "Sachkosten")))
    assert code == 0 and report["befunde"] == []


# --- „von A um C auf B“ in a sentence, any unit ----------------------------------------------------------------

VON, UM = Fraction(660, 10), Fraction(200, 10)


def test_from_by_to_in_this_order(capsys, tmp_path):
    line = (
        f"Im nachrichtlichen Teil steigen die Stellen für die AHA von {zahl(VON, 1)} um {{}} auf {zahl(VON + UM, 1)}.\n"
    )
    code, report, _ = check(capsys, write(tmp_path, "a.txt", line.format(zahl(UM, 1))))
    assert code == 0
    assert [(b["art"], b["getippt"], b["status"]) for b in report["befunde"]] == [("von_auf_um", zahl(UM, 1), "stimmt")]
    code, report, _ = check(capsys, write(tmp_path, "b.txt", line.format(zahl(UM + 1, 1))))
    assert code == 1
    assert [(b["getippt"], b["nachgerechnet"]) for b in by_status(report, "Fehler")] == [(zahl(UM + 1, 1), zahl(UM, 1))]
