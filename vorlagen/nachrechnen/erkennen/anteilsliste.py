"""A list of amounts, each with its share of the whole in percent: „01 Steuern und ähnliche Abgaben / 630,55 €
(63,06%)“, „Gemeinde Ascheberg | 16.353 | 42,89 %“, a chart's legend stored one figure per line („1.394,38 €“ over
„82,64%“) – each percentage is its amount in percent of all the list's amounts together, or of the row that the
list calls 100 % where that row is their sum. A list of expenses a budget page shows with their minus
(„-7.091.804 €“ over „33,61%“) is read as such a list: each share is its expense in percent of all together. The
amounts of a list have one sign: a small refund among expenses would leave the others' shares holding and its own
miss, a slip claimed of a list that is read wrong.

A pair is a percentage and the figure right before it – in its line with nothing but a unit, a bracket or a cell
mark between, or, where the percentage stands alone on its line, at the end of the line above; in a row that opens
with a percentage, the figure right after it. Pairs a few lines
apart at most form a list. It is read only where it is one: all of its shares hold but one at most, three at least
(or two of three: then the one that misses is „nicht eindeutig“), and they add up to 100 as far as their rounding
allows (the one that misses counted as it should be). Then that one is a slip – or, where it misses by one step of its
rounding, „nicht eindeutig“ (a list may round one share the other way to reach 100 %). Every
look is bounded: the lines between two pairs, the pairs of a list."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from vorlagen.core.money import round_half_up
from vorlagen.nachrechnen.aufbau import gerundet
from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.aufbau.spaltenkopf import given_in_percent
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, short_sum
from vorlagen.nachrechnen.lesen.zeile import Zeile, line_above
from vorlagen.nachrechnen.woerter import PERCENT_CELL

_GAP = 5  # lines from one pair to the next of the same list, at most
_MAX_PAIRS = 60  # pairs of one list, at most
_MIN_PAIRS = 3
_FEW = "nur zwei Anteile der Liste stimmen: zu wenige, um den dritten sicher einen Fehler zu nennen"
_LINES_ABOVE = 2  # lines back to the amount of a percentage that stands alone on its line
_BETWEEN = re.compile(r"[\s€|()\[\]=:;,/–—-]*(?:EUR|Euro|€|T€|TEUR)?[\s|()\[\]=:;,/–—-]*")  # „ € (“, „ EUR    “, „ | “
_HUNDRED = Decimal(100)
_HEAD_REACH = 400  # lines under such a head, at most
_SENTENCE_WORDS = 10  # a line of more words is running text: the table has ended
_TOTAL = re.compile(r"\b(?:GESAMT|INSGESAMT|SUMME|Gesamt|Insgesamt|Summe)|(?:summe|gesamt)\W*$")

_Paar = tuple[Fund, Fund]  # the amount, its percentage


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    keyed = {r.ergebnis.key for r in prior if r.typ == "schluesselanteile"}
    found: list[Rechnung] = []
    where = {id(zeile): index for index, zeile in enumerate(zeilen)}  # a line's index, found once
    for liste in _lists(zeilen, where):
        # 100 % may be a column's sum; amounts read by their keys (schluesselanteile.py) are no list of shares
        if not any(p.key in taken for _, p in liste if p.zahl.wert != _HUNDRED) and not any(
            a.key in keyed for a, _ in liste
        ):
            readings = _read(liste)
            total = _total_above(zeilen, where, liste) if readings and _whole(liste)[0] is None else None
            found += readings + ([_sum(liste, total)] if total is not None and total.key not in taken else [])
    return found


def _total_above(zeilen: list[Zeile], where: dict[int, int], liste: list[_Paar]) -> Fund | None:
    """„ERTRÄGE GESAMT 252.737.843 €“ over the list's first item and its label: the first line above with a figure of
    the items' unit, `_GAP` lines up at most, where that is its only figure and the line calls it a total."""
    first = liste[0][0]
    index = where[id(first.zeile)]
    for zeile in reversed(zeilen[max(0, index - _GAP) : index]):
        unit = [z for z in zeile.zahlen if (z.einheit, z.skala) == (first.zahl.einheit, first.zahl.skala)]
        if not unit:
            continue  # the item's label („• 05 Steuern …“): its number is no amount
        if len(zeile.zahlen) != 1:
            return None
        return Fund(zeile, unit[0]) if _TOTAL.search(zeile.text[: unit[0].start]) else None
    return None


