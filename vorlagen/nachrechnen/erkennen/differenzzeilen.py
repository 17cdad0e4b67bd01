"""A difference in rows „Name: Betrag“ one under another: „geplante Eigenmittel: 329.480,51 €“, „Eigenmittel laut
Fördermittelbescheid: 147.714,00 €“, „eingesparte Eigenmittel: 181.766,51 €“ – a row whose name says it is a
difference (eingespart, Mehr-/Mindereinnahmen, Mehr-/Minderausgaben, Differenz) is the difference of the two rows
above it, when all three name the same thing (Eigenmittel, Fördermittel)."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.plaetze import values
from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.aufbau.reihe import Reihe
from vorlagen.nachrechnen.woerter import DIFFERENCE_ROW

_NOUN = re.compile(r"\b[A-ZÄÖÜ][a-zäöüß]{5,}")
_STEM = 8  # letters a noun and its other forms share („Fördermittel“, „Fördermitteln“)


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    found: list[Rechnung] = []
    for index in range(2, len(reihen)):
        reihe, first, second = reihen[index], reihen[index - 2], reihen[index - 1]
        match = DIFFERENCE_ROW.match(reihe.label)
        if not match or any(len(values(r)) != 1 or values(r)[0].einheit != "€" for r in (reihe, first, second)):
            continue
        nouns = [n[:_STEM] for n in _NOUN.findall(reihe.label[match.end() :])]
        if not nouns or not all(nouns[-1] in r.label for r in (first, second)):
            continue
        a, b, result = values(first)[0], values(second)[0], values(reihe)[0]
        big, small = (a, b) if abs(a.wert) >= abs(b.wert) else (b, a)
        found.append(
            Rechnung(
                f"Differenz der zwei Zeilen darüber ({first.zeile.ort} und {second.zeile.ort})",
                "differenz",
                [first.fund(a), second.fund(b)],
                reihe.fund(result),
                f"{big.betrag()} − {small.betrag()}",
                rang=2,
                typ="differenz",
            )
        )
    return found
