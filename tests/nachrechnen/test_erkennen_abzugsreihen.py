"""erkennen/abzugsreihen.py for itself: a row of one amount, rows under it that take something off („abzgl.“, „./.“)
and the row after them – a slip where its label names a result, otherwise only confirmed. Every expected figure is
worked out here with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import zahl

# a Kita's deficit as a council page stores the table: each label on a line, its amount on the next
ANTEIL, ABSCHLAG, SPENDE = Fraction(33_347_176, 100), Fraction(30_599_000, 100), Fraction(125_050, 100)


def _tabelle(ergebnis: Fraction, name: str = "Nachzahlung der Kommunen", abzuege: tuple[str, ...] = ()) -> str:
    zeilen = [
        "Defizit / Anteil der Kommunen",
        f"{zahl(ANTEIL, 2)} €",
        "abzgl. Abschlagszahlungen",
        f"{zahl(ABSCHLAG, 2)} €",
    ]
    for label, betrag in zip(abzuege, (SPENDE,), strict=False):
        zeilen += [label, f"{zahl(betrag, 2)} €"]
    zeilen += [name, f"{zahl(ergebnis, 2)} €"]
    return "\n\n".join(zeilen) + "\n"


def test_what_is_left_after_the_rows_that_take_off(tmp_path, capsys):
    rest = ANTEIL - ABSCHLAG
    assert zahl(rest, 2) == "27.481,76"
    (reading,) = erkannt(tmp_path, "abzugsreihen", _tabelle(rest))
    parts, result = werte(reading)
    assert (parts, result) == ([ANTEIL, ABSCHLAG], rest) and reading.sicher and reading.ergebnis.zeile.nr == 11
    # one cent off under a label that names the result: a slip
    code, report, _ = check(capsys, write(tmp_path, "t.txt", _tabelle(rest + Fraction(1, 100))))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 11 and Fraction(fehler["werte"]["differenz"]) == Fraction(1, 100)


def test_two_deductions_in_a_row(tmp_path):
    rest = ANTEIL - ABSCHLAG - SPENDE
    (reading,) = erkannt(tmp_path, "abzugsreihen", _tabelle(rest, abzuege=("./. Spenden",)))
    parts, result = werte(reading)
    assert (parts, result) == ([ANTEIL, ABSCHLAG, SPENDE], rest)


def test_a_row_that_names_no_result_is_only_confirmed(tmp_path, capsys):
    rest = ANTEIL - ABSCHLAG
    (reading,) = erkannt(tmp_path, "abzugsreihen", _tabelle(rest, name="Kita Sonnenschein"))
    assert not reading.sicher and werte(reading) == ([ANTEIL, ABSCHLAG], rest)
    code, report, _ = check(capsys, write(tmp_path, "k.txt", _tabelle(rest + 1, name="Kita Sonnenschein")))
    assert code == 0 and by_status(report, "Fehler") == []


def test_what_is_no_deduction_is_left_alone(tmp_path):
    # more taken off than there is: a shortfall, typed with or without its sign – not read so
    zu_viel = _tabelle(Fraction(1000)).replace(zahl(ABSCHLAG, 2), zahl(ANTEIL + 1000, 2))
    assert erkannt(tmp_path, "abzugsreihen", zu_viel) == []
    # a dash opening a row may be a bullet, not a deduction
    strich = _tabelle(ANTEIL - ABSCHLAG).replace("abzgl. Abschlagszahlungen", "- Abschlagszahlungen")
    assert erkannt(tmp_path, "abzugsreihen", strich) == []
