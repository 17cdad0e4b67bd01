"""Amounts worked out from keys in percent, the whole not typed: „Die Umlage … wird wie folgt festgesetzt:“ over
„Ortsgemeinde Plütscheid | 30% | 150 €“, „Ortsgemeinde Feuerscheid | 30% | 150 €“, „Verbandsgemeinde Arzfeld | 20% |
100 €“, „Verbandsgemeinde Prüm | 20% | 100 €“ (aa05 of the Zusatz) – each amount is the whole times its key, so each is
another row's amount times its own key over that row's key: 150 € = 100 € × 30 % / 20 %.

Read only where the rows show it: lines next to each other (a blank line between at most), each with a key in percent
first and one amount after it, three at least; the keys are whole percentages that make exactly 100 % (a statute's
keys; keys with decimals, „30,89 %“, are shares rounded from the amounts, and anteilsliste.py reads them as such); and
one row, taken as the measure, gives the amounts of three rows at least and misses one at most (within the rounding of
the amounts, which is then a „Rundung“). That one is a slip where four hold, else „nicht eindeutig“. Every look is
bounded: the rows of a list, and the pairs of rows compared."""

from __future__ import annotations

from decimal import Decimal

from vorlagen.nachrechnen.aufbau.gerundet import parts_rounded
from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl
from vorlagen.nachrechnen.lesen.zeile import Zeile

_MIN_ROWS, _MAX_ROWS = 3, 40
_MIN_HOLD, _SURE_HOLD = 3, 4
_HUNDRED = Decimal(100)
_HALF = Decimal("0.5")
_GRUND = "die Zeilen zeigen den Schlüssel nur in drei Zeilen"
_AMOUNTS_ROUNDED = parts_rounded("und der Betrag, an dem gemessen wird, ist selbst gerundet")

_Row = tuple[Zeile, Zahl, Zahl]  # the line, its key, its amount


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    found: list[Rechnung] = []
    for rows in _lists(zeilen):
        if _MIN_ROWS <= len(rows) <= _MAX_ROWS and _keys(rows):
            found += _read(rows, taken)
    return found


def _row(zeile: Zeile) -> tuple[Zahl, Zahl] | None:
    """The key and the amount of a line that holds those two figures only, the key first."""
    figures = [z for z in zeile.zahlen if z.tiefe == 0]
    if len(figures) != 2:
        return None
    key, amount = figures
    plain = amount.einheit == "" and ("." in amount.text or "," in amount.text)
    if key.einheit != "%" or key.wert <= 0 or not (amount.einheit == "€" or plain) or amount.wert <= 0:
        return None
    return key, amount


def _lists(zeilen: list[Zeile]) -> list[list[_Row]]:
    lists: list[list[_Row]] = []
    current: list[_Row] = []
    blanks = 0
    for zeile in zeilen:
        if not zeile.text.strip():
            blanks += 1
            if blanks > 1:
                lists.append(current)
                current = []
            continue
        blanks = 0
        pair = _row(zeile)
        if pair is None or current and (pair[1].einheit, pair[1].skala) != (current[0][2].einheit, current[0][2].skala):
            lists.append(current)
            current = []
        if pair is not None:
            current.append((zeile, *pair))
    lists.append(current)
    return lists


def _half(zahl: Zahl) -> Decimal:
    return zahl.schritt * _HALF


def _keys(rows: list[_Row]) -> bool:
    """Whole percentages that make exactly 100 %."""
    whole = all(not key.stellen for _, key, _ in rows)
    return whole and sum((key.wert for _, key, _ in rows), Decimal(0)) == _HUNDRED


def _allowance(measure: _Row, row: _Row) -> Decimal:
    """How far a row's amount may stand from the measure's amount times the ratio of the keys, by the rounding of
    the amounts: half a step of its own and the measure's half step carried over."""
    return _half(row[2]) + _half(measure[2]) * row[1].wert / measure[1].wert


def _holds(measure: _Row, row: _Row) -> bool:
    expected = measure[2].wert * row[1].wert / measure[1].wert
    return abs(expected - row[2].wert) <= _allowance(measure, row)


def _read(rows: list[_Row], taken: set) -> list[Rechnung]:
    """The readings by the row that gives the most others (the first of equals), where it gives three at least
    and misses one at most."""
    best, agreeing = None, 0
    for measure in rows:
        count = sum(1 for row in rows if row is not measure and _holds(measure, row))
        if count > agreeing:
            best, agreeing = measure, count
    misses = len(rows) - 1 - agreeing
    if best is None or agreeing + 1 < _MIN_HOLD or misses > 1:
        return []
    sure = agreeing + 1 >= _SURE_HOLD
    holding = [best, *(row for row in rows if row is not best and _holds(best, row))]
    found = []
    for row in rows:
        # the measure: the best row, or another that holds – one with another key where there is one (150 € as
        # 150 € × 30 % / 30 % says little)
        others = [m for m in holding if m is not row]
        measure = next((m for m in others if m[1].wert != row[1].wert), others[0])
        zeile, key, amount = row
        if Fund(zeile, amount).key in taken:
            continue
        m_zeile, m_key, m_amount = measure
        found.append(
            Rechnung(
                f"Betrag nach seinem Schlüssel, gemessen an Z. {m_zeile.in_datei()} ({m_amount.zeige()} für {m_key.zeige()})",
                "schluessel",
                [Fund(m_zeile, m_amount), Fund(zeile, key), Fund(m_zeile, m_key)],
                Fund(zeile, amount),
                f"{m_amount.zeige()} × {key.zeige()} / {m_key.zeige()}",
                sicher=sure,
                grund="" if sure else _GRUND,
                typ="schluesselanteile",
                toleranz=_allowance(measure, row) - _half(amount),
                rundungsgrund=_AMOUNTS_ROUNDED,
            )
        )
    return found
