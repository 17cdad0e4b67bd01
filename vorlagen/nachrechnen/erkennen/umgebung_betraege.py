"""The amounts the search over the surroundings (umgebung.py) works with and the calculations it tries: each amount
in reading order with the direction its words give it („um … vermindert“), the amounts of its unit and scale a few
lines either side, the runs and pairs among them, nearest first, and the reading a searched calculation becomes."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, look_back, written_sum

_AROUND = 12  # amounts either side that are searched
_LINES = 30  # lines either side
_MAX_PARTS = 8
_APART_TRIPLES = 8  # the nearest amounts whose triples apart are searched
_MIN_LIST, _MAX_LIST = 3, 40  # amounts of a list, one on each line, a figure right below it may be the total of

# the words that make an amount a decrease or an increase, right before it („vermindert um“) or after it („um … gekürzt“)
_NEAR = 30
_DECREASE = r"(?:vermindert|verringert|reduziert|gesenkt|gekürzt|abzüglich|abzgl\.|weniger|minus|\./\.)"
_INCREASE = r"(?:erhöht|zuzüglich|zzgl\.|plus|aufgestockt)"
_DECREASE_BEFORE = re.compile(_DECREASE + r"\s+(?:um\s+)?(?:rund\s+|ca\.\s+)?$", re.IGNORECASE)
_DECREASE_AFTER = re.compile(r"\s*(?:€|EURO?|Euro)?\s*" + _DECREASE + r"\b", re.IGNORECASE)
_INCREASE_BEFORE = re.compile(_INCREASE + r"\s+(?:um\s+)?(?:rund\s+|ca\.\s+)?$", re.IGNORECASE)
_INCREASE_AFTER = re.compile(r"\s*(?:€|EURO?|Euro)?\s*" + _INCREASE + r"\b", re.IGNORECASE)


@dataclass(frozen=True)
class Betrag:
    """An amount in reading order: where it stands, its value without sign, and whether the words name it a decrease
    („vermindert um 25.000 €“, „um 25.000 € gekürzt“: −1) or an increase („erhöht um“: +1)."""

    fund: Fund
    wert: Decimal
    richtung: int = 0


def amount(zahl: Zahl) -> bool:
    """A figure that may take part: not zero (a sum with 0 € restates its other part), in euros or per cent, or a
    plain figure typed with a group or decimal mark (no year, no count, no line number)."""
    if not zahl.wert:
        return False
    if zahl.einheit in ("€", "%"):
        return True
    return zahl.einheit == "" and ("." in zahl.text or "," in zahl.text)


def direction(text: str, zahl: Zahl) -> int:
    """−1 for an amount named a decrease right before or after it, +1 for one named an increase."""
    if _DECREASE_BEFORE.search(look_back(text, zahl.start, _NEAR)):
        return -1
    if _DECREASE_AFTER.match(text[zahl.ende : zahl.ende + _NEAR]):
        return -1
    if _INCREASE_BEFORE.search(look_back(text, zahl.start, _NEAR)):
        return 1
    return 1 if _INCREASE_AFTER.match(text[zahl.ende : zahl.ende + _NEAR]) else 0


def around(
    amounts: list[Betrag], index: int, reach: int = _AROUND, einheit: str | None = None
) -> tuple[list[Betrag], list[Betrag]]:
    """The amounts before and after one (nearest first), within the lines either side, of its unit and scale – or
    of the unit named (the amounts a percentage is a share of, the percentages near an amount)."""
    own = amounts[index].fund
    unit = own.zahl.einheit if einheit is None else einheit
    if einheit is None and unit == "%":
        unit = "€"

    def near(other: Betrag) -> bool:
        return (
            other.fund.zahl.einheit == unit
            and (einheit == "%" or other.fund.zahl.skala == own.zahl.skala)
            and (other.fund.zeile.seite or 0) == (own.zeile.seite or 0)
            and abs(other.fund.zeile.nr - own.zeile.nr) <= _LINES
        )

    looked = reach * 4  # figures of other units between are passed over, but not without end
    before = [a for a in reversed(amounts[max(0, index - looked) : index]) if near(a)][:reach]
    after = [a for a in amounts[index + 1 : index + 1 + looked] if near(a)][:reach]
    return before, after


def candidates(
    around: tuple[list[Betrag], list[Betrag]], apart: bool = False
) -> Iterator[tuple[str, list[Betrag], Decimal]]:
    """The calculations searched and their values, nearest first: runs of amounts next to each other (before the
    figure, after it, or on both sides of it) and pairs of amounts (their difference – and, `apart`, their sum where
    they do not stand next to each other: „über 12.246 Euro mehr … 73.478 Euro (vorher 61.231 Euro)“; and triples
    apart among the `_APART_TRIPLES` nearest)."""
    before, after = around
    line = [*reversed(before), *after]  # in reading order, the figure itself left out
    runs, pairs = _plan(len(line), len(before))
    running = [Decimal(0)]
    for amount in line:
        running.append(running[-1] + amount.wert)
    # an amount the words call a decrease or an increase is a change of another: which sign it takes depends on which
    # figure is the result, and a search that guessed it could confirm a sign typed the wrong way round – so it is
    # never searched (the change forms read it); nor in a sum an amount typed with a minus
    for start, end in runs:
        if all(not a.richtung and a.fund.zahl.wert > 0 for a in line[start:end]):
            yield "summe", line[start:end], running[end] - running[start]
    for i, j in pairs:
        if apart and j > i + 1 and all(not a.richtung and a.fund.zahl.wert > 0 for a in (line[i], line[j])):
            yield "summe", [line[i], line[j]], line[i].wert + line[j].wert
        big, small = (line[i], line[j]) if line[i].wert > line[j].wert else (line[j], line[i])
        if big.wert != small.wert and not big.richtung and not small.richtung:
            yield "differenz", [big, small], big.wert - small.wert
    if apart:
        near = sorted(range(len(line)), key=lambda k: abs(k - len(before) + 0.5))[:_APART_TRIPLES]
        for i, j, k in itertools.combinations(sorted(near), 3):
            if k - i == 2 or not all(not a.richtung and a.fund.zahl.wert > 0 for a in (line[i], line[j], line[k])):
                continue
            yield "summe", [line[i], line[j], line[k]], line[i].wert + line[j].wert + line[k].wert


def list_total(amounts: list[Betrag], index: int, with_text: dict[tuple[int, int], int]) -> Rechnung | None:
    """A figure alone on its line as the total of the whole list right above it: the amounts of the lines with text
    right above it, one amount on each, of its unit and scale, none a change or typed negative, three at least and
    `_MAX_LIST` at most, up to a line with text and no amount („Verbandsgemeinde Betzdorf — 73.450,00 EUR“ …
    „Ortsgemeinde Alsdorf — 11.300,00 EUR“ over „Verlustausgleich — 226.000,00 EUR“) – a run that long adds up to
    it by no chance, whether or not a word names it a total. None where there is no such list, where it goes on
    above, or where its amounts do not add up to the figure."""
    result = amounts[index]

    def place(betrag: Betrag) -> int | None:
        return with_text.get((betrag.fund.zeile.seite or 0, betrag.fund.zeile.nr))

    def same_line(a: Betrag, b: Betrag) -> bool:
        return (a.fund.zeile.seite, a.fund.zeile.nr) == (b.fund.zeile.seite, b.fund.zeile.nr)

    after = amounts[index + 1] if index + 1 < len(amounts) else None
    if index == 0 or same_line(amounts[index - 1], result) or after and same_line(after, result):
        return None
    run: list[Betrag] = []
    at, k = place(result), index - 1
    while k >= 0 and at is not None and place(amounts[k]) == at - 1:
        part = amounts[k]
        alone = k == 0 or not same_line(amounts[k - 1], part)
        unit = (part.fund.zahl.einheit, part.fund.zahl.skala) == (result.fund.zahl.einheit, result.fund.zahl.skala)
        if not alone or not unit or part.richtung or part.fund.zahl.wert < 0 or len(run) == _MAX_LIST:
            return None
        run.insert(0, part)
        at, k = place(part), k - 1
    if len(run) < _MIN_LIST or sum(part.wert for part in run) != result.wert or result.fund.zahl.wert < 0:
        return None
    return rechnung("summe", run, result)


@functools.cache
def _plan(count: int, split: int) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    """Which runs and pairs of `count` amounts, the figure between the first `split` and the rest, are searched in
    which order: the nearest first (how far a run or pair reaches from the figure), the shorter run first."""
    runs = sorted(
        (max(split - start, end - split), end - start, start, end)
        for start in range(count)
        for end in range(start + 2, min(count, start + _MAX_PARTS) + 1)
    )
    # how far an amount stands: the nearest before it and the nearest after it are both one away
    far = [split - k if k < split else k - split + 1 for k in range(count)]
    pairs = sorted((max(far[i], far[j]), i, j) for i in range(count) for j in range(i + 1, count))
    return tuple((start, end) for *_, start, end in runs), tuple((i, j) for _, i, j in pairs)


_ARTEN = {
    "summe": "Summe benachbarter Beträge (gesucht)",
    "differenz": "Differenz zweier benachbarter Beträge (gesucht)",
    "anteil": "Prozentsatz eines benachbarten Betrags (gesucht)",
    "quote": "Anteil eines benachbarten Betrags an einem anderen (gesucht)",
    "aufschlag": "benachbarter Betrag zuzüglich eines Prozentsatzes (gesucht)",
    "abzueglich": "benachbarter Betrag abzüglich eines Prozentsatzes (gesucht)",
    "herausgerechnet": "benachbarter Betrag ohne den in ihm enthaltenen Prozentsatz (gesucht)",
}


def rechnung(formel: str, parts: list[Betrag], result: Betrag, grund: str = "") -> Rechnung:
    """A searched calculation: never sure (a mismatch is at most „nicht eindeutig“, with a `grund`), the least likely
    of the readings of its figure."""
    zahlen = [p.fund.zahl for p in parts]
    zeichen = {
        "summe": lambda: written_sum(zahlen, [1] * len(zahlen)),
        "differenz": lambda: written_sum(zahlen, [1, -1]),
        "anteil": lambda: f"{zahlen[0].betrag()} × {zahlen[1].betrag()}",
        "quote": lambda: f"{zahlen[0].betrag()} / {zahlen[1].betrag()}",
        "aufschlag": lambda: f"{zahlen[0].betrag()} × (100 % + {zahlen[1].betrag()})",
        "abzueglich": lambda: f"{zahlen[0].betrag()} × (100 % − {zahlen[1].betrag()})",
        "herausgerechnet": lambda: f"{zahlen[0].betrag()} / (100 % + {zahlen[1].betrag()})",
    }[formel]()
    return Rechnung(
        _ARTEN[formel],
        formel,
        [p.fund for p in parts],
        result.fund,
        zeichen,
        sicher=False,
        grund=grund,
        rang=-1,
        typ="umgebung",
        vorzeichen=[1] * len(zahlen) if formel == "summe" else [],
    )
