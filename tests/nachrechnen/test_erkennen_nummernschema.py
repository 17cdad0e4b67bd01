"""erkennen/nummernschema.py for itself: a numbered scheme stored in cells (a pipe table as a page stores it, without
its first bar), its result rows computed from the rows they name or from the sub-rows above them."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write

_HEAD = "Produkt 1.1.1 – Ertrags- und Aufwandsarten |\nAnsatz 2023 |\nAnsatz 2024 |\n|\n---|---|---|---|\n"


def _plan(ertrag: str = "12.500", saldo: str = "-488.050", gesamt: str = "-487.650") -> str:
    return _HEAD + (
        "1.4 | + anteilige öffentlich-rechtliche Leistungsentgelte | 2.000 | 2.100 |\n"
        f"1.6 | + anteilige Kostenerstattungen | 10.500 | 10.400 |\n"
        f"2 | = anteilige ordentliche Erträge | {ertrag} | 12.500 |\n"
        "3.1 | anteilige Personalaufwendungen | -450.300 | -461.000 |\n"
        "3.3 | + anteilige Sach- und Dienstleistungen | -50.250 | -49.900 |\n"
        "4 | = anteilige ordentliche Aufwendungen | -500.550 | -510.900 |\n"
        f"5 | = anteiliges ordentliches Ergebnis (Nr. 2 ./. Nr. 4) | {saldo} | -498.400 |\n"
        "6 | anteilige Erträge aus interner Leistungsverrechnung | 1.000 | 1.200 |\n"
        "7 | + anteilige Aufwendungen für interne Leistungsverrechnung | -600 | -700 |\n"
        "9 | = kalkulatorisches Ergebnis (Nr. 6 ./. Nr. 7 + 8) | 400 | 500 |\n"
        f"10 | = Nettoressourcenbedarf (Nr. 5 + 9) | {gesamt} | -497.900 |\n"
    )


def test_sub_rows_and_named_rows_each_column_for_itself(tmp_path):
    readings = erkannt(tmp_path, "nummernschema", _plan())
    sums = [(r.ergebnis.zeile.nr, werte(r)[1], werte(r)[0]) for r in readings if r.sicher]
    # „2 =“ under 1.4 and 1.6: the sum of the sub-rows, as typed
    assert (8, Fraction(12500), [Fraction(2000), Fraction(10500)]) in sums
    assert Fraction(2000) + Fraction(10500) == Fraction(12500)
    # „4 =“ under 3.1 and 3.3, Aufwendungen typed negative
    assert Fraction(-450300) + Fraction(-50250) == Fraction(-500550)
    assert (11, Fraction(-500550), [Fraction(-450300), Fraction(-50250)]) in sums
    # „Nr. 2 ./. Nr. 4“ with row 4 typed negative: the sum as typed
    assert Fraction(12500) + Fraction(-500550) == Fraction(-488050)
    assert (12, Fraction(-488050), [Fraction(12500), Fraction(-500550)]) in sums
    assert Fraction(12500) + Fraction(-510900) == Fraction(-498400)
    # „Nr. 5 + 9“
    assert Fraction(-488050) + Fraction(400) == Fraction(-487650)
    assert (16, Fraction(-487650), [Fraction(-488050), Fraction(400)]) in sums


def test_a_named_row_missing_from_the_page_leaves_the_reading_unsure(tmp_path):
    readings = [r for r in erkannt(tmp_path, "nummernschema", _plan()) if r.ergebnis.zeile.nr == 15]
    assert readings and not any(r.sicher for r in readings)
    assert all("Zeile 8 fehlt" in r.grund for r in readings if r.grund)


def test_all_rows_that_hold_say_stimmt(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "plan.txt", _plan()))
    assert code == 0 and not by_status(report, "Fehler") and not by_status(report, "nicht eindeutig")
    assert {b["zeile"] for b in by_status(report, "stimmt")} >= {8, 11, 12, 15, 16}


def test_a_slip_in_a_sub_row_total_is_fehler_with_the_figure(tmp_path, capsys):
    # 2.000 + 10.500 = 12.500, typed 12.600 (the ordentliches Ergebnis built on it is typed as if it were right)
    assert Fraction(2000) + Fraction(10500) == Fraction(12500)
    code, report, _ = check(capsys, write(tmp_path, "plan.txt", _plan(ertrag="12.600")))
    slips = by_status(report, "Fehler")
    assert code == 1 and [b["zeile"] for b in slips] == [8]
    assert Fraction(slips[0]["werte"]["nachgerechnet"]) == Fraction(12500)


def test_a_slip_in_a_named_row_is_fehler(tmp_path, capsys):
    # Nr. 2 ./. Nr. 4 = 12.500 + (−500.550) = −488.050, typed −480.050; Nr. 5 + 9 then holds once it is corrected
    assert Fraction(12500) + Fraction(-500550) == Fraction(-488050)
    code, report, _ = check(capsys, write(tmp_path, "plan.txt", _plan(saldo="-480.050")))
    slips = by_status(report, "Fehler")
    assert code == 1 and 12 in [b["zeile"] for b in slips]
    assert Fraction(next(b for b in slips if b["zeile"] == 12)["werte"]["nachgerechnet"]) == Fraction(-488050)


def test_a_row_naming_a_missing_row_is_never_fehler(tmp_path, capsys):
    # Nr. 6 ./. Nr. 7 + 8 = 1.000 + (−600) = 400 with row 8 read as 0; typed 450: a doubt, no slip
    assert Fraction(1000) + Fraction(-600) == Fraction(400)
    text = _plan().replace("| 400 | 500 |", "| 450 | 500 |").replace("| -487.650 |", "| -487.600 |")
    code, report, _ = check(capsys, write(tmp_path, "plan.txt", text))
    assert 15 not in [b["zeile"] for b in by_status(report, "Fehler")]
    assert 15 in [b["zeile"] for b in by_status(report, "nicht eindeutig")]


def test_numbers_that_are_no_scheme_are_left_alone(tmp_path, capsys):
    # Haushaltsstellen, years and a page number in the first cell, figures that merely stand together
    text = (
        "Haushaltsstelle | Bezeichnung | 2023 | 2024 |\n"
        "2141.54001 | Unterhaltung Schulgebäude | 12.000 | 14.000 |\n"
        "2141.54002 | Bewirtschaftung | 8.000 | 9.000 |\n"
        "2024 | = Summe laut Seite 12 | 25.000 | 23.000 |\n"
        "12 | = Übertrag von Seite 11 (Nr. 1 + 2) | 1.000 | 2.000 |\n"
    )
    assert erkannt(tmp_path, "nummernschema", text) == []
    _, report, _ = check(capsys, write(tmp_path, "liste.txt", text))
    assert not [b for b in report["befunde"] if b["art"] == "nummernschema"]


def test_sub_rows_cut_off_above_are_no_sum(tmp_path):
    # the page starts mid-scheme: „4 =“ under 3.3 only is no total of its sub-rows
    text = _HEAD + "3.3 | + Sachaufwand | -50.250 | -49.900 |\n4 | = ordentliche Aufwendungen | -500.550 | -510.900 |\n"
    assert erkannt(tmp_path, "nummernschema", text) == []
