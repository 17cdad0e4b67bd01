"""A sentence that names a share by two nouns whose amounts stand above it: „Der Eigenanteil entspricht 47,0 % der
Gesamtkosten.“ under a Finanzierungsplan „Eigenanteil Stadt | 557.640 €“ and a Kostenschätzung „Gesamtkosten |
1.187.640 €“ – the rate is the first amount in percent of the second. Before, such a rate was only „nicht geprüft“:
the sentence names no amount, so no form that reads a rate beside its base read it.

The sentence opens with the noun of the part („Der Eigenanteil“, „Die Förderung des Landes“), then a verb that states
it („entspricht“, „beträgt“, „macht … aus“), the rate, and „der/des“ with the noun of the whole; nothing after the
whole names another time or place („des Vorjahres“, „von 2023“). Each noun must name exactly one amount among the
_LOOK_BACK lines above – a line whose words before its one amount in euros hold the noun (or a word that begins with
it: „Gesamtkosten“ for „Gesamtkosten“, „Eigenanteil Stadt“ for „Eigenanteil“); two lines naming it with different
amounts leave it open, and nothing is read. Every line looks back a bounded number of lines."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.erkennen.fliesstext import sentence_spans
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, words_before
from vorlagen.nachrechnen.lesen.zeile import Zeile

_PART = re.compile(
    r"(?:^|[.;:]\s+)(?:Der|Die|Das)\s+(?P<noun>[A-ZÄÖÜ][\wäöüß-]{4,})(?:\s+(?:der|des)\s+[\wÄÖÜäöüß-]+)?\s+"
    r"(?:entspricht|beträgt|betragen|entsprechen|macht|machen)\s+(?:damit\s+|somit\s+|also\s+|rund\s+|ca\.\s+|etwa\s+)*$"
)
_WHOLE = re.compile(r"^\s*(?:aus\s+)?(?:der|des)\s+(?P<noun>[A-ZÄÖÜ][\wäöüß-]{4,})(?P<after>[^.;]{0,40})")
_OTHER_REFERENCE = re.compile(
    r"\b(?:des\s+Vorjahres|von\s+(?:19|20)\d\d|im\s+Jahr|aus\s+(?:19|20)\d\d|bundesweit|im\s+Land)"
)
_LOOK_BACK = 40


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    found: list[Rechnung] = []
    for index, zeile in enumerate(zeilen):
        if "%" not in zeile.text:
            continue
        for rate in (z for z in zeile.zahlen if z.einheit == "%" and z.tiefe == 0):
            reading = _reading(zeilen, index, rate)
            if reading is not None and reading.ergebnis.key not in taken:
                found.append(reading)
    return found


def _reading(zeilen: list[Zeile], index: int, rate: Zahl) -> Rechnung | None:
    zeile = zeilen[index]
    part = _PART.search(words_before(zeile.text, rate))
    whole = _WHOLE.match(zeile.text[rate.ende :])
    if part is None or whole is None or _OTHER_REFERENCE.search(whole["after"]):
        return None
    start, end = next((a, b) for a, b in sentence_spans(zeile.text) if a <= rate.start < b)
    if any(z.geld and start <= z.start < end for z in zeile.zahlen):
        return None  # a rate beside its amounts: prozentsaetze.py reads it
    a = _named(zeilen, index, part["noun"])
    b = _named(zeilen, index, whole["noun"])
    if a is None or b is None or a.key == b.key or b.zahl.wert <= 0 or a.zahl.wert < 0:
        return None
    return Rechnung(
        f"Anteil, den der Satz mit zwei Namen nennt: „{part['noun']}“ in Prozent von „{whole['noun']}“",
        "quote",
        [a, b],
        Fund(zeile, rate),
        f"{a.zahl.betrag()} / {b.zahl.betrag()} × 100",
        rang=1,
        typ="anteilsatz",
    )


def _named(zeilen: list[Zeile], index: int, noun: str) -> Fund | None:
    """The one amount the lines above name with the noun; None where none does, or two with different amounts."""
    pattern = re.compile(rf"(?<![\wäöüß]){re.escape(noun)}", re.IGNORECASE)
    found: list[Fund] = []
    for back in range(index - 1, max(-1, index - 1 - _LOOK_BACK), -1):
        zeile = zeilen[back]
        money = [z for z in zeile.zahlen if z.geld and z.tiefe == 0]
        if len(money) == 1 and pattern.search(zeile.text[: money[0].start]):
            found.append(Fund(zeile, money[0]))
    if not found or len({f.zahl.wert for f in found}) != 1:
        return None
    return found[0]
