"""The table of a Nachtragshaushaltssatzung (§ 1): „erhöht um | vermindert um | gegenüber bisher | nunmehr festgesetzt
auf“ or „gegenüber bisher | verändert um | nunmehr festgesetzt auf“ – each row is bisher + erhöht − vermindert =
nunmehr, or nunmehr − bisher = verändert um (signed). The columns come from the order of the head's words, in cells
of one line or one word a line as a council information system stores the page; the figures may go without „€“.

A row that leaves one of „erhöht“ and „vermindert“ empty has a figure fewer than the head has columns: which of the
two it fills, the row does not say – a reading that holds wins, else the row is „nicht eindeutig“ with both
readings. With „verändert um“ the change is the figure checked (the old and the new amount stand in the plan); a
row that holds states its new amount as well."""

from __future__ import annotations

import re

from vorlagen.review.nachrechnen.haushaltssaldo import values
from vorlagen.review.nachrechnen.rechnung import Fund, Rechnung
from vorlagen.review.nachrechnen.reihe import Reihe
from vorlagen.review.nachrechnen.zahlen import Zahl, written_sum

_ROLE = re.compile(r"erhöht|vermindert|verändert|bisher|nunmehr|festgesetzt auf", re.IGNORECASE)
_ROLES = {"erhöht": "plus", "vermindert": "minus", "verändert": "delta", "bisher": "alt"}
_HEAD_LINES = 14  # lines of a head stored one word a line, with the blank lines between
_ROWS = 40  # lines of the table below its head
_END = re.compile(r"^\W*§")
_UNSURE = "welche der Spalten „erhöht um“ und „vermindert um“ die Zeile füllt, sagt sie nicht"


def recognise(reihen: list[Reihe], found: list[Rechnung]) -> None:
    index = 0
    while index < len(reihen):
        roles, end = _head(reihen, index)
        if roles is None:
            index += 1
            continue
        for reihe in reihen[end : end + _ROWS]:
            text = reihe.zeile.text.strip()
            if _END.match(text) or reihe.woerter > 12:
                break
            if len(reihe.werte) >= 2:
                found += _readings(reihe, roles)
        index = end


def _head(reihen: list[Reihe], index: int) -> tuple[list[str] | None, int]:
    """The columns a head names, in order, and the line after it – when a line without figures opens one."""
    opening = reihen[index]
    if not _ROLE.search(opening.zeile.text) or len(opening.werte) >= 2 or opening.woerter > 12:
        return None, index
    roles: list[str] = []
    for at in range(index, min(len(reihen), index + _HEAD_LINES)):
        reihe = reihen[at]
        if len(reihe.werte) >= 2:
            break
        if reihe.zeile.zahlen and not _ROLE.search(reihe.zeile.text):
            continue  # „1. im Ergebnisplan“: a heading of the rows below
        for word in _ROLE.findall(reihe.zeile.text):
            role = _ROLES.get(word.lower(), "neu")
            if not (role == "neu" and roles and roles[-1] == "neu"):  # „nunmehr festgesetzt auf“ is one column
                roles.append(role)
    else:
        at = min(len(reihen), index + _HEAD_LINES)
    changes = [r for r in roles if r in ("plus", "minus", "delta")]
    if roles.count("alt") != 1 or roles.count("neu") != 1 or not changes or len(set(roles)) != len(roles):
        return None, index
    return roles, at


def _readings(reihe: Reihe, roles: list[str]) -> list[Rechnung]:
    figures = values(reihe) or reihe.werte  # one a cell, else in the order typed, whatever cells a page made
    if len(figures) == len(roles):
        return [_reading(reihe, dict(zip(roles, figures, strict=True)), "")]
    if len(figures) == len(roles) - 1 and {"plus", "minus"} <= set(roles):
        readings = []
        for empty in ("plus", "minus"):
            kept = [r for r in roles if r != empty]
            readings.append(_reading(reihe, dict(zip(kept, figures, strict=True)), _UNSURE))
        return readings
    return []


def _reading(reihe: Reihe, cells: dict[str, Zahl], grund: str) -> Rechnung:
    alt, neu = cells["alt"], cells["neu"]
    if "delta" in cells:
        delta = cells["delta"]
        if alt.wert + delta.wert == neu.wert:  # the row holds: its new amount is stated as well
            shown = f"{alt.zeige()} + {delta.zeige()}" if delta.wert >= 0 else f"{alt.zeige()} + ({delta.zeige()})"
            return _rechnung(reihe, "saldo", [alt, delta], neu, [1, 1], shown, grund)
        shown = f"{neu.zeige()} − ({alt.zeige()})" if alt.wert < 0 else f"{neu.zeige()} − {alt.zeige()}"
        return _rechnung(reihe, "unterschied", [neu, alt], delta, [1, -1], shown, grund)
    parts = [alt] + [cells[r] for r in ("plus", "minus") if r in cells]
    signs = [1] + [1 if r == "plus" else -1 for r in ("plus", "minus") if r in cells]
    return _rechnung(reihe, "saldo", parts, neu, signs, written_sum(parts, signs, signed=True), grund)


def _rechnung(
    reihe: Reihe, formel: str, parts: list[Zahl], result: Zahl, signs: list[int], shown: str, grund: str
) -> Rechnung:
    return Rechnung(
        "Nachtrag: bisher und Veränderung, nunmehr festgesetzt",
        formel,
        [Fund(reihe.zeile, z) for z in parts],
        Fund(reihe.zeile, result),
        shown,
        betrag=False,
        vorzeichen=signs,
        sicher=not grund,
        grund=grund,
        rang=3,
        typ="nachtrag",
    )
