"""A table that distributes its total by a key column: a Schulverband's Umlage „Gemeinde Talhausen | 6.873 | 27,44 |
237.085“ under „Einwohner | Anteil in % | Umlage 2025 in €“, with a row „Summe | 25.047 | 100,00 | 864.000“. Each
amount is the total of its column times the row's key over the total of the keys, rounded as it is typed.

Read where the rows show it: a run of rows of as many figures closed by a total row („Summe“, „Gesamt“,
„insgesamt“), the key column's rows adding up to its total exactly; every row but one at most holds – a slip where
three hold, else „nicht eindeutig“; one step of its rounding off is „nicht eindeutig“ (a distribution rounds some
shares the other way so that they add up to the total). A column whose total is 100 gives each row's share of the key
column in percent („Anteil in %“ two columns right of the amounts it is a share of). Two key columns giving the same amounts: the one not in
percent is read (its figures are exact); the key stands left of the column it distributes. Each run looks at a bounded number of column pairs."""

from __future__ import annotations

from itertools import combinations

from vorlagen.core.money import round_half_up
from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.aufbau.reihe import Reihe
from vorlagen.nachrechnen.erkennen.spaltenbeziehung import runs
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl
from vorlagen.nachrechnen.woerter import TOTAL_ROW_START

_MIN_ROWS = 3  # rows of the distribution, the total row not counted
_SURE = 3  # rows that hold for the one that misses to be a slip
# the doubts of a distribution (also schluesselganzes.py, umlageschluessel.py)
ONE_STEP = "um eine Stelle der Rundung daneben kann ein Anteil sein, den die Verteilung andersherum gerundet hat"
FEW = "die Verteilung ist aus zu wenigen Zeilen erschlossen"


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    found: list[Rechnung] = []
    for run in runs(reihen, any_units=True, min_width=2):  # a key and its amount
        *rows, (total_row, totals) = run
        if len(rows) < _MIN_ROWS or not TOTAL_ROW_START.match(total_row.label):
            continue
        width = len(totals)
        readings: dict[int, tuple[int, list[bool | None]]] = {}
        for key, amount in combinations(range(width), 2):  # the key stands left of what it distributes
            verdicts = _verdicts(rows, totals, key, amount)
            if verdicts is not None and (amount not in readings or _percent(totals[readings[amount][0]])):
                readings[amount] = (key, verdicts)  # of two keys, one in percent yields to the exact one
        for amount, (key, verdicts) in readings.items():
            found += _readings(rows, (total_row, totals), key, amount, verdicts, taken)
    return found


def _percent(total: Zahl) -> bool:
    """A column of shares in percent: typed with „%“, or summing to 100 (a head „Anteil in %“ over plain figures)."""
    return total.einheit == "%" or total.wert == 100


def _verdicts(
    rows: list[tuple[Reihe, list[Zahl]]], totals: list[Zahl], key: int, amount: int
) -> list[bool | None] | None:
    """Each row's verdict where the rows show the amount column distributed by the key column; else None."""
    keys = [values[key].wert for _, values in rows]
    if totals[key].wert <= 0 or sum(keys) != totals[key].wert or any(k < 0 for k in keys):
        return None  # the key column adds up to its total, or it is no key
    if totals[amount].wert <= 0 or sum(1 for k in keys if k) < _MIN_ROWS:
        return None
    verdicts: list[bool | None] = []
    for _, values in rows:
        exact = totals[amount].wert * values[key].wert / totals[key].wert
        verdicts.append(round_half_up(exact, values[amount].schritt) == values[amount].wert)
    holding = verdicts.count(True)
    if holding < 2 or len(verdicts) - holding > 1 or all(values[amount].wert == values[key].wert for _, values in rows):
        return None
    return verdicts


def _readings(
    rows: list[tuple[Reihe, list[Zahl]]],
    total: tuple[Reihe, list[Zahl]],
    key: int,
    amount: int,
    verdicts: list[bool | None],
    taken: set,
) -> list[Rechnung]:
    total_row, totals = total
    sure = verdicts.count(True) >= _SURE
    found = []
    for reihe, values in rows:
        share = reihe.fund(values[amount])
        if share.key in taken:
            continue
        exact = totals[amount].wert * values[key].wert / totals[key].wert
        rounded = round_half_up(exact, values[amount].schritt)
        one_step = abs(rounded - values[amount].wert) == values[amount].schritt
        doubt = not sure or one_step
        grund = ONE_STEP if one_step else FEW if doubt else ""
        key_fund, keys_fund = reihe.fund(values[key]), total_row.fund(totals[key])
        if totals[amount].wert == 100:  # a column of shares in percent: the row's key in percent of all keys
            found.append(
                Rechnung(
                    "Anteil in Prozent an der Summe der Spalte (die Zeile der Summe nennt 100)",
                    "quote",
                    [key_fund, keys_fund],
                    share,
                    f"{values[key].betrag()} / {totals[key].betrag()} × 100",
                    sicher=not doubt,
                    grund=grund,
                    rang=1,
                    typ="schluesseltabelle",
                )
            )
            continue
        found.append(
            Rechnung(
                "Anteil nach der Schlüsselspalte der Tabelle: die Summe der Spalte mal der Schlüssel der Zeile durch "
                "die Summe der Schlüssel",
                "schluessel",
                [total_row.fund(totals[amount]), key_fund, keys_fund],
                share,
                f"{totals[amount].betrag()} × {values[key].betrag()} / {totals[key].betrag()}",
                sicher=not doubt,
                grund=grund,
                rang=1,
                typ="schluesseltabelle",
            )
        )
    return found
