"""The currency sign of the Hausstil (issue 34, point 2: Mainz prints „1.383.750 EUR“): every amount the engine
formats carries it, in every unit – expected texts written apart from the engine (tests/referenz)."""

from __future__ import annotations

from fractions import Fraction

from tests.referenz.rechnen import NBSP, euro, zahl
from vorlagen.core import fmt


def test_every_money_unit_prints_the_houses_sign():
    gesamt = Fraction(1383750)  # Mainz: „1.383.750 EUR“
    assert fmt.eur(gesamt) == euro(gesamt) == f"1.383.750{NBSP}€"
    fmt.waehrung_setzen("EUR")
    assert fmt.eur(gesamt) == euro(gesamt, zeichen="EUR") == f"1.383.750{NBSP}EUR"
    assert fmt.eur_cent(gesamt) == euro(gesamt, cent=True, zeichen="EUR")  # „1.383.750,00 EUR“
    assert fmt.teur(gesamt) == f"{zahl(gesamt / 1000, 0)}{NBSP}TEUR"
    assert fmt.mio(gesamt) == f"{zahl(gesamt / 10**6, 2)}{NBSP}Mio.{NBSP}EUR"
    assert fmt.mrd(gesamt * 1000, 3) == f"{zahl(gesamt / 10**6, 3)}{NBSP}Mrd.{NBSP}EUR"
    assert fmt.geld(Fraction(181800)) == euro(Fraction(181800), zeichen="EUR")
    assert [fmt.geldeinheit(e) for e in ("€", "T€", "Mio. €", "Mrd. €", "VZÄ", "%")] == [
        "EUR",
        "TEUR",
        "Mio. EUR",
        "Mrd. EUR",
        "VZÄ",
        "%",
    ]
    fmt.waehrung_setzen("€")
    assert fmt.teur(gesamt) == f"{zahl(gesamt / 1000, 0)}{NBSP}T€"
