"""Calculations over several lines: `= … Eigenanteil` blocks, column sums, Summe/Gesamt lines, list totals."""

from __future__ import annotations

import re
from dataclasses import dataclass

from vorlagen.core import limits
from vorlagen.review.nachrechnen.rechnung import Fund, Rechnung
from vorlagen.review.nachrechnen.zahlen import Zahl, written_sum
from vorlagen.review.nachrechnen.zeile import Zeile

_SUM_LABEL = re.compile(
    r"^(?:Zwischensumme|Summe|Gesamtsumme|Gesamtbetrag|Gesamt|Insgesamt|Endsumme|Zusammen|Total)"
    r"\b",
    re.IGNORECASE,
)
_DAVON = re.compile(r"^(?:davon|darunter|nachrichtlich)\b", re.IGNORECASE)
_DASH = re.compile(r"(?:^|\t|\s)(?:--|—|–|-)(?=\s|\(|$)")
_LINE_MINUS = re.compile(r"^\s*(?:[-−–]\s*[\d(]|\./\.|abzgl\.|abzüglich)")
_ENUMERATION = re.compile(r"^\s*\d{1,2}[.)]\s")
_WRAPPED = 2  # label lines a PDF may wrap between two rows of a block
# Rows a list above its total may have. A longer run is not checked: its total stays "nicht geprüft". The bound
# keeps the time linear in the lines of a document (every line may look like a total of all lines above it).
MAX_LISTE = limits.NR_LISTE
_WORDS = re.compile(r"[A-Za-zÄÖÜäöüß]{2,}")
_RESULT_CELL = re.compile(r"(?:^|\t)\s*=\s*$")  # "Eigenanteil<Tab>= 612.500 €"


@dataclass
class Reihe:
    """A line read as a table row: its values (figures not used inside another calculation)."""

    zeile: Zeile
    werte: list[Zahl]
    strich: bool  # a "--" standing for nothing
    label: str
    minus: bool  # the line starts with a minus (a deduction), not a bullet
    woerter: int  # words outside parentheses and figures
    gleich: bool = False  # the first figure opens its cell with "=": the result of the rows above

    def wert(self, zahl: Zahl) -> int:
        """The sign this row gives its value."""
        return -1 if zahl.wert < 0 or (self.minus and zahl.wert > 0) else 1


def row(zeile: Zeile, used: set[int]) -> Reihe:
    figs = [z for z in zeile.zahlen if z.tiefe == 0 and z.start not in used]
    marker = _ENUMERATION.match(zeile.text)
    if marker:  # "1. Erstintegration", "2) …": a list number, not a value
        figs = [z for z in figs if z.start >= marker.end()]
    if any(z.einheit for z in figs):
        figs = [z for z in figs if z.einheit]
    elif figs:
        figs = [z for z in figs if not re.fullmatch(r"(?:19|20)\d\d", z.text)]
    text = zeile.text.strip()
    first = figs[0].start if figs else len(zeile.text)
    label = re.sub(r"^[=:\s]+|[=:\s]+$", "", zeile.text[:first]).strip()
    rest = re.sub(r"\([^()]*\)", " ", _without(zeile.text, figs))
    strich = not figs and bool(_DASH.search(text)) and not text.startswith(("-", "–", "—")) and len(text) < 120
    gleich = bool(figs) and bool(_RESULT_CELL.search(zeile.text[:first]))
    return Reihe(zeile, figs, strich, label, bool(_LINE_MINUS.match(text)), len(_WORDS.findall(rest)), gleich)


def _without(text: str, figs: list[Zahl]) -> str:
    """The text with the given figures cut out."""
    parts, position = [], 0
    for z in figs:
        parts.append(text[position : z.start])
        position = max(position, z.ende)
    return " ".join(parts + [text[position:]])


