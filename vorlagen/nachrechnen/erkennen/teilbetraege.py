"""Amounts and the total a sentence names after them: „jeweils 20.000 € in den Jahren 2021 bis 2025, insgesamt
100.000 €“ (the amount per year times the years), yearly tranches („2021 50.000 €, 2022 30.000 €, insgesamt …“), and
„780.882,60 € bei den Amtsbudgets und 24.650 € bei den Sonderbudgets, insgesamt somit 805.532,60 €“ – the amounts
before „insgesamt“ may all be parts or not: a sum that holds is confirmed, a mismatch is „nicht eindeutig“, and no
more than a guess where the sentence shows that some amounts are no parts or the total is another sum (an amount in
brackets or after „davon“, „abzüglich“, a percentage, a price „zu“ or „je“ a piece, amounts per month and a total per
year, a „Zwischensumme“, the total named before among them, „gut“ or „knapp“ before it). Called from fliesstext.py
in its order."""

from __future__ import annotations

import re
from decimal import Decimal

from vorlagen.nachrechnen.aufbau.rechnung import At, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl
from vorlagen.nachrechnen.woerter import APPROXIMATE, PER_PERIOD, SENTENCE_END, TOTAL_IN_PROSE

_EACH = re.compile(r"\b(?:jeweils|je|pro Jahr|jährlich|jährliche[nrs]?)\b")
_YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d)\s*(?:bis|–|-|—)\s*((?:19|20)\d\d)\b")
_COUNT = re.compile(r"^\s*(?:Jahre|Jahren|Haushaltsjahre|Haushaltsjahren|Raten|Tranchen)\b")
_MAX_PARTS = 6  # amounts before „insgesamt“ tried as the parts of the total
_YEAR = re.compile(r"^(?:19|20)\d\d$")
# the sentence shows that some amounts before the total are no parts of it, or that the total is another sum
_NO_PLAIN_SUM = re.compile(
    r"\b(?:davon|darunter|abzüglich|abzgl\.|minus|ohne|Zwischensumme|zu\s+(?=\d))|\bzu\s+je\b",
    re.IGNORECASE,
)


def checks(text: str, figs: list[Zahl], at: At) -> list[Rechnung]:
    """`jeweils 20.000 € in den Jahren 2021 bis 2025, insgesamt 100.000 €` and listed yearly tranches."""
    total_word = TOTAL_IN_PROSE.search(text)
    if not total_word:
        return []
    after = [
        z
        for z in figs
        if z.einheit == "€"
        and 0 < z.start - total_word.end() <= 80
        and len(text[total_word.end() : z.start].split()) <= 4
    ]
    if not after:
        return []
    total = after[0]
    opens = max((m.end() for m in SENTENCE_END.finditer(text, 0, total_word.start())), default=0)
    before = [z for z in figs if z.einheit == "€" and opens <= z.start and z.ende <= total_word.start()]
    each = _EACH.search(text)
    if each and len(before) == 1:
        counts = [int(m[2]) - int(m[1]) + 1 for m in _YEAR_RANGE.finditer(text) if int(m[2]) > int(m[1])]
        counts += [
            int(z.wert)
            for z in figs
            if z.einheit == "" and z.wert == int(z.wert) and z.wert > 0 and _COUNT.match(text[z.ende :])
        ]
        if len(set(counts)) == 1:  # "2019 – 2020 in 2 Tranchen": the same count twice
            return [
                Rechnung(
                    f"Betrag je Jahr mal {counts[0]} Jahre („jeweils … insgesamt“)",
                    "vielfaches",
                    [at(before[0])],
                    at(total),
                    f"{counts[0]} x {before[0].betrag()}",
                    faktor=Decimal(counts[0]),
                    typ="betrag_mal_anzahl",
                )
            ]
    years = [z for z in figs if z.einheit == "" and _YEAR.match(z.text.strip())]
    tranches = [z for z in before if any(abs(y.start - z.ende) < 8 or abs(z.start - y.ende) < 8 for y in years)]
    if len(tranches) >= 2 and len(tranches) == len(before):
        shown = " + ".join(z.betrag() for z in tranches)
        return [
            Rechnung(
                "Jahresbeträge und ihre genannte Summe",
                "summe",
                [at(z) for z in tranches],
                at(total),
                shown,
                typ="teilbetraege_summe",
            )
        ]
    if 2 <= len(before) <= _MAX_PARTS and not each:
        # "780.882,60 € bei den Amtsbudgets und 24.650 € bei den Sonderbudgets, insgesamt somit 805.532,60 €": the
        # amounts before may all be parts, or not – a mismatch is a doubt, or nothing where the sentence says so
        plain = _plain_sum(text[opens : total.start], figs, before, total)
        return [
            Rechnung(
                "genannte Beträge und ihre genannte Summe",
                "summe",
                [at(z) for z in before],
                at(total),
                " + ".join(z.betrag() for z in before),
                sicher=False,
                grund="ob alle Beträge davor Teile der Summe sind, sagt der Satz nicht" if plain else "",
                typ="teilbetraege_summe",
            )
        ]
    return []


def _plain_sum(sentence: str, figs: list[Zahl], before: list[Zahl], total: Zahl) -> bool:
    """Nothing in the sentence up to the total says that an amount before it is no part or that the total is another
    sum: no „davon“, „abzüglich“, price „zu“ a piece, amount per month, „Zwischensumme“; no amount in brackets, no
    percentage, the total not named among the amounts before it, no „gut“ or „knapp“ right before it."""
    start = total.start - len(sentence)
    return not (
        _NO_PLAIN_SUM.search(sentence)
        or PER_PERIOD.search(sentence)
        or any(z.tiefe for z in before)
        or any(z.einheit == "%" for z in figs if start <= z.start < total.start)
        or any(z.wert == total.wert for z in before)
        or APPROXIMATE.search(sentence[-20:])
    )
