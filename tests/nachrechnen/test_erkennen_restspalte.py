"""erkennen/restspalte.py for itself: a column whose head names what is left („verbleibender Ansatz“) is one column
less another in every row – in a Deckung of three Sachkonten whose one row slipped (two rows hold, too few for
spaltenbeziehung.py). Figures with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import zahl

KONTEN = [("11.13.01", Fraction(45_000), Fraction(12_000)), ("54.10.01", Fraction(68_000), Fraction(9_500))]
KONTEN.append(("55.10.01", Fraction(15_000), Fraction("4762.36")))
KOPF = "Sachkonto\tAnsatz 2024\tDeckungsbetrag\tverbleibender Ansatz\n"


def _tabelle(kopf: str = KOPF, slip: int | None = None) -> str:
    text = kopf
    for i, (konto, ansatz, deckung) in enumerate(KONTEN):
        rest = ansatz - deckung + (100 if i == slip else 0)
        text += f"{konto}\t{zahl(ansatz, 2)}\t{zahl(deckung, 2)}\t{zahl(rest, 2)}\n"
    return text


def test_the_rest_is_the_column_left_less_another_and_a_row_that_misses_is_a_slip(tmp_path, capsys):
    readings = erkannt(tmp_path, "restspalte", _tabelle(slip=2))
    assert [werte(r) for r in readings] == [
        ([a, d], a - d + (100 if i == 2 else 0)) for i, (_, a, d) in enumerate(KONTEN)
    ]
    code, report, _ = check(capsys, write(tmp_path, "r.txt", _tabelle(slip=2)))
    (fehler,) = by_status(report, "Fehler")
    _, ansatz, deckung = KONTEN[2]
    assert code == 1 and fehler["zeile"] == 4 and Fraction(fehler["werte"]["nachgerechnet"]) == ansatz - deckung


def test_a_head_without_a_rest_or_a_table_that_shows_no_one_pair_is_not_read(tmp_path):
    assert (
        erkannt(tmp_path, "restspalte", _tabelle(kopf="Sachkonto\tAnsatz 2024\tDeckungsbetrag\tBetrag\n", slip=2)) == []
    )
    # two rows, each a miss of another pair: no pair holds in all rows but one
    text = KOPF + "A\t100,00\t40,00\t50,00\nB\t200,00\t50,00\t140,00\n"
    assert erkannt(tmp_path, "restspalte", text) == []


def test_one_row_that_holds_and_one_that_misses_is_a_doubt(tmp_path, capsys):
    text = KOPF + "A\t100,00\t40,00\t60,00\nB\t200,00\t50,00\t160,00\n"
    code, report, _ = check(capsys, write(tmp_path, "d.txt", text))
    (zweifel,) = by_status(report, "nicht eindeutig")
    assert (
        code == 0 and zweifel["zeile"] == 3 and zweifel["hinweis"] == "die Spalte ist aus zu wenigen Zeilen erschlossen"
    )
