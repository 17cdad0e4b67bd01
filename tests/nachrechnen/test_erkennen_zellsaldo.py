"""The result row of a short Ergebnis table stored one cell per line or typed in cells (`zellsaldo.py`, issue 60):
„Erträge“, „Aufwendungen“, „Ergebnis“ – each column the first row less the second. Figures computed here with
Fractions; each finding stands on the line of its own figure."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import zahl

ERTRAEGE = (Fraction(5_430_100), Fraction(5_612_300))
AUFWENDUNGEN = (Fraction(5_980_400), Fraction(5_701_800))
ERGEBNIS = tuple(e - a for e, a in zip(ERTRAEGE, AUFWENDUNGEN, strict=True))  # (−550.300, −89.500)


def _zellen(*cells: str, gap: int = 1) -> str:
    """One cell a line, `gap` blank lines between, as the page stores it."""
    return ("\n" * (gap + 1)).join(cells) + "\n"


def _tabelle(
    ergebnis: tuple[Fraction, Fraction] = ERGEBNIS,
    labels: tuple[str, str, str] = ("Erträge", "Aufwendungen", "Ergebnis"),
    aufwand_sign: int = 1,
    head: tuple[str, ...] = ("Bezeichnung", "Plan", "Ist"),
    gap: int = 1,
) -> str:
    rows = [
        labels[0],
        *(zahl(v) for v in ERTRAEGE),
        labels[1],
        *(zahl(aufwand_sign * v) for v in AUFWENDUNGEN),
        labels[2],
        *(zahl(v) for v in ergebnis),
    ]
    return _zellen(*head, *rows, gap=gap)


def test_the_result_row_of_a_table_stored_one_cell_per_line_holds(capsys, tmp_path):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _tabelle()))
    assert code == 0
    # 3 head lines, 2 rows of 3 lines, a blank line after each: „Ergebnis“ is line 19, its cells 21 and 23
    assert [(b["zeile"], b["getippt"], b["status"]) for b in report["befunde"]] == [
        (21, zahl(ERGEBNIS[0]), "stimmt"),
        (23, zahl(ERGEBNIS[1]), "stimmt"),
    ]


def test_a_slip_in_the_result_row_is_a_fehler_on_its_line(capsys, tmp_path):
    typed = ERGEBNIS[1] + 1000
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _tabelle((ERGEBNIS[0], typed))))
    assert code == 1
    assert [(b["zeile"], b["getippt"], b["nachgerechnet"]) for b in by_status(report, "Fehler")] == [
        (23, zahl(typed), zahl(ERGEBNIS[1]))
    ]


def test_the_same_table_without_head_without_blank_lines_or_with_two(capsys, tmp_path):
    for text in (_tabelle(head=()), _tabelle(gap=0), _tabelle(gap=2)):
        code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
        assert code == 0
        assert sorted(b["getippt"] for b in by_status(report, "stimmt")) == sorted(zahl(v) for v in ERGEBNIS)


def test_aufwendungen_typed_negative_are_added(tmp_path):
    readings = erkannt(tmp_path, "zellsaldo", _tabelle(aufwand_sign=-1))
    assert [werte(r) for r in readings] == [
        ([ERTRAEGE[0], -AUFWENDUNGEN[0]], ERGEBNIS[0]),
        ([ERTRAEGE[1], -AUFWENDUNGEN[1]], ERGEBNIS[1]),
    ]


def test_the_table_typed_with_tabs_is_read_alike(capsys, tmp_path):
    text = "".join(
        f"{label}\t{zahl(a)}\t{zahl(b)}\n"
        for label, (a, b) in (("Erträge", ERTRAEGE), ("Aufwendungen", AUFWENDUNGEN), ("Ergebnis", ERGEBNIS))
    )
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0
    assert sorted(b["getippt"] for b in by_status(report, "stimmt")) == sorted(zahl(v) for v in ERGEBNIS)


def test_amounts_in_thousands_may_be_off_by_one_unit(capsys, tmp_path):
    # 5.430,1 T€ − 5.980,4 T€ = −550,3 T€, the page rounded each row: 5.430 − 5.980 = −550, typed −551
    text = _zellen("in T€", "Plan", "Erträge", "5.430", "Aufwendungen", "5.980", "Ergebnis", "-551")
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert by_status(report, "Fehler") == []
    assert [b["getippt"] for b in by_status(report, "Rundung")] == [zahl(Fraction(-551))]
    assert code == 0


def test_an_ordentliches_ergebnis_that_does_not_hold_is_unsure(capsys, tmp_path):
    # NKF NRW counts the Finanzergebnis apart: the ordentliche Ergebnis may hold it
    labels = ("Ordentliche Erträge", "Ordentliche Aufwendungen", "Ordentliches Ergebnis")
    typed = ERGEBNIS[0] + 12_000
    _, report, _ = check(capsys, write(tmp_path, "a.txt", _tabelle((typed, ERGEBNIS[1]), labels)))
    assert by_status(report, "Fehler") == []
    assert [b["getippt"] for b in by_status(report, "nicht eindeutig")] == [zahl(typed)]
    assert [b["getippt"] for b in by_status(report, "stimmt")] == [zahl(ERGEBNIS[1])]


def test_a_fehlbetrag_typed_without_its_minus_is_left_alone(tmp_path):
    assert erkannt(tmp_path, "zellsaldo", _tabelle((-ERGEBNIS[0], -ERGEBNIS[1]))) == []


def test_rows_that_name_other_parts_or_other_things_are_no_result(tmp_path):
    other = (
        ("Ordentliche Erträge", "Ordentliche Aufwendungen", "Ergebnis"),  # the result names no part
        ("Erträge", "Aufwendungen", "Zuschussbedarf"),
        ("Aufwendungen", "Erträge", "Ergebnis"),  # the other order
        ("Einwohner", "Fläche in ha", "Ergebnis"),
    )
    for labels in other:
        assert erkannt(tmp_path, "zellsaldo", _tabelle(labels=labels)) == []


def test_a_haushaltsstelle_a_year_and_a_date_as_cells_are_no_result(capsys, tmp_path):
    text = _zellen("Erträge", "2141.54001", "Aufwendungen", "2024", "Ergebnis", "01.03.2024")
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0
    assert report["befunde"] == []


def test_a_deficit_row_under_the_costs_and_the_income_in_either_order(tmp_path, capsys):
    aufwand, ertrag = Fraction(1_380_468), Fraction(721_630)

    def tabelle(erst: tuple[str, Fraction], zweit: tuple[str, Fraction], ergebnis: str, betrag: Fraction) -> str:
        rows = "".join(f"| {name} | {zahl(wert)} € |\n" for name, wert in (erst, zweit))
        return f"| | Betrag |\n|---|---:|\n{rows}| **{ergebnis}** | **{zahl(betrag)} €** |\n"

    for erst, zweit in (
        (("Aufwendungen", aufwand), ("Erträge", ertrag)),
        (("Erträge", ertrag), ("Aufwendungen", aufwand)),
    ):
        (reading,) = erkannt(tmp_path, "zellsaldo", tabelle(erst, zweit, "Defizit der Gemeinde", aufwand - ertrag))
        assert werte(reading) == ([aufwand, ertrag], aufwand - ertrag)
    falsch = tabelle(("Aufwendungen", aufwand), ("Erträge", ertrag), "Defizit der Gemeinde", aufwand - ertrag - 10_000)
    code, report, _ = check(capsys, write(tmp_path, "d.md", falsch))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and Fraction(fehler["werte"]["nachgerechnet"]) == aufwand - ertrag
    # an Überschuss is the income less the costs; a row named otherwise is not read
    (reading,) = erkannt(
        tmp_path, "zellsaldo", tabelle(("Erträge", aufwand), ("Aufwendungen", ertrag), "Überschuss", aufwand - ertrag)
    )
    assert werte(reading) == ([aufwand, ertrag], aufwand - ertrag)
    assert (
        erkannt(
            tmp_path,
            "zellsaldo",
            tabelle(("Aufwendungen", aufwand), ("Erträge", ertrag), "Zuschuss Land", aufwand - ertrag),
        )
        == []
    )
