"""An amount and, in the same or the next sentence, what it is made of: „… gehen die verrechneten 114.905,46 € in die
Rücklage. Sie setzen sich zusammen aus 96.487,62 € (Verrechnungen nach § 72 …) und 18.417,83 € (… nach § 24 …).“ –
the parts add up to the amount.

„setzt sich zusammen aus“ names the whole composition, so a mismatch is a slip – where the sentence ends with the last
part (a bracket after it, a noun or two): „… und 150.000 € Eigenmitteln sowie weiteren Spenden“ names a part without
its amount, and the sum is then only confirmed where it holds. The amount is the last one before the words, with no
more than one sentence end between; the parts are the amounts after them up to the sentence's end, joined by „,“,
„und“, „sowie“ with at most a bracket and a few words between. Each look is bounded by the sentence (at most _SPAN
characters).

Also a total and how it is financed or split, in one sentence: „Die Gesamtkosten von 220.000 € werden finanziert durch
Fördermittel von 81.000 €, Eigenmittel von 16.000 € und eine Entnahme aus der Rücklage von 123.000 €.“, „Die
Finanzierung der Gesamtkosten in Höhe von … erfolgt mit …“, „Die Kosten von … verteilen sich auf …“, „… stehen 98.000 €
zur Verfügung, und zwar 60.000 € … und 38.000 € …“. The total is the one amount of the sentence before the words; each
part may be named by a few words before and after it, one „,“, „und“ or „sowie“ between two parts. The words name the
whole split, so a mismatch is a slip – unless the sentence hedges („u. a.“, „teilweise“, „rund“) or goes on after the
last part. So too a sentence that names the parts and then the verb, after a sentence with the total as its one amount:
„Die Gesamtkosten belaufen sich auf 220.000 €. Sie werden mit 81.000 € aus Fördermitteln und 139.000 € aus
Eigenmitteln finanziert.“"""

from __future__ import annotations

import re
from dataclasses import replace

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
# the words that say how a total is financed or split, with the total before them in the same sentence
_SPLIT = re.compile(
    r"\bfinanziert\s+(?:werden\s+)?(?:durch|mit|aus)\b|\berfolgt\s+(?:durch|mit|aus)\b|"
    r"\bverteil(?:t|en)\s+sich\s+(?:wie\s+folgt\s+)?auf\b|,\s+und\s+zwar\b",
    re.IGNORECASE,
)
# a sentence that refers to the total of the sentence before and ends with how it is financed
_REFERS_BACK = re.compile(r"(?:Sie|Diese|Dieser|Er|Der\s+Betrag|Die\s+Kosten|Die\s+Summe)\s+(?:werden|wird)\s+")
_FINANCED_AT_END = re.compile(r"\s(?:finanziert|gedeckt|aufgebracht)(?:\s+werden)?\s*$")
_DIGIT = re.compile(r"\d")
# words that make an amount a part of the part before it
_INNER_PART = re.compile(
    r"\b(?:davon|darin|darunter|einschließlich|einschl\.|inklusive|inkl\.|von\s+denen|wovon|worin|enthalten)\b",
    re.IGNORECASE,
)
_FINANCING = re.compile(r"\b(?:Finanzierung|Deckung)\b")  # what „erfolgt durch …“ must be about
_WORD = r"(?!(?:und|sowie)\b)[A-Za-zÄÖÜäöüß][A-Za-zÄÖÜäöüß.-]*"
_LEAD_NAMED = re.compile(rf"^\s*(?:{_WORD}\s+){{0,5}}$")
_JOIN_BOTH = re.compile(
    rf"^\s*(?:€|Euro|EUR)?\s*(?:{_WORD}\s*){{0,5}}(?:,|und|sowie|,\s*und|,\s*sowie)\s+(?:{_WORD}\s+){{0,7}}$"
)
_HEDGE = re.compile(
    r"\b(?:u\.\s?a\.|unter\s+anderem|teilweise|zum\s+Teil|überwiegend|hauptsächlich|insbesondere|z\.\s?B\.|"
    r"rund|ca\.|circa|etwa|knapp|gut|mindestens|höchstens|bis\s+zu|je|jeweils|jährlich|monatlich|pro)(?!\w)",
    re.IGNORECASE,
)
_ART_SPLIT = "Betrag und wie er finanziert oder aufgeteilt wird („finanziert durch …“, „und zwar …“)"
_HEDGED = (
    "der Satz schränkt ein („rund“, „u. a.“, „teilweise“, „jährlich“): die Teile müssen nicht genau den Betrag ergeben"
)
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
        for words in _SPLIT.finditer(zeile.text):
            reading = _split(zeile, money, words)
            if reading is not None:
                found.append(reading)
        for sentence in SENTENCE_END.finditer(zeile.text):
            reading = _split_back(zeile, money, sentence.end())
            if reading is not None:
                found.append(reading)
        for total in money:
            colon = _COLON.match(zeile.text, total.ende)
            if colon is not None:  # „Die Personalkosten betragen 624.000 Euro: 278.000 Euro für …, 261.000 Euro …“
                reading = _composition(zeile, money, total, colon.end(), _JOIN_NAMED, _ART_COLON)
                if reading is not None:
                    found.append(reading)
    return found


