"""urteil/zeilenmuster.py: a total row adds the same rows in every column. A Rechnungshof table (e02 of the corpus's
Zusatz, Sachsen): „Summe Kreisfreie Städte“, three rows „davon …“, „Stichprobe kreisangehörige Kommunen“, „Summe
geprüfte Kommunen“ – in two columns the total is the first row and the Stichprobe; in the third it misses by 2, and
the third column's total was left „nicht eindeutig“ over another set of rows (the „davon“ rows and the Stichprobe),
with an absurd recomputed value. Now it is read over the rows the other columns hold with: a slip where it misses
by more than its parts' rounding, a doubt naming that reading where it misses by no more (whole euros rounded from
cents). Figures from e02, worked out here with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, write
from tests.referenz.rechnen import zahl

STAEDTE = {"davon: Chemnitz": (-13_535_150, -17_054_725, 15_147_832), "Dresden": (-40_728_864, -55_915_840, 37_300_887)}
STAEDTE["Leipzig"] = (-102_636_368, -87_643_452, 76_537_606)
STICHPROBE = (-51_388_778, -26_357_623, 48_428_356)


def _tabelle(abweichung: int) -> str:
    summe_staedte = [sum(Fraction(v[i]) for v in STAEDTE.values()) for i in range(3)]
    gesamt = [summe_staedte[i] + STICHPROBE[i] for i in range(3)]
    gesamt[2] += abweichung
    text = "| Kommunen | 2019 | 2020 | Ausgleich |\n|---|---|---|---|\n"
    text += "| Summe Kreisfreie Städte | " + " | ".join(zahl(v) for v in summe_staedte) + " |\n"
    text += "".join(f"| {n} | " + " | ".join(zahl(Fraction(v)) for v in vals) + " |\n" for n, vals in STAEDTE.items())
    text += "| Stichprobe kreisangehörige Kommunen | " + " | ".join(zahl(Fraction(v)) for v in STICHPROBE) + " |\n"
    return text + "| Summe geprüfte Kommunen | " + " | ".join(zahl(v) for v in gesamt) + " |\n"


def _third(report: dict) -> dict:
    (befund,) = [b for b in report["befunde"] if b["zeile"] == 8 and b["status"] != "stimmt"]
    return befund


def test_a_third_column_2_off_over_the_rows_the_others_hold_with_is_a_slip(tmp_path, capsys):
    richtig = sum(Fraction(v[2]) for v in STAEDTE.values()) + STICHPROBE[2]
    code, report, _ = check(capsys, write(tmp_path, "a.md", _tabelle(2)))
    slip = _third(report)
    assert code == 1 and slip["status"] == "Fehler" and Fraction(slip["werte"]["nachgerechnet"]) == richtig
    assert "über dieselben Zeilen auf (Z. 3, Z. 7)" in slip["hinweis"]


def test_one_euro_off_over_two_parts_is_a_doubt_naming_that_reading(tmp_path, capsys):
    richtig = sum(Fraction(v[2]) for v in STAEDTE.values()) + STICHPROBE[2]
    code, report, _ = check(capsys, write(tmp_path, "a.md", _tabelle(1)))
    zweifel = _third(report)
    assert code == 0 and zweifel["status"] == "nicht eindeutig"
    assert Fraction(zweifel["werte"]["nachgerechnet"]) == richtig and "Rundung der Teile" in zweifel["hinweis"]


def test_all_columns_holding_say_nothing_more(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "a.md", _tabelle(0)))
    assert code == 0 and by_status(report, "Fehler") == [] and by_status(report, "nicht eindeutig") == []
