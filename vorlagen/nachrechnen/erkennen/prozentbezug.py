"""A percentage of a base the text names elsewhere by its noun: „Den größten Posten bilden die Leistungen der
Sozialhilfe mit 262,04 Millionen Euro. Sie entsprechen 67,5 Prozent der Gesamtaufwendungen.“ and, a paragraph on,
„… stehen Gesamtaufwendungen in Höhe von 388,26 Millionen Euro gegenüber.“ – or „Am Gesamtertrag hat die Umlage
einen Anteil von 28,6 Prozent.“ – the part in percent of the base.

The base is the one amount the lines around name with the same noun (right before it: „391,65 Millionen Euro
Gesamterträgen“, or a few words after it: „Gesamtaufwendungen in Höhe von 388,26 Millionen Euro“); two amounts for
the noun, and nothing is read. The part is the one amount of the percentage's sentence or, where that names none,
the one amount of the sentence before. A slip only where the sentence with the percentage opens with a pronoun
that points back to that amount („Sie entsprechen …“, „Dies sind …“) or names it itself, and neither amount is
marked as rounded; otherwise a guess, confirmed or left „nicht geprüft“. Every look is bounded."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.erkennen.fliesstext import SENTENCE
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.woerter import HEDGE, ROUNDED

_OF_NOUN = re.compile(r"\s*(?:der|des)\s+(?:gesamten\s+)?(?P<noun>[A-ZÄÖÜ][a-zäöüß]{3,})\b")
_SHARE_OF = re.compile(r"\b(?:[Aa]m|[Aa]n\s+der|[Aa]n\s+den|[Vv]om)\s+(?P<noun>[A-ZÄÖÜ][a-zäöüß]{3,})\b")
_SHARE = re.compile(r"\bAnteil\b")
_POINTS_BACK = re.compile(r"\s*(?:Sie|Er|Es|Dies|Das|Diese|Dieser|Dieses|Damit|Dieser\s+Betrag|Das\s+sind)\b")
_BEFORE_AMOUNT = re.compile(
    r"[^\d.;:!?]{0,30}?(?:in\s+Höhe\s+von|von|mit|betr[äa]g\w*|belaufen\s+sich\s+auf|:)\s*(?:rund\s+|rd\.\s+)?$"
)
_UMLAUTS = str.maketrans("äöüß", "aous")
_ENDINGS = re.compile(r"(?:en|es|n|e|s)$")
_LINES = 40  # lines above and below that may name the base
_NEAR = 40  # characters after the noun in which an amount may be its own
_SENTENCES = 400  # sentences read for one noun at most


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior} | {t.key for r in prior for t in r.teile}  # a percentage read already
    found: list[Rechnung] = []
    saetze = [_sentences(zeile.text) for zeile in zeilen]
    for index, zeile in enumerate(zeilen):
        if "\t" in zeile.text:
            continue
        for position, (start, end) in enumerate(saetze[index]):
            for rate in (z for z in zeile.zahlen if start <= z.start < end and z.einheit == "%" and z.tiefe == 0):
                if Fund(zeile, rate).key in taken:
                    continue
                reading = _share(zeilen, saetze, index, position, rate)
                if reading is not None:
                    taken.add(reading.ergebnis.key)
                    found.append(reading)
    return found


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in SENTENCE.finditer(text):
        spans.append((start, match.end()))
        start = match.end()
    return [*spans, (start, len(text))]


def _money(zeile: Zeile, start: int, end: int) -> list[Zahl]:
    return [z for z in zeile.zahlen if start <= z.start < end and z.geld and z.tiefe == 0]


def _stem(word: str) -> str:
    plain = word.lower().translate(_UMLAUTS)
    return _ENDINGS.sub("", plain)


def _noun_of(text: str, start: int, rate: Zahl) -> str | None:
    """The noun the percentage is of: „67,5 Prozent der Gesamtaufwendungen“, „am Gesamtertrag … einen Anteil von
    28,6 Prozent“."""
    after = _OF_NOUN.match(text, rate.ende)
    if after:
        return after.group("noun")
    sentence = text[start : rate.start]
    share = _SHARE_OF.search(sentence)
    return share.group("noun") if share and _SHARE.search(sentence) else None


def _rounded(text: str, zahl: Zahl) -> bool:
    before = text[max(0, zahl.start - 12) : zahl.start]
    return bool(ROUNDED.search(before) or HEDGE.search(before))


def _share(
    zeilen: list[Zeile], saetze: list[list[tuple[int, int]]], index: int, position: int, rate: Zahl
) -> Rechnung | None:
    zeile = zeilen[index]
    start, end = saetze[index][position]
    noun = _noun_of(zeile.text, start, rate)
    base = _base(zeilen, saetze, index, (start, end), _stem(noun)) if noun else None
    if base is None or noun is None:
        return None
    base_zeile, base_zahl = base
    own = [z for z in _money(zeile, start, end) if (zeile, z) != (base_zeile, base_zahl)]
    points_back = False
    if not own:
        before = _sentence_before(zeilen, saetze, index, position)
        if before is None:
            return None
        part_zeile, (b_start, b_end) = before
        own = [z for z in _money(part_zeile, b_start, b_end) if (part_zeile, z) != (base_zeile, base_zahl)]
        points_back = bool(_POINTS_BACK.match(zeile.text, start))
    else:
        part_zeile, points_back = zeile, True
    if len(own) != 1 or not 0 < abs(own[0].wert) < abs(base_zahl.wert):
        return None
    part = own[0]
    sure = points_back and not _rounded(part_zeile.text, part) and not _rounded(base_zeile.text, base_zahl)
    return Rechnung(
        f"Anteil an „{noun}“ ({base_zeile.ort})",
        "quote",
        [Fund(part_zeile, part), Fund(base_zeile, base_zahl)],
        Fund(zeile, rate),
        f"{part.betrag()} / {base_zahl.betrag()} x 100",
        sicher=sure,
        rang=1,
        typ="prozentbezug",
    )


def _sentence_before(
    zeilen: list[Zeile], saetze: list[list[tuple[int, int]]], index: int, position: int
) -> tuple[Zeile, tuple[int, int]] | None:
    if position:
        return zeilen[index], saetze[index][position - 1]
    for back in range(index - 1, max(-1, index - 3), -1):
        if zeilen[back].text.strip():
            return None if "\t" in zeilen[back].text else (zeilen[back], saetze[back][-1])
    return None


def _base(
    zeilen: list[Zeile], saetze: list[list[tuple[int, int]]], index: int, own: tuple[int, int], stem: str
) -> tuple[Zeile, Zahl] | None:
    """The one amount the lines around name with the noun of `stem`, outside the percentage's own sentence."""
    named: dict[tuple[int, int], tuple[Zeile, Zahl]] = {}
    loosely: set[object] = set()  # the values of every amount near the noun, in whatever words
    read = 0
    for other in range(max(0, index - _LINES), min(len(zeilen), index + _LINES + 1)):
        zeile = zeilen[other]
        if "\t" in zeile.text:
            continue
        for start, end in saetze[other]:
            if (other, (start, end)) == (index, own):
                continue  # „80 % der Gesamtkosten von 250.000 €“: a form of its own sentence (anteil.py, prosa.py)
            read += 1
            if read > _SENTENCES:
                return None
            for word in re.finditer(r"[A-ZÄÖÜ][a-zäöüß]{3,}", zeile.text[start:end]):
                if _stem(word.group()) != stem:
                    continue
                amount, near = _named(zeile, start + word.start(), start + word.end(), start, end)
                if amount is not None:
                    named[(zeile.nr, amount.start)] = (zeile, amount)
                loosely |= {z.wert for z in near}
    values = {z.wert for _, z in named.values()}
    if len(values) != 1 or loosely - values:
        return None  # „die Gesamtaufwendungen lagen im Vorjahr bei …“: another amount for the noun
    return next(iter(named.values()))


def _named(zeile: Zeile, word_start: int, word_end: int, start: int, end: int) -> tuple[Zahl | None, list[Zahl]]:
    """The amount right before the noun („388,26 Millionen Euro Gesamtaufwendungen“) or a few words after it
    („Gesamtaufwendungen in Höhe von 388,26 Millionen Euro“) – and every amount so near it in other words."""
    money = _money(zeile, start, end)
    before = [z for z in money if z.ende <= word_start and not zeile.text[z.ende : word_start].strip()]
    after = [z for z in money if z.start >= word_end]
    gap = zeile.text[word_end : after[0].start] if after else ""
    own = after and len(gap) <= _NEAR and not re.search(r"\d|\b[A-ZÄÖÜ][a-zäöüß]{3,}", gap)  # no other noun between
    near = before[-1:] + (after[:1] if own else [])
    if before:
        return before[-1], near
    if after and _BEFORE_AMOUNT.fullmatch(gap):
        return after[0], near
    return None, near
