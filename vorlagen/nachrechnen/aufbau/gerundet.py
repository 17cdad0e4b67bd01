"""Figures a document types rounded, and how far a difference or a rate of change of them may stand from the one of
the figures as typed – the one rule the recognisers that infer a column and the final verdict use.

- Vollzeitäquivalente are shares of Stellen by nature: typed as whole figures where many are counted (100 VZÄ or
  more), each is rounded, up to half a VZÄ off; a small count typed whole („12 VZÄ“) may be exact and keeps its
  slips.
- Amounts a table gives in thousands or millions („Mio. Euro“, „Tsd. €“, „T€“) are rounded to their last place.
- A result the text calls approximate („ca. 427.000,00 Euro“, „rund 1,2 Mio. €“) is rounded to its last place that is
  not zero: 110 m² at 3.883 € are 427.130 €, „ca. 427.000“ rounds them to thousands."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, look_back
from vorlagen.nachrechnen.woerter import HEDGE, ROUNDED

VZAE = re.compile(r"Vollzeitäquivalent|\bVZÄ\b")
AGGREGATE = 100  # from here on a whole figure of VZÄ is a total of many shares, so rounded


def parts_rounded(reason: str) -> str:
    """The reason a verdict gives for a result off within the rounding of its parts."""
    return f"die Abweichung liegt im Rahmen der gerundeten Teile, {reason}"


GRUND_DOKUMENT = parts_rounded("und das Dokument weist auf Rundungsdifferenzen hin")
GRUND_VZAE = parts_rounded("und Vollzeitäquivalente sind aus Bruchteilen von Stellen gerundet")
SCALED = re.compile(r"(?:Tsd\.|Mio\.|Mrd\.|in\s+1\.000)\s?(?:€|EUR\b|Euro\b)|T€|\bTEUR\b")
GRUND_SCALED = parts_rounded("und die Tabelle nennt ihre Beträge gerundet (Tsd. € bzw. Mio. €)")
_HALF = Decimal("0.5")
GRUND_UNGEFAEHR = "der Text nennt das Ergebnis ungefähr („ca.“, „rund“): auf seine letzte Stelle ungleich null gerundet"
_HEDGE_REACH = 12  # characters before a figure looked at for „ca.“, „rund“


def counts_in_vzae(texts: Iterable[str]) -> bool:
    return any(VZAE.search(text) for text in texts)


def scaled(texts: Iterable[str]) -> bool:
    """Whether the lines (a table's head) give its amounts in thousands or millions."""
    return any(SCALED.search(text) for text in texts)


def whole(*zahlen: Zahl) -> bool:
    """Figures typed whole without a unit (a count of VZÄ, say)."""
    return all(not z.einheit and z.schritt == 1 for z in zahlen)


def _plain(*zahlen: Zahl) -> bool:
    return all(z.einheit in ("", "€") for z in zahlen)


def difference_allowance(new: Zahl, old: Zahl, result: Zahl) -> Decimal:
    """„54.020 | 53.659 | 360“: two whole VZÄ, each up to half a VZÄ off, give a difference up to one off (the
    larger a total of 100 or more); 0 where the figures are not such."""
    if not whole(new, old, result) or max(abs(new.wert), abs(old.wert)) < AGGREGATE:
        return Decimal(0)
    return scaled_difference_allowance(new, old, result)


def rate_allowance(base: Zahl, other: Zahl, result: Zahl) -> Decimal:
    """„229 | 213 | -6,8“: the rate of change of two whole VZÄ (a base of 100 or more); 0 where they are not such."""
    if not whole(base, other) or result.einheit not in ("", "%") or abs(base.wert) < AGGREGATE:
        return Decimal(0)
    return scaled_rate_allowance(base, other, result)


def scaled_difference_allowance(new: Zahl, old: Zahl, result: Zahl) -> Decimal:
    """„300,4 | 457,4 | –156,9“ in Mio. Euro: each figure up to half its last place off, so their difference up to
    the sum of those halves."""
    if not _plain(new, old, result):
        return Decimal(0)
    return sum_allowance([new, old])


def sum_allowance(parts: list[Zahl]) -> Decimal:
    """Parts each up to half their last place off: their sum (or difference) up to the sum of those halves."""
    return sum((z.schritt for z in parts), Decimal(0)) / 2


def scaled_rate_allowance(base: Zahl, other: Zahl, result: Zahl) -> Decimal:
    """The rate of change of two rounded figures before rounding lies between the rates of the corners of their
    ranges (the rate is monotonic in either figure while the base keeps its sign), and the typed rate is that rounded
    to its own step."""
    if not _plain(base, other) or result.einheit not in ("", "%"):
        return Decimal(0)
    a, b = base.wert, other.wert
    half_a, half_b = base.schritt * _HALF, other.schritt * _HALF
    if abs(a) <= half_a:
        return Decimal(0)  # a base that may be 0 before rounding: no bound
    rate = (b - a) / a * 100
    corners = [(y - x) / x * 100 for x in (a - half_a, a + half_a) for y in (b - half_b, b + half_b)]
    return max(abs(corner - rate) for corner in corners) + result.schritt / 2


Allowance = Callable[[Zahl, Zahl, Zahl], Decimal]  # the two figures (new and old, or base and other) and the result


@dataclass(frozen=True)
class Rundung:
    """How a table's figures are rounded: the allowance of a difference, of a rate, and the reason named."""

    differenz: Allowance
    rate: Allowance
    grund: str


VZAE_RUNDUNG = Rundung(difference_allowance, rate_allowance, GRUND_VZAE)
SCALED_RUNDUNG = Rundung(scaled_difference_allowance, scaled_rate_allowance, GRUND_SCALED)


def marked_approximate(text: str, start: int) -> bool:
    """The words right before a figure (starting at `start` in `text`) mark it as rounded or approximate: „rund“,
    „ca.“, „knapp“, „gut“, „mehr als“ …"""
    before = look_back(text, start, _HEDGE_REACH)
    return bool(ROUNDED.search(before) or HEDGE.search(before))


def approximate_allowance(text: str, result: Zahl) -> Decimal:
    """Half the last place that is not zero of a result the words right before it call approximate („ca.“, „rund“,
    „etwa“): 427.000 → 500, 1,2 Mio. → 0,05 Mio.; 0 where they do not, or the result is 0."""
    if not result.wert or not ROUNDED.search(look_back(text, result.start, _HEDGE_REACH)):
        return Decimal(0)
    step = result.schritt
    value = abs(result.wert)
    while (value / (step * 10)) == (value / (step * 10)).to_integral_value():
        step *= 10
    return step * _HALF


_MAX_UNIT = Decimal(1000)
_UNITS = {Decimal(1): "Euro", Decimal(10): "Zehnern", Decimal(100): "Hundert", Decimal(1000): "Tausend"}


def full_unit(typed: Zahl, exact: Decimal) -> tuple[Decimal, str]:
    """How far an amount typed in full euros, tens, hundreds or thousands may stand from an exact amount that is not
    („469.000,00“ for 469.135,80, „1.798.700 €“ for 1.798.681,40), and the reason a verdict gives for it: the unit is
    the largest power of ten the amount is a multiple of, up to a thousand and to a hundredth of the amount; within one
    such unit, up or down, the amount is rounded, no slip. Nothing where the exact amount is such a multiple too."""
    unit = Decimal(1)
    while unit < _MAX_UNIT and typed.wert % (unit * 10) == 0 and unit * 10 * 100 <= abs(typed.wert):
        unit *= 10
    if typed.wert % unit != 0 or exact % unit == 0 or unit <= typed.schritt:
        return Decimal(0), GRUND_DOKUMENT
    reason = f"der Betrag steht in vollen {_UNITS.get(unit, 'Einheiten')} und ist aus dem genauen auf- oder abgerundet"
    return unit - typed.schritt, reason
