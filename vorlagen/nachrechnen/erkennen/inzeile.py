"""Calculations written within one line: products, breakdowns in brackets, `a + b = c`; then the prose forms."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.erkennen import fliesstext
from vorlagen.nachrechnen.erkennen.rechenketten import EQUALS, TIMES, grouped, products, row_like, sums
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, between, written_sum
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.woerter import SENTENCE_END

_FRACTION_FACTOR = re.compile(r"\s*(?:x|×|\*|mal)\s*(?P<n>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*=\s*")
_DM_TO_EURO = re.compile(r"\s?DM\s?=\s?")
_DIVIDED = re.compile(r"(?:\s*(?:€|EUR|Euro|T€))?\s+[:÷]\s+")  # spaced: „Anlage 1: 5.000 €“ is no division
# „742.000 m³ = 2,54 €/m³“: a unit of measure after the divisor
_DIVIDED_GIVES = re.compile(
    r"\s*(?:(?:m[²³]|qm|cbm|kWh|MWh|km|ha|Std\.|h|Stück|Stk\.|Einwohner|EW|Plätze|Kinder|Schüler(?:/innen)?|"
    r"Personen|Fälle|Stellen|VZÄ|Monate|Jahre)\s*)?(?:\([^()\d]*\d[^()]*\)\s*)?=\s*"
)
_YEARISH = re.compile(r"(?:19|20)\d\d")


def recognise(zeile: Zeile) -> tuple[list[Rechnung], set[int]]:
    """The calculations of one line, and the starts of figures they use as inputs."""
    found: list[Rechnung] = []
    if len(zeile.zahlen) < 2:
        return found, set()  # every calculation within a line has at least two figures
    text, figs = zeile.text, grouped(zeile.text, zeile.zahlen)
    used: set[int] = set()
    first = 0  # the calculations of this line
    used |= _found_products(zeile, text, figs, found)
    used |= _found_percent_products(zeile, text, figs, found)
    used |= _found_fraction_products(zeile, text, figs, found)
    used |= _found_dm_to_euro(zeile, text, figs, found)
    used |= _found_divisions(zeile, text, figs, found)
    used |= _found_sums(zeile, text, figs, found, used)
    return found, _found_in_sentences(zeile, text, figs, found, first, used)


def _found_products(zeile: Zeile, text: str, figs: list[Zahl], found: list[Rechnung]) -> set[int]:
    """Adds the products of the line (`3 x 1.012 € = 3.036 €`) to `found`; the starts of their factors."""
    used: set[int] = set()
    for chain, result, explicit, grund in products(text, figs):
        shown = " x ".join(z.text if z.text.startswith("(") else z.betrag() for z in chain)
        art = "Anzahl x Betrag" if result.einheit == "€" else "Produkt"
        found.append(
            Rechnung(
                art,
                "produkt",
                [Fund(zeile, z) for z in chain],
                Fund(zeile, result),
                shown,
                sicher=explicit or row_like(text, chain[0], chain[-1], result),
                grund=grund,
                typ="produkt",
            )
        )
        used |= {z.start for z in chain}
    return used


def _found_percent_products(zeile: Zeile, text: str, figs: list[Zahl], found: list[Rechnung]) -> set[int]:
    """Adds `413.481 € x 20 % = 82.696,20 €` (and `20 % x 413.481 € = …`): an amount times a rate with its result
    after „=“ – written out, so a mismatch is a slip; the starts of the two factors."""
    used: set[int] = set()
    for a, b, result in zip(figs, figs[1:], figs[2:]):
        rates = [z for z in (a, b) if z.einheit == "%"]
        if (
            len(rates) != 1
            or result.einheit == "%"
            or {a.einheit, b.einheit} - {"%"} != {result.einheit}
            or not TIMES.match(between(text, a, b))
            or not EQUALS.match(between(text, b, result))
        ):
            continue
        rate = rates[0]
        amount = b if rate is a else a
        found.append(
            Rechnung(
                "Betrag x Prozentsatz",
                "anteil",
                [Fund(zeile, amount), Fund(zeile, rate)],
                Fund(zeile, result),
                f"{amount.betrag()} x {rate.betrag()}",
                typ="produkt",
            )
        )
        used |= {a.start, b.start}
    return used


def _found_fraction_products(zeile: Zeile, text: str, figs: list[Zahl], found: list[Rechnung]) -> set[int]:
    """Adds `256.671,30 € × 2/3 = 171.114,20 €`: an amount times a simple fraction with its result after „=“ – a
    mismatch is a slip; the start of the amount. (n/m with m ≤ 12: the factor's last digit of 28 cannot turn a
    rounding to the typed cent.)"""
    used: set[int] = set()
    starts = {z.start: z for z in figs}
    for amount in figs:
        match = _FRACTION_FACTOR.match(text, amount.ende)
        result = starts.get(match.end()) if match else None
        if match is None or result is None or result.einheit != amount.einheit or amount.einheit == "%":
            continue
        n, m = int(match["n"]), int(match["m"])
        if not (0 < n < m <= 12):
            continue
        found.append(
            Rechnung(
                "Betrag x Bruchteil",
                "vielfaches",
                [Fund(zeile, amount)],
                Fund(zeile, result),
                f"{amount.betrag()} x {n}/{m}",
                faktor=Decimal(n) / Decimal(m),
                typ="produkt",
            )
        )
        used.add(amount.start)
    return used


def _found_dm_to_euro(zeile: Zeile, text: str, figs: list[Zahl], found: list[Rechnung]) -> set[int]:
    """Adds the conversions „35,00 DM = 17,90 €“ to `found`; the starts of the amounts in DM."""
    used: set[int] = set()
    for a, b in zip(figs, figs[1:]):
        if not a.einheit and b.einheit != "%" and _DM_TO_EURO.fullmatch(between(text, a, b)):
            found.append(
                Rechnung(
                    "Umrechnung von DM in Euro (1 € = 1,95583 DM)",
                    "dm",
                    [Fund(zeile, a)],
                    Fund(zeile, b),
                    f"{a.betrag()} DM / 1,95583",
                    typ="umrechnung",
                )
            )
            used.add(a.start)
    return used


def _found_divisions(zeile: Zeile, text: str, figs: list[Zahl], found: list[Rechnung]) -> set[int]:
    """Adds the divisions „250,97 : 5,2809 (1 v.H.) = 47,52 v.H.“ to `found`; the starts of dividend and divisor."""
    used: set[int] = set()
    plain = [z for z in figs if z.tiefe == 0]
    for a, b, c in zip(plain, plain[1:], plain[2:]):
        if (
            b.wert
            and "%" not in (a.einheit, b.einheit)
            and _DIVIDED.fullmatch(between(text, a, b))
            and _DIVIDED_GIVES.fullmatch(between(text, b, c))
            and not (_YEARISH.fullmatch(a.text.strip()) and _YEARISH.fullmatch(b.text.strip()))
        ):
            found.append(
                Rechnung(
                    "Division „a : b = c“",
                    "division",
                    [Fund(zeile, a), Fund(zeile, b)],
                    Fund(zeile, c),
                    f"{a.betrag()} : {b.betrag()}",
                    typ="division",
                )
            )
            used |= {a.start, b.start}
    return used


def _found_sums(zeile: Zeile, text: str, figs: list[Zahl], found: list[Rechnung], used: set[int]) -> set[int]:
    """Adds the breakdowns in brackets and the sums `a € + b € = c €` to `found`; the starts of their parts."""
    parts_used: set[int] = set()
    for parts, signs, result, art, typ, sure in sums(text, figs, used):
        # a typed minus on a figure of `a € + b € = c €` counts: "−5.000 € + 3.000 € = −2.000 €"; so does one on
        # a part in brackets: "−5.000 € (−6.000 € PK + 1.000 € SK)" (a total typed without its minus: only confirmed)
        signed = any(z.minus for z in parts) or typ == "zeilenrechnung" and result.minus
        grund = "" if sure is True else sure  # a breakdown that may name only some parts says so
        sicher = sure is True and (typ == "zeilenrechnung" or not signed or result.minus)
        found.append(
            Rechnung(
                art,
                "saldo" if signed else "summe",
                [Fund(zeile, z) for z in parts],
                Fund(zeile, result),
                written_sum(parts, signs, signed),
                betrag=not signed,
                vorzeichen=signs,
                sicher=sicher,
                grund=grund if not signed or result.minus else "",
                typ=typ,
            )
        )
        parts_used |= {z.start for z in parts}
    return parts_used


def _found_in_sentences(
    zeile: Zeile, text: str, figs: list[Zahl], found: list[Rechnung], first: int, used: set[int]
) -> set[int]:
    """Adds the prose calculations of the line's sentences (fliesstext.py) whose result no calculation of the line
    (from `first` on in `found`) has and no figure in `used` is; `used` with the starts of their parts."""
    used = set(used)
    results = {r.ergebnis.zahl.start for r in found[first:]}
    for start, part in _sentences(text):  # a table row is no sentence, but a cell of it may hold one
        inner = [
            replace(z, start=z.start - start, ende=z.ende - start) for z in figs if start <= z.start < start + len(part)
        ]
        place = lambda z, start=start: Fund(zeile, replace(z, start=z.start + start, ende=z.ende + start))  # noqa: E731
        # every reading of a sentence's result is kept: the judgment lets one that holds win over one that fails
        # („sinkt um 7.760 €; zusammen 82.430 €“ is a sum, not the difference the word „sinkt“ suggests)
        readings = [r for r in fliesstext.checks(part, inner, place) if r.ergebnis.zahl.start not in used | results]
        found += readings
        results |= {r.ergebnis.zahl.start for r in readings}
        used |= {t.zahl.start for r in readings for t in r.teile}
    return used


def _sentences(text: str) -> list[tuple[int, str]]:
    """The line as one piece of running text – or, for a table row (two tabs or more), each cell of it with words
    enough to be a sentence („… rd. 74.670 €; … um rd. 7.760 €; zusammen eine Verbesserung von 82.430 €“)."""
    if text.count("\t") < 2:  # and each sentence of it: a paragraph of a council page is one line
        ends = [m.end() for m in SENTENCE_END.finditer(text)]
        pieces = [(a, text[a:b]) for a, b in zip([0, *ends], [*ends, len(text)]) if text[a:b].strip()]
        return [(0, text)] + (pieces if len(pieces) > 1 else [])
    pieces, start = [], 0
    for cell in text.split("\t"):
        if len(re.findall(r"[A-Za-zÄÖÜäöüß]{2,}", cell)) >= 6:
            pieces.append((start, cell))
        start += len(cell) + 1
    return pieces