def recognise(reihen: list[Reihe], found: list[Rechnung], rates: set[tuple] = frozenset()) -> None:
    """Adds block results and sums to `found`; in the lines `rates` ((page, line)) a percentage is a rate of
    change, never the sum of the percentages above it."""
    runs = _Runs()
    for index, reihe in enumerate(reihen):
        if reihe.gleich:
            _block(reihen, index, found)
        elif (
            reihe.werte
            and (
                _SUM_LABEL.match(reihe.label)
                and len(reihe.label.split()) <= 5
                or not reihe.label
                and _implicit_total(reihe)
            )
            and 2 <= runs.above(reihe) <= MAX_LISTE
        ):
            _column_sums(reihen, index, found, (reihe.zeile.seite or 0, reihe.zeile.nr) in rates)
        runs.add(reihe)


def _kind(reihe: Reihe) -> tuple:
    """What a row must share with a total to stand in its list: per value its unit, or its decimals."""
    return tuple((z.einheit, None if z.einheit else z.stellen) for z in reihe.werte)


class _Runs:
    """The rows a list above each line would have, kept while reading down the lines: the walk up from a total
    (_column_sums) is made only where it can find between 2 and MAX_LISTE rows, so the time stays linear."""

    def __init__(self) -> None:
        self.kind: tuple | None = None  # the rows' kind; () for a run of "--" rows only
        self.count = 0  # rows in the run, "--" rows included
        self.dashes = 0  # "--" rows at its end
        self.blanks = 0

    def above(self, total: Reihe) -> int:
        """How many rows the walk up from `total` would collect."""
        kind = _kind(total)
        if self.kind == kind or self.kind == () and len(kind) == 1:
            return self.count
        return self.dashes if len(kind) == 1 else 0

    def add(self, reihe: Reihe) -> None:
        if not reihe.zeile.text.strip():
            self.blanks += 1
            if self.blanks > 2:
                self.kind, self.count, self.dashes = None, 0, 0
            return
        self.blanks = 0
        if _DAVON.match(reihe.label):
            return
        if reihe.woerter > 10 or _SUM_LABEL.match(reihe.label) or reihe.gleich or not reihe.werte and not reihe.strich:
            self.kind, self.count, self.dashes = None, 0, 0
        elif reihe.strich:
            if self.kind is None or self.kind == () or len(self.kind) == 1:
                self.kind, self.count = self.kind if self.kind is not None else (), self.count + 1
            else:
                self.kind, self.count = (), 1
            self.dashes += 1
        else:
            kind = _kind(reihe)
            if kind == self.kind or self.kind == () and len(kind) == 1:
                self.count += 1
            else:
                self.count = 1 + (self.dashes if len(kind) == 1 else 0)
            self.kind, self.dashes = kind, 0


def _implicit_total(reihe: Reihe) -> bool:
    """A figure alone on its line counts as a total when marked bold or typed like money or like 35,00."""
    return reihe.zeile.fett or all(z.einheit == "€" or z.stellen > 0 for z in reihe.werte)


def _block(reihen: list[Reihe], index: int, found: list[Rechnung]) -> None:
    """Rows above a `= …` line; label lines a PDF wrapped between them are stepped over."""
    result = reihen[index].werte[0]
    parts: list[tuple[Reihe, Zahl]] = []
    gap, wrapped = 0, False
    for seen, reihe in enumerate(reihen[i] for i in range(index - 1, -1, -1)):  # no copy of the rows above
        if seen > 2 * MAX_LISTE:
            return  # too long a block to be sure which rows belong: the result stays "nicht geprüft"
        text = reihe.zeile.text.strip()
        same = [z for z in reihe.werte if z.einheit == result.einheit]
        if not text or reihe.gleich or reihe.woerter > 12:
            break
        if not same:
            gap += 1
            if gap > _WRAPPED:
                break
            continue
        wrapped, gap = wrapped or gap > 0, 0
        parts.append((reihe, same[-1]))
    if len(parts) > MAX_LISTE:
        return
    parts.reverse()
    start = _best_start(parts, result)
    holds = sum(r.wert(z) * abs(z.wert) for r, z in parts[start:]) == result.wert
    parts = parts[start:]
    if len(parts) < 2:
        return
    signs = [r.wert(z) for r, z in parts]
    shown = written_sum([z for _, z in parts], signs)
    found.append(
        Rechnung(
            "Ergebnis „= …“ des Rechenblocks darüber",
            "summe",
            [Fund(r.zeile, z) for r, z in parts],
            Fund(reihen[index].zeile, result),
            shown,
            betrag=False,
            vorzeichen=signs,
            sicher=holds or not wrapped,  # with lines stepped over, which rows belong is a guess
            typ="rechenblock",
        )
    )


