"""What two builds print differently (the proof of `aktualisieren`): cents an earlier build lost and a figure it
printed twice on a line are differences that lose nothing, and are said as such (issue 43, findings W7 and W8)."""

from __future__ import annotations

from vorlagen.migration.gedruckt import CENT_ERGAENZT, WIEDERHOLT, compare


def unterschiede(vorher: str, nachher: str) -> list[tuple[str | None, str | None, str | None]]:
    found = compare({"v.txt": vorher}, {"v.txt": nachher})
    return [(a.vorher and a.vorher.text, a.nachher and a.nachher.text, a.grund) for a in found]


def test_cents_the_earlier_build_lost_are_named_as_such():
    assert unterschiede(
        "Ansatz 48.250 € Ist 21.380 € Abweichung +8.001 €\n", "Ansatz 48.250 € Ist 21.380,40 € Abweichung +8.000,65 €\n"
    ) == [("21.380 €", "21.380,40 €", CENT_ERGAENZT), ("+8.001 €", "+8.000,65 €", CENT_ERGAENZT)]


def test_an_amount_with_cents_that_does_not_round_to_the_earlier_one_is_a_change():
    assert unterschiede("Ist 100 €\n", "Ist 101,40 €\n") == [("100 €", "101,40 €", None)]
    assert unterschiede("Ist 100,00 €\n", "Ist 100,40 €\n") == [("100,00 €", "100,40 €", None)]


def test_a_figure_printed_twice_on_a_line_that_still_shows_it_is_a_repeat():
    assert unterschiede("241.500 €\t241.500 €\tUnimog\n", "241.500 €\tUnimog\n") == [("241.500 €", None, WIEDERHOLT)]


def test_a_figure_gone_from_its_line_is_a_change():
    assert unterschiede("Kosten 241.500 €\nZuschuss 80.000 €\n", "Kosten 241.500 €\nZuschuss\n") == [
        ("80.000 €", None, None)
    ]
