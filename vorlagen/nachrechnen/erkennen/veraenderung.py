"""A change stated apart from the figures it compares: „Die Steigerung beträgt 1.204.117 € = 3,12 %“ below the
line that names 38.592.300 € and 39.796.417 €; also a table row „Steigerung<Tab>1.204.117 €<Tab>3,12 %“ under two
rows of the same measure („Personalaufwand Plan 2024“, „Personalaufwand Plan 2025“).

Structure first: under two such rows, the change is read as their difference whatever the figures say – a slip is
a slip. Elsewhere the pair is the nearest two figures above whose difference it is (only what holds is found)."""

from __future__ import annotations

import bisect
import itertools
import re
from decimal import Decimal

from vorlagen.core.money import round_half_up
from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.woerter import CHANGE_STATED

_TO_AMOUNT = re.compile(r"^\s*(?:[A-Za-zÄÖÜäöüß.]+\s+){0,3}(?:beträgt|von|um|liegt bei|in Höhe von|:)?\s*$")
_TO_PERCENT = re.compile(
    r"^\s*(?:=|\(|bzw\.|oder|also|entspricht|das sind|d\.\s?h\.|und damit|\t|\s)\s*"
    r"(?:(?:rund|ca\.|etwa|einer?|Steigerung|Minderung|von|um)\s+){0,3}$"
)
# what tells two rows of the same measure apart: a year, a period, a stage of the plan
_PERIOD = re.compile(  # with the word that ties a stage to its measure: „Volumen nach Plan“, „… gemäß Ergebnis“
    r"\b(?:(?:nach|gemäß|laut|lt\.)\s+)?(?:(?:19|20)\d\d(?:/\d\d)?|N(?:\s*[+-]\s*\d)?|Plan|Planung|Ansatz|Ist|Soll|Ergebnis|Vorjahr|Entwurf|bisher|"
    r"neu|alt|Haushalt(?:sjahr)?|HH|HJ|Jahr|Stand)\b",
    re.IGNORECASE,
)
# „+ 12.000 €“ under „Volumen nach Plan 2.968.400 €“ and „Volumen gemäß Ergebnis 2.980.400 €“, „Entwicklung 2018 +
# 44.700 €“: a line of one amount typed with its plus sign (a label of at most two words and a year before it)
_PLUS_LINE = re.compile(r"^\s*(?:(?:[A-Za-zÄÖÜäöüß]+\s+){1,2}(?:(?:19|20)\d\d\s+)?)?\+(?=\s*\d)")
_MAX_CHANGES = 20  # change words read in one line (bounds the work on a hostile line)
_LOOK_BACK = 3  # lines above that may name the two compared figures
_MAX_CANDIDATES = 12  # figures of the lines above tried as the compared pair


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    """Adds, for each stated change, the difference and its rate against the pair of figures above it."""
    found: list[Rechnung] = []
    results = {r.ergebnis.key for r in prior}
    recent: list[tuple[Zeile, list[Zahl]]] = []
    for zeile in zeilen:
        if not zeile.text.strip():
            continue
        figs = zeile.zahlen
        changes = list(itertools.islice(CHANGE_STATED.finditer(zeile.text), _MAX_CHANGES))
        plus = _PLUS_LINE.match(zeile.text)
        after = [z for z in figs if z.start >= plus.end()] if plus is not None else []
        signed = len(after) == 1 and after[0].einheit == "€"  # a plain „+ 1,65“ may be a cell of a table
        for change in changes:
            _stated(zeile, figs, change, recent, results, found)
        if plus is not None and signed and not changes:
            _stated(zeile, figs, plus, recent, results, found, signed=True)
        recent = (recent + [(zeile, figs)])[-_LOOK_BACK - 1 :]
    return found


