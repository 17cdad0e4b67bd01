"""A row that states how the row above it changes from one column to the next (`aenderungszeile.py`, issue 60):
„Planstellen | 264,52 | 269,40“ and under it „Stellenabbau/-zuwachs | | 4,88“. Figures computed here with Fractions."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, write
from tests.referenz.rechnen import zahl

STELLEN = [Fraction(26_452, 100), Fraction(26_940, 100), Fraction(26_790, 100)]


def _tabelle(changes: list[str]) -> str:
    return (
        "| | 2022 | 2023 | 2024 |\n"
        f"| Planstellen | {' | '.join(zahl(s, 2) for s in STELLEN)} |\n"
        f"| Stellenabbau/-zuwachs | | {' | '.join(changes)} |\n"
    )


def test_a_change_row_is_the_row_above_less_the_column_before(capsys, tmp_path):
    up, down = STELLEN[1] - STELLEN[0], STELLEN[2] - STELLEN[1]
    assert up > 0 > down
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _tabelle([zahl(up, 2), zahl(down, 2)])))
    assert code == 0
    assert [(b["art"], b["zeile"], b["getippt"], b["status"]) for b in report["befunde"]] == [
        ("aenderungszeile", 3, zahl(up, 2), "stimmt"),
        ("aenderungszeile", 3, zahl(down, 2), "stimmt"),
    ]


def test_a_wrong_change_is_a_slip(capsys, tmp_path):
    up, down = STELLEN[1] - STELLEN[0], STELLEN[2] - STELLEN[1]
    typed = up - 1  # a digit off, as the Stellenplan of a real paper had it
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _tabelle([zahl(typed, 2), zahl(down, 2)])))
    assert code == 1
    assert [(b["zeile"], b["getippt"], b["nachgerechnet"]) for b in by_status(report, "Fehler")] == [
        (3, zahl(typed, 2), zahl(up, 2))
    ]


def test_a_change_typed_with_the_wrong_sign_is_a_slip_one_without_sign_is_an_amount(capsys, tmp_path):
    up, down = STELLEN[1] - STELLEN[0], STELLEN[2] - STELLEN[1]
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _tabelle([zahl(up, 2), "+" + zahl(-down, 2)])))
    assert code == 1
    assert [(b["getippt"], b["nachgerechnet"]) for b in by_status(report, "Fehler")] == [
        (zahl(-down, 2), zahl(down, 2))
    ]
    code, report, _ = check(capsys, write(tmp_path, "b.txt", _tabelle([zahl(up, 2), zahl(-down, 2)])))
    assert code == 0 and len(by_status(report, "stimmt")) == 2  # „Abbau 1,50“: typed as an amount


def test_a_change_row_stored_one_cell_per_line(capsys, tmp_path):
    up = STELLEN[1] - STELLEN[0]
    lines = ["Jahr", "2022", "2023", "Planstellen", zahl(STELLEN[0], 2), zahl(STELLEN[1], 2)]
    text = "\n".join(lines) + "\nStellenabbau/-zuwachs\n\n" + zahl(up, 2) + "\nDer Stellenplan wird beschlossen.\n"
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0
    assert [(b["art"], b["zeile"], b["getippt"]) for b in by_status(report, "stimmt")] == [
        ("aenderungszeile", 9, zahl(up, 2))
    ]


def test_a_row_that_fills_the_first_column_is_no_change_of_the_row_above(capsys, tmp_path):
    text = (
        "| | 2022 | 2023 |\n"
        f"| Planstellen | {zahl(STELLEN[0], 2)} | {zahl(STELLEN[1], 2)} |\n"
        "| Veränderung zum Vorjahr | 1,00 | 9,00 |\n"
    )
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0 and [b for b in report["befunde"] if b["art"] == "aenderungszeile"] == []
