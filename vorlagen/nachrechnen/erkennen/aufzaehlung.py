"""A total stated right after an enumeration of its parts: „2.140 Gäste in Hotels, 1.865 in Pensionen und 2.407 in
Ferienwohnungen, insgesamt also 6.412 Ankünfte“, „… mit 48.200 €, … mit 312.800 € und … mit 96.400 €. Zusammen
wurden 457.400 € verbaut.“ – the sum of every part.

An enumeration is a shape of its own: figures of one unit, two of them joined by „,“ (the last two by „und“, „sowie“
or „,“), a few words between and no other figure, no bracket, no „je“ or „davon“; the total right after the last
part with „, insgesamt“ or „, zusammen“ in the same sentence, or opening the next sentence („Zusammen …“, „Insgesamt
…“, „In der Summe …“) where the enumeration ends its own – there only a guess where an amount of the unit stands before the
enumeration in its paragraph (the total may take it in). The words name every part, so a total that misses the sum
is a slip – also where some of the parts give it (a part left out), which the search among amounts confirmed before.
„nicht eindeutig“ where the sentence hedges („u. a.“, „darunter“, „rund“) or the total takes in more
(„einschließlich …“). A year, an ordinal („am 3., 10. und 17. März“) or a figure after a name („Hauptstraße 12“) is
no part, and an amount „je“ piece before the first part makes it no enumeration. Plain figures are counts of one
thing: parts that name different things („3 Kindergärten, 2 Grundschulen …“) are read not at all, a total that names
another noun than its parts („… VZÄ …, insgesamt 9 Personen“) only as a doubt where some of the parts give it, else a
guess. Every look is bounded: the sentence, at most _MAX_PARTS parts (2^_MAX_PARTS choices of some of them)."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import combinations

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.aufbau.satzfolge import Satz, sentences
from vorlagen.nachrechnen.lesen.zahlenlesen import written_sum
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.woerter import APPROXIMATE, PER_PERIOD

_MAX_PARTS = 8
_GAP = re.compile(r"[^\d;:()/%=×+]{1,60}")  # the words between two parts: no figure, no bracket, no operator
_NO_PART = re.compile(
    r"\b(?:je|jeweils|pro|davon|darunter|hiervon|bis|oder|bzw|zwischen|abzüglich|abzgl|zuzüglich|zzgl|plus|minus|von)\b"
    r"|\bx\b",
    re.IGNORECASE,
)
_LAST_JOIN = re.compile(r"\s(?:und|sowie)\s")
# the total after the last part in its sentence: „…, insgesamt also 4.547“, „…; zusammen sind das 30 €“
_TOTAL_IN = re.compile(
    r"^[^\d.;:()%]{0,40}?[,;]\s*(?:insgesamt|zusammen|in\s+Summe|gesamt)\b[^\d.;:()%]{0,30}$", re.IGNORECASE
)
# the total opening the next sentence: „Zusammen wurden 457.400 € verbaut.“
_TOTAL_NEXT = re.compile(r"^\W*(?:Zusammen|Insgesamt|In\s+der\s+Summe|In\s+Summe|Gesamt)\b[^\d.;:()%]{0,40}$")
_END_AFTER = re.compile(r"[^\d]{0,40}$")  # the enumeration ends its sentence: a few words after its last part
_HEDGE = re.compile(
    r"\b(?:u\.\s?a\.|unter\s+anderem|darunter|etwa|ca\.|circa|rund|rd\.|ungefähr|z\.\s?B\.|zum\s+Beispiel|"
    r"beispielsweise|mindestens|mehr\s+als|knapp|über|weitere[nmr]?|sonstige[nmr]?)(?!\w)",
    re.IGNORECASE,
)
_SUBTOTAL = re.compile(r"Zwischensumme|Zwischenergebnis|Teilsumme", re.IGNORECASE)
_MORE = re.compile(r"\b(?:einschließlich|einschl\.|inklusive|inkl\.|zuzüglich|zzgl\.|ohne|nebst|samt)(?!\w)")
_YEAR = re.compile(r"(?:19|20)\d\d")
# „Die drei Ortsteile erhalten je 15.000 €, …“: the first part is an amount per piece
_EACH_BEFORE = re.compile(r"\b(?:je|jeweils|pro|à|zu)\s+(?:\S+\s+){0,2}$")
_PRICE_BEFORE = re.compile(r"\b(?:zu|à|je)\s+$")  # „… ein Anhänger zu 12.500 €“: a price per piece
# a count right after a name is a label: „Hauptstraße 12“, „Nr. 4“, „§ 20“, „KG 300“
_LABEL_BEFORE = re.compile(r"(?:\b[A-ZÄÖÜ][\wäöüß.\-]*|§|Nr\.|Abs\.)\s*$")
_NOUN_AFTER = re.compile(r"\s*(?:[a-zäöüß][\wäöüß.\-]*\s+){0,2}?([A-ZÄÖÜ][\wäöüß\-]+)")
_ENDINGS = re.compile(r"(?:en|e|n|s)$")
# „1.865 in Pensionen“: a part that leaves its noun out names none of its own
_ELIDED = re.compile(r"\s*(?:in|im|am|an|auf|aus|bei|beim|für|vom|zum|zur)\s")
_OTHER_THING = "ob die Summe dasselbe zählt wie ihre Teile, sagt der Satz nicht"
_LOOK = 40  # characters before the first part looked at for „je“


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    saetze, _ = sentences(zeilen)
    found: list[Rechnung] = []
    for index, satz in enumerate(saetze):
        for reading in _in_sentence(satz) + _after_sentence(saetze, index):
            if reading.ergebnis.key not in taken:
                found.append(reading)
                taken.add(reading.ergebnis.key)
    return found


def _in_sentence(satz: Satz) -> list[Rechnung]:
    """„A …, B … und C …, insgesamt D“ in one sentence."""
    found = []
    for k in range(2, len(satz.figures)):
        at, total = satz.figures[k]
        last_at, last = satz.figures[k - 1]
        if _TOTAL_IN.match(satz.text[last_at + len(last.zahl.text) : at]):
            parts = _enumeration(satz, k - 1, total)
            if parts:
                other = _other_thing(satz, parts, satz, at, total)
                words = (satz.text, satz.text[:at], satz.after(at, total))
                found.append(_reading([f for _, f in parts], total, words, other))
    return found


def _after_sentence(saetze: list[Satz], index: int) -> list[Rechnung]:
    """„A …, B … und C ….“ and the next sentence „Zusammen … D …“."""
    satz = saetze[index]
    if index == 0 or not satz.follows or not satz.figures:
        return []
    at, total = satz.figures[0]
    before = saetze[index - 1]
    if not before.figures or not _TOTAL_NEXT.match(satz.text[:at]):
        return []
    last_at, last = before.figures[-1]
    if not _END_AFTER.fullmatch(before.after(last_at, last).rstrip(".!? ")):
        return []
    placed = _enumeration(before, len(before.figures) - 1, total)
    if not placed:
        return []
    parts = [f for _, f in placed]
    other = _other_thing(before, placed, satz, at, total)
    reading = _reading(parts, total, (f"{before.text} {satz.text}", satz.text[:at], satz.after(at, total)), other)
    if _more_before(saetze, index - 1, parts, total):  # „Zusammen“ may take in an amount of a sentence before
        reading = replace(reading, sicher=False, grund="")
    return [reading]


def _more_before(saetze: list[Satz], index: int, parts: list[Fund], total: Fund) -> bool:
    """An amount of the total's unit stands before the enumeration in its paragraph (its sentence or one it
    follows on)."""
    satz = saetze[index]
    first = next(at for at, f in satz.figures if f is parts[0])
    if any(f.zahl.einheit == total.zahl.einheit for at, f in satz.figures if at < first):
        return True
    while satz.follows and index > 0:
        index -= 1
        satz = saetze[index]
        if any(f.zahl.einheit == total.zahl.einheit for _, f in satz.figures):
            return True
    return False


def _enumeration(satz: Satz, last: int, total: Fund) -> list[tuple[int, Fund]]:
    """The parts of the enumeration that ends with the sentence's figure `last`, in the unit of the total – none
    where it is no enumeration of two or more parts, or a figure joined like a part is of another kind."""
    parts = [satz.figures[last]]
    for at, figure in reversed(satz.figures[max(0, last - _MAX_PARTS + 1) : last]):
        gap = satz.text[at + len(figure.zahl.text) : parts[0][0]]
        if not _joined(gap, last_pair=len(parts) == 1):
            if "," in gap or ")" in gap:
                return []  # „Bau 312.800 € (davon Rohbau …), Planung …“: the list goes on in a shape not read
            break
        if not _part(satz, at, figure, total) or satz.text[at + len(figure.zahl.text) :].startswith("."):
            return []  # joined like a part, of another kind („am 3., 10. und 17. März“: ordinals)
        parts.insert(0, (at, figure))
    if len(parts) < 2 or not _part(satz, *parts[-1], total):
        return []
    first_at = parts[0][0]
    if _EACH_BEFORE.search(satz.text[max(0, first_at - _LOOK) : first_at]) or PER_PERIOD.search(satz.text):
        return []  # an amount per piece or per period („… 80 € monatlich, insgesamt 26.760 € im Jahr“)
    if total.zahl.einheit == "" and not _counts(satz, parts):
        return []
    if _SUBTOTAL.search(satz.text) or any(f.zahl.wert == total.zahl.wert for _, f in parts):
        return []  # „…, Zwischensumme 480.000 €, …“, or the total named among the parts before
    return parts


def _counts(satz: Satz, parts: list[tuple[int, Fund]]) -> bool:
    """Plain figures are counts of one thing: none a label after a name („Hauptstraße 12“), and the nouns after them
    name one thing („3 Kindergärten, 2 Grundschulen und 1 Mittelschule“ are three) – a part may leave it out
    („1.865 in Pensionen“)."""
    if any(_LABEL_BEFORE.search(satz.text[max(0, at - _LOOK) : at]) for at, _ in parts):
        return False
    return len(_nouns(satz, parts)) <= 1


def _nouns(satz: Satz, parts: list[tuple[int, Fund]]) -> set[str]:
    """The stems of the nouns the parts count (a part that leaves its noun out – „1.865 in Pensionen“ – names none)."""
    nouns = set()
    for at, figure in parts:
        end = at + len(figure.zahl.text)
        noun = _noun(satz.text, end)
        if noun and not _ELIDED.match(satz.text, end):
            nouns.add(noun)
    return nouns


def _noun(text: str, end: int) -> str | None:
    """The stem of the noun right after a figure (two small words may stand before it), None where the next word is
    a joining word or none follows."""
    found = _NOUN_AFTER.match(text, end)
    if found is None or re.search(r"[,;]|\s(?:und|sowie)\s", text[end : found.start(1)]):
        return None
    return _ENDINGS.sub("", found.group(1).lower())


def _part(satz: Satz, at: int, figure: Fund, total: Fund) -> bool:
    """A figure that can be a part of the total: its unit, unsigned, outside brackets, no year."""
    zahl = figure.zahl
    if zahl.einheit != total.zahl.einheit or zahl.tiefe or zahl.minus or total.zahl.tiefe or total.zahl.minus:
        return False
    return not (zahl.einheit == "" and _YEAR.fullmatch(zahl.text))


def _joined(gap: str, last_pair: bool) -> bool:
    """The words between two parts join them as an enumeration does: one „,“ (or „und“/„sowie“ before the last)."""
    if not _GAP.fullmatch(gap) or _NO_PART.search(gap) or ". " in gap or _PRICE_BEFORE.search(gap):
        return False
    commas = gap.count(",")
    if last_pair:
        return commas == 1 or commas == 0 and bool(_LAST_JOIN.search(gap))
    return commas == 1


def _other_thing(satz: Satz, parts: list[tuple[int, Fund]], total_satz: Satz, at: int, total: Fund) -> bool:
    """Counts whose total names another noun than its parts („3,5 VZÄ …, insgesamt 9 Personen“)."""
    if total.zahl.einheit != "":
        return False
    own = _noun(total_satz.text, at + len(total.zahl.text))
    return own is not None and own not in _nouns(satz, parts)


def _some_give(parts: list[Fund], total: Fund) -> bool:
    """Two or more of the parts, not all, add up to the total."""
    values = [f.zahl.wert for f in parts]
    return any(
        sum(chosen) == total.zahl.wert for size in range(2, len(values)) for chosen in combinations(values, size)
    )


def _reading(parts: list[Fund], total: Fund, words: tuple[str, str, str], other_thing: bool) -> Rechnung:
    """The total as the sum of every part – sure unless the words (the sentences, those before the total and those
    after it) leave room for more parts or count another thing; a guess where they call the total approximate."""
    text, before, after = words
    open_ = bool(_HEDGE.search(text) or _MORE.search(after.split(". ")[0]))
    grund = "der Satz lässt offen, ob die Aufzählung alle Teile nennt" if open_ else ""
    if other_thing:  # a doubt only where some of the parts give the total (one left out), else a guess
        grund = _OTHER_THING if _some_give(parts, total) else ""
        open_ = True
    if APPROXIMATE.search(before):  # „zusammen gut 72.000 €“: no sum to the euro
        grund, open_ = "", True
    return Rechnung(
        "Summe einer Aufzählung, deren Gesamtbetrag der Satz nennt",
        "summe",
        parts,
        total,
        written_sum([f.zahl for f in parts], [1] * len(parts)),
        sicher=not open_,
        grund=grund,
        rang=2,
        typ="aufzaehlung",
    )
