"""The example's figures as seed 000 prints them (section III, the paper's two slips corrected), and what the
documented rules make of them – for the tests of the example's Haushalt and sign-offs."""

from __future__ import annotations

from fractions import Fraction

from tests.referenz.rechnen import verteilen

# Eigenanteile of the teuerste Alternative: Module 1, 2 and the dearer Modul-3 computation
EIGENANTEILE = [158644, 10335, 258818, 150669]
MONATE = {2021: 1, 2022: 12}  # 01.12.2021–31.12.2022


def je_jahr(totals: list[int]) -> dict[int, int]:
    """Each Eigenanteil split over its Haushaltsjahre by months (largest remainder), then added up per year."""
    result = dict.fromkeys(MONATE, 0)
    for total in totals:
        parts = verteilen(Fraction(total), [Fraction(m) for m in MONATE.values()], Fraction(1))
        for year, part in zip(MONATE, parts):
            result[year] += int(part)
    return result
