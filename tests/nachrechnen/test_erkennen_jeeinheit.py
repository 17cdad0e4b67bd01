"""An amount per unit after the amount and the count it divides (issue 60: a Kita-Förderung of Brandenburg an der
Havel, „Die 200.000 Euro werden auf 800 Krippenplätze … aufgeteilt, ca. 250 Euro/Kind“). Figures computed here
with Fractions."""

from __future__ import annotations

from fractions import Fraction

import pytest

from tests.hilfen.nachrechnen import check, write
from tests.referenz.rechnen import euro, zahl

FOERDERUNG, PLAETZE = Fraction(200_000), 800


def _je(report: dict) -> list[tuple]:
    return [(b["getippt"], b["status"]) for b in report["befunde"] if b["art"] == "je_einheit"]


def _kita(je_kind: Fraction, einheit: str = "/Kind") -> str:
    return (
        f"Die {euro(FOERDERUNG, zeichen='Euro')} werden auf {PLAETZE} Krippenplätze in den Kitas aufgeteilt, "
        f"ca. {euro(je_kind, zeichen='Euro')}{einheit}. Die Einrichtungen kaufen davon Möbel.\n"
    )


def test_the_amount_per_child_of_the_seed(capsys, tmp_path):
    assert FOERDERUNG / PLAETZE == 250  # the seed's figures
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _kita(FOERDERUNG / PLAETZE)))
    assert code == 0
    assert _je(report) == [(euro(FOERDERUNG / PLAETZE), "stimmt")]


def test_an_amount_per_inhabitant_with_cents(capsys, tmp_path):
    summe, einwohner = Fraction(123_456_789, 100), 4_321
    je = summe / einwohner  # typed rounded half-up to the cent
    text = (
        f"Der Kreis verteilt {euro(summe, cent=True)} auf {zahl(Fraction(einwohner), 0)} Einwohner der Gemeinde, "
        f"das sind {euro(je, cent=True)} je Einwohner.\n"
    )
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0
    assert _je(report) == [(euro(je, cent=True), "stimmt")]


@pytest.mark.parametrize(
    "text",
    [
        # the amount per unit is not the quotient: nothing read, never a slip
        _kita(FOERDERUNG / PLAETZE + 5),
        # no unit after the amount: no amount per unit
        _kita(FOERDERUNG / PLAETZE, einheit=" für jedes Kind"),
        # a year is no count: 404.800 € / 2024 = 200 €
        f"Im Jahr 2024 stehen {euro(Fraction(404_800))} bereit, {euro(Fraction(200))} je Einwohner.\n",
    ],
)
def test_nothing_is_read_where_no_amount_and_count_give_the_amount_per_unit(capsys, tmp_path, text):
    assert Fraction(404_800, 2024) == 200
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0
    assert _je(report) == []
    assert not [b for b in report["befunde"] if b["status"] == "Fehler"]
