"""A change stated against the value a paragraph before named for the same thing: „Im Jahresabschluss 2017 betrug
die Bilanzsumme 1.979.686,22 €.“ … „Im Jahresabschluss 2018 betrug die Bilanzsumme 1.970.740,60 €; sie ist damit um
8.739,54 € gesunken.“, „… steigt das Eigenkapital insgesamt auf 1.384.394,48 €.“ … „… steigt das Eigenkapital um
31.834,96 € auf 1.416.229,44 €.“ – the earlier value plus or less the change (its direction said by the verb) is the
new value.

The thing is the noun nearest before the new value (or before the change, „das Eigenkapital um … auf …“); the earlier
value is the one amount that follows the same noun in the nearest sentence before that names it, at most _LINES
lines above, across blank lines. That the two are the same thing in two years the words suggest but do not say: a
change that holds is confirmed, one that does not is „nicht eindeutig“ with the reading – never a slip. Amounts
marked as rounded („rd.“, „rund“, „ca.“) are not read."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.erkennen.fliesstext import sentence_spans
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, look_back, written_sum
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.woerter import HEDGE, ROUNDED

_UP = re.compile(r"\b(?:gestiegen|steigt|stieg|erhöht|zugenommen|angewachsen|gewachsen)\b")
_DOWN = re.compile(r"\b(?:gesunken|sinkt|sank|vermindert|verringert|abgenommen|zurückgegangen|gefallen)\b")
_BY = re.compile(r"\bum\s*$")
_TO = re.compile(r"^\s*auf\s*$")
_NOUN = re.compile(r"\b[A-ZÄÖÜ][a-zäöüß]{4,}\b")
_NOUN_REACH = 60  # characters before an amount in which its noun stands
_LINES = 40  # lines above in which the earlier value is looked for


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior}
    found: list[Rechnung] = []
    saetze = [sentence_spans(zeile.text) for zeile in zeilen]  # once: every look back reads them again
    for index, zeile in enumerate(zeilen):
        if "\t" in zeile.text:
            continue
        for start, end in saetze[index]:
            reading = _change(zeilen, saetze, index, start, end)
            if reading is not None and reading.ergebnis.key not in taken:
                taken.add(reading.ergebnis.key)
                found.append(reading)
    return found


def _money(zeile: Zeile, start: int, end: int) -> list[Zahl]:
    return [z for z in zeile.zahlen if start <= z.start < end and z.einheit == "€" and z.tiefe == 0]


def _change(
    zeilen: list[Zeile], saetze: list[list[tuple[int, int]]], index: int, start: int, end: int
) -> Rechnung | None:
    """The reading of a sentence that states one change „um X“ with its direction and its new value."""
    zeile = zeilen[index]
    text, money = zeile.text, _money(zeile, start, end)
    sentence = text[start:end]
    up, down = bool(_UP.search(sentence)), bool(_DOWN.search(sentence))
    changes = [z for z in money if _BY.search(text[start : z.start])]
    if up == down or len(changes) != 1:
        return None
    change = changes[0]
    after = [z for z in money if z.start > change.start]
    before = [z for z in money if z.start < change.start]
    if after and _TO.fullmatch(text[change.ende : after[0].start]) and not before:
        new, subject = after[0], change
    elif len(before) == 1 and not after:
        new, subject = before[0], before[0]
    else:
        return None
    if any(ROUNDED.search(look_back(text, z.start, 8, start)) for z in (change, new)):
        return None
    noun = _noun(look_back(text, subject.start, _NOUN_REACH, start))
    earlier = _earlier(zeilen, saetze, index, start, noun) if noun else None
    if earlier is None:
        return None
    was_zeile, was = earlier
    if subject is change:  # „um X auf Y“: the new value is the earlier one plus or less the change
        parts, signs, result = [Fund(was_zeile, was), Fund(zeile, change)], [1, 1 if up else -1], Fund(zeile, new)
    else:  # „Y; … damit um X gestiegen“: the change is the difference of the new value and the earlier one
        pair = [Fund(zeile, new), Fund(was_zeile, was)] if up else [Fund(was_zeile, was), Fund(zeile, new)]
        parts, signs, result = pair, [1, -1], Fund(zeile, change)
    return Rechnung(
        f"Veränderung gegenüber dem früher genannten Wert ({noun}, {was_zeile.ort})",
        "summe",
        parts,
        result,
        written_sum([f.zahl for f in parts], signs),
        vorzeichen=signs,
        sicher=False,
        grund=f"dass {was.betrag()} ({was_zeile.ort}) der frühere Wert ist, sagt der Text nur über das Wort „{noun}“",
        rang=1,
        typ="vorwert",
    )


def _noun(words: str) -> str | None:
    nouns = _NOUN.findall(words)
    return nouns[-1] if nouns else None


def _earlier(
    zeilen: list[Zeile], saetze: list[list[tuple[int, int]]], index: int, before: int, noun: str
) -> tuple[Zeile, Zahl] | None:
    """The amount right after `noun` in the nearest sentence above that names it (the sentences of the line before
    `before`, then the lines above, at most _LINES)."""
    for back in range(index, max(-1, index - _LINES - 1), -1):
        zeile = zeilen[back]
        if "\t" in zeile.text:
            return None  # a table between: the value before it is no longer the text's
        for start, end in reversed([(a, b) for a, b in saetze[back] if back < index or b <= before]):
            sentence = zeile.text[start:end]
            at = sentence.rfind(noun)
            if at < 0:
                continue
            money = _money(zeile, start + at, end)
            if not money or money[0].start - (start + at) > _NOUN_REACH:
                return None  # the nearest sentence naming it gives it no value: nothing is guessed
            if HEDGE.search(look_back(zeile.text, money[0].start, 12)) or ROUNDED.search(
                look_back(zeile.text, money[0].start, 8)
            ):
                return None
            return zeile, money[0]
    return None
