"""A change a Nachtragssatzung states in one sentence, the old amount first: „Die Verpflichtungsermächtigungen lagen
bisher bei 3.420.000,00 €, sie werden um -460.000,00 € vermindert / 110.000,00 € -erhöht und auf 3.070.000,00 € neu
festgesetzt.“ (Thüringen, k14 of the Zusatz), „Ausgehend von der bisherigen Festsetzung in Höhe von 4.524.530,00 €
wird der Gesamtbetrag … um -2.595.500,00 € vermindert sowie um 877.000,00 € erhöht und so auf 2.806.030,00 € neu
festgesetzt.“ (q02). The new amount is the old one less what is „vermindert“ and plus what is
„erhöht“.

Read only where every amount between the old and the new one has its verb right after it, and the new one follows
„auf“ and comes before „festgesetzt“: then a mismatch is a slip. A figure the reader cannot read („500.00,00 €“)
leaves the sentence without its change, and nothing is read."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, look_back, written_sum
from vorlagen.nachrechnen.lesen.zeile import Zeile

# „bisher bei“, „bisher bis“ – or „Ausgehend von der bisherigen Festsetzung in Höhe von“ (q02)
_BEFORE = re.compile(r"\bbisher(?:ige[nr]?\s+[A-ZÄÖÜ]\w+)?\s+(?:in\s+Höhe\s+von|bei|bis|mit|auf|von)?\s*$")
_DOWN = re.compile(r"^\s*-?(?:vermindert|verringert|gesenkt|reduziert|herabgesetzt)\b")
_UP = re.compile(r"^\s*-?(?:erhöht|heraufgesetzt)\b")
_TO = re.compile(r"\bauf\s*$")
_SET = re.compile(r"^[^.;\d]{0,30}\bfestgesetzt\b")
_NEAR = 40  # characters between the old amount and the word „bisher“ before it, at most


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    """Adds each change „bisher … um … vermindert / … erhöht … auf … festgesetzt“ of one line."""
    taken = {r.ergebnis.key for r in prior}
    found: list[Rechnung] = []
    for zeile in zeilen:
        if "bisher" not in zeile.text:
            continue
        money = [z for z in zeile.zahlen if z.geld]
        for start, old in enumerate(money):
            reading = _change(zeile, old, money[start + 1 :])
            if reading is not None and reading.ergebnis.key not in taken:
                found.append(reading)
    return found


def _change(zeile: Zeile, old: Zahl, after: list[Zahl]) -> Rechnung | None:
    text = zeile.text
    if not _BEFORE.search(look_back(text, old.start, _NEAR)):
        return None
    steps: list[tuple[Zahl, int]] = []
    for zahl in after:
        rest = text[zahl.ende :]
        if _DOWN.match(rest) or _UP.match(rest):
            steps.append((zahl, -1 if _DOWN.match(rest) else 1))
            continue
        if not steps or not _TO.search(text[: zahl.start]) or not _SET.match(rest):
            return None
        parts = [old, *(step for step, _ in steps)]
        signs = [1, *(sign for _, sign in steps)]
        return Rechnung(
            "Nachtrag in einem Satz: bisher, vermindert/erhöht um, neu festgesetzt auf",
            "summe",
            [Fund(zeile, z) for z in parts],
            Fund(zeile, zahl),
            written_sum(parts, signs),
            vorzeichen=signs,
            typ="nachtrag",
        )
    return None
