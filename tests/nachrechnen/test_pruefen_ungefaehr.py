"""pruefen.py with aufbau/gerundet.approximate_allowance: a result the text calls approximate („ca.“, „rund“, „etwa“)
is rounded to its last place that is not zero – within half of it a rounding, beyond it a slip (aa03 of the corpus's
Zusatz: 110 m² at 3.883,00 € „ca. 427.000,00 Euro“ was a FEHLER)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from tests.hilfen.nachrechnen import by_status, check, write
from tests.referenz.rechnen import euro, rund
from vorlagen.nachrechnen.aufbau import gerundet
from vorlagen.nachrechnen.lesen.zahlenlesen import figures

FLAECHE, SATZ = 110, Fraction(388_300, 100)  # m², € per m²


def _verdict(tmp_path, capsys, line: str) -> tuple[int, dict]:
    code, report, _ = check(capsys, write(tmp_path, "u.txt", line + "\n"))
    (befund,) = report["befunde"]
    return code, befund


@pytest.mark.parametrize("hedge", ["ca. ", "rund ", "etwa ", "circa ", "rd. "])
def test_an_approximate_result_within_its_last_place_is_a_rounding(tmp_path, capsys, hedge):
    exact = FLAECHE * SATZ
    typed = rund(exact, Fraction(1000))
    assert typed != exact  # the figures of the test: the result is rounded to thousands
    code, befund = _verdict(tmp_path, capsys, f"{FLAECHE} x {euro(SATZ, cent=True)} = {hedge}{euro(typed)}")
    assert code == 0 and befund["status"] == "Rundung" and befund["nachgerechnet"] == euro(exact)
    assert "ungefähr" in befund["hinweis"]


def test_an_approximate_result_beyond_its_last_place_is_a_slip(tmp_path, capsys):
    exact = FLAECHE * SATZ
    typed = rund(exact, Fraction(1000)) + 10_000
    code, befund = _verdict(tmp_path, capsys, f"{FLAECHE} x {euro(SATZ, cent=True)} = ca. {euro(typed)}")
    assert code == 1 and befund["status"] == "Fehler" and befund["nachgerechnet"] == euro(exact)


def test_without_the_word_the_same_figure_is_a_slip(tmp_path, capsys):
    exact = FLAECHE * SATZ
    typed = rund(exact, Fraction(1000))
    for line in (
        f"{FLAECHE} x {euro(SATZ, cent=True)} = {euro(typed)}",
        f"{FLAECHE} x {euro(SATZ, cent=True)} = {euro(typed)} (ca. gerechnet)",  # the word after the figure
    ):
        code, befund = _verdict(tmp_path, capsys, line)
        assert code == 1 and befund["status"] == "Fehler", line


def test_the_last_place_not_zero_sets_the_step(tmp_path, capsys):
    """„rund 1.200.000 €“ is rounded to a hundred thousand: 3 x 412.000 € = 1.236.000 € holds, 3 x 430.000 € =
    1.290.000 € does not; „rund 1,2 Mio. €“ is typed to that step already and holds by it."""
    for betrag, status in ((Fraction(412_000), "Rundung"), (Fraction(430_000), "Fehler")):
        exact = 3 * betrag
        assert (rund(exact, Fraction(100_000)) == 1_200_000) == (status == "Rundung")
        code, befund = _verdict(tmp_path, capsys, f"3 x {euro(betrag)} = rund 1.200.000 €")
        assert befund["status"] == status and code == (status == "Fehler")
    code, report, _ = check(capsys, write(tmp_path, "r.txt", "3 x 412.000 € = rund 1,2 Mio. €\n"))
    assert code == 0 and len(by_status(report, "stimmt")) == 1


def test_the_word_is_read_in_its_line_not_in_a_slice_of_it():
    """„Grund“ and spaces before a figure: a slice of twelve characters would begin with „rund“ – no hedge."""
    for text, allowance in (("im Grund        427.000 €", 0), ("im Jahr ca. 427.000 €", 500)):
        (zahl_,) = figures(text)
        assert gerundet.approximate_allowance(text, zahl_) == allowance, text
