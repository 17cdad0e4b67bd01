"""Chains of figures and operators within one line, as typed: a product `a x b = c` (or its result as the one amount
after it), a sum `a € + b € − c € = d €`, an amount with its parts in brackets `70.091 € (59.583 € PK + 10.508 € SK)`,
and a bracketed sum of counts `(6 + 3) Tage x …` as one factor. inzeile.py makes readings of them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from typing import Literal

from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, between
from vorlagen.nachrechnen.woerter import STATED_TOTAL, WORD

# „4,5 Stellen zu je 58.900 €“, „35 Tablets zum Stückpreis von 429,00 €“ are products too
TIMES = re.compile(
    rf"^\s*(?:{WORD}\s*)?(?:x|×|\*|mal|à|zu\s+je|zu\s+jeweils|zum\s+(?:Stück|Einzel)?[Pp]reis\s+von(?:\s+je)?)"
    r"\s*(?:€|EUR)?\s*$"
)
_COLON = re.compile(r"^\s*(?:€|EUR|Euro)?\s*:\s*(?:€|EUR|Euro)?\s*$")
EQUALS = re.compile(rf"^\s*(?:{WORD}\s*)?\)*\s*=\s*$")
_PLUS_MINUS = re.compile(rf"^\s*(?:{WORD}\s*)?([+\-−]|\./\.)\s*(?:{WORD}\s*)?$")
_OPENS_NEAR = re.compile(r"[^\d()€%;.:]{0,40}\(")  # "114.481,50 € bereitgestellt (dabei …"
_NEAR = 40  # figures after a product that are read for its result (bounds the work on a line)
_MAX_GROUPS = 50  # bracketed counts „(6 + 3)“ read in one line
# Stellen counted in a sum in brackets („+3,5 VZÄ (1,0 VZÄ für Fahrerlaubnisse// 0,5 VZÄ Verwaltung// …)“): a plain
# figure is a count of Stellen where such a word follows it; VZÄ and Stellen are one unit
_STELLEN = re.compile(r"[ \u00a0]?(?:Vollzeit|Plan)?(?:[Ss]tellen?|VZÄ|Vollzeitäquivalente?)\b")
_STELLEN_UNIT = "Stellen"
_LISTED = {
    "€": "aufgezählte Teilbeträge in Klammern",
    "%": "aufgezählte Anteile in Klammern",
    _STELLEN_UNIT: "aufgezählte Stellen in Klammern",
}
# a bracket whose figures are labelled with another time or a plan holds earlier or planned values, no parts:
# „12 Stellen (Vorjahr 10 Stellen, davor 8 Stellen)“, „1.200.000 € (Ansatz 2022: 1.000.000 €, …)“; a word such as
# „Planung“ may name a part and is no such label
_OTHER_TIME = re.compile(
    r"\b(?:Vorjahr\w*|Vorvorjahr\w*|davor|zuvor|bisher\w*|früher\w*|damals|Ansatz|Plan|Soll|Ist|Ergebnis)"
    r"(?:\s+(?:19|20)\d\d)?\s*:?\s*(?=\d)"
)
_ADDED = re.compile(r"\b(?:zuzüglich|zzgl\.|plus)(?=\s)|\s\+\s")
_PERIODS = re.compile(
    r"\s*(?:Tranchen|Raten|Jahresraten|Teilbeträgen?|Abschlägen?|Jahren?|Haushaltsjahren?|Monaten?|Quartalen?)\b"
)
_PER_PERIOD = re.compile(r"jährlich|monatlich|p\.\s?a\.|pro (?:Jahr|Monat)|je (?:Jahr|Monat)|im Jahr|bis \d{4}")
# words between a chain and the one amount after it that make the amount more than the chain's product
_ALTERED = re.compile(
    r"\d|%|zuzüglich|zzgl|abzüglich|abzgl|Rabatt|Nachlass|Skonto|Umsatzsteuer|MwSt|USt|brutto|Förder|wobei|bereits|"
    r"jährig|Laufzeit|Jahre|Monate|Wochen|Tage|\bund\b|\bsowie\b|\bmit\b",
    re.IGNORECASE,
)
_GROUP = re.compile(rf"(?P<group>\(\s*\d+(?:,\d+)?(?:\s*\+\s*\d+(?:,\d+)?)+\s*\))(?=\s*(?:{WORD}\s*)?(?:x|×|\*)\s)")


def _outside_parens(text: str) -> str:
    while True:
        shorter = re.sub(r"\([^()]*\)", " ", text)
        if shorter == text:
            return text
        text = shorter


def grouped(text: str, figs: list[Zahl]) -> list[Zahl]:
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


def products(text: str, figs: list[Zahl]) -> Iterator[tuple[list[Zahl], Zahl, bool, str]]:
    i = 0
    while i < len(figs) - 1:
        j = i
        while j + 1 < len(figs) and TIMES.match(between(text, figs[j], figs[j + 1])):
            j += 1
        if j == i:
            i += 1
            continue
        chain = figs[i : j + 1]
        money = [z for z in chain if z.einheit == "€"]
        if len(money) > 1 or any(z.einheit == "%" for z in chain) or _rates_zu_je(text, chain):
            i = j + 1
            continue
        result, explicit, grund = None, False, ""
        if j + 1 < len(figs) and EQUALS.match(between(text, figs[j], figs[j + 1])):
            result, explicit = figs[j + 1], True
        elif i > 0 and re.match(r"^\s*=\s*$", between(text, figs[i - 1], figs[i])):
            result, explicit = figs[i - 1], True
        elif (
            i == 0
            and j + 2 == len(figs)
            and _COLON.match(between(text, figs[j], figs[j + 1]))
            and not figs[j + 1].tiefe
        ):
            # a list line „Nachbestellung Streusalz 380 t zu je 112,50: 42.750,00“: the one figure after the colon
            # that ends the line is the product – of a chain that holds every figure before it („3 Schulen mit je 24
            # Tablets zu je 429,00“, „4 zu je 980,00 und 4 zu je 210,00“ are more)
            result, explicit = figs[j + 1], True
        elif money and len(figs) - j <= _NEAR:  # the result: the one amount after the chain, in a line's end
            depth = min(z.tiefe for z in chain)
            later = [z for z in figs[j + 1 :] if z.einheit == "€" and z.tiefe <= depth]
            if len(later) == 1 and later[0] is [z for z in figs[j + 1 :] if z.tiefe <= depth][-1]:
                result = later[0]
                gap = text[chain[-1].ende : result.start]
                if _more_than_the_chain(text, figs, chain, gap, depth):
                    # „… zuzüglich 19 % Umsatzsteuer; das ergibt …“, „48 Schüler an 190 Schultagen zu je 4,20 €“: the
                    # total is of more than the chain
                    result = None
                    i = j + 1
                    continue
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


def _rates_zu_je(text: str, chain: list[Zahl]) -> bool:
    """„6 Raten zu je 12.500 €“: a count of periods „zu je“ an amount – fliesstext.py reads it as an amount per period
    times their count."""
    return (
        _PERIODS.match(text, chain[0].ende) is not None
        and re.search(r"\bzu\s+je", between(text, chain[0], chain[1])) is not None
    )


def _more_than_the_chain(text: str, figs: list[Zahl], chain: list[Zahl], gap: str, depth: int) -> bool:
    """In a sentence (no row of cells), the one amount after a chain is of more than its product where words between
    alter it, or a figure before the chain (a count, another product) is part of the sentence's total."""
    if "\t" in text or _outside_parens(gap) != gap and "=" in gap:
        return False
    before = any(z.start < chain[0].start and not _year(z) for z in figs if z.tiefe <= depth)
    return bool(_ALTERED.search(re.sub(r"\b(?:19|20)\d\d\b", " ", _outside_parens(gap)))) or before


