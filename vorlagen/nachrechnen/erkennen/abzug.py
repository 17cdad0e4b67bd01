"""An amount less another, said in words within one sentence: „Gesamtkosten von 10 000 Euro; zieht man die
geplanten Eigenleistungen von 1500 Euro ab, bleiben förderfähige Kosten von 8500 Euro“. The words name the roles –
the first amount, the one taken off, what is left –, so a mismatch is a slip."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import At, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, between, written_sum

# „; zieht man die geplanten Eigenleistungen von“: the verb that takes the next amount off, no other figure between
_TAKE_OFF = re.compile(r"^[^\d.!?]{0,20}\bzieht\s+man\b[^\d.!?]{0,60}$")
# „ab, bleiben förderfähige Kosten von“
_LEAVES = re.compile(
    r"^\s*(?:Euro|EUR|€)?\s*ab\s*,?\s*(?:so\s+|dann\s+)?(?:bleib\w*|verbleib\w*|ergeb\w*|ergibt\s+sich)\b"
    r"[^\d.!?]{0,60}$"
)


def checks(text: str, figs: list[Zahl], at: At) -> list[Rechnung]:
    found = []
    for a, b, c in zip(figs, figs[1:], figs[2:]):
        if not a.einheit == b.einheit == c.einheit == "€":
            continue
        if not _TAKE_OFF.match(between(text, a, b)) or not _LEAVES.match(between(text, b, c)):
            continue
        signs = [1, -1]
        found.append(
            Rechnung(
                "Abzug „zieht man … ab, bleiben …“ im Satz",
                "summe",
                [at(a), at(b)],
                at(c),
                written_sum([a, b], signs),
                vorzeichen=signs,
                typ="differenz",
            )
        )
    return found
