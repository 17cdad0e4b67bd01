"""A share a page stored one cell per line: the base, its rate and the share, each alone on its line –
„angenommene Umlagegrundlage“ / „1.181.951,00“ / „41%“ / „484.600,00“ – the share is the base times the rate. A
council information system stores a table row „Umlagegrundlage | Hebesatz | Amtsumlage“ so, one cell after another.

Read only where the three lines say so: each holds one figure and nothing else (a sign or „€“ at most), the middle
one a rate above nought up to a hundred, the outer ones amounts (in euros or plain), the share less than its base and
no more than twice nor less than half of the base times the rate (a figure so far off is another row's); where the
third figure is the base raised or lowered by the rate („2024 / 3,5 % / 2025“), it is a change and nothing is read.
A share typed in full hundreds of a base that is not is the share rounded to hundreds, up or down (Haushaltsansätze
are): within a hundred, a rounding. A mismatch is a slip where a line above the base, among the few before it,
names the base („Umlagegrundlage“, „Bemessungsgrundlage“, „Steuerkraft“); otherwise the reading is a guess that only
confirms. Blank lines between the cells are skipped; every line is looked at once."""

from __future__ import annotations

import re
from decimal import Decimal

from vorlagen.nachrechnen.aufbau import gerundet
from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl
from vorlagen.nachrechnen.lesen.zeile import Zeile

_FILLER = re.compile(r"^[\s+\-−–€]*(?:EUR|Euro)?\s*$")
_BASE = re.compile(r"Grundlage|Bemessung|Steuerkraft|Finanzkraft|Umlagekraft", re.IGNORECASE)
_GAP = 3  # line numbers between two cells of the stack at most (blank lines between them)
_LABEL_LINES = 4  # lines with text above the base looked at for the words that name it
_HUNDRED = Decimal(100)
_HEAD_WORDS = 6  # words of a head cell at most
_HEADS = 3  # lines right above the base that may be the head's cells
_SENTENCE = re.compile(r"[.!?:;]\s|[.!?:;]$")
_ENDS_SENTENCE = re.compile(r"[.!?:;]\s*$")
_ADDS_OR_TAKES = re.compile(
    r"einschl|inkl|zzgl|zuzügl|abzgl|abzügl|ohne\b|nach Abzug|vor Abzug|gerundet|pauschal|Sockel|höchst", re.IGNORECASE
)


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    lines = [zeile for zeile in zeilen if zeile.text.strip()]
    found: list[Rechnung] = []
    for index in range(1, len(lines) - 1):
        base_line, rate_line, share_line = lines[index - 1 : index + 2]
        if share_line.nr - rate_line.nr > _GAP or rate_line.nr - base_line.nr > _GAP:
            continue
        base, rate, share = _alone(base_line), _alone(rate_line), _alone(share_line)
        if base is None or rate is None or share is None or Fund(share_line, share).key in taken:
            continue
        if rate.einheit != "%" or not 0 < rate.wert <= 100 or "%" in (base.einheit, share.einheit):
            continue
        labels = lines[max(0, index - 1 - _LABEL_LINES) : index - 1]
        heads = labels[-_HEADS:]  # the cells of the head right above: base, rate and share
        if not 0 < share.wert < base.wert or _in_a_list_of_rates(lines, index) or any(map(_own_rule, heads)):
            continue
        rechnung = _reading(base_line, base, rate_line, rate, share_line, share, labels)
        if rechnung is not None:
            found.append(rechnung)
    return found


def _in_a_list_of_rates(lines: list[Zeile], index: int) -> bool:
    """„1.200.000,00“ / „60%“ / „800.000,00“ / „40%“: amounts each with its rate after it, no base, rate and share –
    a rate alone on the line right after the share or right before the base."""
    around = [lines[i] for i in (index - 2, index + 2) if 0 <= i < len(lines)]
    return any((zahl := _alone(zeile)) is not None and zahl.einheit == "%" for zeile in around)


def _own_rule(zeile: Zeile) -> bool:
    """A head that works the share out otherwise: with a figure of its own („einschl. Sonderumlage von 40.000,00 €“,
    „Umlagesatz auf 90 % der Steuerkraft“) or words that add or take off („abzgl. Erstattung“)."""
    if _ENDS_SENTENCE.search(zeile.text):
        return False  # a sentence above the table, no cell of its head
    figures = [z for z in zeile.zahlen if not (z.einheit == "" and z.schritt == 1 and 1900 <= z.wert <= 2100)]
    return bool(figures) and _alone(zeile) is None or bool(_ADDS_OR_TAKES.search(zeile.text))


def _head_cell(zeile: Zeile) -> bool:
    """A line that is a cell of a head: a few words, no sentence („angenommene Umlagegrundlage“)."""
    return len(zeile.text.split()) <= _HEAD_WORDS and not _SENTENCE.search(zeile.text)


def _reading(
    base_line: Zeile,
    base: Zahl,
    rate_line: Zeile,
    rate: Zahl,
    share_line: Zeile,
    share: Zahl,
    labels: list[Zeile],
) -> Rechnung | None:
    exact = base.wert * rate.wert / _HUNDRED
    if not exact / 2 <= share.wert <= exact * 2:
        return None  # so far off, the third figure is another row's
    for changed in (base.wert + exact, base.wert - exact):
        if abs(changed - share.wert) <= _HUNDRED:
            return None  # the base raised or lowered by the rate: a change, no share
    allowance, reason = gerundet.full_unit(share, exact)
    named = any(_BASE.search(zeile.text) and _head_cell(zeile) for zeile in labels)
    return Rechnung(
        "Grundlage, Satz und Anteil je auf einer Zeile",
        "anteil",
        [Fund(base_line, base), Fund(rate_line, rate)],
        Fund(share_line, share),
        f"{base.betrag()} x {rate.betrag()}",
        sicher=named,
        rang=1,
        typ="stapelanteil",
        toleranz=allowance,
        rundungsgrund=reason,
    )


def _alone(zeile: Zeile) -> Zahl | None:
    """The line's one figure where nothing but a sign or „€“ stands beside it."""
    if len(zeile.zahlen) != 1:
        return None
    zahl = zeile.zahlen[0]
    rest = zeile.text[: zahl.start] + zeile.text[zahl.ende :]
    return zahl if _FILLER.match(rest) and not zahl.tiefe else None
