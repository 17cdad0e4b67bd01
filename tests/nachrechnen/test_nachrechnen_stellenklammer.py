"""`nachrechnen` on Stellen with their parts in brackets (b01 of the Zusatz): „Neuschaffungen: +3,5 VZÄ (1,0 VZÄ für
Fahrerlaubnisse// 0,5 VZÄ Verwaltung// …)“ – the parts add up to the total, as amounts and rates in brackets do;
VZÄ and Stellen are one unit, and a plain figure without such a word is no part. Expected values with Fraction."""

from __future__ import annotations

from fractions import Fraction

import pytest

from tests.hilfen.nachrechnen import by_status, check, write
from tests.referenz.rechnen import zahl

TEILE = [Fraction(1), Fraction(1, 2), Fraction(1), Fraction(1)]


def _zeile(gesamt: Fraction, einheit: str = "VZÄ", dritte: str = "1,0 Stellen") -> str:
    return (
        f"Neuschaffungen: +{zahl(gesamt, 1)} {einheit} (1,0 VZÄ für Fahrerlaubnisse// 0,5 VZÄ Verwaltung// "
        f"{dritte} Gewerberecht// 1,0 VZÄ Steuerungsunterstützung)\n"
    )


@pytest.mark.parametrize("einheit", ["VZÄ", "Stellen", "Planstellen"])
def test_stellen_with_their_parts_in_brackets_are_their_sum(tmp_path, capsys, einheit):
    code, report, _ = check(capsys, write(tmp_path, "s.txt", _zeile(sum(TEILE), einheit)))
    (befund,) = by_status(report, "stimmt")
    assert code == 0 and befund["erkannt"] == "aufgezählte Stellen in Klammern"
    assert Fraction(befund["werte"]["nachgerechnet"]) == sum(TEILE) == Fraction(7, 2)


def test_a_total_the_parts_miss_is_a_doubt_as_the_list_may_leave_parts_out(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "s.txt", _zeile(sum(TEILE) + 1)))
    (befund,) = by_status(report, "nicht eindeutig")
    assert code == 0 and befund["hinweis"] == "vielleicht sind in der Klammer nicht alle Teile genannt"
    assert Fraction(befund["werte"]["nachgerechnet"]) == Fraction(7, 2)


@pytest.mark.parametrize("dritte", ["1,0", "1,0 Tage", "1,0 €"])
def test_a_part_of_another_unit_or_none_is_no_part(tmp_path, capsys, dritte):
    # with the third part read the sum would hold; without it three parts give 2,5 – so nothing may say „stimmt“
    code, report, _ = check(capsys, write(tmp_path, "s.txt", _zeile(sum(TEILE), dritte=dritte)))
    assert code == 0 and by_status(report, "stimmt") == [] and by_status(report, "Fehler") == []
