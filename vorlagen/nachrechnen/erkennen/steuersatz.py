"""A net amount and its tax in one sentence: „… schließt mit einer Nettosumme von 40.243,87 Euro zuzüglich 19 Prozent
Umsatzsteuer in Höhe von 7.646,34 Euro ab, brutto also 47.890,21 Euro.“ – the tax is the net amount times the rate
(satzlesart.py says which of the two a mismatch blames), the gross amount the net amount and the tax; without the
tax's amount, the gross amount is the net amount with the rate added.

Read only where the words say each role: the net amount right before „zuzüglich“ / „zzgl.“ / „plus“, then the rate
and the word for the tax (Umsatzsteuer, Mehrwertsteuer, MwSt., USt.), its amount right after („in Höhe von“, „von“,
„=“, „:“ or nothing), and the gross amount after „brutto“, „insgesamt“ or „also“ before the sentence ends – no other
amount between, and no amount before the net one in its sentence (of which the rate is, it would not say). Sure: a
mismatch is a slip. One look a figure, bounded: linear in the line's length."""

from __future__ import annotations

import re
from dataclasses import replace

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.erkennen.davonsatz import sum_reading
from vorlagen.nachrechnen.erkennen.satzlesart import reading
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl
from vorlagen.nachrechnen.lesen.zeile import Zeile

# between the net amount and the rate: „zuzüglich“, „zzgl.“, „plus“
_ADDED = re.compile(r"\s*(?:\(\s*)?(?:netto\s*)?(?:\)\s*)?,?\s*(?:zuzüglich|zzgl\.|plus)\s+(?:der\s+|von\s+)?$")
# the word for the tax (steuerzeile.py knows the same words, without the dots and „gesetzliche“)
_TAX_WORD = r"\s*(?:gesetzlicher\s+|gesetzliche\s+)?(?:Umsatzsteuer|Mehrwertsteuer|MwSt\.?|USt\.?)"
# between the rate and the tax's amount
_TAX = re.compile(_TAX_WORD + r"\s*(?:\(\s*)?(?:in\s+Höhe\s+von|i\.\s?H\.\s?v\.|von|=|:|mit)?\s*$")
# between the rate and the gross amount where no tax amount is typed, or between the tax and the gross amount
_GROSS = re.compile(
    r"[^\d;.!?]{0,60}?\b(?:brutto|insgesamt|somit|also|zusammen|Bruttobetrag|Bruttosumme|gesamt)\b"
    r"[^\d;.!?]{0,30}?(?:von|auf|mit|=|:)?\s*$",
    re.IGNORECASE,
)
_TAX_ONLY = re.compile(_TAX_WORD + r"\b")
_ART = "Nettobetrag zuzüglich Umsatzsteuer im Satz"
_SENTENCE_END = re.compile(r"[.;!?](?=\s+[A-ZÄÖÜ„])|;")


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    found: list[Rechnung] = []
    for zeile in zeilen:
        figures = zeile.zahlen
        for i in range(len(figures) - 2):
            if i and _same_sentence(zeile.text, figures[i - 1], figures[i]):
                continue  # „10.000 € für A und 2.000 € für B zuzüglich 19 % …“: of which the rate is, it does not say
            found += [r for r in _readings(zeile, figures[i : i + 4]) if r.ergebnis.key not in taken]
    return found


def _same_sentence(text: str, before: Zahl, net: Zahl) -> bool:
    """An amount stands before the net amount in its sentence."""
    return before.einheit == "€" and _SENTENCE_END.search(text, before.ende, net.start) is None


def _readings(zeile: Zeile, run: list[Zahl]) -> list[Rechnung]:
    text = zeile.text
    net, rate = run[0], run[1]
    if net.einheit != "€" or rate.einheit != "%" or not _ADDED.fullmatch(text[net.ende : rate.start]):
        return []
    rest = run[2:]
    if rest[0].einheit == "€" and _TAX.fullmatch(text[rate.ende : rest[0].start]):
        tax = rest[0]
        readings = [reading(Fund(zeile, net), Fund(zeile, rate), Fund(zeile, tax), _ART, "steuersatz", rang=3)]
        if len(rest) > 1 and rest[1].einheit == "€" and _GROSS.fullmatch(text[tax.ende : rest[1].start]):
            art = f"{_ART}: netto und Steuer ergeben brutto"
            total = sum_reading(art, zeile, [net, tax], [1, 1], rest[1], "steuersatz")
            readings.append(replace(total, sicher=True, rang=3))
        return readings
    gross = rest[0]
    between = text[rate.ende : gross.start]
    tax_word = _TAX_ONLY.match(between)
    if gross.einheit == "€" and tax_word is not None and _GROSS.fullmatch(between[tax_word.end() :]):
        return [
            Rechnung(
                f"{_ART}: der Bruttobetrag",
                "aufschlag",
                [Fund(zeile, net), Fund(zeile, rate)],
                Fund(zeile, gross),
                f"{net.betrag()} × (100 % + {rate.betrag()})",
                rang=3,
                typ="steuersatz",
            )
        ]
    return []