def _sum(liste: list[_Paar], total: Fund) -> Rechnung:
    """The items of a list whose shares make 100 % add up to the total named above them: all its parts are there."""
    amounts = [a for a, _ in liste]
    return Rechnung(
        "Summe über einer Liste mit Anteilen",
        "summe",
        amounts,
        total,
        short_sum([a.zahl for a in amounts], [1] * len(amounts)),
        betrag=True,
        typ="anteilsliste",
    )


def _lists(zeilen: list[Zeile], where: dict[int, int]) -> list[list[_Paar]]:
    """The pairs of the document, grouped into runs whose neighbours stand `_GAP` lines apart at most – under a head
    „in %“, `_GAP` lines with text (a page that stores a table one cell per line puts a blank line between cells).
    Pairs of a table's cell „in %“ form runs of their column („2016 in Mio. € | in % | Zuwachs in Mio. € | in %“:
    shares and growth rates in the same rows are two lists, or none)."""
    lists: list[list[_Paar]] = []
    runs: dict[int | None, tuple[list[_Paar], Zeile]] = {}  # per cell „in %“ (None: any other pair), its run
    column = _percent_column(zeilen)
    cells = _percent_cells(zeilen)
    text_lines = [0]
    for zeile in zeilen:
        text_lines.append(text_lines[-1] + bool(zeile.text.strip()))
    for index, zeile in enumerate(zeilen):
        tagged = [(pair, None) for pair in _pairs(zeilen, index, index in column)]
        for pair, tag in tagged + _cell_pairs(zeile, cells.get(index, frozenset())):
            current, last = runs.get(tag, ([], None))
            if last is not None and index in column and where[id(last)] in column:
                apart = text_lines[index] - text_lines[where[id(last)] + 1]  # lines with text between the two
                near = last.seite == zeile.seite and apart < _GAP
            else:
                near = last is not None and last.seite == zeile.seite and zeile.nr - last.nr <= _GAP
            closed = len(current) > 1 and current[-1][1].zahl.wert == _HUNDRED  # the row of 100 % under its items
            if not near or closed or len(current) >= _MAX_PAIRS:
                lists.append(current)
                current = []
            current.append(pair)
            runs[tag] = (current, zeile)
    lists += [current for current, _ in runs.values()]
    return [liste for liste in lists if len(liste) >= _MIN_PAIRS]


def _percent_cells(zeilen: list[Zeile]) -> dict[int, frozenset[int]]:
    """The lines of a table typed in cells under a row that names cells „in %“ („Finanzwirtschaft | in Mio. € | in %“),
    each with those cells – up to a sentence, two blank lines, the next such row or `_HEAD_REACH` lines."""
    cells_of: dict[int, frozenset[int]] = {}
    index = 0
    while index < len(zeilen):
        heads = _percent_heads(zeilen[index].text)
        if not heads:
            index += 1
            continue
        blanks, below = 0, index + 1
        while below < min(len(zeilen), index + 1 + _HEAD_REACH):
            text = zeilen[below].text
            if not text.strip():
                blanks += 1
                if blanks > 1:
                    break
            elif _percent_heads(text) or "\t" not in text and len(text.split()) > _SENTENCE_WORDS:
                break
            else:
                blanks = 0
                cells_of[below] = heads
            below += 1
        index = below
    return cells_of


def _percent_heads(text: str) -> frozenset[int]:
    """The cells of a line typed in cells that name a column in percent („%“, „Anteil in %“, „Anteil an den
    Gesamtausgaben in %“)."""
    if "\t" not in text:
        return frozenset()
    cells = text.split("\t")
    return frozenset(
        i for i, cell in enumerate(cells) if PERCENT_CELL.fullmatch(cell.strip()) or given_in_percent(cell)
    )


