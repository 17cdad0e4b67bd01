"""The Deckung of an über- or außerplanmäßige Ausgabe in prose: „eine überplanmäßige Aufwendung von 391.300 EUR …
Gedeckt werden soll sie mit 146.000 EUR … sowie mit 246.300 EUR …“ – the amounts of the sentences about its Deckung
add up to the Ausgabe; „Der restliche Betrag von 97.425,59 € wird aus der Rücklage gedeckt“ is the Ausgabe less the
other amounts. One paragraph (a line as a council information system stores it) holds the Ausgabe and its Deckung.

A Deckung said to be partial („teilweise“, „unter anderem“) that does not add up is „nicht eindeutig“."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.erkennen.fliesstext import sentence_spans
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, look_back, written_sum
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.woerter import DECKUNG_OPENS, OUT_OF_PLAN

_EXPENSE = re.compile(
    r"(?:über|außer)planmäßige\w*\s+(?:Ausgabe|Aufwendung|Auszahlung|Mehraufwendung|Mehrausgabe|Leistung)(?:en)?"
    r"\s+(?:\d{4}\s+)?(?:von|in Höhe von|i\.\s?H\.\s?v\.|über|"
    # „Die überplanmäßige Ausgabe beträgt somit 32.500 €“
    r"(?:beträgt|betragen|beläuft sich auf|belaufen sich auf)(?:\s+(?:somit|also|damit|insgesamt))?)"
    r"(?:\s+insgesamt)?\s+$"  # „… Auszahlung in Höhe von insgesamt 63.362,15 €“
)
_COVERS = re.compile(r"\b(?:[Gg]edeckt|Deckung|restliche\w*|Rest\w*)\b")
_REST = re.compile(r"\b(?:restliche\w*\s+Betrag|Restbetrag|Rest)\s+(?:von|in Höhe von)\s+$")
_PART = re.compile(r"\b(?:mit|von|in Höhe von|i\.\s?H\.\s?v\.)\s+$")
_PARTIAL = re.compile(r"\b(?:teilweise|zum Teil|unter anderem|u\.\s?a\.|insbesondere|beispielsweise)\b")
_SENTENCE = re.compile(r"(?<!\bNr)(?<!\bca)(?<!\bAbs)[.!?;](?=\s+[A-ZÄÖÜ„])")
_LOOK_BACK = 80  # characters before an amount that say what it is


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    found: list[Rechnung] = []
    for zeile in zeilen:
        rechnung = _deckung(zeile)
        if rechnung is not None:
            found.append(rechnung)
    return found


def _deckung(zeile: Zeile) -> Rechnung | None:
    text = zeile.text
    money = [z for z in zeile.zahlen if z.einheit == "€" and z.tiefe == 0]
    sentences = sentence_spans(text, _SENTENCE)
    expense = next((z for z in money if _EXPENSE.search(look_back(text, z.start, _LOOK_BACK))), None)
    if expense is None:
        expense = _named_before(text, money, sentences)
    if expense is None:
        return None
    covering = [(a, b) for a, b in sentences if b > expense.ende and _COVERS.search(text, a, b)]
    if not covering:
        return None
    first = covering[0][0]
    span_end = covering[0][1]
    for a, b in covering[1:]:  # the sentences about the Deckung that follow one another
        if a > span_end + 2:
            break
        span_end = b
    parts = [
        z for z in money if z.start > max(expense.ende, first) and z.ende <= span_end and _PART.search(_before(text, z))
    ]
    rest = [z for z in parts if _REST.search(_before(text, z))]
    if len(parts) < 2 or len(rest) > 1:
        return None
    partial = bool(_PARTIAL.search(text, first, span_end))
    if rest:
        others = [z for z in parts if z is not rest[0]]
        figures, signs, result = [expense, *others], [1] + [-1] * len(others), rest[0]
    else:
        figures, signs, result = parts, [1] * len(parts), expense
    return Rechnung(
        "Deckung einer über- oder außerplanmäßigen Ausgabe",
        "summe",
        [Fund(zeile, z) for z in figures],
        Fund(zeile, result),
        written_sum(figures, signs),
        vorzeichen=signs,
        sicher=not partial,
        grund="die Deckung nennt nur einen Teil der Beträge" if partial else "",
        rang=2,
        typ="deckung",
    )


def _named_before(text: str, money: list[Zahl], sentences: list[tuple[int, int]]) -> Zahl | None:
    """The Ausgabe where no „überplanmäßige Ausgabe von“ names it: the one amount of the paragraph before the
    sentence that opens its Deckung („Gedeckt werden sie …“), where the sentences before call it über- or
    außerplanmäßig („… werden 481.000 EUR mehr benötigt. … werden sie überplanmäßig bereitgestellt.“)."""
    opening = next((a for a, b in sentences if DECKUNG_OPENS.match(text[a:b])), None)
    if opening is None or not OUT_OF_PLAN.search(text, 0, opening):
        return None
    before = [z for z in money if z.ende <= opening]
    return before[0] if len(before) == 1 else None


def _before(text: str, zahl: Zahl) -> str:
    return look_back(text, zahl.start, _LOOK_BACK)
