"""A distribution by a key column whose whole the text names above the table instead of in a total row: „Das
Restdefizit von 532.712,50 € ist nach der Zahl der betreuten Kinder auf die Wohnsitzgemeinden zu verteilen. Am
Stichtag … wurden 84 Kinder betreut“ over „Wohnsitzgemeinde | Kinder | Anteil in €“, „Lindwerder | 58 | 367.825,30“,
… – each amount is the whole times the row's key over the keys together, rounded as it is typed.

Read where the rows show it: a run of three rows at least, each with a count (the key) and an amount right of it,
no total row under them (schluesseltabelle reads a table with one); the whole is the nearest amount in euros among
the few lines with figures above the table whose words split it by a key („verteilen“, „Umlage“, „entfallen“, „nach
der Zahl“) that gives two rows' amounts at least to the step they are typed with, and
every row's but one at most; it is larger than each amount. The one that misses is a slip where three rows hold, or
two and the lines above name the keys' total as well („84 Kinder“) – else „nicht eindeutig“; one step of its
rounding off is „nicht eindeutig“ (a distribution rounds a share the other way so that all add up). Every look is
bounded: the lines above a table, the column pairs of a run."""

from __future__ import annotations

from decimal import Decimal
from itertools import combinations

from vorlagen.core.money import round_half_up
from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.aufbau.reihe import Reihe
from vorlagen.nachrechnen.erkennen.schluesseltabelle import FEW, ONE_STEP
from vorlagen.nachrechnen.erkennen.spaltenbeziehung import Run, runs_at
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.woerter import SPLIT_BY_KEY, TOTAL_ROW_START

_MIN_ROWS = 3  # rows of the distribution
_MIN_HOLD = 2  # rows that hold, at least: two shares a whole gives to the cent are no chance
_SURE = 3  # rows that hold for the one that misses to be a slip (two where the keys' total is named too)
_LINES_ABOVE = 4  # lines with figures above the table looked at for the whole
_REACH = 12  # lines above the table walked at most


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    found: list[Rechnung] = []
    for first, run in runs_at(reihen, any_units=True, min_width=2, min_rows=_MIN_ROWS):
        if TOTAL_ROW_START.match(run[-1][0].label.strip()):
            continue  # a total row: schluesseltabelle's
        above = _lines_above(reihen, first)
        # the whole: an amount on a line whose words split it by a key („ist nach der Zahl der Kinder … zu verteilen“)
        wholes = [
            Fund(zeile, zahl)
            for zeile in above
            if SPLIT_BY_KEY.search(zeile.text)
            for zahl in zeile.zahlen
            if zahl.geld and zahl.wert > 0
        ]
        counts = {zahl.wert for zeile in above for zahl in zeile.zahlen if _count(zahl)}
        for key, amount in combinations(range(len(run[0][1])), 2):  # the key stands left of what it distributes
            reading = _distribution(run, key, amount, wholes, counts)
            if reading:
                found += [r for r in reading if r.ergebnis.key not in taken]
                break
    return found


def _lines_above(reihen: list[Reihe], first: int) -> list[Zeile]:
    """The nearest lines with figures above the table's first row, nearest first."""
    lines: list[Zeile] = []
    for reihe in reversed(reihen[max(0, first - _REACH) : first]):
        if reihe.zeile.zahlen and reihe.zeile not in lines:
            lines.append(reihe.zeile)
        if len(lines) >= _LINES_ABOVE:
            break
    return lines


def _count(zahl: Zahl) -> bool:
    return not zahl.einheit and zahl.schritt == 1 and zahl.wert > 0


def _distribution(run: Run, key: int, amount: int, wholes: list[Fund], counts: set[Decimal]) -> list[Rechnung]:
    keys = [values[key] for _, values in run]
    shares = [values[amount] for _, values in run]
    if not all(_count(k) for k in keys) or any(s.einheit == "%" or s.wert <= 0 for s in shares):
        return []
    if any(s.wert <= k.wert for k, s in zip(keys, shares, strict=True)):
        return []  # an amount no larger than its count is no share of money
    all_keys = sum((k.wert for k in keys), Decimal(0))
    for whole in wholes:  # the nearest first
        if whole.zahl.wert <= max(s.wert for s in shares):
            continue
        exact = [whole.zahl.wert * k.wert / all_keys for k in keys]
        holds = [round_half_up(e, s.schritt) == s.wert for e, s in zip(exact, shares, strict=True)]
        if holds.count(True) >= _MIN_HOLD and holds.count(False) <= 1:
            sure = holds.count(True) >= _SURE or all_keys in counts
            key_funds = [row.fund(values[key]) for row, values in run]
            return [
                _reading(whole, key_funds, i, row.fund(share), exact[i], sure)
                for i, ((row, _), share) in enumerate(zip(run, shares, strict=True))
            ]
    return []


def _reading(whole: Fund, keys: list[Fund], own: int, share: Fund, exact: Decimal, sure: bool) -> Rechnung:
    typed = share.zahl
    one_step = abs(round_half_up(exact, typed.schritt) - typed.wert) == typed.schritt
    doubt = not sure or one_step
    return Rechnung(
        "Anteil nach der Schlüsselspalte: das Ganze aus dem Text über der Tabelle mal der Schlüssel der Zeile "
        "durch die Summe der Schlüssel",
        "schluessel",
        [whole, keys[own], *keys],
        share,
        f"{whole.zahl.betrag()} × {keys[own].zahl.betrag()} / (Summe der {len(keys)} Schlüsselzahlen)",
        sicher=not doubt,
        grund=ONE_STEP if one_step else FEW if doubt else "",
        rang=1,
        typ="schluesselganzes",
    )
