"""A bound exceeded only by a rounding names it (issue 57, point 3): „berechnet 90,00 % (genau 90,0027 %),
höchstens 90 %, Differenz +0,00271 Prozentpunkte“ said nothing of where the excess comes from – the amount it read as
printed, rounded up. The message names that amount with its rounding. By hand: 90 % of 18.455 € = 16.609,50 €,
rounded up to 16.610 €; 16.610 / 18.455 = 90,0027… % (0,00271 points over 90 %)."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen import line_of, problems_of
from tests.hilfen.beispielvorlage import VORLAGE, WO, add
from tests.referenz.rechnen import euro, zahl

NBSP = "\u00a0"


def test_a_bound_exceeded_by_the_rounding_of_an_amount_names_the_amount(data):
    add(
        data,
        '  - id: kosten\n    formel: "18455"\n'
        "  - id: zuwendung\n    formel: kosten * 90 %\n"
        '  - id: quote\n    formel: zuwendung / kosten\n    einheit: "%"\n    hoechstens: 90\n',
    )
    quote = Fraction(16610, 18455)
    assert Fraction(18455) * Fraction(9, 10) == Fraction(33219, 2)  # 16.609,50 €: rounded up by 0,50 €
    genau, ueber = zahl(quote * 100, 4), zahl((quote - Fraction(9, 10)) * 100, 5)
    assert problems_of(data) == [
        f"{WO}:{line_of(data / VORLAGE, 'hoechstens: 90')}: Zahl „quote“: berechnet 90,00{NBSP}% (genau "
        f"{genau}{NBSP}%), höchstens 90{NBSP}%, Differenz +{ueber} Prozentpunkte – der Wert liegt über seiner Grenze "
        f"– gelesen, wie gedruckt: „zuwendung“ ist um {euro(Fraction(1, 2), True)} aufgerundet (genau "
        f"{euro(Fraction(33219, 2), True)}, gelesen {euro(Fraction(16610))}): prüfen Sie die Eingangswerte und die "
        "Grenze."
    ]
