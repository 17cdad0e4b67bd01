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


@pytest.mark.parametrize(
    ("zeile", "ungeprueft"),
    [
        ("Im Bauamt sind 12 Stellen (Vorjahr 10 Stellen, davor 8 Stellen) besetzt.", 0),  # counts are no amounts
        ("Die Kosten betragen 1.200.000 € (Vorjahr 1.000.000 €, 2020: 900.000 €).", 3),
        ("Die Kosten betragen 1.200.000 € (Plan 2023: 1.000.000 €, Ist: 900.000 €).", 3),
        ("Die Kosten betragen 1.200.000 € (Ansatz 1.000.000 €, Ergebnis 2022 900.000 €).", 3),
        ("Die Förderquote beträgt 80 % (bisher 60 %, früher 50 %).", 3),
    ],
)
def test_a_bracket_of_earlier_or_planned_values_lists_no_parts(tmp_path, capsys, zeile, ungeprueft):
    # 10 + 8 ≠ 12 and 1.000.000 + 900.000 ≠ 1.200.000: read as parts, each line would be a doubt – it holds values of
    # another time, so no reading is made and every amount is listed as unchecked
    code, report, _ = check(capsys, write(tmp_path, "s.txt", zeile + "\n"))
    assert code == 0 and report["befunde"] == []
    assert len(report["nicht_geprueft"]) == ungeprueft


def test_parts_named_with_a_word_like_plan_are_still_parts(tmp_path, capsys):
    # 1.000.000 + 900.000 = 1.900.000 ≠ 1.800.000: read as parts that may be incomplete, a doubt
    zeile = "Die Kosten betragen 1.800.000 € (Planung 1.000.000 €, Bau 900.000 €)."
    code, report, _ = check(capsys, write(tmp_path, "s.txt", zeile + "\n"))
    (befund,) = by_status(report, "nicht eindeutig")
    assert code == 0 and Fraction(befund["werte"]["nachgerechnet"]) == Fraction(1_900_000)
