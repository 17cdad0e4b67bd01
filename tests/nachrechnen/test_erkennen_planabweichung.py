"""erkennen/planabweichung.py (read with the sentences of fliesstext.py): a result, its distance to the plan and the
plan in one sentence – „lag mit A das Ergebnis um D unter dem Ansatz von B“. The figures are those of i17 of the
corpus's Zusatz (Hirschberg, Jahresrechnung 2011, with its slip 1.876.872 for …872 + 1.000), worked out with
Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, write
from tests.referenz.rechnen import euro, zahl

ERGEBNIS, ANSATZ = Fraction(1908828), Fraction(3786700)


def _satz(abstand: Fraction, richtung: str = "unter", ergebnis: Fraction = ERGEBNIS) -> str:
    return (
        f"Bei den Baumaßnahmen lag mit {zahl(ergebnis)} Euro das Ergebnis um {zahl(abstand)} Euro {richtung} dem "
        f"Ansatz von {zahl(ANSATZ)} Euro.\n"
    )


def test_below_the_plan_is_the_plan_less_the_result(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _satz(ANSATZ - ERGEBNIS)))
    (stimmt,) = by_status(report, "stimmt")
    assert code == 0 and stimmt["art"] == "planabweichung"


def test_a_slipped_distance_is_a_slip(tmp_path, capsys):
    getippt = ANSATZ - ERGEBNIS - 1000
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _satz(getippt)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and (fehler["getippt"], fehler["nachgerechnet"]) == (euro(getippt), euro(ANSATZ - ERGEBNIS))


def test_above_the_plan_is_the_result_less_the_plan(tmp_path, capsys):
    hoch = Fraction(4100000)
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _satz(hoch - ANSATZ, "über", hoch)))
    assert code == 0 and by_status(report, "Fehler") == []
    assert "planabweichung" in [b["art"] for b in by_status(report, "stimmt")]
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _satz(hoch - ANSATZ + 1000, "über", hoch)))
    assert code == 1 and [b["art"] for b in by_status(report, "Fehler")] == ["planabweichung"]


def test_without_the_result_named_with_mit_nothing_is_read(tmp_path, capsys):
    text = _satz(ANSATZ - ERGEBNIS - 1000).replace("lag mit", "lag nach")
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert [b["art"] for b in report["befunde"]].count("planabweichung") == 0


def _voranschlag(abstand: Fraction) -> str:
    # l06 of the Zusatz (Bitz): the two amounts in millions with two places, the step to the euro
    return (
        f"Die Schlussabrechnung liegt mit 4,14 Millionen Euro um {zahl(abstand, 0).replace('.', ' ')} Euro über dem "
        "ursprünglichen Kostenvoranschlag von 3,68 Millionen Euro.\n"
    )


def test_an_estimate_in_millions_is_rounded_within_its_halves(tmp_path, capsys):
    hoch, niedrig = Fraction(414, 100) * 10**6, Fraction(368, 100) * 10**6
    halbe = 2 * Fraction(1, 2) * 10**4  # each amount up to half of 0,01 Mio. off
    typed = Fraction(457000)
    assert 0 < hoch - niedrig - typed <= halbe
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _voranschlag(typed)))
    (rundung,) = [b for b in report["befunde"] if b["art"] == "planabweichung"]
    assert code == 0 and rundung["status"] == "Rundung" and "gröber genannt" in rundung["hinweis"]
    # beyond the halves: a slip
    code, report, _ = check(capsys, write(tmp_path, "b.txt", _voranschlag(hoch - niedrig - halbe - 1000)))
    assert code == 1 and [b["art"] for b in by_status(report, "Fehler")] == ["planabweichung"]
