"""`runden: genau`: the amount per unit a row's text shows gives the row back (issue 44) – checked against the
reference's exact rounding, not against the engine's own."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from tests.referenz.rechnen import rund
from vorlagen.core.money import CENT, EURO, Rundung

anzahlen = st.sampled_from([Fraction(1, 2), Fraction(1), Fraction(3), Fraction(7, 2), Fraction(7), Fraction(13)])
faktoren = st.sampled_from([Fraction(13, 12), Fraction(1, 12), Fraction(7, 12), Fraction(200, 365), Fraction(59, 366)])
saetze = st.lists(st.integers(min_value=1, max_value=9_000_000), min_size=1, max_size=3)
anteile = st.sampled_from([Fraction(1), Fraction(3, 4), Fraction(1, 2)])


@given(anzahlen, saetze, faktoren, anteile, st.booleans())
def test_the_shown_unit_gives_the_row_back(anzahl, cents, faktor, anteil, cent):
    quantum, step = (CENT, Fraction(1, 100)) if cent else (EURO, Fraction(1))
    exakt = [Fraction(c, 100 if cent else 1) * faktor for c in cents]
    row = rund(anzahl * anteil * sum(exakt), step)  # genau: the exact row, rounded once
    shown = Rundung(quantum, je_einheit=False).im_text(anzahl, exakt, anteil)
    assert shown is not None
    parts, unit, shown_step = shown
    places = -shown_step.as_tuple().exponent
    assert places == (2 if cent else 0) or places >= 2  # whole euros, or cents and finer
    q = Fraction(shown_step)
    for part, genau in zip(parts, exakt, strict=True):
        assert abs(Fraction(part) - genau) < q and (Fraction(part) / q).denominator == 1
    assert Fraction(unit) == rund(sum(Fraction(p) for p in parts) * anteil, q)  # the text's sum, as a reader adds
    assert rund(anzahl * Fraction(unit), step) == row  # Anzahl x shown unit = the printed row


def test_seed_000s_row_shows_its_cents():
    """95.380 € for 13 months, 7 times: 7 x 103.328 € would be 723.296 €, the row is 723.298 €."""
    parts, unit, step = Rundung(EURO, je_einheit=False).im_text(7, [Fraction(95_380) * 13 / 12])
    assert (parts, unit, step) == ([Decimal("103328.33")], Decimal("103328.33"), CENT)


def test_a_row_on_the_half_takes_the_unit_rounded_up():
    """1,5 x 1/3 € = 0,50 € rounds to 1 €; half-up the unit is 0 €, 0,33 €, 0,333 € … – 1,5 times each stays below
    0,50 €. So at cents the unit is rounded up: 1,5 x 0,34 € = 0,51 € → 1 €. (Rounded up in whole euros, 1,5 x 1 €
    would give 2 €; a row's own step is only ever rounded half-up.)"""
    third = Fraction(1, 3)
    assert rund(Fraction(3, 2) * third) == 1
    assert all(rund(Fraction(3, 2) * rund(third, Fraction(1, 10**p))) == 0 for p in range(8))
    parts, unit, step = Rundung(EURO, je_einheit=False).im_text(Fraction(3, 2), [third])
    assert (parts, unit, step) == ([Decimal("0.34")], Decimal("0.34"), CENT)


def test_je_einheit_shows_what_the_row_is_computed_from():
    rundung = Rundung(EURO, je_einheit=True)
    exakt = [Fraction(95_380) * 13 / 12]
    parts, unit, row = rundung.zeile(7, exakt)
    assert rundung.im_text(7, exakt) == (parts, unit, EURO) and row == 7 * 103_328
