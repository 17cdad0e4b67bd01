"""erkennen/umvonauf.py for itself: a Nachtragssatzung's change set one part per line – „die Ausgaben um …“, „von …“,
„auf …“, „erhöht,“ – with blank lines between. The figures are those of i02 of the corpus's Zusatz (Stadt
Fürstenau, I. Nachtrag 2006), worked out with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import euro, zahl

BISHER, UM = Fraction(4841700), Fraction(3360900)


def _satzung(neu: Fraction, verb: str = "erhöht,", um: Fraction = UM) -> str:
    return (
        "Beschlossen wird die I. Nachtragshaushaltssatzung, welche\n\nim Verwaltungshaushalt\n\n"
        f"die Ausgaben um          {zahl(um)} €\n\nvon          {zahl(BISHER)} €\n\nauf          {zahl(neu)} €\n\n"
        f"{verb}\n"
    )


def test_raised_is_the_old_amount_plus_the_step(tmp_path):
    (reading,) = erkannt(tmp_path, "umvonauf", _satzung(BISHER + UM))
    assert werte(reading) == ([BISHER, UM], BISHER + UM) and reading.sicher
    assert reading.ergebnis.zeile.nr == 9 and reading.teile[1].zeile.nr == 5


def test_a_slip_in_the_new_amount_is_a_slip(tmp_path, capsys):
    getippt = BISHER + UM + 1000
    code, report, _ = check(capsys, write(tmp_path, "n.txt", _satzung(getippt)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and (fehler["zeile"], fehler["getippt"], fehler["nachgerechnet"]) == (
        9,
        euro(getippt),
        euro(BISHER + UM),
    )


def test_lowered_is_the_old_amount_less_the_step(tmp_path):
    um = Fraction(841700)
    (reading,) = erkannt(tmp_path, "umvonauf", _satzung(BISHER - um, "vermindert,", um))
    assert werte(reading) == ([BISHER, um], BISHER - um) and reading.vorzeichen == [1, -1] and reading.sicher


def test_without_a_verb_the_step_is_only_compared_with_the_distance(tmp_path, capsys):
    text = _satzung(BISHER + UM + 1000, "")
    (reading,) = erkannt(tmp_path, "umvonauf", text)
    assert not reading.sicher
    code, report, _ = check(capsys, write(tmp_path, "n.txt", text))
    assert code == 0 and by_status(report, "Fehler") == []


def test_lines_far_apart_are_no_change(tmp_path):
    text = _satzung(BISHER + UM).replace("\n\nvon", "\n\n\n\n\n\n\nvon")
    assert erkannt(tmp_path, "umvonauf", text) == []
