"""A total split with „davon“ in a sentence: „Mehrkosten von 1,05 Mio. €, davon 990.000 € im Vermögenshaushalt und
60.000 € im Verwaltungshaushalt“, also after a participle and with years naming the parts („auf 1.200.000 €
festgesetzt, davon entfallen auf 2025 800.000 € und auf 2026 400.000 €“). A guess that only confirms – but parts that
exceed their whole by more than their rounding are a slip (unless a year names some parts and not others, or a part
may overlap another or count twice: „einschließlich …“, „jeweils … für A und B“), parts that fall short „nicht
eindeutig“ (unless the sentence says it names only some: „u. a.“, „der Rest entfällt …“); and a „davon“ part a word
qualifies („davon sind 640.000 € förderfähig“) whose rest the next sentence names („Nicht förderfähig sind 80.000
€“) gives that rest as the whole less the part, sure. Every look is bounded (a fixed window after a figure)."""

from __future__ import annotations

import re
from dataclasses import replace

from vorlagen.nachrechnen.aufbau import gerundet
from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, written_sum
from vorlagen.nachrechnen.lesen.zeile import Zeile

_DAVON = re.compile(r"(?:\s+[a-zäöüß]{3,30})?\s*[,;(]?\s*(?:davon|hiervon)\s+(?:[^\d.;:()]{0,40}?[:\s])?$")
_YEAR_NAMED = re.compile(r"\b(?:19|20)\d\d\b")  # „auf 2025“, „für 2026“: a year names a part, it is none
_AND = re.compile(r"[^\d.;:()]{0,60}?(?:,|\bund|\bsowie)\s+(?:[^\d.;:()]{0,40}?[:\s])?")
_BRACKETS = re.compile(r"\([^()]{0,200}\)")
_MAX_LOOK = 12  # figures after a „davon“ looked at for its parts
_SENTENCE = re.compile(r"(?<!\bNr)(?<!\bca)(?<!\bAbs)(?<!\bMio)(?<!\bTsd)(?<!\brd)[.!?;](?=\s+[A-ZÄÖÜ„]|\s*$)")
_SPAN = 600  # characters after a „davon“ searched for the end of its sentence
_GUESS = "die Sätze nennen nicht ausdrücklich alle Teile"
MAX_PARTS = 6
# words that let a part overlap another or count twice: „(einschließlich dessen Personalkosten)“ anywhere, „jeweils
# 60.000 € für A und B“ outside brackets (inside, „(2021 und 2022 je 345.000 €)“ explains a part); on a list item
# any bracket may say it overlaps („(stationär und ambulant)“)
OVERLAP = re.compile(r"\b(?:einschließlich|einschl\.|inklusive|inkl\.|darunter|zuzüglich|zzgl\.)")
_TWICE = re.compile(r"\b(?:je|jeweils)\s")
_SOME = re.compile(
    r"\b(?:u\.\s?a\.|unter anderem|insbesondere|allein|darunter|beispielsweise|z\.\s?B\.|etwa)\s|"
    r"\b(?:der\s+Rest|die\s+übrigen|übrige\w*|weitere\w*|sonstige\w*|restliche\w*)\b",
    re.I,
)
# the word that qualifies a „davon“ part right after it: „davon sind 640.000 € förderfähig“, „640.000 € zuwendungsfähig“
_QUALIFIER = re.compile(r"\s*(?:sind\s+|als\s+)?([a-zäöüß]{4,30}(?:fähig|bar))\b")


