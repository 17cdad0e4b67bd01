"""A base row, a rate row and the row they give, column by column – „Umlagegrundlagen | 179.233.600,00 € |
187.654.320,00 €“, „Hebesatz | 43,10 % | 42,45 %“, „Kreisumlage | 77.249.681,60 € | 79.659.258,84 €“: in each column the
third row is the base times the rate, rounded as it is typed.

Read only where the rows say so: three rows right under each other in this order, the middle one names a rate
(„Hebesatz“, „Umlagesatz“, „Steuersatz“, „…satz“) and holds percentages only, the third names a levy or a yield
(„Kreisumlage“, „Aufkommen“) and nothing more (no „je Einwohner“, „einschl. Sonderumlage …“, „abzgl.“, „netto“),
the other two rows amounts in euros, as many
in each row; a column whose rate row holds no percentage (a change „-0,65 %-Pkt.“ of the rates is one) is left out
where the base row's figure there is the change of the bases – only columns whose three figures are levels are read:
those of the first columns, as many as the rate row's percentages that are no change in points. The names say what
the rows are, so a mismatch is a slip. Each row is looked at once."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.aufbau.reihe import Reihe
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl

_RATE_ROW = re.compile(r"^\W*(?:[\wäöüß-]*satz|Hebesätze|Umlagesätze)\b", re.IGNORECASE)
# what the third row must name – a levy or a tax's yield – and must not: a part of it, a per-head figure, a change
_LEVY = re.compile(r"umlage|Aufkommen|steuer\b|Steuer\b|Ertrag|Beitrag", re.IGNORECASE)
_OTHER = re.compile(
    r"\d|%|\bje\b|\bpro\b|einschl|inkl|zzgl|zuzügl|abzgl|abzügl|netto|brutto|Sonder|Veränderung|Differenz|Erstattung",
    re.IGNORECASE,
)
_POINTS = re.compile(r"^\s*(?:%\s*)?-?\s?(?:Pkt\.?|Punkte?|Prozentpunkte?)", re.IGNORECASE)


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    found: list[Rechnung] = []
    for index in range(len(reihen) - 2):
        rows = reihen[index : index + 3]
        base, rate, result = rows
        named = _RATE_ROW.match(rate.label) and not _RATE_ROW.match(base.label) and _LEVY.search(result.label)
        if named and not _OTHER.search(result.label):
            found += _columns(base, rate, result, taken)
    return found


def _levels(rate: Reihe) -> int:
    """How many of the rate row's figures are rates (the first ones): a change in points after them is none."""
    count = 0
    for zahl in rate.werte:
        signed = zahl.wert < 0 or rate.zeile.text[max(0, zahl.start - 1) : zahl.start] == "+"
        if zahl.einheit != "%" or signed or _POINTS.match(rate.zeile.text, zahl.ende):
            break  # a signed rate or one in points is a change of the rates, no level
        count += 1
    return count


def _columns(base: Reihe, rate: Reihe, result: Reihe, taken: set) -> list[Rechnung]:
    levels = _levels(rate)
    width = len(base.werte)
    if not levels or width != len(result.werte) or width < levels:
        return []
    pairs: list[tuple[Zahl, Zahl, Zahl]] = list(zip(base.werte, rate.werte, result.werte, strict=False))[:levels]
    if any(not (a.geld and c.geld) or a.wert <= 0 for a, _, c in pairs):
        return []
    return [
        Rechnung(
            f"{result.label.strip() or 'Betrag'} als {base.label.strip() or 'Grundlage'} mal {rate.label.strip()}",
            "anteil",
            [base.fund(a), rate.fund(r)],
            result.fund(c),
            f"{a.betrag()} × {r.betrag()}",
            rang=3,
            typ="satzzeilen",
        )
        for a, r, c in pairs
        if result.fund(c).key not in taken
    ]
