"""A change of a count stated after the two counts it is the difference of, one sentence each: „Im
Nachtragsstellenplan 2016 sind insgesamt 439,37 Stellen ausgewiesen. Der ursprüngliche Stellenplan 2016 enthielt
430,71 Stellen. Der Personalstamm erhöht sich somit insgesamt um 8,66 Stellen.“ (a02 of the Zusatz) – the change is
the difference of the two counts.

Read only where each of the two sentences before names one count (a figure with a noun of heads or places after it)
and the sentence of the change says that it follows from them („somit“, „damit“, „also“) and names no other count;
a sentence with an amount or a percentage is left alone. Then a mismatch is a slip."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.erkennen.fliesstext import sentence_spans
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.woerter import COUNT_NOUN

_CHANGE = re.compile(
    r"\b(?:erhöh\w*|verringer\w*|vermind\w*|reduzier\w*|steig\w*|sink\w*|wächst|wachsen)\s+(?:sich\s+)?"
    r"(?:somit|damit|also)\s+(?:insgesamt\s+)?um\s*$"
)


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    """Adds each change „… somit um N Stellen“ under its two counts."""
    taken = {r.ergebnis.key for r in prior}
    found: list[Rechnung] = []
    for zeile in zeilen:
        if not zeile.zahlen or "um" not in zeile.text:
            continue
        spans = sentence_spans(zeile.text)
        counts = [_counts(zeile, start, end) for start, end in spans]
        for position in range(2, len(spans)):
            change = counts[position]
            first, second = counts[position - 2], counts[position - 1]
            if len(change) != 1 or len(first) != 1 or len(second) != 1:
                continue
            start, _ = spans[position]
            if not _CHANGE.search(zeile.text[start : change[0].start]) or Fund(zeile, change[0]).key in taken:
                continue
            found.append(_reading(zeile, first[0], second[0], change[0]))
    return found


def _counts(zeile: Zeile, start: int, end: int) -> list[Zahl]:
    """The counts of the sentence („8,66 Stellen“; a year or a page's number is none) – none where it names an
    amount or a percentage."""
    figures = [z for z in zeile.zahlen if start <= z.start < end]
    if any(z.einheit for z in figures):
        return []
    return [z for z in figures if COUNT_NOUN.match(zeile.text, z.ende)]


def _reading(zeile: Zeile, first: Zahl, second: Zahl, change: Zahl) -> Rechnung:
    return Rechnung(
        "Veränderung einer Zahl von Stellen aus den zwei Sätzen davor („somit um …“)",
        "differenz",
        [Fund(zeile, first), Fund(zeile, second)],
        Fund(zeile, change),
        f"{first.zeige()} − {second.zeige()}",
        typ="veraenderung",
    )
