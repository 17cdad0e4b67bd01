"""A Finanzierungsplan: a total and, right under it, its parts each with its share in percent – „Gesamtausgaben:
524.075 €“, „Bundesmittel 90%: 471.675 €“, „Eigenanteil 10%: 52.400 €“; as a table „| Fördermittel | 75 % | 180.000 €
|“, or with the total under its parts.

Read only where it is one: the total's line names a total or a cost („Gesamt…“, „Summe“, „Kosten“, „Ausgaben“) and
holds one amount (and 100 % at most); two to twelve lines right by it hold one rate and one amount each, nothing else;
the rates, none signed, add up to 100 % as far as their rounding allows. Then the parts add up to the total, and each
rate is its part of the total – as the amount the rate gives (rounded as the amount is typed) or, where a plan rounds
its rates, as the rate the amount gives (rounded as the rate is typed: 471.675 of 524.075 € are 90,0 %). A part that
neither gives is a slip: of its rate where the amounts add up to the total, else of its amount; where every part
holds as a share of the amounts together but none of the total, the total is the slip. Every look is bounded: the
lines of a run, a run per total."""

from __future__ import annotations

import re
from decimal import Decimal

from vorlagen.core.money import round_half_up
from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, written_sum
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.woerter import TOTAL_EXPENSE, TOTAL_WORD

_MAX_PARTS = 12
_ART_SUMME = "Finanzierungsplan: die Teile ergeben den Gesamtbetrag"
_ART_BETRAG = "Finanzierungsplan: Anteil in % vom Gesamtbetrag"
_ART_SATZ = "Finanzierungsplan: Betrag in % des Gesamtbetrags"

Part = tuple[Zeile, Zahl, Zahl]  # a line, its rate, its amount


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    found: list[Rechnung] = []
    # figures another reading gives or uses; the parts of a sum may still be shares of it
    taken = {r.ergebnis.key for r in prior} | {t.key for r in prior if r.formel != "summe" for t in r.teile}
    summed_totals = {r.ergebnis.key for r in prior if r.formel == "summe"}
    lines = [z for z in zeilen if z.text.strip()]
    used: set[int] = set()
    for index, zeile in enumerate(lines):
        total = _total(zeile)
        if total is None or index in used:
            continue
        for step in (1, -1):  # the parts under the total, else above it
            run = _run(lines, index, step)
            if len(run) < 2 or not _complete([rate for _, rate, _ in run]):
                continue
            keys = {Fund(line, z).key for line, rate, amount in run for z in (rate, amount)}
            if keys & taken:
                break
            readings = _readings(Fund(zeile, total), run)
            # a total another recogniser read as the sum of these amounts („Summe | 100 % | …“): its sum is read
            summed = Fund(zeile, total).key in summed_totals
            found += [r for r in readings if not (summed and r.typ == "finanzierungsplan_summe")]
            used |= {index + step * (i + 1) for i in range(len(run))}
            taken |= keys
            break
    return found


def _total(zeile: Zeile) -> Zahl | None:
    """The line's one amount where its words name a total or a cost (a 100 % beside it allowed)."""
    amounts = [z for z in zeile.zahlen if z.einheit == "€"]
    others = [z for z in zeile.zahlen if z.einheit != "€"]
    if len(amounts) != 1 or any(z.einheit != "%" or z.wert != 100 for z in others) or amounts[0].wert <= 0:
        return None
    label = zeile.text[: min(z.start for z in zeile.zahlen)]
    return amounts[0] if TOTAL_WORD.search(label) or TOTAL_EXPENSE.search(label) else None


def _part(zeile: Zeile) -> tuple[Zahl, Zahl] | None:
    """A line of one unsigned rate and one positive amount, in either order, after words that name the part."""
    if len(zeile.zahlen) != 2:
        return None
    rates = [z for z in zeile.zahlen if z.einheit == "%"]
    amounts = [z for z in zeile.zahlen if z.einheit == "€"]
    if len(rates) != 1 or len(amounts) != 1 or rates[0].minus or amounts[0].minus:
        return None
    label = zeile.text[: min(z.start for z in zeile.zahlen)]
    if not re.search(r"[A-Za-zÄÖÜäöüß]{3,}", label) or TOTAL_WORD.search(label):
        return None
    return rates[0], amounts[0]


def _run(lines: list[Zeile], index: int, step: int) -> list[Part]:
    run: list[Part] = []
    at = index + step
    while 0 <= at < len(lines) and len(run) <= _MAX_PARTS:
        part = _part(lines[at])
        if part is None or lines[at].seite != lines[index].seite:
            break
        run.append((lines[at], *part))
        at += step
    return run if len(run) <= _MAX_PARTS else []


def _complete(rates: list[Zahl]) -> bool:
    """The rates add up to 100 % as far as each may be rounded."""
    slack = sum((z.schritt for z in rates), Decimal(0)) / 2
    return all(z.wert > 0 for z in rates) and abs(sum((z.wert for z in rates), Decimal(0)) - 100) <= slack


def _gives_amount(total: Zahl, rate: Zahl, amount: Zahl) -> bool:
    return round_half_up(total.wert * rate.wert / 100, amount.schritt) == amount.wert


def _gives_rate(whole: Decimal, rate: Zahl, amount: Zahl) -> bool:
    return bool(whole) and round_half_up(amount.wert / whole * 100, rate.schritt) == rate.wert


def _readings(total: Fund, run: list[Part]) -> list[Rechnung]:
    amounts = [amount for _, _, amount in run]
    together = sum((z.wert for z in amounts), Decimal(0))
    adds_up = together == total.zahl.wert
    by_amount = [_gives_amount(total.zahl, rate, a) for _, rate, a in run]
    by_rate = [_gives_rate(total.zahl.wert, rate, a) for _, rate, a in run]
    holds = [of_amount or of_rate for of_amount, of_rate in zip(by_amount, by_rate, strict=True)]
    signs = [1] * len(amounts)
    summe = Rechnung(
        _ART_SUMME,
        "summe",
        [Fund(line, a) for line, _, a in run],
        total,
        written_sum(amounts, signs),
        vorzeichen=signs,
        typ="finanzierungsplan_summe",
    )
    if not any(holds) and all(_gives_rate(together, rate, a) for _, rate, a in run):
        return [summe]  # each part holds as a share of the parts together: the total is the one slip
    readings = []
    for (line, rate, amount), gives_amount, gives_rate in zip(run, by_amount, by_rate, strict=True):
        if gives_rate and not gives_amount or not (gives_amount or gives_rate) and adds_up:
            readings.append(_rate_reading(total, line, rate, amount))
        else:
            readings.append(_amount_reading(total, line, rate, amount))
    # an amount that misses its rate of the total makes the sum miss as well: the slip is told once, at the amount
    return readings if not all(holds) and not adds_up else [summe, *readings]


def _amount_reading(total: Fund, line: Zeile, rate: Zahl, amount: Zahl) -> Rechnung:
    return Rechnung(
        _ART_BETRAG,
        "anteil",
        [Fund(line, rate), total],
        Fund(line, amount),
        f"{rate.betrag()} von {total.zahl.betrag()}",
        typ="finanzierungsplan_anteil",
    )


def _rate_reading(total: Fund, line: Zeile, rate: Zahl, amount: Zahl) -> Rechnung:
    return Rechnung(
        _ART_SATZ,
        "quote",
        [Fund(line, amount), total],
        Fund(line, rate),
        f"{amount.betrag()} / {total.zahl.betrag()} x 100",
        typ="finanzierungsplan_satz",
    )
