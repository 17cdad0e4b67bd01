"""A change stated with the old amount, the step and the new amount, and a verb that says its direction – so the new
amount is checked with its sign:

- „gegenüber der bisherigen Festsetzung in Höhe von 11.071.702 EUR um 19.017.000 EUR erhöht und damit auf
  30.088.702 EUR neu festgesetzt“ (the § 2 of a Nachtragshaushaltssatzung);
- „Im nachrichtlichen Teil steigen die Stellen für die AHA von 66,0 um 20,0 auf 86,0“ (the verb before „von“);
- „Die Kreditaufnahmen … steigen insgesamt von 4.327.900 EUR um 1.200.000 EUR; der Gesamtbetrag wird damit neu auf
  5.527.900 EUR festgesetzt“ (the new total named in a clause of its own);
- „Der Fehlbetrag hat sich von 4.395.900 € um 383.900 € auf 4.779.800 € erhöht.“ (the verb right after the new
  amount).

Without such a verb fliesstext.py reads „von … um … auf …“ as the difference of the two levels, compared as an
amount."""

from __future__ import annotations

import re
from collections.abc import Callable

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, look_back, words_before

_UP = ("erhöht", "angehoben", "aufgestockt")
_VERB_TO = re.compile(
    r"^\s*(?P<verb>erhöht|angehoben|aufgestockt|vermindert|verringert|gesenkt|reduziert|gekürzt)\s+"
    r"(?:und\s+)?(?:damit\s+|somit\s+)?(?:nunmehr\s+)?(?:neu\s+)?auf\s*$"
)
# „steigen die Stellen … von“, „sinkt der Zuschuss von“: the verb of the sentence before „von“, no sentence end between
_VERB_BEFORE = re.compile(
    r"\b(?P<verb>steig\w*|gestiegen|wächst|wachsen|erhöht|erhöhen|sink\w*|gesunken|verringert|verringern|"
    r"vermindert|vermindern|reduziert|reduzieren|fällt|fallen|gefallen)\b[^.;:!?\d]{0,60}\bvon(?:\s+bisher)?\s*$",
    re.IGNORECASE,
)
# „auf“ right after the step, or after a clause that names the new total: „steigen insgesamt von 4.327.900 EUR um
# 1.200.000 EUR; der Gesamtbetrag wird damit neu auf 5.527.900 EUR festgesetzt“, „… um 93.000 € und wird damit auf“
_TO = re.compile(
    r"\s*(?:[;,]\s*(?:der|die|das)\s+\w+\s+(?:wird|werden)\s+(?:damit|somit)\s+(?:neu\s+|nunmehr\s+)?|"
    r",?\s*und\s+(?:wird|werden)\s+(?:damit|somit)\s+(?:neu\s+|nunmehr\s+)?)?auf\s*"
)
# „hat sich … von 4.395.900 € um 383.900 € auf 4.779.800 € erhöht“: the verb right after the new amount
_VERB_LAST = re.compile(
    r"\s*(?P<verb>erhöht|angehoben|aufgestockt|gestiegen|angestiegen|vermindert|verringert|gesenkt|reduziert|"
    r"gekürzt|gesunken|zurückgegangen)\b"
)
_UP_LAST = (*_UP, "gestiegen", "angestiegen")
_FROM = re.compile(r"\bvon(?:\s+bisher)?\s*$")
# the step's rate between the step and „auf“: „um 38.232 € bzw. 5,5 % auf …“, „um 38.232 € (5,5 %) auf …“
_RATE_OF_STEP = re.compile(
    r"\s*(?:(?:bzw\.|beziehungsweise|oder)\s*[+\-−]?\s*\d[\d.]*(?:,\d+)?\s*%|\(\s*[+\-−]?\s*\d[\d.]*(?:,\d+)?\s*%\s*\))"
)
_UPWARDS = re.compile(r"^(?:steig|gestiegen|wächst|wachsen|erhöh)", re.IGNORECASE)
_LOOK_BACK = 90


def _rate_of_step(text: str, figs: list[Zahl], percent: Zahl) -> bool:
    """The percentage follows an amount as its rate („… € bzw. 5,5 %“, „… € (5,5 %)“)."""
    before = [z for z in figs if z.ende <= percent.start]
    rate = _RATE_OF_STEP.match(text, before[-1].ende) if before else None
    return rate is not None and rate.start() <= percent.start and percent.ende <= rate.end()


def checks(text: str, figs: list[Zahl], at: Callable[[Zahl], Fund]) -> list[Rechnung]:
    found = []
    # a rate right after a step is no figure of the change's sum
    figs = [z for z in figs if not (z.einheit == "%" and _rate_of_step(text, figs, z))]
    for a, c, b in zip(figs, figs[1:], figs[2:]):
        if not (a.einheit == c.einheit == b.einheit != "%" and min(a.wert, b.wert, c.wert) >= 0):
            continue
        if not re.fullmatch(r"\s*um\s*", text[a.ende : c.start]) or not _FROM.search(words_before(text, a)):
            continue
        between = text[c.ende : b.start]
        rate = _RATE_OF_STEP.match(between)
        between = between[rate.end() :] if rate else between
        after = _VERB_TO.match(between)
        to = _TO.fullmatch(between) is not None
        last = _VERB_LAST.match(text, b.ende) if to else None
        before = direction(text, a) if to else None
        if after:
            verb, sign = after["verb"], 1 if after["verb"] in _UP else -1
        elif last:
            verb, sign = last["verb"], 1 if last["verb"] in _UP_LAST else -1
        elif before:
            verb, sign = before
        else:
            continue
        found.append(
            Rechnung(
                _label(verb, after is not None, last is not None),
                "summe",
                [at(a), at(c)],
                at(b),
                f"{a.betrag()} {'+' if sign > 0 else '−'} {c.betrag()}",
                vorzeichen=[1, sign],
                typ="von_um_auf",
            )
        )
    return found


def _label(verb: str, verb_to: bool, verb_last: bool) -> str:
    if verb_to:
        return f"Veränderung „von … um … {verb} auf …“"
    if verb_last:
        return f"Veränderung „von … um … auf … {verb}“"
    return f"Veränderung „{verb} … von … um … auf …“"


def verb_named(text: str, a: Zahl, b: Zahl) -> bool:
    """Whether „von a um … auf b“ names its direction by a verb before „von“ or right after b – then checks() reads
    it with its sign."""
    return direction(text, a) is not None or _VERB_LAST.match(text, b.ende) is not None


def direction(text: str, a: Zahl) -> tuple[str, int] | None:
    """The verb before „von“ and the direction it names: „steigen … von“ (+1), „sinkt … von“ (−1)."""
    match = _VERB_BEFORE.search(look_back(text, a.start, _LOOK_BACK))
    if match is None:
        return None
    return match["verb"], 1 if _UPWARDS.match(match["verb"]) else -1