def _split(zeile: Zeile, money: list[Zahl], words: re.Match[str]) -> Rechnung | None:
    """The one amount of the sentence before `words` as the total, the amounts after them as its parts."""
    text = zeile.text
    ends = [m.end() for m in SENTENCE_END.finditer(text, max(0, words.start() - _SPAN), words.start())]
    opening = ends[-1] if ends else max(0, words.start() - _SPAN)
    before = [z for z in money if opening <= z.start and z.ende <= words.start()]
    if len(before) != 1:
        return None
    if words.group().lower().startswith("erfolgt") and not _FINANCING.search(text, opening, before[0].start):
        return None
    reading = _composition(zeile, money, before[0], words.end(), _JOIN_BOTH, _ART_SPLIT, _LEAD_NAMED)
    sentence_end = SENTENCE_END.search(text, words.end(), words.end() + _SPAN)
    stop = sentence_end.start() if sentence_end else min(len(text), words.end() + _SPAN)
    if reading is None or _DIGIT.search(text, reading.teile[-1].zahl.ende, stop):
        return None  # a figure after the last part not read as an amount („123T€“) may be a part
    if _INNER_PART.search(text, words.end(), stop):
        return None  # „Eigenmittel von 62.160 €, davon 24.160 € …“: a part of a part, no source of its own
    if reading.grund:
        return reading
    if _HEDGE.search(text, opening, stop):
        return replace(reading, sicher=False, grund=_HEDGED)
    return reading


def _split_back(zeile: Zeile, money: list[Zahl], opening: int) -> Rechnung | None:
    """A sentence from `opening` that refers to the one amount of the sentence before as its total, names parts and
    ends with the verb: the total and its parts."""
    text = zeile.text
    refers = _REFERS_BACK.match(text, opening + len(text[opening:]) - len(text[opening:].lstrip()))
    if refers is None:
        return None
    ends = [m.end() for m in SENTENCE_END.finditer(text, max(0, opening - _SPAN), opening - 1)]
    before = [z for z in money if (ends[-1] if ends else 0) <= z.start and z.ende <= opening]
    end = SENTENCE_END.search(text, refers.end(), refers.end() + _SPAN)
    stop = end.start() if end else min(len(text), refers.end() + _SPAN)
    verb = _FINANCED_AT_END.search(text[:stop].rstrip(" .!?"), refers.end())
    if len(before) != 1 or verb is None:
        return None
    reading = _composition(
        zeile, money, before[0], refers.end(), _JOIN_BOTH, _ART_SPLIT, _LEAD_NAMED, stop=verb.start()
    )
    if reading is not None and _INNER_PART.search(text, refers.end(), verb.start()):
        return None
    if reading is not None and _HEDGE.search(text, refers.end(), verb.start()):
        return replace(reading, sicher=False, grund=_HEDGED)
    return reading


def _composition(
    zeile: Zeile,
    money: list[Zahl],
    total: Zahl,
    start: int,
    join: re.Pattern[str],
    art: str,
    lead: re.Pattern[str] = re.compile(r"\s*:?\s*"),
    stop: int | None = None,
) -> Rechnung | None:
    """`total` and the amounts from `start` to the sentence's end (or to `stop`) as its parts, joined by `join`, the
    first after the words `lead` allows."""
    text = zeile.text
    if stop is None:
        end = SENTENCE_END.search(text, start, start + _SPAN)
        stop = end.start() if end else min(len(text), start + _SPAN)
    after = [z for z in money if start <= z.start and z.ende <= stop]
    if not 2 <= len(after) <= _MAX_PARTS or not lead.fullmatch(text[start : after[0].start]):
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
