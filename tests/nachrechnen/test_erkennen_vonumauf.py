"""erkennen/vonumauf.py for itself: a change „von … um … auf …“ with a verb of its direction – here with the step's
rate between the step and „auf“ („um 38.232 € bzw. 5,5 % auf …“), as a new user writes it. Figures with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, write
from tests.referenz.rechnen import euro, prozent

ALT, SCHRITT = Fraction(695_112), Fraction(38_232)


def _satz(neu: Fraction, zwischen: str) -> str:
    return f"Die Personalkosten steigen von {euro(ALT)} um {euro(SCHRITT)} {zwischen} auf {euro(neu)}.\n"


def test_the_new_level_with_the_steps_rate_between_is_checked(tmp_path, capsys):
    rate = prozent(SCHRITT / ALT, 1)
    for zwischen in (f"bzw. {rate}", f"({rate})"):
        readings = [r for r in erkannt(tmp_path, "inzeile", _satz(ALT + SCHRITT, zwischen)) if r.typ == "von_um_auf"]
        (reading,) = readings
        assert [Fraction(t.zahl.wert) for t in reading.teile] == [ALT, SCHRITT] and reading.vorzeichen == [1, 1]
        falsch = ALT + SCHRITT + 90  # digits swapped: 733.434 for 733.344
        code, report, _ = check(capsys, write(tmp_path, "v.txt", _satz(falsch, zwischen)))
        (fehler,) = by_status(report, "Fehler")
        assert code == 1 and (fehler["getippt"], fehler["nachgerechnet"]) == (euro(falsch), euro(ALT + SCHRITT))


def test_a_percentage_that_is_no_rate_of_the_step_keeps_the_change_unread(tmp_path):
    # „bzw. 5,5 % der Gesamtkosten“ before „auf“ is something else between step and new level
    text = _satz(ALT + SCHRITT, "und damit 5,5 % der Gesamtkosten")
    assert [r for r in erkannt(tmp_path, "inzeile", text) if r.typ == "von_um_auf"] == []
