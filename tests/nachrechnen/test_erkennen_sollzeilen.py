"""erkennen/sollzeilen.py for itself: an über- or außerplanmäßige Ausgabe as three labelled lines under its
Haushaltsstelle, in the shape of x03 of the corpus's Zusatz (a Samtgemeinde's report on the over-runs of 2007).
Every expected figure is worked out here with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import zahl

SOLL, ANORDNUNG = Fraction(3_300_000, 100), Fraction(4_814_725, 100)


def _stelle(soll: Fraction, anordnung: Fraction, ueber: Fraction, getrennt: bool = False) -> str:
    plan = f"Haushaltssoll :\n{zahl(soll, 2)} €" if getrennt else f"Haushaltssoll : {zahl(soll, 2)} €"
    return (
        "b) Haushaltsstelle\n3400.6381 - Schreyahner Herbst\n"
        f"{plan}\nAnordnungssoll : {zahl(anordnung, 2)} €\nÜberplanmäßige Ausgabe : {zahl(ueber, 2)} €\n"
        "Für das Fest waren Mehrausgaben notwendig.\n"
    )


def test_the_over_run_is_what_is_ordered_less_what_the_plan_holds(tmp_path):
    ueber = ANORDNUNG - SOLL
    assert ueber == Fraction(1_514_725, 100)  # the page's 15.147,25 €
    for getrennt in (False, True):
        (reading,) = erkannt(tmp_path, "sollzeilen", _stelle(SOLL, ANORDNUNG, ANORDNUNG - SOLL, getrennt))
        assert werte(reading) == ([ANORDNUNG, SOLL], ANORDNUNG - SOLL)
        assert reading.ergebnis.zeile.nr == 5 + getrennt


def test_an_over_run_typed_wrong_is_a_slip_in_its_line(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "s.txt", _stelle(SOLL, ANORDNUNG, Fraction(1_541_725, 100))))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 5
    assert Fraction(fehler["werte"]["nachgerechnet"]) == ANORDNUNG - SOLL


def test_an_ausserplanmaessige_ausgabe_has_a_plan_of_nothing(tmp_path):
    text = _stelle(Fraction(0), Fraction(3000), Fraction(3000)).replace("Überplanmäßige", "Außerplanmäßige")
    (reading,) = erkannt(tmp_path, "sollzeilen", text)
    assert werte(reading) == ([Fraction(3000), Fraction(0)], Fraction(3000))


def test_lines_in_another_order_or_with_other_labels_are_no_over_run(tmp_path):
    text = _stelle(SOLL, ANORDNUNG, ANORDNUNG - SOLL)
    swapped = (
        text.replace("Haushaltssoll", "X").replace("Anordnungssoll", "Haushaltssoll").replace("X", "Anordnungssoll")
    )
    assert erkannt(tmp_path, "sollzeilen", swapped) == []
    assert erkannt(tmp_path, "sollzeilen", text.replace("Überplanmäßige Ausgabe", "Davon gebucht")) == []