def _stated(
    zeile: Zeile,
    figs: list[Zahl],
    change: re.Match[str],
    recent: list[tuple[Zeile, list[Zahl]]],
    results: set[tuple[int, int, int]],
    found: list[Rechnung],
    signed: bool = False,
) -> None:
    """`signed`: the change is only a figure with its plus sign – read where it holds, or under two rows of the same
    measure."""
    after = change.end()
    first = bisect.bisect_left([z.start for z in figs], after)
    later = figs[first : first + 2]
    if not later or later[0].einheit == "%" or not _TO_AMOUNT.match(zeile.text[after : later[0].start]):
        return
    amount = later[0]
    percent = later[1] if len(later) == 2 and later[1].einheit == "%" else None
    if percent is not None and not _TO_PERCENT.match(zeile.text[amount.ende : percent.start]):
        percent = None
    rows = _rows_above(zeile, change, amount, recent)
    if signed and rows is not None and not _same_measure(rows):
        rows = None  # a plus sign says less than a word for a change: two rows of other measures compare nothing
    if percent is None and rows is None and not signed or Fund(zeile, percent or amount).key in results:
        return
    before = [(zeile, z) for z in figs[max(0, first - _MAX_CANDIDATES) : first] if z.ende <= change.start()]
    candidates = [(z_line, z) for z_line, z_figs in recent for z in z_figs] + before
    candidates = [(line, z) for line, z in candidates if z.einheit == amount.einheit][-_MAX_CANDIDATES:]
    holding = _pair(candidates, abs(amount.wert))
    readings = ([(rows, 3, _same_measure(rows))] if rows else []) + ([(holding, 2, True)] if holding else [])
    for pair, rang, sure in readings:
        (line_a, a), (line_b, b) = pair
        grund = "" if sure else f"ob {line_a.ort} und {line_b.ort} dieselbe Größe zu zwei Zeitpunkten nennen, ist offen"
        if Fund(zeile, amount).key not in results:  # else a calculation in its sentence has it already
            found.append(
                Rechnung(
                    "genannte Veränderung zweier Beträge darüber",
                    "differenz",
                    [Fund(line_b, b), Fund(line_a, a)],
                    Fund(zeile, amount),
                    f"{b.betrag()} − {a.betrag()}",
                    sicher=sure,
                    grund=grund,
                    rang=rang,
                    typ="veraenderung",
                )
            )
        if percent is None:
            continue
        start, end = (line_a, a), (line_b, b)
        if not _holds(b.wert - a.wert, a, percent) and _holds(b.wert - a.wert, b, percent):
            start, end = end, start  # the rate of the later figure, as some tables give it
        found.append(
            Rechnung(
                "Veränderung in Prozent des Ausgangswerts",
                "steigerung",
                [Fund(*start), Fund(*end)],
                Fund(zeile, percent),
                f"({end[1].betrag()} − {start[1].betrag()}) / {start[1].betrag()} x 100",
                sicher=sure,
                grund=grund,
                rang=rang,
                typ="veraenderung_prozent",
            )
        )
    results |= {Fund(zeile, amount).key} | ({Fund(zeile, percent).key} if percent else set())


def _rows_above(
    zeile: Zeile, change: re.Match[str], amount: Zahl, recent: list[tuple[Zeile, list[Zahl]]]
) -> tuple | None:
    """„Steigerung<Tab>1.693.794 €“ opening its row under two rows of one figure each: the pair it compares."""
    if zeile.text[: change.start()].strip() or len(recent) < 2:
        return None
    rows = recent[-2:]
    if any(len([z for z in figs if z.einheit == amount.einheit]) != 1 for _, figs in rows):
        return None
    (line_a, figs_a), (line_b, figs_b) = rows
    a = next(z for z in figs_a if z.einheit == amount.einheit)
    b = next(z for z in figs_b if z.einheit == amount.einheit)
    if line_a.text[: a.start].strip() == "" or line_b.text[: b.start].strip() == "":
        return None  # a row needs its label: „Personalaufwand Plan 2024<Tab>48.210.333 €“
    return (line_a, a), (line_b, b)


def _same_measure(rows: tuple) -> bool:
    """Two rows name the same measure at two times: their labels agree once years and stages are taken out."""
    (line_a, a), (line_b, b) = rows
    raw = [line.text[: z.start].strip() for line, z in ((line_a, a), (line_b, b))]
    words = [" ".join(re.findall(r"[A-Za-zÄÖÜäöüß]{2,}", _PERIOD.sub(" ", label).lower())) for label in raw]
    return words[0] == words[1] and raw[0] != raw[1]


def _pair(candidates: list[tuple[Zeile, Zahl]], difference: Decimal) -> tuple | None:
    """The nearest two figures (earlier one first) whose difference is the stated one."""
    for j in range(len(candidates) - 1, 0, -1):
        for i in range(j - 1, -1, -1):
            a, b = candidates[i][1], candidates[j][1]
            if abs(abs(b.wert) - abs(a.wert)) == difference and a.wert != b.wert:
                return candidates[i], candidates[j]
    return None


def _holds(difference: Decimal, base: Zahl, percent: Zahl) -> bool:
    if not base.wert:
        return False
    return round_half_up(abs(difference) / abs(base.wert) * 100, percent.schritt) == abs(percent.wert)
