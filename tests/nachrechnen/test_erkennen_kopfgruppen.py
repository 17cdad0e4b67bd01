"""erkennen/kopfgruppen.py: a table flattened to one line a row under a head in words whose columns come in groups,
each closed by „Gesamt“ (b01 of the Zusatz: „Beamt_innen Beschäftigte Gesamt 2019/2020 Beamt_innen Beschäftigte
Gesamt 2021/22“) – each group's total is the sum of its parts. Expected values with Fraction."""

from __future__ import annotations

from fractions import Fraction

import pytest

from tests.hilfen.nachrechnen import by_status, check, erkannt, write
from tests.referenz.rechnen import zahl

KOPF = "Stellen im Amt Beamt_innen Beschäftigte Gesamt 2019/2020 Beamt_innen Beschäftigte Gesamt 2021/22\n"
ZEILEN = [
    ("Amt für öffentliche Ordnung", [Fraction(624, 10), Fraction(972, 10), Fraction(6545, 100), Fraction(972, 10)]),
    ("Bürgeramt", [Fraction(12), Fraction(305, 10), Fraction(13), Fraction(305, 10)]),
]


def _zeile(name: str, werte: list[Fraction], falsch: Fraction = Fraction(0)) -> str:
    a, b, c, d = werte
    return f"{name} {zahl(a, 2)} {zahl(b, 2)} {zahl(a + b + falsch, 2)} {zahl(c, 2)} {zahl(d, 2)} {zahl(c + d, 2)}\n"


def test_each_group_of_a_row_is_the_sum_of_its_parts(tmp_path, capsys):
    text = KOPF + "".join(_zeile(n, w) for n, w in ZEILEN)
    code, report, _ = check(capsys, write(tmp_path, "k.txt", text))
    found = by_status(report, "stimmt")
    assert code == 0 and len(found) == 4
    assert {f["erkannt"] for f in found} == {"Gesamtspalte jeder Spaltengruppe (Kopf „… Gesamt … Gesamt“)"}
    expected = sorted(x + y for _, w in ZEILEN for x, y in (w[:2], w[2:]))
    assert sorted(Fraction(f["werte"]["nachgerechnet"]) for f in found) == expected


def test_a_group_that_misses_is_a_slip_where_the_others_hold(tmp_path, capsys):
    falsch = Fraction(1, 10)
    name, werte = ZEILEN[0]
    text = KOPF + _zeile(name, werte, falsch) + "".join(_zeile(n, w) for n, w in ZEILEN[1:])
    code, report, _ = check(capsys, write(tmp_path, "k.txt", text))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 2
    assert Fraction(slip["werte"]["getippt"]) == werte[0] + werte[1] + falsch
    assert Fraction(slip["werte"]["nachgerechnet"]) == werte[0] + werte[1]


def test_with_only_one_other_group_holding_a_miss_is_not_claimed(tmp_path, capsys):
    # one row, two groups: „Gesamt“ may mean something else – what fails is left open
    name, werte = ZEILEN[0]
    code, report, _ = check(capsys, write(tmp_path, "k.txt", KOPF + _zeile(name, werte, Fraction(1, 10))))
    assert code == 0 and by_status(report, "Fehler") == []


@pytest.mark.parametrize(
    ("kopf", "zeile"),
    [
        ("Stellen im Amt Beamt_innen Beschäftigte Gesamt\n", "Amt 62,40 97,20 159,60 65,45 97,20 162,65\n"),
        ("Stellen\tBeamt_innen Beschäftigte Gesamt\tBeamt_innen Beschäftigte Gesamt\n", "Amt 1 2 3 4 5 9\n"),
        ("Stellen im Amt Gesamt 2019 Gesamt 2020\n", "Amt 1 2 3 4 5 9\n"),
        (KOPF, "Amt 1 2 3 4 5 9 Stellen\n"),
        (KOPF, "Amt 1 2 3 4 5 9 10 11\n"),
        (KOPF, "Amt 1 2\n"),
        (
            "Im Jahr 2021 stehen Beamt_innen Beschäftigte Gesamt 12 % Beamt_innen Beschäftigte Gesamt\n",
            "A 1 2 3 4 5 9\n",
        ),
    ],
)
def test_no_such_head_or_row_is_no_reading(tmp_path, kopf, zeile):
    assert [r for r in erkannt(tmp_path, "kopfgruppen", kopf + zeile)] == []


def test_the_rows_read_are_bounded(tmp_path):
    rows = "".join(f"Amt x{i} 1 2 3 4 5 9\n" for i in range(100))
    assert len(erkannt(tmp_path, "kopfgruppen", KOPF + rows)) == 2 * 30
