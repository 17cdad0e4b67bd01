"""erkennen/teilspalten.py for itself: a column that is the sum of three or more neighbouring columns left of it,
under a head that does not say so (set 12's paper 16, an Investitionsplanung of a Berlin Bezirk in T€: „GK neu“ is
the costs of 2024, 2025 and 2026 ff.). Every expected value is worked out here with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import zahl

MASSNAHMEN = {  # GK bisher, costs 2024, 2025, 2026 ff.
    "1 Grundschule am Fließ": (Fraction(18_450), Fraction(2_300), Fraction(6_850), Fraction(10_120)),
    "2 Kita Wiesengrund": (Fraction(7_820), Fraction(1_150), Fraction(4_400), Fraction(2_915)),
    "3 Sporthalle Uferweg": (Fraction(3_960), Fraction(2_480), Fraction(1_205), Fraction(0)),
    "4 Grünzug Spreebogen": (Fraction(2_740), Fraction(420), Fraction(1_380), Fraction(1_115)),
    "6 Jugendclub Tiefer Graben": (Fraction(4_230), Fraction(310), Fraction(1_960), Fraction(2_290)),
}


def _tabelle(rows: dict[str, tuple[Fraction, ...]], neu: dict[str, Fraction] | None = None) -> str:
    text = "Maßnahme                          GK bisher       2024       2025   2026 ff.     GK neu\n"
    for name, (alt, *jahre) in rows.items():
        gesamt = (neu or {}).get(name, sum(jahre))
        text += name.ljust(32) + "".join(zahl(v, 0).rjust(11) for v in (alt, *jahre, gesamt)) + "\n"
    return text


def test_the_new_total_is_the_sum_of_the_years_in_every_row(tmp_path):
    readings = erkannt(tmp_path, "teilspalten", _tabelle(MASSNAHMEN))
    assert [werte(r) for r in readings] == [(list(jahre), sum(jahre)) for _, *jahre in MASSNAHMEN.values()]


def test_a_row_off_where_four_hold_is_a_slip(tmp_path, capsys):
    name = "4 Grünzug Spreebogen"
    right = sum(MASSNAHMEN[name][1:])
    code, report, _ = check(capsys, write(tmp_path, "t.txt", _tabelle(MASSNAHMEN, {name: right + 90})))
    (slip,) = [b for b in by_status(report, "Fehler") if b["art"] == "teilspalten"]
    assert code == 1 and slip["zeile"] == 5 and Fraction(slip["werte"]["nachgerechnet"]) == right


def test_a_row_off_where_three_hold_is_a_doubt(tmp_path, capsys):
    rows = dict(list(MASSNAHMEN.items())[:4])
    name = "2 Kita Wiesengrund"
    code, report, _ = check(capsys, write(tmp_path, "t.txt", _tabelle(rows, {name: sum(rows[name][1:]) + 90})))
    assert code == 0 and [b["zeile"] for b in by_status(report, "nicht eindeutig") if b["art"] == "teilspalten"] == [3]


def test_two_runs_of_columns_that_give_the_column_leave_it_unread(tmp_path):
    # a column of zeros after the years („später“): the years alone and the years with it both give „GK neu“
    text = "Maßnahme                          GK bisher       2024       2025   2026 ff.     später     GK neu\n"
    for name, (alt, *jahre) in MASSNAHMEN.items():
        cells = (alt, *jahre, Fraction(0), sum(jahre))
        text += name.ljust(32) + "".join(zahl(v, 0).rjust(11) for v in cells) + "\n"
    assert erkannt(tmp_path, "teilspalten", text) == []


def test_columns_that_add_up_by_chance_in_too_few_rows_are_not_read(tmp_path):
    rows = {name: (alt, a, b, c) for name, (alt, a, b, c) in MASSNAHMEN.items()}
    neu = {name: sum(jahre) + 1 for name, (_, *jahre) in list(rows.items())[2:]}  # three of five rows miss
    assert erkannt(tmp_path, "teilspalten", _tabelle(rows, neu)) == []
