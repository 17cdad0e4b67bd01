"""An amount times a rate or a simple fraction, written out with its result (`inzeile.py`, issue 60):
„413.481 € x 20 % = 82.696,20 €“, „256.671,30 € × 2/3 = 171.114,20 €“. Figures computed here with Fractions."""

from __future__ import annotations

from fractions import Fraction

import pytest

from tests.hilfen.nachrechnen import by_status, check, write
from tests.referenz.rechnen import euro, rund

BETRAG = Fraction(41_348_100, 100)
RATE = 20
KOSTEN = Fraction(25_667_130, 100)


def _anteil() -> Fraction:
    return rund(BETRAG * RATE / 100, Fraction(1, 100))


def _bruchteil(n: int, m: int) -> Fraction:
    return rund(KOSTEN * n / m, Fraction(1, 100))


@pytest.mark.parametrize("form", ["{a} x {p} % = {r}", "{p} % × {a} = {r}"])
def test_an_amount_times_a_rate_with_its_result(capsys, tmp_path, form):
    text = "Der Zuschuss beträgt " + form.format(a=euro(BETRAG), p=RATE, r=euro(_anteil(), cent=True)) + ".\n"
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0
    assert [(b["getippt"], b["status"]) for b in report["befunde"]] == [(euro(_anteil(), cent=True), "stimmt")]


def test_a_wrong_result_of_an_amount_times_a_rate_is_a_slip(capsys, tmp_path):
    typed = _anteil() + 273  # two digits swapped: 82.969,20 for 82.696,20
    text = f"Der Zuschuss beträgt {euro(BETRAG)} x {RATE} % = {euro(typed, cent=True)}.\n"
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 1
    assert [(b["getippt"], b["nachgerechnet"]) for b in by_status(report, "Fehler")] == [
        (euro(typed, cent=True), euro(_anteil(), cent=True))
    ]


@pytest.mark.parametrize("factor", ["× 2/3", "x 2 / 3"])
def test_an_amount_times_a_fraction_with_its_result(capsys, tmp_path, factor):
    text = f"Bund und Land: {euro(KOSTEN, cent=True)} {factor} = {euro(_bruchteil(2, 3), cent=True)}\n"
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0
    assert [(b["getippt"], b["status"]) for b in report["befunde"]] == [(euro(_bruchteil(2, 3), cent=True), "stimmt")]


def test_a_wrong_result_of_an_amount_times_a_fraction_is_a_slip(capsys, tmp_path):
    typed = _bruchteil(2, 3) + 27
    text = f"Bund und Land: {euro(KOSTEN, cent=True)} × 2/3 = {euro(typed, cent=True)}\n"
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 1
    assert [(b["getippt"], b["nachgerechnet"]) for b in by_status(report, "Fehler")] == [
        (euro(typed, cent=True), euro(_bruchteil(2, 3), cent=True))
    ]


def test_a_date_or_a_reference_with_a_slash_is_no_fraction(capsys, tmp_path):
    text = f"Beschluss 2/3 vom 02.03.2024: {euro(KOSTEN, cent=True)} für Az. 12/7 = Teil A\n"
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0 and report["befunde"] == []
