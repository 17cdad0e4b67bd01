"""erkennen/uebersichtszeile.py for itself: a total row alone under a heading of its own right after a table, read
by the relation the table's rows show (a Stellenplan: Stellen 2025, Stellen 2024, their change, besetzt). Figures
with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import zahl

ROWS = [
    ("E 9b", "46", "44", "42,5"),
    ("E 9a", "28", "29", "27"),
    ("E 8", "37,75", "38", "36,5"),
    ("E 6", "52", "53,5", "51"),
    ("E 5", "19", "20", "18,5"),
]


def _f(text: str) -> Fraction:
    return Fraction(text.replace(",", "."))


def _signed(value: Fraction) -> str:
    return ("+" if value > 0 else "") + zahl(value, 2).rstrip("0").rstrip(",")


def _plan(total_change: str | None = None, heading: str = "Gesamtübersicht", label: str = "Stellen insgesamt") -> str:
    head = "Entgeltgruppe\tStellen 2025\tStellen 2024\tVeränderung\tbesetzt\n"
    rows = "".join(f"{n}\t{a}\t{b}\t{_signed(_f(a) - _f(b))}\t{c}\n" for n, a, b, c in ROWS)
    new, old = Fraction(38575, 100), Fraction(3805, 10)
    change = total_change or _signed(new - old)
    return head + rows + f"\n{heading}\n{label}\t385,75\t380,5\t{change}\t362,25\n"


def test_the_total_row_is_read_by_the_table_s_relation(tmp_path, capsys):
    (reading,) = erkannt(tmp_path, "uebersichtszeile", _plan())
    assert werte(reading) == ([Fraction(38575, 100), Fraction(3805, 10)], Fraction(525, 100))
    assert reading.ergebnis.zeile.nr == 9
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _plan()))
    assert code == 0 and not by_status(report, "Fehler")


def test_a_rise_typed_with_a_minus_is_a_slip(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _plan(total_change="-5,25")))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 9 and Fraction(fehler["werte"]["nachgerechnet"]) == Fraction(525, 100)


def test_a_head_of_its_own_between_is_not_read(tmp_path):
    text = _plan(heading="Art\tSoll\tIst\tAbweichung\tRest")
    assert erkannt(tmp_path, "uebersichtszeile", text) == []


def test_a_row_that_names_no_total_is_not_read(tmp_path):
    assert erkannt(tmp_path, "uebersichtszeile", _plan(heading="Nachrichtlich", label="Auszubildende")) == []


def test_a_row_of_another_width_is_not_read(tmp_path, capsys):
    text = _plan().replace("\t362,25\n", "\n")
    assert erkannt(tmp_path, "uebersichtszeile", text) == []
    code, _, err = check(capsys, write(tmp_path, "a.txt", text))
    assert code in (0, 1) and "Traceback" not in err
