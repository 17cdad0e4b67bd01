"""Decimal helpers: the one place that rounds money (kaufmännisch, half-up)."""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

EURO = Decimal(1)
CENT = Decimal("0.01")


def quantum_for(rundung: str) -> Decimal:
    """The rounding step for a Körperschaft's setting `rundung: euro|cent`."""
    return CENT if rundung == "cent" else EURO


def round_half_up(value: Decimal, quantum: Decimal = EURO) -> Decimal:
    """Kaufmännisches Runden: 0.5 goes away from zero."""
    return Decimal(value).quantize(quantum, rounding=ROUND_HALF_UP)


def split_largest_remainder(total: Decimal, weights: dict, quantum: Decimal = EURO) -> dict:
    """Splits `total` by `weights` in steps of `quantum`; the parts add up exactly to `total`.

    Each part gets its exact share rounded down; the steps left over go to the largest
    remainders (on a tie, to the earlier key).
    """
    weight_sum = sum(weights.values())
    if weight_sum == 0:
        raise ValueError("weights must not all be zero")
    sign = -1 if total < 0 else 1
    magnitude = abs(total)
    exact = {key: magnitude * Decimal(w) / Decimal(weight_sum) for key, w in weights.items()}
    parts = {key: share.quantize(quantum, rounding=ROUND_DOWN) for key, share in exact.items()}
    left = int((magnitude - sum(parts.values())) / quantum)
    order = sorted(weights, key=lambda key: -(exact[key] - parts[key]))
    for key in order[:left]:
        parts[key] += quantum
    return {key: sign * part for key, part in parts.items()}
