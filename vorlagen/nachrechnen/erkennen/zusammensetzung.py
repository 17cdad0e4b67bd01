"""An amount and, in the same or the next sentence, what it is made of: „… gehen die verrechneten 114.905,46 € in die
Rücklage. Sie setzen sich zusammen aus 96.487,62 € (Verrechnungen nach § 72 …) und 18.417,83 € (… nach § 24 …).“ –
the parts add up to the amount.

„setzt sich zusammen aus“ names the whole composition, so a mismatch is a slip – where the sentence ends with the last
part (a bracket after it, a noun or two): „… und 150.000 € Eigenmitteln sowie weiteren Spenden“ names a part without
its amount, and the sum is then only confirmed where it holds. The amount is the last one before the words, with no
more than one sentence end between; the parts are the amounts after them up to the sentence's end, joined by „,“,
„und“, „sowie“ with at most a bracket and a few words between. Each look is bounded by the sentence (at most _SPAN
characters)."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, written_sum
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.woerter import SENTENCE_END

_MADE_OF = re.compile(r"\b(?:setzen|setzt)\s+sich\s+(?:wie\s+folgt\s+)?zusammen\s+aus\b", re.IGNORECASE)
_BRACKETS = re.compile(r"\([^()]{0,200}\)")
_JOIN = re.compile(r"^\s*(?:€|Euro|EUR)?\s*(?:[A-Za-zÄÖÜäöüß-]+\s+){0,3}(?:,|und|sowie)\s+(?:rund\s+)?$")
# after an amount and a colon, each part named by a few words after it: „278.000 Euro für das Warmfreibad, “
_JOIN_NAMED = re.compile(r"^\s*(?:€|Euro|EUR)?\s*(?:[A-Za-zÄÖÜäöüß-]+\s*){0,4}(?:,|und|sowie)\s+(?:rund\s+)?$")
_ART = "Betrag und woraus er sich zusammensetzt („setzt sich zusammen aus …“)"
_ART_COLON = "Betrag und seine Teile nach einem Doppelpunkt („… 624.000 Euro: 278.000 Euro für …, …“)"
_SURE_AFTER_COLON = 3  # parts after a colon from which they are the whole composition
_GOES_ON = "der Satz nennt nach dem letzten Betrag noch etwas, das dazugehören kann"
_TWO_AFTER_COLON = "nach dem Doppelpunkt stehen nur zwei Beträge; es können die größten von mehreren Teilen sein"
_COLON = re.compile(r"[ \t]*:[ \t]+")
_TAIL = re.compile(r"^\s*(?:€|Euro|EUR)?\s*(?:[A-Za-zÄÖÜäöüß-]+\s*){0,3}$")
_MORE = re.compile(r"\b(?:und|sowie|weitere\w*|sonstige\w*|u\.\s?a\.)\b|,")
_SPAN = 600  # characters of a sentence looked at before and after the words
_MAX_PARTS = 8


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    found: list[Rechnung] = []
    for zeile in zeilen:
        money = [z for z in zeile.zahlen if z.einheit == "€" and z.tiefe == 0]
        if len(money) < 3:
            continue
        for words in _MADE_OF.finditer(zeile.text):
            before = [z for z in money if z.ende <= words.start() and words.start() - z.ende <= _SPAN]
            if not before or len(SENTENCE_END.findall(zeile.text[before[-1].ende : words.start()])) > 1:
                continue
            reading = _composition(zeile, money, before[-1], words.end(), _JOIN, _ART)
            if reading is not None:
                found.append(reading)
        for total in money:
            colon = _COLON.match(zeile.text, total.ende)
            if colon is not None:  # „Die Personalkosten betragen 624.000 Euro: 278.000 Euro für …, 261.000 Euro …“
                reading = _composition(zeile, money, total, colon.end(), _JOIN_NAMED, _ART_COLON)
                if reading is not None:
                    found.append(reading)
    return found


def _composition(
    zeile: Zeile, money: list[Zahl], total: Zahl, start: int, join: re.Pattern[str], art: str
) -> Rechnung | None:
    """`total` and the amounts from `start` to the sentence's end as its parts, joined by `join`."""
    text = zeile.text
    end = SENTENCE_END.search(text, start, start + _SPAN)
    stop = end.start() if end else min(len(text), start + _SPAN)
    after = [z for z in money if start <= z.start and z.ende <= stop]
    if not 2 <= len(after) <= _MAX_PARTS or not re.fullmatch(r"\s*:?\s*", text[start : after[0].start]):
        return None
    if any(abs(part.wert) >= abs(total.wert) for part in after):
        return None
    for left, right in zip(after, after[1:], strict=False):
        if not join.match(_BRACKETS.sub(" ", text[left.ende : right.start])):
            return None
    tail = _BRACKETS.sub(" ", text[after[-1].ende : stop]).rstrip(" .!?;")
    grund = "" if _TAIL.match(tail) and not _MORE.search(tail) else _GOES_ON
    if not grund and join is _JOIN_NAMED and len(after) < _SURE_AFTER_COLON:
        grund = _TWO_AFTER_COLON  # „624.000 Euro: 278.000 Euro entfallen auf …, 261.000 Euro auf …“
    signs = [1] * len(after)
    return Rechnung(
        art,
        "summe",
        [Fund(zeile, z) for z in after],
        Fund(zeile, total),
        written_sum(after, signs),
        vorzeichen=signs,
        sicher=not grund,
        grund=grund,
        rang=3,
        typ="zusammensetzung",
    )
