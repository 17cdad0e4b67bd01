"""erkennen/nachtragstapel.py (issue 60): a Nachtrag table a page stored column by column – the items' labels in one
cell, all figures of a column in the next („1.460.760 2.061.532 - 600.772“), as an Amtsblatt renders it. Every figure
here is computed with Fractions; the expected figures are never taken from the program."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import zahl

ERTRAEGE, AUFWAND = Fraction(8_400_120), Fraction(9_100_450)
MEHR_ERTRAEGE, MEHR_AUFWAND = Fraction(310_500), Fraction(72_250)
HEAD = (
    "| erhöht um | vermindert um | und damit der Gesamtbetrag einschl. der Nachträge | |\n"
    "| gegenüber bisher | nunmehr festgesetzt auf | |||\n"
    "| EUR | EUR | EUR | EUR |\n"
)
LABEL = "a) im Ergebnishaushalt die Erträge die Aufwendungen der Saldo der Erträge und Aufwendungen"


def _spalte(values: list[Fraction]) -> str:
    """A column cell as the page sets it: the figures one after another, a minus set apart by a space."""
    return " ".join(("- " + zahl(-v) if v < 0 else zahl(v)) for v in values)


def _tabelle(neu_ertraege: Fraction | None = None) -> tuple[str, list[Fraction], list[Fraction], list[Fraction]]:
    change = [MEHR_ERTRAEGE, MEHR_AUFWAND, MEHR_ERTRAEGE - MEHR_AUFWAND]
    bisher = [ERTRAEGE, AUFWAND, ERTRAEGE - AUFWAND]
    neu = [b + c for b, c in zip(bisher, change, strict=True)]
    typed = list(neu)
    if neu_ertraege is not None:
        typed[0] = neu_ertraege
    text = HEAD + f"| {LABEL} | {_spalte(change)} |\n| {_spalte(bisher)} | {_spalte(typed)} |\n"
    return text, change, bisher, neu


def test_each_item_is_bisher_plus_its_change(tmp_path):
    text, change, bisher, neu = _tabelle()
    assert bisher[2] < 0 and neu[2] < 0  # the Saldo is a deficit: its minus stands apart in the cell
    readings = erkannt(tmp_path, "nachtragstapel", text)
    sure = [r for r in readings if r.sicher]
    items = sorted(werte(r) for r in sure if r.art.startswith("Nachtrag"))
    assert items == sorted(([b, c], n) for b, c, n in zip(bisher, change, neu, strict=True))
    saldi = sorted(werte(r) for r in sure if r.art.startswith("Saldo"))
    assert saldi == sorted(([first, second], first - second) for first, second, _ in (change, bisher, neu))


def test_the_stacked_table_holds(capsys, tmp_path):
    text, *_ = _tabelle()
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0
    assert not by_status(report, "Fehler")
    assert len([b for b in report["befunde"] if "gestapelt" in b["erkannt"]]) == 3 + 3


def test_a_new_amount_off_by_a_digit_is_a_slip(capsys, tmp_path):
    _, change, bisher, neu = _tabelle()
    typed = neu[0] + 9_000  # a digit off in the new Erträge
    text, *_ = _tabelle(typed)
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 1
    slips = {(b["zeile"], b["getippt"], b["nachgerechnet"]) for b in by_status(report, "Fehler")}
    assert (5, zahl(typed), zahl(bisher[0] + change[0])) in slips
    assert all(getippt == zahl(typed) for _, getippt, _ in slips)  # the other items hold; only the slip is named


def test_figures_that_merely_stand_together_under_a_nachtrag_head_are_no_slip(capsys, tmp_path):
    text = HEAD + (
        "| Seiten und Jahre des Plans | 12 2023 2141.54001 |\n"  # a page, a year, a Haushaltsstelle
        "| 1.500 2.750 - 300 | 4.100 9.999 77 |\n"  # amounts side by side, no column adds up
    )
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0
    assert not by_status(report, "Fehler")
    assert not [r for r in erkannt(tmp_path, "nachtragstapel", text) if r.sicher]


def test_stacked_cells_without_a_nachtrag_head_are_left_alone(tmp_path):
    text = (
        "| Jahr | 2023 | 2024 | 2025 |\n"
        "| die Erträge die Aufwendungen der Saldo | 1.000 400 600 |\n"
        "| 2.000 900 1.100 | 3.000 1.300 1.700 |\n"
    )
    assert erkannt(tmp_path, "nachtragstapel", text) == []


def test_a_stacked_table_with_one_column_left_empty_of_two_changes_reads_the_one_that_holds(tmp_path):
    """„vermindert um“ empty: the cells fill bisher, erhöht and nunmehr; the reading with „vermindert“ would not hold."""
    text, change, bisher, neu = _tabelle()
    readings = [r for r in erkannt(tmp_path, "nachtragstapel", text) if r.art.startswith("Nachtrag")]
    assert len(readings) == 2 * 3  # both ways the cells may fill the columns
    sure = [werte(r) for r in readings if r.sicher]
    assert sorted(sure) == sorted(([b, c], n) for b, c, n in zip(bisher, change, neu, strict=True))
    assert Fraction(bisher[0]) - change[0] != neu[0]
