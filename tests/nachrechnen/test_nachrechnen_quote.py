"""A rate a paragraph states after two amounts as their ratio (`quote.py`, issue 60): „Die förderfähigen Kosten
betragen 657.363,88 €. Bewilligt sind 413.481 €; der Fördersatz beträgt damit 62,9 %.“ – a guess: confirmed when it
holds, else „nicht geprüft“. Figures computed here with Fractions."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import check, write
from tests.referenz.rechnen import euro, rund, zahl

KOSTEN, BEWILLIGT = Fraction(65_736_388, 100), Fraction(413_481)


def _absatz(rate: Fraction) -> str:
    return (
        f"Die förderfähigen Kosten betragen {euro(KOSTEN, cent=True)}. Bewilligt sind {euro(BEWILLIGT)}; "
        f"der Fördersatz beträgt damit {zahl(rate, 1)} %.\n"
    )


def test_a_rate_that_is_the_ratio_of_the_two_amounts_before_it(capsys, tmp_path):
    rate = rund(BEWILLIGT / KOSTEN * 100, Fraction(1, 10))
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _absatz(rate)))
    assert code == 0
    assert [(b["art"], b["getippt"], b["status"]) for b in report["befunde"]] == [
        ("quote", f"{zahl(rate, 1)}\u00a0%", "stimmt")
    ]


def test_a_rate_that_is_not_the_ratio_stays_unchecked(capsys, tmp_path):
    rate = rund(BEWILLIGT / KOSTEN * 100, Fraction(1, 10)) + 5
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _absatz(rate)))
    assert code == 0 and report["befunde"] == []
    assert f"{zahl(rate, 1)}\u00a0%" in [f["zahl"] for f in report["nicht_geprueft"]]


def test_a_rate_after_three_amounts_is_not_read(capsys, tmp_path):
    text = (
        f"Kosten {euro(KOSTEN, cent=True)}, Zuschuss {euro(BEWILLIGT)}, Spende {euro(Fraction(1000))}; Anteil 10 %.\n"
    )
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert [b for b in report["befunde"] if b["art"] == "quote"] == []
