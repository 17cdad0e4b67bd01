"""An amount per month (or quarter, half-year) and the yearly amount the same sentence gives for it: „Die Miete
beträgt monatlich 1.250 €, im Jahr also 15.000 €.“, „Bei einer monatlichen Pauschale von 380 € ergeben sich jährlich
4.560 €.“, „1.250 € pro Monat (15.000 € pro Jahr)“ – the yearly amount is 12 (4, 2) times the other.

Read only where it is one: the words right before the first amount (or right after it) name its period and no year,
the two amounts stand next to each other with nothing between them but words that join a figure to its restatement
(„also“, „das sind“, „ergibt“, „im Jahr“, „jährlich“ …), and the sentence counts no months („für 10 Monate“) – then
a mismatch is a slip (a yearly amount typed „rund“ is judged as rounded to its last digit that is not zero). Every look is bounded (a window before the first amount)."""

from __future__ import annotations

import re
from decimal import Decimal

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.woerter import SENTENCE_END

# the period of the first amount, and how many of it make a year
_PERIODS = (
    (re.compile(r"\b(?:monatlich\w*|pro\s+Monat|je\s+Monat|im\s+Monat|Monats\w+)", re.IGNORECASE), 12, "Monat"),
    (re.compile(r"\b(?:vierteljährlich\w*|quartalsweise|pro\s+Quartal|je\s+Quartal|Quartals\w+)", re.I), 4, "Quartal"),
    (re.compile(r"\b(?:halbjährlich\w*|pro\s+Halbjahr|je\s+Halbjahr)", re.IGNORECASE), 2, "Halbjahr"),
)
_YEAR = re.compile(r"\b(?:jährlich\w*|im\s+Jahr|pro\s+Jahr|je\s+Jahr|p\.\s?a\.|Jahres\w+|aufs\s+Jahr)", re.IGNORECASE)
# what may stand between the two amounts: words that restate a figure for the year, brackets, commas
_RESTATES = re.compile(
    r"(?:[\s,;()=]|€|EUR|Euro|also|somit|das|dies|sind|ist|d\.\s?h\.|entspricht|entsprechend|ergibt|ergeben|sich|"
    r"macht|und|damit|bzw\.|oder|im|pro|je|Jahr|jährlich\w*|p\.\s?a\.|aufs|auf|gerechnet|hochgerechnet|insgesamt|"
    r"zusammen|rund|monatlich\w*|pro\s+Monat|Monat|vierteljährlich|quartalsweise|halbjährlich|mit|"
    r"ausgezahlt|gezahlt|bezahlt|gewährt|fällig|netto|brutto|gerechnet)*",
    re.IGNORECASE,
)
_MONTHS_COUNTED = re.compile(r"\d\s*(?:Monate|Monaten|Quartale|Quartalen)\b")
_WINDOW = 60  # characters before the first amount in which its period is named


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior}
    found: list[Rechnung] = []
    for zeile in zeilen:
        money = [z for z in zeile.zahlen if z.geld]
        if len(money) < 2 or _MONTHS_COUNTED.search(zeile.text):
            continue
        for first, second in zip(money, money[1:]):
            reading = _pair(zeile, first, second)
            if reading is not None and reading.ergebnis.key not in taken:
                found.append(reading)
    return found


def _pair(zeile: Zeile, first: Zahl, second: Zahl) -> Rechnung | None:
    text = zeile.text
    gap = text[first.ende : second.start]
    if any(z.start >= first.ende and z.ende <= second.start for z in zeile.zahlen) or not _RESTATES.fullmatch(gap):
        return None
    if SENTENCE_END.search(gap) or first.skala != second.skala:
        return None
    window = _window(text, zeile.zahlen, first)
    period = next((p for p in _PERIODS if p[0].search(window) or p[0].match(gap.lstrip(" €EURo"))), None)
    yearly = _YEAR.search(gap) or _YEAR.match(text, second.ende + 1)
    if period is None or yearly is None or _YEAR.search(window):
        return None
    _, times, name = period
    return Rechnung(
        f"Betrag je {name} mal {times} für das Jahr",
        "vielfaches",
        [Fund(zeile, first)],
        Fund(zeile, second),
        f"{times} × {first.betrag()}",
        faktor=Decimal(times),
        rang=1,
        typ="jahresbetrag",
    )


def _window(text: str, zahlen: list[Zahl], first: Zahl) -> str:
    """The words before `first` back to the figure or the end of a sentence before it, at most _WINDOW characters."""
    start = max([0, first.start - _WINDOW] + [z.ende for z in zahlen if z.ende <= first.start])
    window = text[start : first.start]
    ends = list(SENTENCE_END.finditer(window))
    return window[ends[-1].end() :] if ends else window