def _year(zahl: Zahl) -> bool:
    return not zahl.einheit and zahl.wert == int(zahl.wert) and 1900 <= zahl.wert <= 2100 and "." not in zahl.text


def row_like(text: str, first: Zahl, last: Zahl, result: Zahl) -> bool:
    """`a x b € (Erläuterung)  c €`: a table row – its own cell, or a line that opens with the product."""
    gap = _outside_parens(text[last.ende : result.start])
    if "\t" in gap:
        return True
    opens = re.fullmatch(r"\s*(?:[-−–]|\./\.)?\s*\(?\s*", text[: first.start]) is not None
    return opens and len(re.findall(r"[A-Za-zÄÖÜäöüß]{2,}", gap)) <= 5


def _unit(text: str, zahl: Zahl) -> tuple[str, int]:
    """What a figure counts for a sum in brackets – its unit (€, %), Stellen where a word for them follows a plain
    figure, „“ for anything else – and where the figure with that word ends."""
    if zahl.einheit:
        return zahl.einheit, zahl.ende
    stellen = _STELLEN.match(text, zahl.ende)
    return (_STELLEN_UNIT, stellen.end()) if stellen else ("", zahl.ende)


def sums(
    text: str, figs: list[Zahl], used: set[int]
) -> Iterator[tuple[list[Zahl], list[int], Zahl, str, str, Literal[True] | str]]:
    """`70.091 € (59.583 € PK + 10.508 € SK)`, `Gesamtförderung von 80 % (50 % Bund, 30 % Land)` and
    `a € + b € − c € = d €`."""
    for k, total in enumerate(figs):
        unit, end = _unit(text, total)
        if not unit:
            continue
        opening = _OPENS_NEAR.match(text, end)
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
            if z.tiefe == total.tiefe + 1 and _unit(text, z)[0] == unit:
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
            and not _OTHER_TIME.search(text, opening.end(), group_end)
            and (total.einheit == "%" or "%" not in text[opening.end() : group_end])
            and all(not re.search(r"\(|\)", between(text, a, b)) for a, b in zip(inner, inner[1:]))
        ):
            # "413.600 € begrenzt (110.000 € für Gebäude, 196.600 € für …)": parts only listed, perhaps not all;
            # "(2.800.000 € Baukosten … zuzüglich 100.000 EUR Einrichtungskosten)" says it adds them
            added = all(_ADDED.search(between(text, a, b)) for a, b in zip(inner, inner[1:]))
            yield (
                inner,
                [1] * len(inner),
                total,
                _LISTED[unit],
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
            and EQUALS.match(between(text, figs[j], figs[j + 1]))
        ):
            yield figs[i : j + 1], signs, figs[j + 1], "Rechnung mit + und − in der Zeile", "zeilenrechnung", True
            i = j + 2
        else:
            i = max(j, i + 1)
