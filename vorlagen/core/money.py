"""Exact arithmetic for money and shares: the one place that rounds (kaufmännisch, half-up; a named figure may ask
for ties to the even digit).

Amounts are Decimal; everything in between (shares of a year, rates × counts, weights of a
split, ratios) is an exact Fraction, and only the result is rounded.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import TypeAlias

EURO = Decimal(1)
CENT = Decimal("0.01")

Zahl: TypeAlias = Decimal | Fraction | int | float  # a number as data, a table or a computation holds it


def exact(value: Zahl | str) -> Fraction:
    """Any number as an exact Fraction (floats by their printed digits, as a user typed them)."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, float):
        return Fraction(Decimal(repr(value)))
    return Fraction(value)


def quantum_for(rundung: str) -> Decimal:
    """The rounding step for a Körperschaft's setting `rundung: euro|cent`."""
    return CENT if rundung == "cent" else EURO


_STEPS = {EURO: Fraction(1), CENT: Fraction(1, 100)}  # exact() of the usual quanta, made once
HALF = Fraction(1, 2)


def round_half_up(value: Zahl, quantum: Decimal = EURO) -> Decimal:
    """Kaufmännisches Runden of an exact value: 0.5 goes away from zero."""
    steps = exact(value) / (_STEPS.get(quantum) or exact(quantum))
    whole = math.floor(abs(steps) + HALF)
    return (Decimal(-whole if steps < 0 else whole) * quantum).quantize(quantum)


def round_half_even(value: Zahl, quantum: Decimal = EURO) -> Decimal:
    """Rounding a tie to the even digit (6.594,5 → 6.594, 6.595,5 → 6.596), for a named figure that asks for it:
    how Jinja's `round` rounded a text's computation in 0.2.0."""
    steps = exact(value) / (_STEPS.get(quantum) or exact(quantum))
    whole, rest = divmod(abs(steps), 1)
    if rest > HALF or rest == HALF and whole % 2 == 1:
        whole += 1
    return (Decimal(-whole if steps < 0 else whole) * quantum).quantize(quantum)


def round_away_from_zero(value: Zahl, quantum: Decimal = EURO) -> Decimal:
    """Rounding up in size (0,8333… → 0,84 at cents), for the shown amount per unit of a row that must reach the
    row's half-up rounding (Rundung.im_text), at a step finer than the row's."""
    steps = exact(value) / (_STEPS.get(quantum) or exact(quantum))
    whole = math.ceil(abs(steps))
    return (Decimal(-whole if steps < 0 else whole) * quantum).quantize(quantum)


def round_toward_zero(value: Zahl, quantum: Decimal = EURO) -> Decimal:
    """Cutting the digits below `quantum` (72.342,86 → 72.342, −2,7 → −2), for a named figure that asks for it: how
    Jinja's `int` cut a text's computation in 0.2.0."""
    steps = exact(value) / (_STEPS.get(quantum) or exact(quantum))
    whole = math.floor(abs(steps))
    return (Decimal(-whole if steps < 0 else whole) * quantum).quantize(quantum)


def below(value: Zahl, quantum: Decimal) -> bool:
    """True when `value` has digits below `quantum` (cents under whole-euro rounding): rounding would lose them."""
    return (exact(value) / exact(quantum)).denominator != 1


def percent(ratio: Zahl, places: int = 2) -> Decimal:
    """A ratio as percent, rounded half-up: 0.79345 → 79.35 (for 2 places); a share of a split (Anteil) as its
    part of the split."""
    if isinstance(ratio, Anteil):
        return ratio.prozent(places)
    return round_half_up(exact(ratio) * 100, Decimal(1).scaleb(-places))


class Anteil(Fraction):
    """One of several shares of a whole that together make 100 % (the sources of a Finanzierungsplan): exact for
    arithmetic, and printed as its part of the largest-remainder split of 100 % – so the printed shares add up to
    100 % and the same share prints the same in a table, in a text and in a figure that reads it."""

    teile: dict  # key → the amount of each share, in the order that takes a tie first
    schluessel: object  # this share's key

    @classmethod
    def von(cls, teile: dict, schluessel: object) -> Anteil:
        whole = sum((exact(v) for v in teile.values()), Fraction(0))
        value = cls(exact(teile[schluessel]) / whole if whole else Fraction(0))
        value.teile, value.schluessel = teile, schluessel
        return value

    def prozent(self, places: int) -> Decimal:
        """This share in percent with `places` decimals, as its part of the split of 100 %."""
        if not any(exact(v) for v in self.teile.values()):
            return Decimal(0).quantize(Decimal(1).scaleb(-places))
        return split_largest_remainder(Decimal(100), self.teile, Decimal(1).scaleb(-places))[self.schluessel]


