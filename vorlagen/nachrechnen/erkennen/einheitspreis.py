"""A price per unit, a count and the amount they make, in one sentence: „Sachkosten von 9.700 € je Stelle, bei 4,0
Stellen also 38.800 €“, „Die Kaltmiete beträgt 12,00 €/m², bei 290 m² also 3.480,00 € im Monat“ – the amount is the
count times the price.

Read only where it is one: the price names its unit right after it („je Stelle“, „/m²“, „pro Platz“), the count
follows after „bei“ (or „für“) with nothing but its unit before the amount, and the amount follows after words that
restate („also“, „das sind“, „ergibt“, „ergeben sich“, „somit“, „insgesamt“) – then a mismatch is a slip. Every look is
bounded by the sentence."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.lesen.zeile import Zeile

_UNIT = r"(?:[A-ZÄÖÜ][\wÄÖÜäöüß-]*|m[²³]|qm|cbm|kWh|MWh|km|ha|Std\.|h)"
_PER_UNIT = re.compile(rf"\s*(?:/\s*|(?:je|pro)\s+){_UNIT}")
_BY_COUNT = re.compile(r"\s*,?\s*(?:bei|für)\s+(?:(?:einer|eine[nm]?|der|die|den)\s+)?(?:[a-zäöüß]+\s+){0,2}$")
_THEN = re.compile(
    rf"^\s*{_UNIT}?\s*(?:[A-ZÄÖÜ][\wÄÖÜäöüß-]*\s+)?,?\s*(?:also|somit|mithin|das\s+sind|dies\s+sind|insgesamt|zusammen|"
    r"ergibt\s+(?:das|dies|sich)|ergeben\s+sich|entstehen|sind\s+das)\s+(?:jährlich|monatlich|insgesamt|rund\s+)?\s*$"
)


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    found: list[Rechnung] = []
    for zeile in zeilen:
        figs = [z for z in zeile.zahlen if z.tiefe == 0]
        for price, count, total in zip(figs, figs[1:], figs[2:], strict=False):
            if not (price.geld and total.geld and not count.einheit and count.wert > 0 and price.skala == total.skala):
                continue
            text = zeile.text
            per = _PER_UNIT.match(text, price.ende)
            if per is None or not _BY_COUNT.fullmatch(text[per.end() : count.start]):
                continue
            if not _THEN.match(text[count.ende : total.start]) or Fund(zeile, total).key in taken:
                continue
            found.append(
                Rechnung(
                    "Anzahl mal Betrag je Einheit im Satz („… € je Stelle, bei 4,0 Stellen also …“)",
                    "produkt",
                    [Fund(zeile, count), Fund(zeile, price)],
                    Fund(zeile, total),
                    f"{count.betrag()} × {price.betrag()}",
                    rang=2,
                    typ="produkt",
                )
            )
    return found
