"""A result compared with its plan in one sentence: „Bei den Baumaßnahmen lag mit 1.908.828 Euro das Ergebnis um
1.876.872 Euro unter dem Ansatz von 3.786.700 Euro.“ – the step is the plan less the result („unter“) or the result
less the plan („über“). The sentence names all three amounts and their roles: a mismatch is a slip."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import At, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, between, words_before

_WITH = re.compile(r"\bmit\s*$")
# „… Euro das Ergebnis um“: the unit, a few words, „um“ – no sentence end, no other figure
_THEN_BY = re.compile(r"^[^\d.;:!?]{0,50}\bum\s*$")
_BELOW_ABOVE = re.compile(
    r"^\s*(?:Euro|EUR|€)?\s*(?P<richtung>unter|über|unterhalb|oberhalb)\s+(?:dem|den|der)\s+"
    r"(?:\w+\s+){0,2}?(?:Ansatz|Haushaltsansatz|Planansatz|Plan|Planwert|Soll|Ergebnis|Vorjahr\w*)\s+"
    r"(?:von|in\s+Höhe\s+von|mit)\s*$"
)


def checks(text: str, figs: list[Zahl], at: At) -> list[Rechnung]:
    found = []
    for a, step, b in zip(figs, figs[1:], figs[2:]):
        if not a.einheit == step.einheit == b.einheit == "€":
            continue
        direction = _BELOW_ABOVE.match(between(text, step, b))
        if direction is None or not _WITH.search(words_before(text, a)) or not _THEN_BY.match(between(text, a, step)):
            continue
        below = direction["richtung"].startswith("unter")
        high, low = (b, a) if below else (a, b)
        found.append(
            Rechnung(
                f"Abweichung „um … {direction['richtung']} dem …“ im Satz",
                "differenz",
                [at(high), at(low)],
                at(step),
                f"{high.betrag()} − {low.betrag()}",
                typ="planabweichung",
            )
        )
    return found
