"""A share a paragraph names as a fraction in words (issue 60: a Hessenkasse paper, „Eigenanteil von einem Neuntel“).
Figures computed here with Fractions."""

from __future__ import annotations

from fractions import Fraction

import pytest

from tests.hilfen.nachrechnen import check, write
from tests.referenz.rechnen import euro

ZUSCHUSS = Fraction(82_010_700, 100)


def _text(eigenanteil: Fraction, wort: str = "einem Neuntel") -> str:
    return (
        "Das Ministerium hat der Gemeinde einen Investitionszuschuss i. H. v. "
        f"{euro(ZUSCHUSS, cent=True, zeichen='EUR')} bewilligt. Hinzu kommt ein Eigenanteil von {wort} des "
        f"Zuschusskontingentes. Dieser Eigenanteil beläuft sich auf {euro(eigenanteil, cent=True, zeichen='EUR')}.\n"
    )


def _bruchwort(report: dict) -> list[tuple]:
    return [(b["getippt"], b["status"]) for b in report["befunde"] if b["art"] == "bruchwort"]


@pytest.mark.parametrize(
    ("wort", "anteil"),
    [("einem Neuntel", Fraction(1, 9)), ("zwei Dritteln", Fraction(2, 3)), ("einem Viertel", Fraction(1, 4))],
)
def test_a_fraction_in_words_of_an_amount_before_is_confirmed(capsys, tmp_path, wort, anteil):
    share = ZUSCHUSS * anteil  # typed rounded half-up to the cent, as euro() types it
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _text(share, wort)))
    assert code == 0
    assert _bruchwort(report) == [(euro(share, cent=True), "stimmt")]


def test_the_share_of_the_hessenkasse_paper(capsys, tmp_path):
    # the seed's figures: 820.107,00 EUR / 9 = 91.123,00 EUR exactly
    assert Fraction(9_112_300, 100) == ZUSCHUSS / 9
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _text(ZUSCHUSS / 9)))
    assert code == 0
    assert _bruchwort(report) == [(euro(ZUSCHUSS / 9, cent=True), "stimmt")]


@pytest.mark.parametrize(
    ("wort", "eigenanteil"),
    [
        # a share that is not the fraction: nothing read, never a slip (the words may mean another base)
        ("einem Neuntel", ZUSCHUSS / 9 + 1),
        # the fraction word is no fraction of one („fünf Viertel“), or no fraction word at all
        ("fünf Vierteln", ZUSCHUSS * 5 / 4),
        ("einem Teil", ZUSCHUSS / 9),
    ],
)
def test_nothing_is_read_where_no_fraction_ties_two_amounts(capsys, tmp_path, wort, eigenanteil):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _text(eigenanteil, wort)))
    assert code == 0
    assert _bruchwort(report) == []
    assert not [b for b in report["befunde"] if b["status"] == "Fehler"]
