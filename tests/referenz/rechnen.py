"""The documented rules, exactly: half-up rounding, periods, per-year splits, German printing."""

from __future__ import annotations

import calendar
import datetime as dt
import math
from fractions import Fraction

NBSP = "\u00a0"
MINUS = "\u2212"


def rund(value: Fraction, step: Fraction = Fraction(1)) -> Fraction:
    """Kaufmännisch: halves away from zero."""
    units = abs(value) / step
    whole = math.floor(units + Fraction(1, 2))
    return (whole if value >= 0 else -whole) * step


def gerade(value: Fraction, step: Fraction = Fraction(1)) -> Fraction:
    """A half to the even digit (Python's own round of a Fraction, DIN 1333 „symmetrisch“)."""
    return round(Fraction(value) / step) * step


def ganz(value: Fraction) -> int:
    """Kaufmännisch to a whole number."""
    return int(rund(Fraction(value)))


def zahl(value: Fraction, places: int = 0) -> str:
    """German digits: '1.234,50'; never '−0'."""
    value = rund(Fraction(value), Fraction(1, 10**places))
    sign = MINUS if value < 0 else ""
    scaled = abs(value) * 10**places
    whole, frac = divmod(int(scaled), 10**places)
    groups = f"{whole:,}".replace(",", ".")
    return sign + groups + ("," + str(frac).rjust(places, "0") if places else "")


def euro(value: Fraction, cent: bool = False, zeichen: str = "€") -> str:
    """'1.234\u00a0€' (with cent: '1.234,50\u00a0€'; zeichen="EUR": '1.234\u00a0EUR'), rounded half-up."""
    return zahl(value, 2 if cent else 0) + NBSP + zeichen


def euro_mit_vorzeichen(value: Fraction, cent: bool = False) -> str:
    """A difference: '+1.234\u00a0€', '−1.234\u00a0€', '0\u00a0€'."""
    return ("+" if value > 0 else "") + euro(value, cent)


def prozent(ratio: Fraction, places: int = 2) -> str:
    """A ratio (0,0312) as '3,12\u00a0%'."""
    return zahl(ratio * 100, places) + NBSP + "%"


def zahl_frei(value: Fraction) -> str:
    """As many places as the value needs (up to its terminating decimals), 2 for a non-terminating one."""
    value = Fraction(value)
    rest = value.denominator
    for factor in (2, 5):
        while rest % factor == 0:
            rest //= factor
    if rest != 1:
        return zahl(value, 2)
    places = 0
    while (value * 10**places).denominator != 1:
        places += 1
    return zahl(value, places)


def verteilen(total: Fraction, weights: list[Fraction], step: Fraction) -> list[Fraction]:
    """Parts of `total` in steps that add up exactly: floors, then the largest remainders (ties: earlier)."""
    units = total / step
    assert units.denominator == 1
    sign = -1 if units < 0 else 1
    n = abs(int(units))
    shares = [n * w / sum(weights) for w in weights]
    parts = [math.floor(s) for s in shares]
    for i in sorted(range(len(weights)), key=lambda i: -(shares[i] - parts[i]))[: n - sum(parts)]:
        parts[i] += 1
    return [sign * p * step for p in parts]


def verteilen_nach(total: int, weights: dict) -> dict:
    """`verteilen` in whole units over named weights (years, Kommunen): {name: part}."""
    parts = verteilen(Fraction(total), [Fraction(w) for w in weights.values()], Fraction(1))
    return {name: int(part) for name, part in zip(weights, parts)}


def jahresanteile(von: dt.date, bis: dt.date, tagesgenau: bool) -> dict[int, Fraction]:
    """What a rate per year charges in each calendar year: whole months as twelfths, or days of that year."""
    result = {}
    for year in range(von.year, bis.year + 1):
        start, end = max(von, dt.date(year, 1, 1)), min(bis, dt.date(year, 12, 31))
        if tagesgenau:
            result[year] = Fraction((end - start).days + 1, 366 if calendar.isleap(year) else 365)
        else:
            result[year] = Fraction(end.month - start.month + 1, 12)
    return result


def monatsanteile(von: dt.date, bis: dt.date) -> dict[int, Fraction]:
    """Months charged per calendar year: a whole month is one, a part of a month its days over the month's days."""
    result = {}
    for year in range(von.year, bis.year + 1):
        start, end = max(von, dt.date(year, 1, 1)), min(bis, dt.date(year, 12, 31))
        total = Fraction(0)
        for month in range(start.month, end.month + 1):
            length = calendar.monthrange(year, month)[1]
            first, last = max(start, dt.date(year, month, 1)), min(end, dt.date(year, month, length))
            total += Fraction((last - first).days + 1, length)
        result[year] = total
    return result


def jahresspalten(
    kosten_jahre: dict[int, Fraction], betraege: list[Fraction], traeger: int, weights: list[Fraction], step: Fraction
) -> list[dict[int, Fraction]]:
    """Each source per Haushaltsjahr, as the handbook states it: every source but the carrier split by the year
    weights (largest remainder); the carrier takes each year's costs less the others; where the carrier would go
    below zero in a year, one step of the source with most in that year (the first of equal ones) moves to the year
    where the carrier has most (the first of equal ones), until no year of the carrier is negative."""
    years = list(kosten_jahre)
    cells = [dict(zip(years, verteilen(b, weights, step))) for b in betraege]

    def carrier(year: int) -> Fraction:
        return kosten_jahre[year] - sum(cells[i][year] for i in range(len(cells)) if i != traeger)

    while True:
        short = next((y for y in years if carrier(y) < 0), None)
        if short is None:
            break
        others = [i for i in range(len(cells)) if i != traeger]
        donor = max(others, key=lambda i: (cells[i][short], -i))
        target = max((y for y in years if y != short), key=lambda y: (carrier(y), -years.index(y)))
        cells[donor][short] -= step
        cells[donor][target] += step
    cells[traeger] = {y: carrier(y) for y in years}
    return cells
