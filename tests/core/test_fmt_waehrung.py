"""The currency sign of the Hausstil (issue 34, point 2: Mainz prints „1.383.750 EUR“): every amount the engine
formats carries it, in every unit. Issue 47, point 3: the sign travels as a `Zahlformat` the Körperschaft carries and
hands to whatever prints – two formats side by side, nothing set for the process. Expected texts are written apart
from the engine (tests/referenz)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from fractions import Fraction

import pytest

from tests.referenz.rechnen import NBSP, euro, euro_mit_vorzeichen, zahl
from vorlagen.core import fmt
from vorlagen.core.fmt import FILTERNAMEN, OHNE_HAUS, ZAHLFORMATE, Zahlformat
from vorlagen.load.hausstil import Hausstil

EUR, ZEICHEN = Zahlformat("EUR"), Zahlformat("€")
GESAMT = Fraction(1383750)  # Mainz: „1.383.750 EUR“


def test_every_money_unit_prints_the_houses_sign():
    assert EUR.eur(GESAMT) == euro(GESAMT, zeichen="EUR") == f"1.383.750{NBSP}EUR"
    assert EUR.eur_cent(GESAMT) == euro(GESAMT, cent=True, zeichen="EUR")  # „1.383.750,00 EUR“
    assert EUR.teur(GESAMT) == f"{zahl(GESAMT / 1000, 0)}{NBSP}TEUR"
    assert EUR.mio(GESAMT) == f"{zahl(GESAMT / 10**6, 2)}{NBSP}Mio.{NBSP}EUR"
    assert EUR.mrd(GESAMT * 1000, 3) == f"{zahl(GESAMT / 10**6, 3)}{NBSP}Mrd.{NBSP}EUR"
    assert EUR.geld(Fraction(181800)) == euro(Fraction(181800), zeichen="EUR")
    assert EUR.geld(Fraction(1250, 100)) == euro(Fraction(1250, 100), cent=True, zeichen="EUR")  # „12,50 EUR“
    assert EUR.euro_or_cent(GESAMT, Decimal("0.01")) == euro(GESAMT, cent=True, zeichen="EUR")
    assert EUR.signed(Fraction(18), Decimal(1)) == f"+18{NBSP}EUR"
    assert [EUR.geldeinheit(e) for e in ("€", "T€", "Mio. €", "Mrd. €", "VZÄ", "%")] == [
        "EUR",
        "TEUR",
        "Mio. EUR",
        "Mrd. EUR",
        "VZÄ",
        "%",
    ]


def test_two_formats_side_by_side_each_keep_their_sign():
    """No format is set for the process: asking one never changes what the other prints."""
    for _ in range(2):
        assert ZEICHEN.eur(GESAMT) == euro(GESAMT) == f"1.383.750{NBSP}€"
        assert EUR.eur(GESAMT) == euro(GESAMT, zeichen="EUR")
        assert ZEICHEN.teur(GESAMT) == f"{zahl(GESAMT / 1000, 0)}{NBSP}T€"
        assert ZEICHEN.signed(Fraction(-2), Decimal(1)) == euro_mit_vorzeichen(Fraction(-2)) == f"−2{NBSP}€"
        assert [ZEICHEN.geldeinheit(e) for e in ("€", "T€", "VZÄ")] == ["€", "T€", "VZÄ"]


def test_the_filters_are_bound_to_their_format():
    """A text's `| eur`, `| teur`, `| geld(q)`, `| geldeinheit` print in the sign of the format whose filters they are;
    the other filters are the same for every house."""
    assert tuple(EUR.filters) == tuple(ZEICHEN.filters) == FILTERNAMEN
    assert EUR.filters["eur"](GESAMT) == euro(GESAMT, zeichen="EUR")
    assert ZEICHEN.filters["eur"](GESAMT) == euro(GESAMT)
    assert EUR.filters["geld"](GESAMT, Decimal(1)) == euro(GESAMT, zeichen="EUR")
    assert EUR.filters["geldeinheit"]("T€") == "TEUR"
    assert EUR.filters["zahl"] is ZEICHEN.filters["zahl"] is fmt.zahl
    assert EUR.filters["prozent"](Fraction(1, 3)) == f"33,33{NBSP}%"


def test_the_house_carries_its_format():
    """The Hausstil's `waehrung` is its format; the Körperschaft hands it on. A read without a house prints „€“."""
    assert Hausstil(waehrung="EUR").zahlformat == EUR
    assert Hausstil().zahlformat == ZEICHEN == OHNE_HAUS
    assert set(ZAHLFORMATE) == set(fmt.WAEHRUNGEN)
    with pytest.raises(dataclasses.FrozenInstanceError):
        EUR.waehrung = "€"  # type: ignore[misc]


def test_there_is_one_way_to_format_money():
    """No money formatter and no sign remain at module level: money prints through a Zahlformat only."""
    for name in ("eur", "eur_cent", "teur", "mio", "mrd", "geld", "euro_or_cent", "signed", "geldeinheit"):
        assert not hasattr(fmt, name), name
        assert callable(getattr(EUR, name))
    assert not hasattr(fmt, "waehrung_setzen") and not hasattr(fmt, "FILTERS")
