"""Calculations written within one line: products, breakdowns in brackets, `a + b = c`; then the prose forms."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from typing import Literal

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.erkennen import fliesstext
from vorlagen.nachrechnen.erkennen.fliesstext import between
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, written_sum
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.woerter import STATED_TOTAL

_WORD = r"[A-Za-zÄÖÜäöüß][\wÄÖÜäöüß.\-/]*"
_TIMES = re.compile(rf"^\s*(?:{_WORD}\s*)?(?:x|×|\*|mal|à)\s*(?:€|EUR)?\s*$")
_EQUALS = re.compile(rf"^\s*(?:{_WORD}\s*)?\)*\s*=\s*$")
_PLUS_MINUS = re.compile(rf"^\s*(?:{_WORD}\s*)?([+\-−]|\./\.)\s*(?:{_WORD}\s*)?$")
_OPENS_NEAR = re.compile(r"[^\d()€%;.:]{0,40}\(")  # "114.481,50 € bereitgestellt (dabei …"
_NEAR = 40  # figures after a product that are read for its result (bounds the work on a line)
_MAX_GROUPS = 50  # bracketed counts „(6 + 3)“ read in one line
_FRACTION_FACTOR = re.compile(r"\s*(?:x|×|\*|mal)\s*(?P<n>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*=\s*")
_DM_TO_EURO = re.compile(r"\s?DM\s?=\s?")
_DIVIDED = re.compile(r"(?:\s*(?:€|EUR|Euro|T€))?\s+[:÷]\s+")  # spaced: „Anlage 1: 5.000 €“ is no division
_DIVIDED_GIVES = re.compile(r"\s*(?:\([^()\d]*\d[^()]*\)\s*)?=\s*")
_YEARISH = re.compile(r"(?:19|20)\d\d")
_ADDED = re.compile(r"\b(?:zuzüglich|zzgl\.|plus)(?=\s)|\s\+\s")
_PERIODS = re.compile(
    r"\s*(?:Tranchen|Raten|Jahresraten|Teilbeträgen?|Abschlägen?|Jahren?|Haushaltsjahren?|Monaten?|Quartalen?)\b"
)
_PER_PERIOD = re.compile(r"jährlich|monatlich|p\.\s?a\.|pro (?:Jahr|Monat)|je (?:Jahr|Monat)|im Jahr|bis \d{4}")
_GROUP = re.compile(rf"(?P<group>\(\s*\d+(?:,\d+)?(?:\s*\+\s*\d+(?:,\d+)?)+\s*\))(?=\s*(?:{_WORD}\s*)?(?:x|×|\*)\s)")


def _outside_parens(text: str) -> str:
    while True:
        shorter = re.sub(r"\([^()]*\)", " ", text)
        if shorter == text:
            return text
        text = shorter


def recognise(zeile: Zeile) -> tuple[list[Rechnung], set[int]]:
    """The calculations of one line, and the starts of figures they use as inputs."""
    found: list[Rechnung] = []
    if len(zeile.zahlen) < 2:
        return found, set()  # every calculation within a line has at least two figures
    text, figs = zeile.text, _grouped(zeile.text, zeile.zahlen)
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
    for chain, result, explicit, grund in _products(text, figs):
        shown = " x ".join(z.text if z.text.startswith("(") else z.betrag() for z in chain)
        art = "Anzahl x Betrag" if result.einheit == "€" else "Produkt"
        found.append(
            Rechnung(
                art,
                "produkt",
                [Fund(zeile, z) for z in chain],
                Fund(zeile, result),
                shown,
                sicher=explicit or _row_like(text, chain[0], chain[-1], result),
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
            or not _TIMES.match(between(text, a, b))
            or not _EQUALS.match(between(text, b, result))
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
    for parts, signs, result, art, typ, sure in _sums(text, figs, used):
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
        ends = [m.end() for m in fliesstext.SENTENCE.finditer(text)]
        pieces = [(a, text[a:b]) for a, b in zip([0, *ends], [*ends, len(text)]) if text[a:b].strip()]
        return [(0, text)] + (pieces if len(pieces) > 1 else [])
    pieces, start = [], 0
    for cell in text.split("\t"):
        if len(re.findall(r"[A-Za-zÄÖÜäöüß]{2,}", cell)) >= 6:
            pieces.append((start, cell))
        start += len(cell) + 1
    return pieces


def _grouped(text: str, figs: list[Zahl]) -> list[Zahl]:
    """`(6 + 3) Tage x 1.012 €`: a bracketed sum of counts before `x` is one factor."""
    for number, match in enumerate(_GROUP.finditer(text)):
        if number >= _MAX_GROUPS:
            break
        inner = [z for z in figs if match.start() < z.start < match.end("group")]
        if len(inner) >= 2 and not any(z.einheit for z in inner):
            total = sum((z.wert for z in inner), Decimal(0))
            factor = replace(
                inner[0],
                wert=total,
                text=match["group"],
                start=match.start(),
                ende=match.end("group"),
                tiefe=max(0, inner[0].tiefe - 1),
                schritt=min(z.schritt for z in inner),
            )
            figs = [z for z in figs if z not in inner] + [factor]
    return sorted(figs, key=lambda z: z.start)


def _products(text: str, figs: list[Zahl]) -> Iterator[tuple[list[Zahl], Zahl, bool, str]]:
    i = 0
    while i < len(figs) - 1:
        j = i
        while j + 1 < len(figs) and _TIMES.match(between(text, figs[j], figs[j + 1])):
            j += 1
        if j == i:
            i += 1
            continue
        chain = figs[i : j + 1]
        money = [z for z in chain if z.einheit == "€"]
        if len(money) > 1 or any(z.einheit == "%" for z in chain):
            i = j + 1
            continue
        result, explicit, grund = None, False, ""
        if j + 1 < len(figs) and _EQUALS.match(between(text, figs[j], figs[j + 1])):
            result, explicit = figs[j + 1], True
        elif i > 0 and re.match(r"^\s*=\s*$", between(text, figs[i - 1], figs[i])):
            result, explicit = figs[i - 1], True
        elif money and len(figs) - j <= _NEAR:  # the result: the one amount after the chain, in a line's end
            depth = min(z.tiefe for z in chain)
            later = [z for z in figs[j + 1 :] if z.einheit == "€" and z.tiefe <= depth]
            if len(later) == 1 and later[0] is [z for z in figs[j + 1 :] if z.tiefe <= depth][-1]:
                result = later[0]
                gap = text[chain[-1].ende : result.start]
                stated = bool(STATED_TOTAL.search(gap))
                # „3 Tranchen à 250.100 € p.a., zusammen …“: the count counts the years, „p.a.“ each of them
                periods = _PERIODS.match(text, chain[0].ende) is not None
                per_period = _PER_PERIOD.search(gap)
                explicit = stated and (periods or not per_period)
                if stated and not explicit and per_period:
                    grund = (
                        f"„{per_period[0]}“: der Betrag gilt je Zeitraum, und wie viele Zeiträume die "
                        "Summe umfasst, sagt der Satz nicht"
                    )
        if result is not None and (result.einheit == (money[0].einheit if money else result.einheit)):
            yield chain, result, explicit, grund
        i = j + 1


def _row_like(text: str, first: Zahl, last: Zahl, result: Zahl) -> bool:
    """`a x b € (Erläuterung)  c €`: a table row – its own cell, or a line that opens with the product."""
    gap = _outside_parens(text[last.ende : result.start])
    if "\t" in gap:
        return True
    opens = re.fullmatch(r"\s*(?:[-−–]|\./\.)?\s*\(?\s*", text[: first.start]) is not None
    return opens and len(re.findall(r"[A-Za-zÄÖÜäöüß]{2,}", gap)) <= 5


def _sums(
    text: str, figs: list[Zahl], used: set[int]
) -> Iterator[tuple[list[Zahl], list[int], Zahl, str, str, Literal[True] | str]]:
    """`70.091 € (59.583 € PK + 10.508 € SK)` and `a € + b € − c € = d €`."""
    for k, total in enumerate(figs):
        if total.einheit != "€":
            continue
        opening = _OPENS_NEAR.match(text, total.ende)
        if not opening:
            continue
        group_end = text.find(")", opening.end())
        cell_end = text.find("\t", opening.end())
        if group_end < 0 or 0 <= cell_end < group_end:
            continue  # the parenthesis goes on in the next line or cell: which parts it lists is open
        inner = []
        for z in figs[k + 1 :]:
            if z.start >= group_end:
                break
            if z.tiefe == total.tiefe + 1 and z.einheit == "€":
                inner.append(z)
        if len(inner) < 2:
            continue
        if re.fullmatch(r"\s*\(\s*(?:davon|bestehend aus|aus)?\s*", text[total.ende : inner[0].start]) and all(
            "+" in between(text, a, b) and not re.search(r"\d|\(|\)", between(text, a, b))
            for a, b in zip(inner, inner[1:])
        ):
            partial = "davon" in text[total.ende : inner[0].start]  # "davon" may leave parts unnamed
            yield (
                inner,
                [1] * len(inner),
                total,
                "Aufschlüsselung in Klammern" + (" („davon …“)" if partial else ""),
                "aufschluesselung",
                "„davon“ darf Teile ungenannt lassen" if partial else True,
            )
        elif (
            not re.search(r"\d", text[opening.end() : inner[0].start])
            and "%" not in text[opening.end() : group_end]
            and all(not re.search(r"\(|\)", between(text, a, b)) for a, b in zip(inner, inner[1:]))
        ):
            # "413.600 € begrenzt (110.000 € für Gebäude, 196.600 € für …)": parts only listed, perhaps not all;
            # "(2.800.000 € Baukosten … zuzüglich 100.000 EUR Einrichtungskosten)" says it adds them
            added = all(_ADDED.search(between(text, a, b)) for a, b in zip(inner, inner[1:]))
            yield (
                inner,
                [1] * len(inner),
                total,
                "aufgezählte Teilbeträge in Klammern",
                "aufschluesselung",
                True if added else "vielleicht sind in der Klammer nicht alle Teile genannt",
            )
    i = 0
    while i < len(figs) - 2:
        j, signs = i, [1]
        while j + 1 < len(figs) and figs[j + 1].einheit == "€" and figs[j].einheit == "€":
            op = _PLUS_MINUS.match(between(text, figs[j], figs[j + 1]))
            if not op:
                break
            signs.append(1 if op[1] == "+" else -1)
            j += 1
        if (
            j > i
            and j + 1 < len(figs)
            and figs[j + 1].einheit == "€"
            and _EQUALS.match(between(text, figs[j], figs[j + 1]))
        ):
            yield figs[i : j + 1], signs, figs[j + 1], "Rechnung mit + und − in der Zeile", "zeilenrechnung", True
            i = j + 2
        else:
            i = max(j, i + 1)