def _column_sums(reihen: list[Reihe], index: int, found: list[Rechnung], rate: bool = False) -> None:
    total = reihen[index]
    width = len(total.werte)
    rows: list[Reihe] = []
    blanks, wrapped = 0, False
    for seen, reihe in enumerate(reihen[i] for i in range(index - 1, -1, -1)):  # no copy of the rows above
        if len(rows) > MAX_LISTE or seen > 2 * MAX_LISTE:
            return  # too long a list to be sure which rows belong: the total stays "nicht geprüft"
        if not reihe.zeile.text.strip():
            blanks += 1
            if blanks > 2:
                break
            continue
        blanks = 0
        if _DAVON.match(reihe.label):
            continue
        fits = (
            len(reihe.werte) == width
            and all(_same_kind(a, b) for a, b in zip(reihe.werte, total.werte))
            or reihe.strich
            and width == 1
        )
        if not fits or reihe.woerter > 10 or _SUM_LABEL.match(reihe.label) or reihe.gleich:
            at = index - 1 - seen
            wrapped = not reihe.werte and at > 0 and _fits_total(reihen[at - 1], total)
            break
        rows.append(reihe)
    rows.reverse()
    if not 2 <= len(rows) <= MAX_LISTE:
        return
    # a label line with rows of the same kind above it: a row label a PDF wrapped, which rows belong is a guess
    marked = (bool(total.label) or total.zeile.fett) and not wrapped
    for column, result in enumerate(total.werte):
        if rate and result.einheit == "%":
            continue
        members = [(r, r.werte[column]) for r in rows if r.werte]
        if len(members) < 2:
            continue
        best = _best_start(members, result)
        members = members[best:]
        signs = [r.wert(z) for r, z in members]
        shown = (
            written_sum([z for _, z in members], signs)
            if len(members) <= 6
            else f"Summe der {len(members)} Werte {members[0][1].betrag()} … {members[-1][1].betrag()}"
        )
        art = "Summe der Liste darüber" if width == 1 else f"Spaltensumme (Spalte {column + 1})"
        if total.label:
            art += f" in der Zeile „{total.label}“"
        found.append(
            Rechnung(
                art,
                "summe",
                [Fund(r.zeile, z) for r, z in members],
                Fund(total.zeile, result),
                shown,
                betrag=False,
                vorzeichen=signs,
                sicher=marked,
                typ="listensumme" if width == 1 else "spaltensumme",
            )
        )


def _fits_total(reihe: Reihe, total: Reihe) -> bool:
    return len(reihe.werte) == len(total.werte) and all(_same_kind(a, b) for a, b in zip(reihe.werte, total.werte))


def _best_start(members: list[tuple[Reihe, Zahl]], result: Zahl) -> int:
    """A list may begin below the first row that looks like one: the longest run that adds up. One pass: the
    sum from `start` on is the whole sum less what lies before it."""
    rest = sum(r.wert(z) * abs(z.wert) for r, z in members)
    for start in range(len(members) - 1):
        if rest == result.wert:
            return start
        row, zahl = members[start]
        rest -= row.wert(zahl) * abs(zahl.wert)
    return 0


def _same_kind(a: Zahl, b: Zahl) -> bool:
    return a.einheit == b.einheit and (a.einheit or a.stellen == b.stellen)
