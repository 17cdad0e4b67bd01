"""A result compared with its plan in one sentence: „Bei den Baumaßnahmen lag mit 1.908.828 Euro das Ergebnis um
1.876.872 Euro unter dem Ansatz von 3.786.700 Euro.“ – the step is the plan less the result („unter“) or the result
less the plan („über“). The sentence names all three amounts and their roles: a mismatch is a slip.

The plan may be an estimate: „Die Schlussabrechnung liegt mit 4,14 Millionen Euro um 457 000 Euro über dem
ursprünglichen Kostenvoranschlag von 3,68 Millionen Euro“ – where the two amounts are typed coarser than the step (in
millions with two places) or in thousands or millions, each may be up to half its last place off, and a step within
the sum of those halves is a rounding. Not read where an amount is named netto or brutto, or the plan comes with more
added or taken off („zuzüglich des Nachtrags von …“, „abzüglich …“, „(… brutto)“): the step is then the distance to
another amount."""

from __future__ import annotations

import re
from decimal import Decimal

from vorlagen.nachrechnen.aufbau import gerundet
from vorlagen.nachrechnen.aufbau.rechnung import At, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, between, words_before

_ROUNDED = gerundet.parts_rounded("und die Beträge sind gröber genannt als ihr Unterschied")
_WITH = re.compile(r"\bmit\s*$")
# words that make an amount another than the plan or the result: „… netto“, „zuzüglich des Nachtrags von …“
_MODIFIED = re.compile(
    r"\s*(?:€|EUR|Euro)?[^\d.;!?]{0,12}?\b(?:netto|brutto|zuzüglich|zzgl|abzüglich|abzgl|einschließlich|einschl|inkl\w*|"
    r"ohne|plus|minus|nach\s+Abzug|vor\s+Abzug)\b|\s*(?:€|EUR|Euro)?\s*\(",
    re.IGNORECASE,
)
_AFTER = 40  # characters after the plan looked at for such words
# „… Euro das Ergebnis um“: the unit, a few words, „um“ – no sentence end, no other figure
_THEN_BY = re.compile(r"^[^\d.;:!?]{0,50}\bum\s*$")
_BELOW_ABOVE = re.compile(
    r"^\s*(?:Euro|EUR|€)?\s*(?P<richtung>unter|über|unterhalb|oberhalb)\s+(?:dem|den|der)\s+"
    r"(?:\w+\s+){0,2}?(?:Ansatz|Haushaltsansatz|Planansatz|Plan|Planwert|Soll|Ergebnis|Vorjahr\w*|Kostenvoranschlag|"
    r"Kostenschätzung|Kostenberechnung|Voranschlag)\s+"
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
        if _MODIFIED.search(between(text, a, step)) or _MODIFIED.match(text, b.ende, b.ende + _AFTER):
            continue  # an amount named netto or brutto, or the plan with more added or taken off: another difference
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
                toleranz=_rounded(high, low, step),
                rundungsgrund=_ROUNDED,
            )
        )
    return found


def _rounded(high: Zahl, low: Zahl, step: Zahl) -> Decimal:
    """How far the step may stand from the difference of two amounts typed coarser than it („4,14 Millionen“ against
    „457 000“) or in thousands or millions („4.137 Tsd. €“, rounded each): the sum of their half last places; nothing
    where they are typed in euros as finely."""
    if max(high.schritt, low.schritt) <= step.schritt and max(high.skala, low.skala) == 1:
        return Decimal(0)
    return gerundet.sum_allowance([high, low])