def _cell_pairs(zeile: Zeile, cells: frozenset[int]) -> list[tuple[_Paar, int]]:
    """In a row under a head „in %“: each share typed without its unit in such a cell („1.300 | 76“), with the one
    figure of the cell before it (shares typed with „%“ pair as any others do)."""
    if not cells:
        return []
    by_cell = zeile.zahlen_je_zelle
    pairs = []
    for cell in sorted(c for c in cells if 0 < c < len(by_cell)):
        rates, amounts = by_cell[cell], by_cell[cell - 1]
        if len(rates) != 1 or len(amounts) != 1 or rates[0].einheit != "" or not 0 <= rates[0].wert <= _HUNDRED:
            continue
        if amounts[0].einheit not in ("", "€") or amounts[0].wert <= 0:
            continue
        pairs.append(((Fund(zeile, amounts[0]), Fund(zeile, replace(rates[0], einheit="%"))), cell))
    return pairs


def _percent_column(zeilen: list[Zeile]) -> set[int]:
    """The lines under a head „in %“ (or „%“, „Anteil in %“) that stands alone on its line: a page's table one cell
    per line, whose shares are typed without their unit – up to a sentence or `_HEAD_REACH` lines."""
    lines: set[int] = set()
    for index, zeile in enumerate(zeilen):
        if not PERCENT_CELL.fullmatch(zeile.text.strip()):
            continue
        for below in range(index + 1, min(len(zeilen), index + 1 + _HEAD_REACH)):
            if below in lines or len(zeilen[below].text.split()) > _SENTENCE_WORDS:
                break
            lines.add(below)
    return lines


def _rate(zahl: Zahl, alone: bool, in_column: bool) -> Zahl | None:
    """The figure as a percentage: typed with „%“ – or, alone on its line in a column „in %“, a share typed with
    decimals and no unit („44,2“)."""
    if zahl.einheit == "%":
        return zahl if zahl.wert >= 0 else None
    if in_column and alone and zahl.einheit == "" and "," in zahl.text and 0 <= zahl.wert <= _HUNDRED:
        return replace(zahl, einheit="%")
    return None


def _pairs(zeilen: list[Zeile], index: int, in_column: bool = False) -> list[_Paar]:
    """Each percentage of the line with the figure right before it – or, in a row that opens with a percentage („45,50
    % | 123.456 €“), with the figure right after it. In a column „in %“ the amount of a share alone on its line may
    be any figure (the column beside it is in euros: „72“)."""
    zeile = zeilen[index]
    figures = zeile.zahlen
    pairs = []
    rate_first = len(figures) > 1 and figures[0].einheit == "%"
    for i, figure in enumerate(figures):
        alone = len(figures) == 1 and not zeile.text[: figure.start].strip() and not zeile.text[figure.ende :].strip()
        rate = _rate(figure, alone, in_column)
        if rate is None:
            continue
        if rate_first:
            after = figures[i + 1] if i + 1 < len(figures) else None
            if after is not None and _amount(after) and _BETWEEN.fullmatch(zeile.text, rate.ende, after.start):
                pairs.append((Fund(zeile, after), Fund(zeile, rate)))
        elif i:
            before = figures[i - 1]
            if _amount(before) and _BETWEEN.fullmatch(zeile.text, before.ende, rate.start):
                pairs.append((Fund(zeile, before), Fund(zeile, rate)))
        elif len(figures) == 1 and not zeile.text[: rate.start].strip() and index:
            above = line_above(zeilen, index, _LINES_ABOVE)
            last = above.zahlen[-1] if above is not None and above.zahlen else None
            amount = last is not None and (_amount(last) or in_column and last.einheit == "" and last.wert > 0)
            if above is not None and last is not None and amount and _ends_with(above, last):
                pairs.append((Fund(above, last), Fund(zeile, rate)))
    return pairs


def _ends_with(zeile: Zeile, zahl: Zahl) -> bool:
    """The line ends with the figure, its unit after it at most."""
    return _BETWEEN.fullmatch(zeile.text, zahl.ende, len(zeile.text)) is not None


