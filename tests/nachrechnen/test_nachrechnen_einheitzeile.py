"""A unit a page wrapped onto a line of its own (`einheitzeile.py`, issue 60): „Planung 12.500“ / „€“ – the figure
above is an amount, and the list's total is read. Figures computed here with Fractions."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, write
from tests.referenz.rechnen import euro, zahl

TEILE = {"Planung": Fraction(12_500), "Bau": Fraction(80_000), "Ausstattung": Fraction(7_500)}


def _liste(gesamt: Fraction) -> str:
    lines = "".join(f"{name} {zahl(betrag)}\n€\n" for name, betrag in TEILE.items())
    return "Die Kosten setzen sich zusammen aus:\n" + lines + f"Gesamt: {euro(gesamt)}\n"


def test_a_list_whose_euro_sign_wrapped_adds_up_to_its_total(capsys, tmp_path):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _liste(sum(TEILE.values()))))
    assert code == 0
    assert [(b["zeile"], b["getippt"], b["status"]) for b in report["befunde"]] == [
        (8, euro(sum(TEILE.values())), "stimmt")
    ]


def test_a_wrong_total_of_such_a_list_is_a_slip(capsys, tmp_path):
    typed = sum(TEILE.values()) + 1000
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _liste(typed)))
    assert code == 1
    assert [(b["zeile"], b["nachgerechnet"]) for b in by_status(report, "Fehler")] == [(8, euro(sum(TEILE.values())))]


def test_a_year_above_a_unit_stays_a_year(capsys, tmp_path):
    text = "Haushaltsjahr 2024\n€\nAnsatz 1.000 €\nIst 900 €\n"
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0 and "2024" not in [f["zahl"] for f in report["nicht_geprueft"]]
