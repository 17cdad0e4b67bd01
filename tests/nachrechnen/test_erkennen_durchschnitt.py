"""erkennen/durchschnitt.py for itself: an average row under the rows it averages (a fee's Frischwassermenge of three
years, as a new user types it), and an average column („| 2016 | 2017 | 2018 | Durchschnitt |“, e05 of the corpus's
Zusatz, a fall typed with its minus among the years). Figures with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import rund, zahl

JAHRE = [(2021, Fraction(238_950)), (2022, Fraction(235_130)), (2023, Fraction(235_120))]


def _zeilen(mittel: Fraction) -> str:
    text = "| Jahr | Frischwassermenge |\n|---|---:|\n" + "".join(f"| {j} | {zahl(m)} m³ |\n" for j, m in JAHRE)
    return text + f"| **Durchschnitt** | **{zahl(mittel)} m³** |\n"


def test_an_average_row_is_the_mean_of_the_rows_above(tmp_path, capsys):
    mittel = sum(m for _, m in JAHRE) / 3
    (reading,) = erkannt(tmp_path, "durchschnitt", _zeilen(rund(mittel)))
    assert werte(reading) == ([m for _, m in JAHRE], rund(mittel)) and rund(mittel) == 236_400
    code, report, _ = check(capsys, write(tmp_path, "d.md", _zeilen(rund(mittel) + 1_000)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 6 and Fraction(fehler["werte"]["nachgerechnet"]) == rund(mittel)


def test_an_average_column_with_a_fall_among_the_years(tmp_path):
    rows = [("Gebühren", (2_698, 2_524, 2_845)), ("Außerordentliches Ergebnis", (40, -20, 13))]
    text = "| | 2016 | 2017 | 2018 | Durchschnitt |\n|---|---|---|---|---|\n"
    text += "".join(
        f"| {name} | {' | '.join(zahl(Fraction(v)) for v in werte_)} | {zahl(rund(Fraction(sum(werte_), 3)))} |\n"
        for name, werte_ in rows
    )
    readings = erkannt(tmp_path, "durchschnitt", text)
    assert [werte(r) for r in readings] == [
        ([Fraction(v) for v in werte_], rund(Fraction(sum(werte_), 3))) for _, werte_ in rows
    ]
    assert readings[1].zeichen == "(40 − 20 + 13) / 3"


def test_rows_named_otherwise_or_a_single_row_are_not_averaged(tmp_path):
    assert erkannt(tmp_path, "durchschnitt", _zeilen(Fraction(236_400)).replace("Durchschnitt", "Summe")) == []
    single = "| Jahr | Menge |\n|---|---|\n| 2023 | 235.120 m³ |\n| Durchschnitt | 235.120 m³ |\n"
    assert erkannt(tmp_path, "durchschnitt", single) == []
