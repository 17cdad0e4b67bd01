"""A change in percentage points after the two rates (erkennen/prosa.py): „steigt von 34,5 % auf 35,2 % (+0,7
Prozentpunkte)“, „…, also um 1,25 Prozentpunkte“ – signed where a sign is typed before it (a fall written „+0,7“ is a
slip), else by its amount; and a figure of percentage points that no calculation uses is listed as „nicht geprüft“
(urteil/erwaehnung.py; before, „(+0,7 Prozentpunkte)“ was neither checked nor listed). Figures computed here with
Fractions."""

from __future__ import annotations

from fractions import Fraction

import pytest

from tests.hilfen.nachrechnen import by_status, check, write
from tests.referenz.rechnen import zahl

ALT, NEU = Fraction(345, 10), Fraction(352, 10)


def _satz(alt: Fraction, neu: Fraction, punkte: str) -> str:
    verb = "steigt" if neu > alt else "sinkt"
    return f"Die Kreisumlage {verb} von {zahl(alt, 1)} % auf {zahl(neu, 1)} % {punkte}.\n"


@pytest.mark.parametrize(
    ("alt", "neu", "punkte"),
    [
        (ALT, NEU, f"(+{zahl(NEU - ALT, 1)} Prozentpunkte)"),
        (NEU, ALT, f"(−{zahl(NEU - ALT, 1)} Prozentpunkte)"),
        (ALT, NEU, f"({zahl(NEU - ALT, 1)} %-Punkte)"),
        (ALT, NEU, f", also um {zahl(NEU - ALT, 1)} Prozentpunkte"),
    ],
)
def test_the_change_in_points_after_the_rates(tmp_path, capsys, alt, neu, punkte):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _satz(alt, neu, punkte)))
    (reading,) = report["befunde"]
    assert code == 0 and reading["status"] == "stimmt" and reading["art"] == "von_auf_um"
    assert abs(Fraction(reading["werte"]["getippt"])) == NEU - ALT


def test_a_fall_written_with_a_plus_is_a_slip(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _satz(NEU, ALT, f"(+{zahl(NEU - ALT, 1)} Prozentpunkte)")))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and Fraction(slip["werte"]["nachgerechnet"]) == ALT - NEU


def test_points_that_miss_the_rates_are_a_slip(tmp_path, capsys):
    falsch = NEU - ALT + Fraction(1, 10)
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _satz(ALT, NEU, f"(+{zahl(falsch, 1)} Prozentpunkte)")))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and (Fraction(slip["werte"]["getippt"]), Fraction(slip["werte"]["nachgerechnet"])) == (
        falsch,
        NEU - ALT,
    )


def test_a_figure_in_brackets_that_is_no_change_in_points_is_left_alone(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _satz(ALT, NEU, "(Vorjahr 33,9)")))
    assert code == 0 and report["befunde"] == []
    code, report, _ = check(capsys, write(tmp_path, "b.txt", "Der Hebesatz steigt auf 35,2 % (+0,7 Prozentpunkte).\n"))
    assert code == 0 and report["befunde"] == []


def test_points_no_calculation_uses_are_listed(tmp_path, capsys):
    text = "Die Umlage steigt um 0,5 Prozentpunkte. Im Vorjahr (+1,5 Prozentpunkte) war es mehr.\n"
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0 and [o["zahl"] for o in report["nicht_geprueft"]] == ["0,5", "1,5"]
