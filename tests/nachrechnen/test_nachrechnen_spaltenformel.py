"""A table stored one cell per line whose head states a column as the difference of two others, „( 4 - 1 )“
(issue 60; `spaltenformel.py`). Figures computed here with Fractions."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from tests.hilfen.nachrechnen import check, write
from tests.referenz.rechnen import zahl

ROWS = {
    "Maßnahmen Ost": [Fraction("12.40"), Fraction("13.10"), Fraction("15.75"), Fraction("14.05")],
    "Maßnahmen West": [Fraction("8.00"), Fraction("8.25"), Fraction("9.10"), Fraction("9.60")],
}


def _cell(value: Fraction) -> str:
    return ("+ " if value > 0 else "- " if value < 0 else "") + zahl(abs(value), 2)


def _table(formulas: bool = True, typed: dict[tuple[str, int], Fraction] | None = None) -> str:
    """Cells one per line with blank lines between, as a council information system stores a table."""
    typed = typed or {}
    lines = ["Kostenentwicklung je Maßnahme in Mio. €", "Maßnahme", "1", "2", "3", "4"]
    lines += ["( 4 - 1 )", "( 4 - 3 )"] if formulas else ["Stand", "Plan"]
    for label, cells in ROWS.items():
        lines += label.split(" ", 1) + [zahl(c, 2) for c in cells]
        if formulas:
            first, _, third, fourth = cells
            lines += [_cell(typed.get((label, 5), fourth - first)), _cell(typed.get((label, 6), fourth - third))]
    return "\n\n".join(lines) + "\n"


def _found(report: dict) -> list[tuple[Fraction, Fraction, str]]:
    return [
        (Fraction(Decimal(b["werte"]["getippt"])), Fraction(Decimal(b["werte"]["nachgerechnet"])), b["status"])
        for b in report["befunde"]
    ]


def test_columns_the_head_states_as_differences():
    # the figures themselves: 14,05 − 12,40 = 1,65 and 14,05 − 15,75 = −1,70; 9,60 − 8,00 = 1,60, 9,60 − 9,10 = 0,50
    (o1, _, o3, o4), (w1, _, w3, w4) = ROWS["Maßnahmen Ost"], ROWS["Maßnahmen West"]
    assert [o4 - o1, o4 - o3, w4 - w1, w4 - w3] == [
        Fraction(165, 100),
        Fraction(-170, 100),
        Fraction(160, 100),
        Fraction(50, 100),
    ]


def test_each_row_is_checked_by_the_formulas_of_its_head(capsys, tmp_path):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _table()))
    assert code == 0
    expected = [Fraction(165, 100), Fraction(170, 100), Fraction(160, 100), Fraction(50, 100)]
    assert _found(report) == [(v, v, "stimmt") for v in expected]
    assert {b["art"] for b in report["befunde"]} == {"spaltenformel"}


def test_a_cell_that_is_not_the_stated_difference_is_a_slip(capsys, tmp_path):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _table(typed={("Maßnahmen West", 5): Fraction("1.50")})))
    assert code == 1
    assert [f for f in _found(report) if f[2] == "Fehler"] == [(Fraction("1.50"), Fraction("1.60"), "Fehler")]


def test_a_sign_left_out_is_no_slip(capsys, tmp_path):
    # „1,70“ for −1,70: compared as amounts, as a page may drop the sign of a cell
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _table(typed={("Maßnahmen Ost", 6): Fraction("1.70")})))
    assert code == 0 and all(f[2] == "stimmt" for f in _found(report))


def test_numbered_columns_without_a_formula_are_not_read(capsys, tmp_path):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _table(formulas=False)))
    assert code == 0 and report["befunde"] == []


def test_an_exact_value_that_goes_on_is_shown_with_six_places_and_an_ellipsis():
    """A third of an amount has no last place: „genau 2.859,986666… €“, never 28 places."""
    from decimal import Decimal
    from fractions import Fraction

    from vorlagen.nachrechnen.lesen.zahlenlesen import _genau

    drittel = Fraction(857996, 300)  # 8.579,96 € / 3
    sechs = int(drittel * 10**6) / Fraction(10**6)  # cut after six places
    assert sechs == Fraction(2859986666, 10**6)
    assert _genau(Decimal("8579.96") / 3) == "2.859,986666…"
    assert _genau(Decimal("2.5")) == "2,5"  # an exact value that ends is shown whole
    assert _genau(Decimal("1234.123456")) == "1.234,123456"
