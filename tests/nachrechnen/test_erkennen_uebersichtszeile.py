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


def _sums() -> list[Fraction]:
    return [sum(_f(row[k]) for row in ROWS) for k in (1, 2, 3)]


def _total_row(besetzt: Fraction | None = None, heading: str = "Gesamtübersicht") -> str:
    """The table, and under a heading of its own the row of its totals: Stellen 2025, 2024, change, besetzt."""
    new, old, filled = _sums()
    filled = filled if besetzt is None else besetzt
    head = "Entgeltgruppe\tStellen 2025\tStellen 2024\tVeränderung\tbesetzt\n"
    rows = "".join(f"{n}\t{a}\t{b}\t{_signed(_f(a) - _f(b))}\t{c}\n" for n, a, b, c in ROWS)
    total = f"Stellen insgesamt\t{zahl(new, 2)}\t{zahl(old, 2)}\t{_signed(new - old)}\t{zahl(filled, 2)}\n"
    return head + rows + f"\n{heading}\n" + total


def test_the_total_row_is_the_sum_of_the_rows_above(tmp_path, capsys):
    sums = [r for r in erkannt(tmp_path, "uebersichtszeile", _total_row()) if r.formel == "summe"]
    new, old, filled = _sums()
    change = sum(_f(a) - _f(b) for _, a, b, _ in ROWS)
    assert sorted(werte(r)[1] for r in sums) == sorted([new, old, change, filled])
    assert all(r.sicher for r in sums)
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _total_row()))
    assert code == 0 and not by_status(report, "Fehler")


def test_one_column_off_is_a_slip(tmp_path, capsys):
    filled = _sums()[2]
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _total_row(besetzt=filled + 1)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 9 and Fraction(fehler["werte"]["nachgerechnet"]) == filled


def test_a_row_of_another_year_claims_no_sum(tmp_path, capsys):
    """„Nachrichtlich: Stellenplan 2023“ over a row of other totals: no column holds, nothing is read."""
    text = _total_row(heading="Nachrichtlich: Stellenplan 2023").replace(
        "Stellen insgesamt\t", "Stellen insgesamt 2023\t"
    )
    new, old, filled = _sums()
    text = text.replace(
        f"\t{zahl(new, 2)}\t{zahl(old, 2)}\t{_signed(new - old)}\t",
        f"\t{zahl(new - 6, 2)}\t{zahl(old - 4, 2)}\t{_signed(new - old - 2)}\t",
    )
    text = text.replace(f"\t{zahl(filled, 2)}\n", f"\t{zahl(filled - 5, 2)}\n")
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0 and not by_status(report, "Fehler")


def test_two_tables_ending_in_their_totals_add_up_to_the_overview(tmp_path):
    teil_a = [("A 13", "9", "8,5"), ("A 12", "14", "14"), ("A 11", "17,5", "16")]
    teil_b = [("E 9b", "46", "44"), ("E 9a", "28", "29"), ("E 8", "37,75", "38")]

    def table(title: str, rows: list[tuple[str, str, str]], total: str) -> tuple[str, Fraction, Fraction]:
        a, b = sum(_f(r[1]) for r in rows), sum(_f(r[2]) for r in rows)
        lines = "".join(f"{n}\t{x}\t{y}\t{_signed(_f(x) - _f(y))}\n" for n, x, y in rows)
        text = f"{title}\nGruppe\tStellen 2025\tStellen 2024\tVeränderung\n{lines}"
        return text + f"{total}\t{zahl(a, 2)}\t{zahl(b, 2)}\t{_signed(a - b)}\n", a, b

    text_a, a1, b1 = table("Teil A", teil_a, "Summe Beamte")
    text_b, a2, b2 = table("Teil B", teil_b, "Summe Tarifbeschäftigte")
    total = f"Stellen insgesamt\t{zahl(a1 + a2, 2)}\t{zahl(b1 + b2, 2)}\t{_signed(a1 + a2 - b1 - b2)}\n"
    text = text_a + "\n" + text_b + "\nGesamtübersicht\n" + total
    sums = [r for r in erkannt(tmp_path, "uebersichtszeile", text) if r.formel == "summe"]
    assert sorted(werte(r) for r in sums) == sorted(
        [([a1, a2], a1 + a2), ([b1, b2], b1 + b2), ([a1 - b1, a2 - b2], a1 + a2 - b1 - b2)]
    )
