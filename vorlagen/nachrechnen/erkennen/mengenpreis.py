"""A table whose rows give a count, a price per unit and their product – the table a new user types for a purchase
(„Stühle | 120 | 85,00 € | 10.200,00 €“ under „Menge | Einzelpreis | Gesamtpreis“), the staff costs of a
Stellenplan („Sachbearbeitung | 2,5 | 68.400 € | 171.000 €“: VZÄ times a Personalkostensatz), an Umlage by
Einwohner: in each row the amount right of the two is the count times the price, rounded to the cent (or whatever
precision it is typed in).

The count is a figure without a unit in every row of its column, the price and the product amounts in euros (or
figures without a unit where the head says the table is in euros, or names a factor the counts are weighted with:
„Fälle | Äquivalenzziffer | Äquivalenzzahl“ – then two rows must show it). Read only where the rows show it: a row shows it
where its count is neither 0 nor 1 (one times a price is that price, which any two equal amounts hold). Where the head
above the rows names a price per unit („Einzelpreis“, „Preis je …“, „Kostensatz“), one row that shows it is enough,
and a row that misses is a slip where one row shows it and another holds it too (its count may be 1), else „nicht
eindeutig“ – also where the one row that could show it misses and rows of a count of 1 hold. Without such a head
two rows must show it, at most one may miss, and it is a slip where three show it. A
product one step of its rounding off is „nicht eindeutig“ (the price may be rounded from a finer one; cut off instead
of rounded, the verdict says „Rundung“); so is a row that misses while its label says it is priced otherwise („(neu
ab 01.07.2025)“, „(Preis je 100 Stück)“, „abzgl. 15 % Mengenrabatt“). Where two pairs of columns give the same amounts, which is meant is open and
none is read. A head that names a count or a price per unit also keeps tabellenkopf from reading its „Gesamt“ as the
sum of the row. Each run is looked at for a bounded number of column triples: linear in the document's length.

The other way round too: an amount per unit right of an amount and a count – „Grundschulen | 1.235.640 EUR | 1.812 |
681,92 EUR“ under „Kosten | beförderte Schüler | Kosten je Schüler“ – is the amount divided by the count, rounded as
typed, read by the same rules."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from itertools import permutations

from vorlagen.core.money import round_half_up
from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.aufbau.reihe import Reihe
from vorlagen.nachrechnen.aufbau.spaltenkopf import head_cell, heads_above, words_above
from vorlagen.nachrechnen.erkennen.spaltenbeziehung import runs_at
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl
from vorlagen.nachrechnen.woerter import UNIT_PRICE_HEAD

_CENT_HEAD = re.compile(r"\bct\b|\bCent\b", re.IGNORECASE)
_EURO_HEAD = re.compile(r"(?:€|\bEUR\b|\bEuro\b)", re.IGNORECASE)
# a head naming a factor each count is weighted with: the plain figures of the factor and of the product are read as
# the price and the amount are („Fälle | Äquivalenzziffer | Äquivalenzzahl“ of a Friedhofsgebühr)
_FACTOR_HEAD = re.compile(r"Äquivalenz|Faktor|Gewichtung|Wertigkeit|Multiplikator", re.IGNORECASE)
_MIN_ROWS = 2
_TIMES, _PER = "mal", "je"  # the product of count and price; the amount per unit as amount by count
_HEAD_LOOK = 4  # lines with words looked at above a run for its head


@dataclass(frozen=True)
class _Kopf:
    preis: bool  # the head names a price per unit
    euro: bool  # the head says the amounts are in euros
    faktor: bool = False  # the head names a factor: plain figures are factors and products


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    found: list[Rechnung] = []
    for start, run in runs_at(reihen, any_units=True, min_rows=_MIN_ROWS):
        found += _read(_in_cent(reihen, start, run), _head(reihen, start), taken)
    return found


def _in_cent(reihen: list[Reihe], start: int, run: list[tuple[Reihe, list[Zahl]]]) -> list[tuple[Reihe, list[Zahl]]]:
    """The run with the plain figures of a column whose head cell names cents („Durchschnittspreis (ct/kWh)“) read in
    euros, as „31,42 ct“ is read: 0,3142 € – and then those of the columns whose head cell names euros („Kosten 2023
    (€)“) as amounts in euros (each column's head cell as spaltenkopf finds it)."""
    heads = heads_above(reihen, start)
    cells = [head_cell(heads, place) for place in run[0][0].eintraege]  # a run's rows are all values: place k is k
    cent = {k for k, cell in enumerate(cells) if _CENT_HEAD.search(cell)}
    if not cent:
        return run
    euro = {k for k, cell in enumerate(cells) if _EURO_HEAD.search(cell)}
    return [
        (reihe, [_in_euro(z, k in cent) if k in cent | euro else z for k, z in enumerate(values)])
        for reihe, values in run
    ]


def _in_euro(zahl: Zahl, cent: bool) -> Zahl:
    """A plain figure under a head in euros – or in cents: „31,42“ is 0,3142 €."""
    if zahl.einheit:
        return zahl
    if not cent:
        return replace(zahl, einheit="€")
    hundredth = Decimal("0.01")
    return replace(zahl, wert=zahl.wert * hundredth, einheit="€", schritt=zahl.schritt * hundredth, skala=hundredth)


def _head(reihen: list[Reihe], start: int) -> _Kopf:
    """What the nearest lines with words above a run say of it."""
    head = words_above(reihen, start, _HEAD_LOOK)
    faktor = bool(_FACTOR_HEAD.search(head))  # „Fälle je Jahr“ over factors names no price: rows must show it
    return _Kopf(bool(UNIT_PRICE_HEAD.search(head)) and not faktor, bool(_EURO_HEAD.search(head)), faktor)


def _read(run: list[tuple[Reihe, list[Zahl]]], kopf: _Kopf, taken: set) -> list[Rechnung]:
    width = len(run[0][1])
    units = [{values[k].einheit for _, values in run} for k in range(width)]
    counts = [k for k in range(width) if units[k] == {""}]
    plain_amounts = kopf.euro and kopf.preis or kopf.faktor
    amounts = [k for k in range(width) if units[k] == {"€"} or plain_amounts and units[k] == {""}]
    shown: dict[int, set[tuple[int, int, str]]] = {}
    for count, price, total in permutations(range(width), 3):
        placed = count in counts and price in amounts and total in amounts and total > max(count, price)
        if placed and units[price] == units[total] and _shown(run, count, price, total, kopf, _TIMES):
            shown.setdefault(total, set()).add((*_as_typed(run, count, price), _TIMES))
        # the amount per unit right of the amount and the count: „1.235.640 EUR | 1.812 | 681,92 EUR“
        if placed and units[price] == units[total] and _shown(run, count, price, total, kopf, _PER):
            shown.setdefault(total, set()).add((price, count, _PER))
    found: list[Rechnung] = []
    for total, pairs in shown.items():
        if len(pairs) == 1:  # two pairs giving the same column: which is meant is open
            found += _readings(run, *pairs.pop(), total, kopf, taken)
    return found


def _as_typed(run: list[tuple[Reihe, list[Zahl]]], count: int, price: int) -> tuple[int, int]:
    """The pair of columns as the report names it (count, price). Where neither has a unit (a head in euros), either
    may be the count: the one of whole numbers in every row, else the left one – the product reads the same."""
    if run[0][1][price].einheit:
        return count, price
    left, right = sorted((count, price))  # the same pair, whichever was tried as the count
    whole = [all(values[k].wert == int(values[k].wert) for _, values in run) for k in (left, right)]
    return (right, left) if whole == [False, True] else (left, right)


def _verdict(values: list[Zahl], count: int, price: int, total: int, op: str) -> bool | None:
    """Whether the row holds the product (or quotient); None where it shows nothing either way (a count of 0 or 1
    holds it as any amount equals itself, a negative figure is no purchase)."""
    n, p, t = values[count], values[price], values[total]
    if n.wert < 0 or p.wert < 0 or t.wert < 0:
        return None
    holds = _holds(values, count, price, total, op)
    if n.wert in (0, 1):
        return None if holds else False
    return holds


def _exact(values: list[Zahl], count: int, price: int, op: str) -> Decimal:
    """The count times the price, or the amount (in the place of the price) divided by the count."""
    n, p = values[count].wert, values[price].wert
    return n * p if op == _TIMES else p / n


def _holds(values: list[Zahl], count: int, price: int, total: int, op: str) -> bool:
    n, p, t = values[count], values[price], values[total]
    if n.wert < 0 or p.wert < 0 or op == _PER and n.wert == 0:
        return False
    return round_half_up(_exact(values, count, price, op), t.schritt) == t.wert


def _shown(run: list[tuple[Reihe, list[Zahl]]], count: int, price: int, total: int, kopf: _Kopf, op: str) -> bool:
    verdicts = [_verdict(values, count, price, total, op) for _, values in run]
    holds, misses = verdicts.count(True), verdicts.count(False)
    if kopf.preis:
        # „3 | 498,00 € | 1.467,00 €“ over two rows of one vehicle each: the one row that could show it misses, the
        # rows of a count of 1 hold – read, as a doubt (too few rows for more)
        ones = sum(1 for v, (_, values) in zip(verdicts, run, strict=True) if v is None and values[count].wert == 1)
        return holds >= 1 and misses <= holds or op == _TIMES and not holds and misses == 1 and ones >= 1
    return holds >= 2 and misses <= 1


def _readings(
    run: list[tuple[Reihe, list[Zahl]]], first: int, second: int, op: str, total: int, kopf: _Kopf, taken: set
) -> list[Rechnung]:
    count, price = (first, second) if op == _TIMES else (second, first)
    verdicts = [_verdict(values, count, price, total, op) for _, values in run]
    shows = verdicts.count(True)  # rows whose count is neither 0 nor 1
    holds = sum(1 for _, values in run if _holds(values, count, price, total, op))
    sure = shows >= 1 and holds >= 2 if kopf.preis else shows >= 3
    named = "wie der Kopf der Tabelle sagt" if kopf.preis else "so in den anderen Zeilen"
    found = []
    for reihe, values in run:
        n, p, t = values[count], values[price], values[total]
        result = reihe.fund(t)
        if result.key in taken or n.wert <= (0 if op == _PER else -1) or p.wert < 0 or t.wert < 0:
            continue
        exact = _exact(values, count, price, op)
        one_step = (
            exact != round_half_up(exact, t.schritt) and abs(round_half_up(exact, t.schritt) - t.wert) <= t.schritt
        )
        # „Sozialarbeit ASD (neu ab 01.07.2025)“, „Schrauben (Preis je 100 Stück)“, „abzgl. 15 % Mengenrabatt“: a row
        # that says it is priced otherwise is no slip where it misses
        name = row_words(reihe)  # what the row says of itself, in every cell
        remark = REMARK.search(name)
        grund = _GRUND_RUNDUNG if one_step and sure else _GRUND if not sure else ""
        if remark is not None and not grund:
            grund = f"die Zeile nennt eine Besonderheit („{name[:60]}“)"
        per = op == _PER
        found.append(
            Rechnung(
                f"Betrag je Einheit als Betrag durch Menge in der Zeile ({named})"
                if per
                else f"Anzahl mal Faktor in der Zeile ({named})"
                if kopf.faktor and not p.einheit
                else f"Menge mal Preis je Einheit in der Zeile ({named})",
                "division" if per else "produkt",
                [reihe.fund(p), reihe.fund(n)] if per else [reihe.fund(n), reihe.fund(p)],
                result,
                f"{p.betrag()} : {n.betrag()}" if per else f"{n.betrag()} × {p.betrag()}",
                sicher=not grund,
                grund=grund,
                rang=2,
                typ="mengenpreis",
            )
        )
    return found


_GRUND = "das Produkt ist aus zu wenigen Zeilen erschlossen"


def row_words(reihe: Reihe) -> str:
    """The cells of a row that hold words, as typed: „3 | MDM-Lizenz (Geräteverwaltung), 3 Jahre | 180 | 14,50 € je
    Jahr | …“ gives „MDM-Lizenz (Geräteverwaltung), 3 Jahre | 14,50 € je Jahr“ – a remark may stand in any cell, the
    price's too."""
    cells = [cell.strip() for cell in reihe.zeile.text.split("\t") if _LETTER.search(cell)]
    return " | ".join(cells) if "\t" in reihe.zeile.text else reihe.label.strip()


_LETTER = re.compile(r"[A-Za-zÄÖÜäöüß]")
REMARK = re.compile(
    r"\(|\b(?:je|pro)\s+\d|Rabatt|Nachlass|Skonto|anteilig|zeitanteilig|abzgl|abzüglich|\bab\s+\d|\bbis\s+\d|"
    r"halbjährig|Halbjahr|Monate|pauschal|psch|brutto|netto|inkl|zzgl|zuzüglich|MwSt|USt|davon|Hälfte|Drittel|Viertel|"
    r"doppelt|einmal|einmalig|Sonderzahlung|Zuschlag|je\s+(?:Jahr|Monat|Quartal)|Jahre\b",
    re.IGNORECASE,
)
_GRUND_RUNDUNG = "der Preis je Einheit kann aus einem genaueren gerundet sein"
