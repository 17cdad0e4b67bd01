"""erkennen/planquote.py for itself: a budget report's column „%“ after its Ist, the Ist in percent of the Plan of
the same year, in the shape of w08 of the corpus's Zusatz (a town's Budgetbericht for the first half-year). Every
expected share is worked out here with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import rund, zahl

PLAN = [Fraction(-2_215_700), Fraction(-1_621_700)]
IST = [Fraction(-54_127_978, 100), Fraction(-59_170_381, 100)]
VORJAHR = Fraction(-42_893_505, 100)


def _bericht(anteile: list[Fraction], kopf: str = "| Plan 2022 | Ist 1. Hj 2022 | % | Ist 1. Hj 2021 | % |") -> str:
    def euro(wert: Fraction) -> str:
        return f"- {zahl(-wert, 2)} €" if wert < 0 else f"{zahl(wert, 2)} €"

    return (
        "Berichtszeitraum 01.01. – 30.06.2022 | |\n"
        f"{kopf}\n"
        f"Teilergebnisrechnung | {euro(PLAN[0])} | {euro(IST[0])} | {zahl(anteile[0], 1)} | {euro(VORJAHR)} | 18,6 |\n"
        f"Teilfinanzrechnung | {euro(PLAN[1])} | {euro(IST[1])} | {zahl(anteile[1], 1)} | 223.853,48 € | |\n"
        "Neben Plan und Ist dieses Jahres stehen der Abfluss in Prozent und das Ist des Vorjahres.\n"
    )


def _anteile() -> list[Fraction]:
    return [rund(ist / plan * 100, Fraction(1, 10)) for ist, plan in zip(IST, PLAN, strict=True)]


def test_the_column_after_the_ist_is_the_ist_in_percent_of_the_plan(tmp_path):
    assert _anteile() == [Fraction(244, 10), Fraction(365, 10)]  # the page's 24,4 and 36,5
    readings = erkannt(tmp_path, "planquote", _bericht(_anteile()))
    assert [werte(r) for r in readings] == [
        ([IST[0], PLAN[0]], Fraction(244, 10)),
        ([IST[1], PLAN[1]], Fraction(365, 10)),
    ]
    assert [r.ergebnis.zeile.nr for r in readings] == [3, 4]  # not the 18,6 of the year before: no Plan 2021


def test_a_share_that_misses_is_a_doubt(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "b.txt", _bericht([Fraction(244, 10), Fraction(356, 10)])))
    assert code == 0 and by_status(report, "Fehler") == []
    (zweifel,) = by_status(report, "nicht eindeutig")
    assert zweifel["zeile"] == 4 and Fraction(zweifel["werte"]["nachgerechnet"]) == Fraction(365, 10)
    assert zweifel["hinweis"] == "ob der Anteil sich auf den Plan bezieht, sagt der Kopf der Spalte nicht"


def test_heads_of_another_shape_read_nothing(tmp_path):
    anteile = _anteile()
    for kopf in (
        "| Plan 2020 | Ist 1. Hj 2022 | % | Ist 1. Hj 2021 | % |",  # a Plan of another year than either Ist
        "| Plan 2022 | Ist 1. Hj 2022 | Quote | Ist 1. Hj 2021 | % |",  # no „%“ after the Ist
        "| Ist 2022 | Plan 2022 | % | Ist 1. Hj 2021 | % |",  # „%“ after the Plan: of what, the head does not say
    ):
        assert erkannt(tmp_path, "planquote", _bericht(anteile, kopf)) == [], kopf


def test_a_percent_sign_in_the_next_cell_is_no_unit_of_a_year():
    from vorlagen.nachrechnen.lesen.zahlenlesen import figures

    assert [(z.wert, z.einheit) for z in figures("Ist 2022\t%\tIst 2021")] == [(2022, ""), (2021, "")]
    assert [(z.wert, z.einheit) for z in figures("Abfluss 24,4 %")] == [(Fraction(244, 10), "%")]
