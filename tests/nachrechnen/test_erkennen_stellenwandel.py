"""erkennen/stellenwandel.py for itself: a change of a count of Stellen stated after the two counts it is the
difference of, in the shape of a02 of the corpus's Zusatz (a town's Nachtragsstellenplan 2016). Every expected figure
is worked out here with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import zahl

NEU, ALT = Fraction(43937, 100), Fraction(43071, 100)


def _absatz(wandel: Fraction, dritter: str = "Der Personalstamm erhöht sich somit insgesamt um {} Stellen.") -> str:
    return (
        "2 Stand: Nachtragsstellenplan 2016 Im Nachtragsstellenplan 2016 nach Teilhaushalten sind insgesamt "
        f"{zahl(NEU, 2)} Stellen ausgewiesen. Der ursprüngliche Stellenplan 2016 enthielt {zahl(ALT, 2)} Stellen. "
        + dritter.format(zahl(wandel, 2))
        + " Hiervon entfällt ein Teil auf die Kitas.\n"
    )


def test_the_change_is_the_difference_of_the_two_counts_before(tmp_path):
    assert Fraction(866, 100) == NEU - ALT  # the page's 8,66 Stellen
    (reading,) = erkannt(tmp_path, "stellenwandel", _absatz(NEU - ALT))
    assert werte(reading) == ([NEU, ALT], NEU - ALT) and reading.sicher


def test_a_change_that_misses_is_a_slip(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "s.txt", _absatz(Fraction(868, 100))))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 1 and Fraction(fehler["werte"]["nachgerechnet"]) == NEU - ALT


def test_sentences_of_another_shape_read_nothing(tmp_path):
    for dritter in (
        "Der Personalstamm erhöht sich um {} Stellen.",  # no „somit“: the change need not follow from the two
        "Der Personalstamm erhöht sich somit um {} Stellen und 2,5 Stellen in den Kitas.",  # a second count
        "Die Kosten erhöhen sich somit um {} %.",  # a percentage, no count
    ):
        assert erkannt(tmp_path, "stellenwandel", _absatz(NEU - ALT, dritter)) == [], dritter