def splits(zeile: Zeile, money: list[Zahl]) -> list[Rechnung]:
    """„1,05 Mio. €, davon 990.000 € im Vermögenshaushalt und 60.000 € im Verwaltungshaushalt“."""
    text, found = zeile.text, []
    for i, total in enumerate(money[:-1]):
        first = money[i + 1]
        if not _DAVON.fullmatch(_YEAR_NAMED.sub("Jahr", text[total.ende : first.start])):
            continue
        end, parts = _sentence_end(text, first.ende), [first]
        for z in money[i + 2 : i + 2 + _MAX_LOOK]:
            if z.start > end or len(parts) > MAX_PARTS:
                break
            # „(2016 und 2017 je 345.000 €)“ explains a part
            gap = _YEAR_NAMED.sub("Jahr", _BRACKETS.sub("", text[parts[-1].ende : z.start]))
            if z.tiefe == first.tiefe and _AND.fullmatch(gap):
                parts.append(z)
        rest = _complement(text, money, first, end) if len(parts) == 1 else None
        if rest is not None and 0 < first.wert < total.wert and 0 < rest.wert < total.wert:
            art = "Rest nach „davon …“ im Satz danach: das Ganze weniger dem Teil"  # the rest is what was worked out
            found.append(replace(sum_reading(art, zeile, [total, first], [1, -1], rest, "davon_summe"), sicher=True))
        if 2 <= len(parts) <= MAX_PARTS and all(abs(p.wert) < abs(total.wert) for p in parts):
            reading = sum_reading("Aufteilung „davon … und …“", zeile, parts, [1] * len(parts), total, "davon_summe")
            clause = text[total.ende : end]
            # „davon jeweils 60.000 € für A und B“ counts a part twice, „(einschließlich dessen Personalkosten)“ or a
            # bracket may overlap another part: then the parts prove nothing either way
            overlapping = bool(OVERLAP.search(clause) or _TWICE.search(_BRACKETS.sub("", clause)))
            if all(p.wert > 0 for p in parts) and total.wert > 0 and not overlapping:
                named = sum(p.wert for p in parts)
                years = len(_YEAR_NAMED.findall(text[total.ende : end]))
                # … by more than the rounding of the figures can make („12,4 Mio. €, davon 7,3 … und 5,2 Mio. €“)
                rounding = gerundet.sum_allowance([*parts, total])
                if named - total.wert > rounding and years in (0, len(parts)):
                    # parts of a whole that together exceed it: one of the figures is wrong – unless a year names
                    # some parts and not others („davon 6 Mio. € gefördert und 8 Mio. € im Jahr 2026“: two ways of
                    # parting the whole)
                    reading = replace(reading, sicher=True)
                elif named < total.wert and not _SOME.search(text[total.ende : _period(text, end)]):
                    reading = replace(reading, grund=_GUESS)  # a part may be left unnamed – or one typed too low
            found.append(reading)
    return found


def _period(text: str, end: int) -> int:
    """Where the sentence around `end` closes with a full stop – past a „;“ that only parts it („…; der Rest entfällt
    auf kleinere Maßnahmen.“), bounded."""
    stop = text.find(".", end, end + _SPAN)
    return stop if stop >= 0 else min(len(text), end + _SPAN)


def _complement(text: str, money: list[Zahl], first: Zahl, end: int) -> Zahl | None:
    """The rest of a whole whose one „davon“ part a word qualifies („davon sind 640.000 € förderfähig“): the one amount
    of the next sentence that names it „nicht förderfähig“; None for none."""
    qualifier = _QUALIFIER.match(text, first.ende)
    if qualifier is None:
        return None
    after = _SENTENCE.search(text, end + 1, end + 1 + _SPAN)
    sentence = text[end + 1 : after.start() if after else min(len(text), end + 1 + _SPAN)]
    if not re.search(rf"\bnicht\s+{re.escape(qualifier[1])}", sentence, re.IGNORECASE):
        return None
    amounts = [z for z in money if end < z.start < end + 1 + len(sentence)]
    return amounts[0] if len(amounts) == 1 and amounts[0].tiefe == first.tiefe else None


def _sentence_end(text: str, start: int) -> int:
    end = _SENTENCE.search(text, start, start + _SPAN)  # bounded: a „davon“ reads no further than this
    return end.start() if end else min(len(text), start + _SPAN)


def sum_reading(art: str, zeile: Zeile, parts: list[Zahl], signs: list[int], total: Zahl, typ: str) -> Rechnung:
    return Rechnung(
        art,
        "summe",
        [Fund(zeile, z) for z in parts],
        Fund(zeile, total),
        written_sum(parts, signs),
        vorzeichen=signs,
        sicher=False,
        typ=typ,
    )
