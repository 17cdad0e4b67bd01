"""Figures as typed (issue 57, point 1): a figure typed by the user prints with the places it was typed with – „90 %“
printed „90,00 %“ and „27,5 Mio. €“ „27,50 Mio. €“ before –, unless its own `stellen` says otherwise; computed
quotas keep the house's places; a sum of figures prints at least the places of the figures it adds up („0,523 Mio.
€“ + „0,416 Mio. €“ printed „0,94 Mio. €“, and the text no longer added up). Prints come from tests/referenz."""

from __future__ import annotations

from fractions import Fraction

import pytest

from tests.hilfen.beispielvorlage import add, figures
from tests.referenz.rechnen import prozent, zahl

NBSP = "\u00a0"
MIO = f"{NBSP}Mio.{NBSP}€"


@pytest.mark.parametrize(
    ("formel", "einheit", "wert", "gedruckt"),
    [
        ("90 %", "%", Fraction(90, 100), f"90{NBSP}%"),
        ("80", "%", Fraction(80, 100), f"80{NBSP}%"),
        ("12,5 %", "%", Fraction(125, 1000), f"12,5{NBSP}%"),
        ("27,5", "Mio. €", Fraction(27_500_000), f"27,5{MIO}"),
        ("27", "Mio. €", Fraction(27_000_000), f"27{MIO}"),
        ("1,2", "Mrd. €", Fraction(1_200_000_000), f"1,2{NBSP}Mrd.{NBSP}€"),
        ("50 % + 10 %", "%", Fraction(60, 100), f"60{NBSP}%"),  # numbers it adds up: still typed
    ],
)
def test_a_typed_figure_prints_with_the_places_it_was_typed_with(data, formel, einheit, wert, gedruckt):
    add(data, f'  - id: x\n    formel: "{formel}"\n    einheit: "{einheit}"\n')
    x = figures(data)["x"]
    assert x == wert and x.text == gedruckt


def test_its_own_stellen_decide_over_the_typed_places(data):
    add(data, '  - id: x\n    formel: "90 %"\n    einheit: "%"\n    stellen: 2\n')
    assert figures(data)["x"].text == prozent(Fraction(90, 100), 2)


def test_computed_quotas_keep_the_houses_places(data):
    add(
        data,
        '  - id: a\n    formel: "8898"\n  - id: b\n    formel: "10000"\n'
        '  - id: quote\n    formel: a / b\n    einheit: "%"\n'
        '  - id: produkt\n    formel: "2 * 45 %"\n    einheit: "%"\n'
        '  - id: drittel\n    formel: "100 / 3"\n    einheit: "%"\n',
    )
    z = figures(data)
    assert z["quote"].text == prozent(Fraction(8898, 10000), 2)  # 88,98 %
    assert z["produkt"].text == prozent(Fraction(90, 100), 2)  # a product is computed: 90,00 %
    assert z["drittel"].text == prozent(Fraction(1, 3), 2)


def test_a_sum_of_typed_figures_prints_at_least_their_places(data):
    add(
        data,
        '  - id: a\n    formel: "0,523"\n    einheit: Mio. €\n  - id: b\n    formel: "0,416"\n    einheit: Mio. €\n'
        "  - id: summe\n    formel: a + b\n    einheit: Mio. €\n"
        "  - id: differenz\n    formel: a - b\n    einheit: Mio. €\n"
        "  - id: zwei\n    formel: summe(a; b)\n    einheit: Mio. €\n    stellen: 2\n"
        '  - id: p\n    formel: "12,125 %"\n    einheit: "%"\n  - id: q\n    formel: p + p\n    einheit: "%"\n',
    )
    z = figures(data)
    assert z["summe"] == 939_000 and z["summe"].text == zahl(Fraction(939, 1000), 3) + MIO  # 0,939, not 0,94
    assert z["differenz"].text == zahl(Fraction(107, 1000), 3) + MIO
    assert z["zwei"].text == zahl(Fraction(939, 1000), 2) + MIO  # its `stellen` says otherwise: 0,94
    assert z["q"].text == f"{zahl(Fraction(2425, 100), 3)}{NBSP}%"  # 24,250 %: the three places of 12,125 %
