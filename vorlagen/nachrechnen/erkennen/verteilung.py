"""A stated fund and the grants it is split into: „Die Fördersumme von 150.000 € wird verteilt auf: …“, the
grants in the same sentence or as a list in the lines below – also where the next sentence splits it, naming it
by a pronoun („… Ausgabemittel von 30.000 EUR. Sie verteilen sich auf diese Haushaltsstellen:“)."""

from __future__ import annotations

import re
from collections.abc import Callable

from vorlagen.nachrechnen.aufbau.gesamtzeile import MAX_LISTE
from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.aufbau.reihe import Reihe
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, short_sum, written_sum
from vorlagen.nachrechnen.woerter import SENTENCE_END, TOTAL_ROW_START

FUND = re.compile(
    r"\b(?:Fördersumme|Fördermittel|Förderbudget|Gesamtbudget|Budget|Fonds|Verfügungsmittel|"
    r"Gesamtzuschuss|Zuschuss|Zuwendung|(?:Ausgabe|Haushalts)?[Mm]ittel|Gesamtförderung|Haushaltsansatz|Ansatz)\b",
    re.IGNORECASE,
)
SPLIT = re.compile(r"\b(?:verteilt|aufgeteilt|verteilen|aufteilen|entfallen|entfällt|wie folgt|vergeben|bewilligt)\b")
EXHAUSTIVE = re.compile(r"\b(?:verteilt|aufgeteilt|verteilen|aufteilen|entfallen|entfällt)\b")
_FUND_GAP = re.compile(r"^[^\d]{0,40}$")  # between the fund's name and its amount: „von“, „in Höhe von“ …
MAX_TEILE = 50  # grants named in one sentence
_MAY_LEAVE = re.compile(r"\b(?:vergeben|bewilligt)\b")
# the next sentence takes the fund up by a pronoun and splits it: „. Sie verteilen sich auf …“
_TAKEN_UP = re.compile(r"^\s*(?:EUR|Euro|€)?\s*[.]\s+(?:Sie|Diese|Dieser|Er)\s+(?:\w+\s+){0,2}$")
_BLANK_ROWS = 3  # empty lines between the fund's line and its list


def _rest_allowed(text: str, split: re.Match) -> str:
    """Why a split that does not use up its fund is no slip."""
    verb = _MAY_LEAVE.search(text)
    return f"„{verb[0] if verb else split[0]}“: ein Rest der Summe darf bleiben"


def fund_of(text: str, figs: list[Zahl]) -> tuple[Zahl, re.Match] | None:
    """The fund's amount and the verb that splits it, when the text states both in this order."""
    name = FUND.search(text)
    if not name:
        return None
    money = [z for z in figs if z.einheit == "€" and z.start > name.end()]
    if not money or not _FUND_GAP.match(text[name.end() : money[0].start]):
        return None
    split = SPLIT.search(text, money[0].ende)
    if not split:
        return None
    if SENTENCE_END.search(text, money[0].ende, split.start()) and not _TAKEN_UP.match(
        text[money[0].ende : split.start()]
    ):
        return None  # the verb of another sentence splits another amount
    return money[0], split


def in_sentence(text: str, figs: list[Zahl], at: Callable[[Zahl], Fund]) -> list[Rechnung]:
    """`Die Fördersumme von 150.000 € wird verteilt auf A (40.000 €), B (60.000 €) und C (50.000 €).`"""
    stated = fund_of(text, figs)
    if not stated:
        return []
    fund, split = stated
    parts = [z for z in figs if z.einheit == "€" and z.start > split.end()]
    if not 2 <= len(parts) <= MAX_TEILE or any(z.einheit == "%" for z in figs if z.start > split.end()):
        return []
    signs = [1] * len(parts)
    return [
        Rechnung(
            "Verteilung einer genannten Fördersumme",
            "summe",
            [at(z) for z in parts],
            at(fund),
            written_sum(parts, signs),
            vorzeichen=signs,
            sicher=bool(EXHAUSTIVE.search(text, fund.ende, split.end() + 20)),
            grund=_rest_allowed(text, split),
            typ="verteilung",
        )
    ]


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    """The fund named in a line of its own, the grants one per line below it (a list or table rows)."""
    found: list[Rechnung] = []
    results = {r.ergebnis.key for r in prior}
    for index, head in enumerate(reihen):
        text = head.zeile.text
        if not FUND.search(text) or not SPLIT.search(text):
            continue
        stated = fund_of(text, head.werte)
        if not stated or len([z for z in head.werte if z.einheit == "€"]) != 1:
            continue
        fund, split = stated
        if head.fund(fund).key in results:
            continue
        rows: list[tuple[Reihe, Zahl]] = []
        below = reihen[index + 1 : index + 2 + _BLANK_ROWS + MAX_LISTE]
        blank = next((i for i, r in enumerate(below) if r.werte or r.label.strip()), len(below))
        if blank > _BLANK_ROWS:
            continue  # more empty lines than a list stands apart from its fund
        for reihe in below[blank:]:
            money = [z for z in reihe.werte if z.einheit == "€"]
            if len(money) != 1 or len(reihe.werte) != 1 or reihe.gleich or TOTAL_ROW_START.match(reihe.label):
                break
            rows.append((reihe, money[0]))
        if not 2 <= len(rows) <= MAX_LISTE:
            continue
        signs = [1] * len(rows)
        parts = [z for _, z in rows]
        shown = short_sum(parts, signs)
        found.append(
            Rechnung(
                "Verteilung einer genannten Fördersumme auf die Liste darunter",
                "summe",
                [r.fund(z) for r, z in rows],
                head.fund(fund),
                shown,
                vorzeichen=signs,
                sicher=bool(EXHAUSTIVE.search(text, fund.ende)),
                grund=_rest_allowed(text, split),
                typ="verteilung",
            )
        )
    return found