def _amount(zahl: Zahl) -> bool:
    """A figure a share may be of: an amount in euros (an expense with its minus too), or a count typed with a group
    or decimal mark („16.353“)."""
    if zahl.einheit == "€":
        return True
    return zahl.einheit == "" and zahl.wert > 0 and ("." in zahl.text or "," in zahl.text)


def _read(liste: list[_Paar]) -> list[Rechnung]:
    """The list's readings, where it is one (see above); none otherwise."""
    amounts = [a for a, _ in liste]
    if len({(a.zahl.einheit, a.zahl.skala) for a in amounts}) != 1 or len({a.zahl.wert < 0 for a in amounts}) != 1:
        return []  # units of one kind, amounts of one sign: a refund among expenses has no share of their sum
    whole, items = _whole(liste)
    if whole is None and len(items) < _MIN_PAIRS:
        return []
    total = whole.zahl.wert if whole is not None else sum(a.zahl.wert for a, _ in items)
    if not total:
        return []
    computed = [round_half_up(a.zahl.wert / total * 100, p.zahl.schritt) for a, p in items]
    misses = [i for i, ((_, rate), value) in enumerate(zip(items, computed, strict=True)) if value != rate.zahl.wert]
    # two that hold of three: the one that misses is a doubt (too few shares show the list for a slip)
    few = len(items) - len(misses) < _MIN_PAIRS
    if len(misses) > 1 or few and (len(items) < _MIN_PAIRS or len(items) - len(misses) < _MIN_PAIRS - 1):
        return []
    if few and any(abs(computed[i] - items[i][1].zahl.wert) <= items[i][1].zahl.schritt for i in misses):
        return []  # two of three, the third a step of its rounding off: a list rounded to make 100 %, or none
    # the shares make up the whole, the one that misses as it should be: else a list of some, or of something else
    shares = [value if i in misses else rate.zahl.wert for i, ((_, rate), value) in enumerate(zip(items, computed))]
    if abs(sum(shares) - _HUNDRED) > gerundet.sum_allowance([p.zahl for _, p in items]):
        return []
    return [
        _reading(amount, rate, items, whole, value if i in misses else None, few)
        for i, ((amount, rate), value) in enumerate(zip(items, computed, strict=True))
    ]


def _whole(liste: list[_Paar]) -> tuple[Fund | None, list[_Paar]]:
    """The row the list calls 100 % where its amount is the sum of the others (a total row above or below the
    items), and the items; else no such row and every pair an item."""
    hundred = [(amount, rate) for amount, rate in liste if rate.zahl.wert == _HUNDRED]
    for amount, rate in hundred:
        others = [(a, p) for a, p in liste if (a, p) != (amount, rate)]
        if sum(a.zahl.wert for a, _ in others) == amount.zahl.wert:
            return amount, others
    if len(hundred) == 1 and hundred[0] == liste[-1]:
        # the row under the items that the list calls 100 %, its amount not their sum (a slip the column sum
        # reports): still the whole each share is of
        return hundred[0][0], liste[:-1]
    return None, liste


def _reading(
    amount: Fund, rate: Fund, items: list[_Paar], whole: Fund | None, missed: Decimal | None, few: bool = False
) -> Rechnung:
    """The reading of one share; `missed`: the share as it should be, where the typed one misses it; `few`: only two
    shares hold."""
    if whole is not None:
        teile, zeichen = [amount, whole], f"{amount.zahl.betrag()} / {whole.zahl.betrag()}"
    else:
        teile = [amount, *(a for a, _ in items)]
        zeichen = f"{amount.zahl.betrag()} / (Summe der {len(items)} Beträge der Liste)"
    one_step = missed is not None and abs(missed - rate.zahl.wert) <= rate.zahl.schritt
    return Rechnung(
        "Anteil an der Summe einer Liste",
        "quote",
        teile,
        rate,
        zeichen,
        sicher=not (one_step or few),
        grund=(
            "die übrigen Anteile der Liste stimmen; um eine Stelle der Rundung daneben kann ein Anteil sein, den die "
            "Liste andersherum gerundet hat, damit alle zusammen 100 % ergeben"
            if one_step
            else _FEW
            if few
            else ""
        ),
        rang=1,
        typ="anteilsliste",
    )
