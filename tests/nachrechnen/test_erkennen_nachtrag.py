"""erkennen/nachtrag.py for itself: a row of a Nachtrag table – before, raised, lowered, now."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import euro, zahl


def test_a_row_of_a_nachtrag(tmp_path):
    text = (
        "| erhöht um | vermindert um | gegenüber bisher | nunmehr festgesetzt auf |\n"
        "| Gesamtbetrag der Erträge | 5.000.000 € | 700.000 € | 40.000.000 € | 44.300.000 € |\n"
    )
    (reading,) = erkannt(tmp_path, "nachtrag", text)
    parts, result = werte(reading)
    assert sorted(parts) == [Fraction(700000), Fraction(5000000), Fraction(40000000)]
    assert result == Fraction(44300000) == Fraction(40000000) + Fraction(5000000) - Fraction(700000)


# a Nachtrag over two years as a council information system stores it: the head's four columns, under each the two
# years, empty rows as „|“, and plain figures without „€“ (the unit stands once under the head)
BISHER = {
    "Erträge": (Fraction(91_951_300), Fraction(93_986_300)),
    "Aufwendungen": (Fraction(99_441_300), Fraction(100_539_900)),
}
ERHOEHT = {"Erträge": (Fraction(0), Fraction(0)), "Aufwendungen": (Fraction(0), Fraction(252_600))}
VERMINDERT = {"Erträge": (Fraction(1_731_100), Fraction(1_850_100)), "Aufwendungen": (Fraction(2_180_700), Fraction(0))}


def _zwei_jahre(
    neu: dict[str, tuple[Fraction, Fraction]], jahre: str = "| 2023 | 2024 | 2023 | 2024 | 2023 | 2024 | 2023 | 2024 |"
) -> str:
    rows = "".join(
        f"| die ordentlichen {name} | "
        + " | ".join(zahl(v, 0) for spalte in (BISHER, ERHOEHT, VERMINDERT, neu) for v in spalte[name])
        + " |\n"
        for name in BISHER
    )
    return (
        "Durch den Nachtragshaushaltsplan werden\n"
        "| die bisher festgesetzten Gesamtbeträge von | erhöht um | vermindert um | und damit festgesetzt auf |\n"
        "|\n|\n"
        f"{jahre}\n"
        "| Euro | ||||||||\n"
        "| Ergebnisplan |\n|\n|\n|\n" + rows
    )


def _richtig() -> dict[str, tuple[Fraction, Fraction]]:
    return {
        name: tuple(BISHER[name][j] + ERHOEHT[name][j] - VERMINDERT[name][j] for j in range(2))  # type: ignore[misc]
        for name in BISHER
    }


def test_a_head_over_two_years_reads_each_year_of_each_row(tmp_path):
    neu = _richtig()
    readings = erkannt(tmp_path, "nachtrag", _zwei_jahre(neu))
    got = sorted((r.ergebnis.zeile.nr, werte(r)[1], tuple(werte(r)[0])) for r in readings)
    expected = sorted(
        (zeile, neu[name][j], (BISHER[name][j], ERHOEHT[name][j], VERMINDERT[name][j]))
        for zeile, name in ((11, "Erträge"), (12, "Aufwendungen"))
        for j in range(2)
    )
    assert got == expected and all(r.sicher for r in readings)


def test_a_slip_in_one_year_of_a_two_year_nachtrag_is_a_fehler_with_its_figure(tmp_path, capsys):
    neu = _richtig()
    falsch = neu["Aufwendungen"][1] + 1_000  # 100.792.500 typed 100.793.500
    assert zahl(falsch, 0) == "100.793.500"
    neu["Aufwendungen"] = (neu["Aufwendungen"][0], falsch)
    code, report, _ = check(capsys, write(tmp_path, "n.txt", _zwei_jahre(neu)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 12 and fehler["getippt"] == "100.793.500"
    assert fehler["nachgerechnet"] == zahl(BISHER["Aufwendungen"][1] + ERHOEHT["Aufwendungen"][1], 0)


def test_years_that_do_not_repeat_under_every_column_leave_the_rows_unread(tmp_path):
    neu = _richtig()
    # one year under each column would be four figures a row; years in another order or a count that does not fit
    for jahre in (
        "| 2023 | 2024 | 2024 | 2023 | 2023 | 2024 | 2023 | 2024 |",
        "| 2023 | 2024 | 2023 | 2024 | 2023 | 2024 |",
        "| 2023 | 2023 | 2023 | 2023 | 2023 | 2023 | 2023 | 2023 |",
    ):
        assert erkannt(tmp_path, "nachtrag", _zwei_jahre(neu, jahre)) == [], jahre


def _thueringen(einnahmen_neu: Fraction) -> str:
    # the head as a Thüringer page stores it: „ver- mindert“ broken at its hyphen, empty rows „|“ between, each row
    # wrapped after its first figure; the row leaves „vermindert“ empty
    return (
        "| erhöht (+) um | ver- mindert (-) um | und damit der Gesamtbetrag des Haushaltsplans | |\n|\n|\n"
        "| gegenüber bisher | auf nunmehr verändert |\n| EUR | EUR | EUR | EUR |\n| b) im Ver- mögenshaushalt |\n"
        "|\n|\n|\n|\n"
        f"| die Einnahmen | {euro(UM_TH)} |\n| {euro(BISHER_TH)} | {euro(einnahmen_neu)} |\n"
        f"| die Ausgaben | {euro(UM_TH)} |\n| {euro(BISHER_TH)} | {euro(BISHER_TH + UM_TH)} |\n"
        "§ 2\n"
    )


BISHER_TH, UM_TH = Fraction(19_172_350), Fraction(1_200_000)


def test_a_head_with_a_word_broken_at_its_hyphen_and_empty_rows_between(capsys, tmp_path):
    code, report, _ = check(capsys, write(tmp_path, "n.txt", _thueringen(BISHER_TH + UM_TH)))
    assert code == 0
    assert [(b["zeile"], b["getippt"], b["status"]) for b in report["befunde"]] == [
        (12, euro(BISHER_TH + UM_TH), "stimmt"),
        (14, euro(BISHER_TH + UM_TH), "stimmt"),
    ]
    # a slip: which of „erhöht“ and „vermindert“ the row fills, it does not say – a doubt at the slipped figure
    falsch = BISHER_TH + UM_TH + 100_000
    code, report, _ = check(capsys, write(tmp_path, "n.txt", _thueringen(falsch)))
    doubts = [(b["zeile"], b["getippt"]) for b in by_status(report, "nicht eindeutig")]
    assert (12, euro(falsch)) in doubts
    assert [b for b in report["befunde"] if b["zeile"] == 14] and not by_status(report, "Fehler")
