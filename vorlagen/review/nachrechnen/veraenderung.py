"""A change stated apart from the figures it compares: „Die Steigerung beträgt 1.204.117 € = 3,12 %“ below the
line that names 38.592.300 € and 39.796.417 €; also a table row „Steigerung<Tab>1.204.117 €<Tab>3,12 %“."""

from __future__ import annotations

import bisect
import re

from vorlagen.core.money import round_half_up
from vorlagen.review.nachrechnen.rechnung import Fund, Rechnung
from vorlagen.review.nachrechnen.zahlen import Zahl
from vorlagen.review.nachrechnen.zeile import Zeile

_CHANGE = re.compile(
    r"\b(?:Steigerung|Erhöhung|Anstieg|Zunahme|Zuwachs|Mehrbetrag|Minderung|Rückgang|Senkung|"
    r"Abnahme|Reduzierung|Verringerung|Veränderung)\b",
    re.IGNORECASE,
)
_TO_AMOUNT = re.compile(r"^\s*(?:[A-Za-zÄÖÜäöüß.]+\s+){0,3}(?:beträgt|von|um|liegt bei|in Höhe von|:)?\s*$")
_TO_PERCENT = re.compile(
    r"^\s*(?:=|\(|bzw\.|oder|also|entspricht|das sind|d\.\s?h\.|und damit|\t|\s)\s*"
    r"(?:(?:rund|ca\.|etwa|einer?|Steigerung|Minderung|von|um)\s+){0,3}$"
)
_MAX_CHANGES = 20  # change words read in one line (bounds the work on a hostile line)
_LOOK_BACK = 3  # lines above that may name the two compared figures
_MAX_CANDIDATES = 12  # figures of the lines above tried as the compared pair


def recognise(zeilen: list[Zeile], found: list[Rechnung]) -> None:
    """Adds, for each stated change with its percentage, the difference and the rate against the pair of
    figures above (or before it in its line) whose difference it is."""
    results = {r.ergebnis.key for r in found}
    recent: list[tuple[Zeile, list[Zahl]]] = []
    for zeile in zeilen:
        if not zeile.text.strip():
            continue
        figs = zeile.zahlen
        for number, change in enumerate(_CHANGE.finditer(zeile.text)):
            if number >= _MAX_CHANGES:
                break
            _stated(zeile, figs, change.end(), recent, results, found)
        recent = (recent + [(zeile, figs)])[-_LOOK_BACK - 1 :]


def _stated(zeile: Zeile, figs: list[Zahl], after: int, recent, results: set, found: list[Rechnung]) -> None:
    first = bisect.bisect_left([z.start for z in figs], after)
    later = figs[first : first + 2]
    if len(later) < 2:
        return
    amount, percent = later
    if (
        amount.einheit == "%"
        or percent.einheit != "%"
        or not _TO_AMOUNT.match(zeile.text[after : amount.start])
        or not _TO_PERCENT.match(zeile.text[amount.ende : percent.start])
    ):
        return
    if Fund(zeile, percent).key in results:
        return
    before = [(zeile, z) for z in figs[max(0, first - _MAX_CANDIDATES) : first] if z.ende <= after]
    candidates = [(z_line, z) for z_line, z_figs in recent for z in z_figs] + before
    candidates = [(line, z) for line, z in candidates if z.einheit == amount.einheit][-_MAX_CANDIDATES:]
    pair = _pair(candidates, abs(amount.wert))
    if pair is None:
        return
    (line_a, a), (line_b, b) = pair
    if Fund(zeile, amount).key not in results:  # else a calculation in its sentence has it already
        found.append(
            Rechnung(
                "genannte Veränderung zweier Beträge darüber",
                "differenz",
                [Fund(line_b, b), Fund(line_a, a)],
                Fund(zeile, amount),
                f"{b.betrag()} − {a.betrag()}",
                typ="veraenderung",
            )
        )
    start, end = (line_a, a), (line_b, b)
    if not _holds(amount, a, percent) and _holds(amount, b, percent):
        start, end = end, start  # the rate of the later figure, as some tables give it
    found.append(
        Rechnung(
            "Veränderung in Prozent des Ausgangswerts",
            "steigerung",
            [Fund(*start), Fund(*end)],
            Fund(zeile, percent),
            f"{amount.betrag()} / {start[1].betrag()} x 100",
            typ="veraenderung_prozent",
        )
    )
    results |= {Fund(zeile, amount).key, Fund(zeile, percent).key}


def _pair(candidates: list[tuple[Zeile, Zahl]], difference) -> tuple | None:
    """The nearest two figures (earlier one first) whose difference is the stated one."""
    for j in range(len(candidates) - 1, 0, -1):
        for i in range(j - 1, -1, -1):
            a, b = candidates[i][1], candidates[j][1]
            if abs(abs(b.wert) - abs(a.wert)) == difference and a.wert != b.wert:
                return candidates[i], candidates[j]
    return None


def _holds(amount: Zahl, base: Zahl, percent: Zahl) -> bool:
    if not base.wert:
        return False
    return round_half_up(abs(amount.wert) / abs(base.wert) * 100, percent.schritt) == abs(percent.wert)
