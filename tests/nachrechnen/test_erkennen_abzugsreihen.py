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


KOSTEN = [Fraction(1_019_597), Fraction(1_036_396)]
ABZUEGE = [
    ("abzgl. Auflösung Beiträge", [Fraction(61_280), Fraction(61_280)]),
    ("abzgl. sonstige Erlöse", [Fraction(14_900), Fraction(15_300)]),
]


def _kalkulation(ergebnis: list[Fraction], name: str = "gebührenfähige Kosten") -> str:
    """A Gebührenbedarfsberechnung in three columns (two years and the period), deductions typed with their minus."""

    def row(label: str, values: list[Fraction], minus: bool = False) -> str:
        cells = [*values, sum(values)]
        return label + "".join(f"\t{'-' if minus else ''}{zahl(v, 2)}" for v in cells) + "\n"

    text = "Position\t2025\t2026\tZeitraum\n" + row("Summe Kosten", KOSTEN)
    text += "".join(row(label, values, minus=True) for label, values in ABZUEGE)
    return text + name + "".join(f"\t{zahl(v, 2)}" for v in ergebnis) + "\n"


def _rest() -> list[Fraction]:
    rest = [KOSTEN[c] - sum(values[c] for _, values in ABZUEGE) for c in range(2)]
    return [*rest, sum(rest)]


def test_rows_of_several_columns_are_read_column_by_column(tmp_path, capsys):
    readings = erkannt(tmp_path, "abzugsreihen", _kalkulation(_rest()))
    assert sorted(werte(r)[1] for r in readings) == sorted(_rest()) and all(r.sicher for r in readings)
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _kalkulation(_rest())))
    assert code == 0 and not by_status(report, "Fehler")


def test_one_column_that_misses_is_a_slip_where_the_others_hold(tmp_path, capsys):
    """The result names no result word: the two columns that hold show the rows' sense."""
    falsch = _rest()
    falsch[1] += 900
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _kalkulation(falsch)))
    fehler = [b for b in by_status(report, "Fehler") if Fraction(b["werte"]["nachgerechnet"]) == _rest()[1]]
    assert code == 1 and fehler and fehler[0]["zeile"] == 5


def test_two_columns_that_miss_claim_nothing(tmp_path, capsys):
    falsch = _rest()
    falsch[0] += 900
    falsch[1] += 900
    readings = erkannt(tmp_path, "abzugsreihen", _kalkulation(falsch))
    assert readings and not any(r.sicher for r in readings)
