"""A total stated right after an enumeration of its parts: „2.140 Gäste in Hotels, 1.865 in Pensionen und 2.407 in
Ferienwohnungen, insgesamt also 4.547 Ankünfte“, „… mit 48.200 €, … mit 312.800 € und … mit 96.400 €. Zusammen
wurden 457.400 € verbaut.“ – the sum of every part.

An enumeration is a shape of its own: figures of one unit, two of them joined by „,“ (the last two by „und“, „sowie“
or „,“), a few words between and no other figure, no bracket, no „je“ or „davon“; the total right after the last
part with „, insgesamt“ or „, zusammen“ in the same sentence, or opening the next sentence („Zusammen …“, „Insgesamt
…“, „In der Summe …“) where the enumeration ends its own – there only a guess where an amount of the unit stands before the
enumeration in its paragraph (the total may take it in). The words name every part, so a total that misses the sum
is a slip – also where some of the parts give it (a part left out), which the search among amounts confirmed before.
„nicht eindeutig“ where the sentence hedges („u. a.“, „darunter“, „rund“) or the total takes in more
(„einschließlich …“). A year or an ordinal („am 3., 10. und 17. März“) is no part. Every look is bounded: the
sentence, at most _MAX_PARTS parts."""

from __future__ import annotations

import re
from dataclasses import replace

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.aufbau.satzfolge import Satz, sentences
from vorlagen.nachrechnen.lesen.zahlenlesen import written_sum
from vorlagen.nachrechnen.lesen.zeile import Zeile

_MAX_PARTS = 8
_GAP = re.compile(r"[^\d;:()/%=×+]{1,60}")  # the words between two parts: no figure, no bracket, no operator
_NO_PART = re.compile(
    r"\b(?:je|pro|davon|darunter|hiervon|bis|oder|bzw|zwischen|abzüglich|abzgl|zuzüglich|zzgl|plus|minus|von)\b"
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
_MORE = re.compile(r"\b(?:einschließlich|einschl\.|inklusive|inkl\.|zuzüglich|zzgl\.|ohne|nebst|samt)(?!\w)")
_YEAR = re.compile(r"(?:19|20)\d\d")


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
                found.append(_reading(parts, total, satz.text, satz.after(at, total)))
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
    parts = _enumeration(before, len(before.figures) - 1, total)
    if not parts:
        return []
    reading = _reading(parts, total, f"{before.text} {satz.text}", satz.after(at, total))
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


def _enumeration(satz: Satz, last: int, total: Fund) -> list[Fund]:
    """The parts of the enumeration that ends with the sentence's figure `last`, in the unit of the total – none
    where it is no enumeration of two or more parts, or a figure joined like a part is of another kind."""
    parts = [satz.figures[last]]
    for at, figure in reversed(satz.figures[max(0, last - _MAX_PARTS + 1) : last]):
        if not _joined(satz.text[at + len(figure.zahl.text) : parts[0][0]], last_pair=len(parts) == 1):
            break
        if not _part(satz, at, figure, total) or satz.text[at + len(figure.zahl.text) :].startswith("."):
            return []  # joined like a part, of another kind („am 3., 10. und 17. März“: ordinals)
        parts.insert(0, (at, figure))
    if len(parts) < 2 or not _part(satz, *parts[-1], total):
        return []
    return [f for _, f in parts]


def _part(satz: Satz, at: int, figure: Fund, total: Fund) -> bool:
    """A figure that can be a part of the total: its unit, unsigned, outside brackets, no year."""
    zahl = figure.zahl
    if zahl.einheit != total.zahl.einheit or zahl.tiefe or zahl.minus or total.zahl.tiefe or total.zahl.minus:
        return False
    return not (zahl.einheit == "" and _YEAR.fullmatch(zahl.text))


def _joined(gap: str, last_pair: bool) -> bool:
    """The words between two parts join them as an enumeration does: one „,“ (or „und“/„sowie“ before the last)."""
    if not _GAP.fullmatch(gap) or _NO_PART.search(gap) or ". " in gap:
        return False
    commas = gap.count(",")
    if last_pair:
        return commas == 1 or commas == 0 and bool(_LAST_JOIN.search(gap))
    return commas == 1


def _reading(parts: list[Fund], total: Fund, text: str, after: str) -> Rechnung:
    """The total as the sum of every part – sure unless the words leave room for more parts."""
    open_ = _HEDGE.search(text) or _MORE.search(after.split(". ")[0])
    return Rechnung(
        "Summe einer Aufzählung, deren Gesamtbetrag der Satz nennt",
        "summe",
        parts,
        total,
        written_sum([f.zahl for f in parts], [1] * len(parts)),
        sicher=not open_,
        grund="der Satz lässt offen, ob die Aufzählung alle Teile nennt" if open_ else "",
        rang=2,
        typ="aufzaehlung",
    )
