"""One decimal comma (issue 58, point 4): `dezimalkomma` replaces the ten hand-made ones; it gives what each of them
gave – a text as written, a Decimal in its plain notation, a float to a number of places."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import pytest

from vorlagen.core.fmt import dezimalkomma


@pytest.mark.parametrize(
    ("wert", "stellen", "erwartet"),
    [
        ("12.5", None, "12,5"),
        ("-0.25", None, "-0,25"),
        ("5000", None, "5000"),
        (Decimal("0.523"), None, "0,523"),
        (Decimal("7.5"), None, "7,5"),  # a font size in pt
        (Decimal("1E+3").normalize(), None, "1000"),  # plain notation, never an exponent
        (Decimal(1) / Decimal(8), None, "0,125"),
        (2.25, 1, "2,2"),  # Python's format rounds a float's binary value
        (12.0, 1, "12,0"),
        (0.3, 1, "0,3"),
    ],
)
def test_a_number_with_a_decimal_comma_and_no_digit_groups(wert, stellen, erwartet):
    assert dezimalkomma(wert, stellen) == erwartet


WERTE = [Fraction(n, d) for n in (-7, 0, 1, 5, 12, 523, 1500, 99999) for d in (1, 2, 4, 8, 10, 1000)]


@pytest.mark.parametrize("wert", WERTE)
def test_it_gives_what_the_hand_made_commas_gave(wert):
    """The expressions it replaced, as they stood (compute/erwartung, migration/zahlenschreibweise, render/ausdruck,
    render/pdf, render/layout, load/schreibweise, building/bearbeiten/werte, cli)."""
    dezimal = Decimal(wert.numerator) / Decimal(wert.denominator)
    assert dezimalkomma(dezimal) == format(dezimal, "f").replace(".", ",")
    assert dezimalkomma(dezimal.normalize()) == format(dezimal.normalize(), "f").replace(".", ",")
    assert dezimalkomma(f"{dezimal:f}") == f"{dezimal:f}".replace(".", ",")
    mm = float(wert) * 3.7
    assert dezimalkomma(math.ceil(mm * 10) / 10, 1) == f"{math.ceil(mm * 10) / 10:.1f}".replace(".", ",")


def test_no_module_makes_a_decimal_comma_by_hand():
    from tests.hilfen import ROOT

    hand = 'replace("' + '.", ",")'  # written apart, so that this file does not match itself
    found = [
        p.relative_to(ROOT).as_posix()
        for p in sorted((ROOT / "vorlagen").rglob("*.py"))
        if hand in p.read_text(encoding="utf-8") and p != ROOT / "vorlagen" / "core" / "fmt.py"
    ]
    assert found == []
