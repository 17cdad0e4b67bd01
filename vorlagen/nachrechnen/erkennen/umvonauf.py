"""A change a Nachtragssatzung sets one part per line: „die Ausgaben um 3.360.900 €“ / „von 4.841.700 €“ / „auf
8.202.600 €“ / „erhöht,“ – blank lines between, as a council page stores the lines of the Satzung. The new amount is
the old one plus or minus the step, as the verb after them (or before them: „Es werden … vermindert“) says; with the
verb a mismatch is a slip, without one only what holds is confirmed."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl
from vorlagen.nachrechnen.lesen.zeile import Zeile

_BY = re.compile(r"\bum\s*$")
_FROM = re.compile(r"^\s*von\s*$")
_TO = re.compile(r"^\s*auf\s*$")
_VERB = re.compile(
    r"^\s*(?P<verb>erhöht|vermindert|verringert|gesenkt|herabgesetzt|heraufgesetzt|reduziert)\b", re.IGNORECASE
)
_UP = ("erhöht", "heraufgesetzt")
_MAX_BLANK = 3  # blank lines between two lines of one change


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    found: list[Rechnung] = []
    lines = [(i, z) for i, z in enumerate(zeilen) if z.text.strip()]
    for n, (_, zeile) in enumerate(lines):
        step = _only_amount(zeile, _BY)
        if step is None or n + 2 >= len(lines) or not _near(lines, n, 2):
            continue
        old, new = _only_amount(lines[n + 1][1], _FROM, whole=True), _only_amount(lines[n + 2][1], _TO, whole=True)
        if old is None or new is None or not step.einheit == old.einheit == new.einheit:
            continue
        verb = _VERB.match(lines[n + 3][1].text) if n + 3 < len(lines) and _near(lines, n + 2, 1) else None
        sign = 1 if verb is None or verb["verb"].lower() in _UP else -1
        at_old, at_new = Fund(lines[n + 1][1], old), Fund(lines[n + 2][1], new)
        art = f"Veränderung „um … von … auf … {verb['verb']}“" if verb else "Veränderung „um … von … auf …“"
        if verb is None:  # the direction is open: the two levels' distance is the step
            found.append(
                Rechnung(
                    art,
                    "differenz",
                    [at_new, at_old],
                    Fund(zeile, step),
                    f"{new.betrag()} − {old.betrag()}",
                    sicher=False,
                    typ="von_um_auf",
                )
            )
            continue
        found.append(
            Rechnung(
                art,
                "summe",
                [at_old, Fund(zeile, step)],
                at_new,
                f"{old.betrag()} {'+' if sign > 0 else '−'} {step.betrag()}",
                vorzeichen=[1, sign],
                typ="von_um_auf",
            )
        )
    return found


def _only_amount(zeile: Zeile, before: re.Pattern[str], whole: bool = False) -> Zahl | None:
    """The line's one figure, with `before` matching the text before it (all of it when `whole`) and nothing after."""
    if len(zeile.zahlen) != 1:
        return None
    zahl = zeile.zahlen[0]
    text = zeile.text[: zahl.start]
    if zahl.wert < 0 or zeile.text[zahl.ende :].strip(" \t,;") or not (before.match if whole else before.search)(text):
        return None
    return zahl


def _near(lines: list[tuple[int, Zeile]], n: int, count: int) -> bool:
    """The n-th line and the `count` lines after it follow each other with few blank lines between."""
    return all(lines[k + 1][0] - lines[k][0] - 1 <= _MAX_BLANK for k in range(n, n + count))