def ratio(part: Zahl, whole: Zahl) -> Fraction | None:
    """part / whole exactly (a Quote, a change); None when the whole is zero."""
    return None if exact(whole) == 0 else exact(part) / exact(whole)


@dataclass(frozen=True)
class Rundung:
    """The rounding rule of a Körperschaft, used by every computation (tables, Bescheide, Anträge).

    `je_einheit` (the default, as the KIM paper prints it): the amount per unit for the period is
    rounded first (55.000 € × 13/12 → 59.583 €), then count × that amount is rounded.
    Otherwise the row is computed exactly and rounded once (3,5 × 55.000 € × 13/12 → 208.542 €).
    """

    quantum: Decimal = EURO
    je_einheit: bool = True
    prozent_stellen: int = 2

    def zeile(self, anzahl: Zahl, einheiten: list, anteil: Zahl = 1) -> tuple[list[Decimal], Decimal, Decimal]:
        """For `anzahl` units of summed rates (exact amounts per unit for the period, each):
        (each rate rounded, the amount per unit as printed, the row amount)."""
        parts = [round_half_up(e, self.quantum) for e in einheiten]
        if self.je_einheit:
            unit = sum(parts, Decimal(0))
            if exact(anteil) != 1:
                unit = round_half_up(exact(unit) * exact(anteil), self.quantum)
            return parts, unit, round_half_up(exact(anzahl) * exact(unit), self.quantum)
        unit_exact = sum((exact(e) for e in einheiten), Fraction(0)) * exact(anteil)
        return parts, round_half_up(unit_exact, self.quantum), round_half_up(exact(anzahl) * unit_exact, self.quantum)

    def im_text(self, anzahl: Zahl, einheiten: list, anteil: Zahl = 1) -> tuple[list[Decimal], Decimal, Decimal] | None:
        """The amounts per unit a row's text shows (each rate, the unit) and their step, so that a reader gets the
        row back from them. With `je_einheit` the row is computed from them. With `genau` the row comes from the
        exact unit: the rates rounded (half-up; at a finer step than the row's, else away from zero) to as few more
        places as it takes for
        Anzahl × shown unit to round to the row – 7 × 103.328,33 € for 723.298 €, not 7 × 103.328 € (= 723.296 €);
        a row in whole euros goes to cents first. None when four places beyond the cents do not do (the text then
        shows no amount per unit)."""
        parts, unit, row = self.zeile(anzahl, einheiten, anteil)
        if self.je_einheit:
            return parts, unit, self.quantum
        own = -int(self.quantum.as_tuple().exponent)
        cents = max(2, own)  # a whole euro row shows cents first, then finer
        for stellen in dict.fromkeys([own, *range(cents, cents + 5)]):
            step = Decimal(1).scaleb(-stellen)
            for runde in (round_half_up,) if stellen == own else (round_half_up, round_away_from_zero):
                shown = [runde(e, step) for e in einheiten]
                einheit = sum(shown, Decimal(0)).quantize(step)
                if exact(anteil) != 1:
                    einheit = round_half_up(exact(einheit) * exact(anteil), step)
                if round_half_up(exact(anzahl) * exact(einheit), self.quantum) == row:
                    return shown, einheit, step
        return None

    def runde(self, value: Zahl) -> Decimal:
        return round_half_up(value, self.quantum)

    def prozent(self, ratio_: Zahl) -> Decimal:
        return percent(ratio_, self.prozent_stellen)


def split_largest_remainder(total: Zahl, weights: dict, quantum: Decimal = EURO) -> dict:
    """Splits `total` by `weights` in steps of `quantum`; the parts add up exactly to `total`.

    Each part gets its exact share (a Fraction) rounded down; the steps left over go to the
    largest remainders, compared exactly (on a tie, to the earlier key).
    """
    weight_sum = sum((exact(w) for w in weights.values()), Fraction(0))
    if weight_sum == 0:
        raise ValueError("weights must not all be zero")
    steps = exact(total) / exact(quantum)
    if steps.denominator != 1:
        raise ValueError("total must be a whole number of steps")
    sign = -1 if steps < 0 else 1
    units = abs(steps.numerator)
    shares = {key: units * exact(w) / weight_sum for key, w in weights.items()}
    parts = {key: math.floor(share) for key, share in shares.items()}
    left = units - sum(parts.values())
    order = sorted(weights, key=lambda key: -(shares[key] - parts[key]))  # stable: ties keep key order
    for key in order[:left]:
        parts[key] += 1
    return {key: (Decimal(sign * part) * quantum).quantize(quantum) for key, part in parts.items()}
