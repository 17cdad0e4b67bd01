"""urteil/kreuzung.py: one cell of a Finanzierungsplan typed 5.000 € off makes its row's „Gesamt“ and its column's
„Summe“ fail by the same 5.000 € – before, both totals were FEHLER and the grand total, the Förderung of 65 % and the
Eigenanteil built on them four Folgefehler with wrong corrections („damit richtig 1.420.250 €“). Now the cell is the
one slip, the totals hold once it is corrected, nothing follows. A helper found it writing as a new user; the figures
are worked out here with Fraction. Hostile: two cells off, a total typed off itself, misses in opposite directions."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, write
from tests.referenz.rechnen import zahl

JAHRE = (2025, 2026, 2027)
PLAN = {
    "Baukosten": (Fraction(420_000), Fraction(1_150_000), Fraction(380_000)),
    "Planungskosten": (Fraction(145_000), Fraction(60_000), Fraction(25_000)),
}
QUOTE = Fraction(65, 100)


def _plan(cells: dict[tuple[str, int], Fraction] | None = None, totals: dict[str, Fraction] | None = None) -> str:
    """The plan with its totals from the right cells; `cells` retypes cells, `totals` the „Gesamt“ of a row."""
    text = "| Position | " + " | ".join(map(str, JAHRE)) + " | Gesamt |\n|---|---|---|---|---|\n"
    for name, values in PLAN.items():
        typed = [(cells or {}).get((name, i), v) for i, v in enumerate(values)]
        gesamt = (totals or {}).get(name, sum(values))
        text += f"| {name} | " + " | ".join(f"{zahl(v)} €" for v in typed) + f" | {zahl(gesamt)} € |\n"
    spalten = [sum(v[i] for v in PLAN.values()) for i in range(len(JAHRE))]
    gesamt = sum(spalten)
    text += "| Summe | " + " | ".join(f"{zahl(v)} €" for v in spalten) + f" | {zahl(gesamt)} € |\n\n"
    return text + f"Gefördert werden 65 % der Gesamtkosten, das sind {zahl(gesamt * QUOTE)} €.\n"


def test_one_cell_off_is_the_slip_and_the_totals_hold_once_it_is_corrected(tmp_path, capsys):
    richtig = PLAN["Planungskosten"][1]
    code, report, _ = check(capsys, write(tmp_path, "a.md", _plan({("Planungskosten", 1): richtig + 5_000})))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 4 and slip["art"] == "kreuzung"
    assert (Fraction(slip["werte"]["getippt"]), Fraction(slip["werte"]["nachgerechnet"])) == (richtig + 5_000, richtig)
    assert by_status(report, "Folgefehler") == []
    held = [b for b in by_status(report, "stimmt") if "berichtigt" in b["hinweis"]]
    assert len(held) == 2 and all(b["hinweis"] == "stimmt, sobald der Fehler in Z. 4 berichtigt ist" for b in held)


def test_two_cells_off_in_other_rows_and_columns_are_each_located(tmp_path, capsys):
    cells = {("Planungskosten", 1): PLAN["Planungskosten"][1] + 5_000, ("Baukosten", 0): PLAN["Baukosten"][0] + 700}
    code, report, _ = check(capsys, write(tmp_path, "a.md", _plan(cells)))
    slips = sorted((b["zeile"], Fraction(b["werte"]["nachgerechnet"])) for b in by_status(report, "Fehler"))
    assert code == 1 and slips == [(3, PLAN["Baukosten"][0]), (4, PLAN["Planungskosten"][1])]


def test_two_cells_off_in_one_row_leave_the_totals_as_the_slips(tmp_path, capsys):
    # the row misses by 5.700, its columns by 5.000 and 700: no cell explains a pair
    cells = {
        ("Planungskosten", 1): PLAN["Planungskosten"][1] + 5_000,
        ("Planungskosten", 0): PLAN["Planungskosten"][0] + 700,
    }
    code, report, _ = check(capsys, write(tmp_path, "a.md", _plan(cells)))
    assert code == 1 and [b for b in report["befunde"] if b["art"] == "kreuzung"] == []


def test_a_total_typed_off_itself_is_that_total(tmp_path, capsys):
    gesamt = sum(PLAN["Baukosten"])
    code, report, _ = check(capsys, write(tmp_path, "a.md", _plan(totals={"Baukosten": gesamt + 1_000})))
    slips = by_status(report, "Fehler")
    assert code == 1 and [b for b in report["befunde"] if b["art"] == "kreuzung"] == []
    assert Fraction(1_000) + gesamt in [Fraction(b["werte"]["getippt"]) for b in slips]


def test_misses_in_opposite_directions_are_no_one_cell(tmp_path, capsys):
    # the row total typed 5.000 too high and the cell 5.000 too low: the row holds as typed … with the cell off,
    # the column misses alone – no pair of failed sums, nothing to locate
    richtig = PLAN["Planungskosten"][1]
    code, report, _ = check(
        capsys,
        write(
            tmp_path,
            "a.md",
            _plan({("Planungskosten", 1): richtig - 5_000}, {"Planungskosten": sum(PLAN["Planungskosten"]) - 5_000}),
        ),
    )
    assert code == 1 and [b for b in report["befunde"] if b["art"] == "kreuzung"] == []


def test_a_cell_alone_in_its_column_beside_dashes(tmp_path, capsys):
    # Planung is the only cost of 2025 („– “ in the other rows), typed 130.000 for the 120.000 its column's Summe
    # and its row's Gesamt say: the column's one amount is its sum, and the cell is located (before, the row's
    # correct Gesamt was named the slip and the grand total a Folgefehler)
    text = "| Kostengruppe | 2025 | 2026 | Gesamt |\n|---|---|---|---|\n"
    text += "| Planung | 130.000 € | 85.000 € | 205.000 € |\n| Rohbau | – | 910.000 € | 910.000 € |\n"
    text += "| Ausbau | – | 240.000 € | 240.000 € |\n| Summe | 120.000 € | 1.235.000 € | 1.355.000 € |\n"
    assert Fraction(120_000) + 85_000 == 205_000 and Fraction(85_000) + 910_000 + 240_000 == 1_235_000
    code, report, _ = check(capsys, write(tmp_path, "a.md", text))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 3 and Fraction(slip["werte"]["nachgerechnet"]) == 120_000
    assert by_status(report, "Folgefehler") == []
