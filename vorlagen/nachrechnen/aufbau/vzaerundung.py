"""Vollzeitäquivalente are shares of Stellen by nature: typed as whole figures where many are counted (100 VZÄ or
more), each is rounded, up to half a VZÄ off; a small count typed whole („12 VZÄ“) may be exact and keeps its
slips. How far a difference or a rate of change of such figures may then stand from the one of the figures as
typed – the one rule both a recogniser that infers a column and the final verdict use."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl

VZAE = re.compile(r"Vollzeitäquivalent|\bVZÄ\b")
AGGREGATE = 100  # from here on a whole figure of VZÄ is a total of many shares, so rounded
GRUND = "und Vollzeitäquivalente sind aus Bruchteilen von Stellen gerundet"
_HALF = Decimal("0.5")


def counts_in_vzae(texts: Iterable[str]) -> bool:
    return any(VZAE.search(text) for text in texts)


def _whole(*zahlen: Zahl) -> bool:
    return all(not z.einheit and z.schritt == 1 for z in zahlen)


def difference_allowance(new: Zahl, old: Zahl, result: Zahl) -> Decimal:
    """„54.020 | 53.659 | 360“: two whole VZÄ, each up to half a VZÄ off, give a difference up to one off (the
    larger a total of 100 or more); 0 where the figures are not such."""
    if not _whole(new, old, result) or max(abs(new.wert), abs(old.wert)) < AGGREGATE:
        return Decimal(0)
    return Decimal(1)


def rate_allowance(base: Zahl, other: Zahl, result: Zahl) -> Decimal:
    """„229 | 213 | -6,8“: the rate of change of two whole VZÄ (a base of 100 or more) before rounding lies between
    the rates of the corners of their ranges (the rate is monotonic in either figure), and the typed rate is that
    rounded to its own step; 0 where the figures are not such."""
    if not _whole(base, other) or result.einheit not in ("", "%") or abs(base.wert) < AGGREGATE:
        return Decimal(0)
    a, b = abs(base.wert), abs(other.wert)
    rate = (b - a) / a * 100
    corners = [(y - x) / x * 100 for x in (a - _HALF, a + _HALF) for y in (b - _HALF, b + _HALF)]
    return max(abs(corner - rate) for corner in corners) + result.schritt / 2
