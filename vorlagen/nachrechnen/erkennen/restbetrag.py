"""The rest of an amount in prose, without the word „gedeckt“: „Die Gesamtausgabe beträgt 75.000 €. Davon werden
50.000 € aus der Rücklage entnommen. Für den restlichen Betrag von 25.000 € …“ – the rest is the first amount of the
paragraph less the amounts named between it and the rest. (With „über-/außerplanmäßig … gedeckt“ deckung.py reads
the same shape.)

The words do not say that every amount between belongs to the split: a rest that holds is confirmed, one that does
not is „nicht eindeutig“ with the reading – never a slip. One paragraph (a line as a council information system
stores it) holds the amount and its parts; every look is bounded."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import look_back, written_sum
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.woerter import TOTAL_EXPENSE

_REST = re.compile(
    r"\b(?:restliche[nr]?\s+Betrag(?:es)?|Restbetrag(?:es)?|verbleibende[nr]?\s+Betrag(?:es)?|Rest)\s+"
    r"(?:von|in Höhe von|i\.\s?H\.\s?v\.|über)\s+$|"
    r"\b(?:verbleib(?:t|en)|bleib(?:t|en))\s+(?:also|somit|damit|noch)?\s*(?:nur\s+)?$",
    re.IGNORECASE,
)
_LOOK_BACK = 60  # characters before an amount that say what it is
_MAX_PARTS = 6


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    found: list[Rechnung] = []
    covered = {r.ergebnis.key for r in prior if r.typ == "deckung"}
    for zeile in zeilen:
        rechnung = _rest(zeile)
        if rechnung is not None and rechnung.ergebnis.key not in covered:
            found.append(rechnung)
    return found


def _rest(zeile: Zeile) -> Rechnung | None:
    text = zeile.text
    money = [z for z in zeile.zahlen if z.einheit == "€" and z.tiefe == 0]
    rests = [z for z in money if _REST.search(look_back(text, z.start, _LOOK_BACK))]
    if len(rests) != 1 or len(money) < 3:
        return None
    rest = rests[0]
    total = money[0]
    if not TOTAL_EXPENSE.search(look_back(text, total.start, _LOOK_BACK)):
        return None
    parts = [z for z in money if total.ende <= z.start and z.ende <= rest.start]
    if not 1 <= len(parts) <= _MAX_PARTS:
        return None
    figures, signs = [total, *parts], [1] + [-1] * len(parts)
    return Rechnung(
        "Restbetrag: der erste Betrag des Absatzes abzüglich der Beträge dazwischen",
        "summe",
        [Fund(zeile, z) for z in figures],
        Fund(zeile, rest),
        written_sum(figures, signs),
        vorzeichen=signs,
        sicher=False,
        grund="ob alle Beträge dazwischen vom ersten abgehen, sagt der Text nicht ausdrücklich",
        rang=1,
        typ="restbetrag",
    )
