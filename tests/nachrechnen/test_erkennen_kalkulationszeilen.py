"""erkennen/kalkulationszeilen.py for itself: the last rows of a Gebührenkalkulation in cells – the fee per m³ as the
costs by the measure, and the change of the fee in percent of the fee before. Figures with Fraction; hostile: rows
that name no measure, two fees none of which is the one before, a row between."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import rund, zahl

KOSTEN, MENGE, BISHER = Fraction(1_858_373), Fraction(599_700), Fraction(291, 100)
GEBUEHR = rund(KOSTEN / MENGE, Fraction(1, 100))
WANDEL = rund((GEBUEHR - BISHER) / BISHER * 100, Fraction(1, 10))


def _kalkulation(
    gebuehr: Fraction = GEBUEHR, wandel: str | None = None, masz: str = "Maßstab Frischwasser in m³"
) -> str:
    wandel = wandel if wandel is not None else "+" + zahl(WANDEL, 1)
    return (
        "Position\t2025\t2026\tZeitraum\n"
        f"gebührenfähige Kosten\t920.987,00\t937.386,00\t{zahl(KOSTEN, 2)}\n"
        f"{masz}\t298.500\t301.200\t{zahl(MENGE)}\n"
        f"Gebühr je m³\t\t\t{zahl(gebuehr, 2)}\n"
        f"bisherige Gebühr je m³\t\t\t{zahl(BISHER, 2)}\n"
        f"Veränderung in %\t\t\t{wandel}\n"
    )


def test_fee_and_its_change(tmp_path, capsys):
    assert (Fraction(310, 100), Fraction(65, 10)) == (GEBUEHR, WANDEL)
    readings = erkannt(tmp_path, "kalkulationszeilen", _kalkulation())
    assert sorted(werte(r) for r in readings) == sorted([([KOSTEN, MENGE], GEBUEHR), ([BISHER, GEBUEHR], WANDEL)])
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _kalkulation()))
    assert code == 0 and not by_status(report, "Fehler")


def test_swapped_digits_of_the_change_are_a_slip(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _kalkulation(wandel="+5,6")))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 6 and Fraction(fehler["werte"]["nachgerechnet"]) == WANDEL


def test_a_fall_typed_as_a_rise_is_a_slip(tmp_path, capsys):
    """The change is signed: the fee before is the base, the new one less it."""
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _kalkulation(wandel="-" + zahl(WANDEL, 1))))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and Fraction(fehler["werte"]["nachgerechnet"]) == WANDEL


def test_a_wrong_fee_is_a_slip(tmp_path, capsys):
    text = _kalkulation(gebuehr=GEBUEHR + Fraction(1, 10))
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 1
    assert any(
        b["zeile"] == 4 and Fraction(b["werte"]["nachgerechnet"]) == GEBUEHR for b in by_status(report, "Fehler")
    )


def test_a_row_that_names_no_measure_is_not_divided(tmp_path):
    readings = erkannt(tmp_path, "kalkulationszeilen", _kalkulation(masz="Rücklage Abwasser"))
    assert [werte(r) for r in readings] == [([BISHER, GEBUEHR], WANDEL)]


def test_two_fees_without_the_one_before_give_no_change(tmp_path):
    text = _kalkulation().replace("bisherige Gebühr je m³", "Gebühr je m³ Niederschlag")
    assert all(r.formel != "steigerung" for r in erkannt(tmp_path, "kalkulationszeilen", text))


def test_a_row_between_leaves_it_unread(tmp_path):
    text = _kalkulation().replace("Gebühr je m³\t", "nachrichtlich\n" + "Gebühr je m³\t", 1)
    assert all(r.formel != "division" for r in erkannt(tmp_path, "kalkulationszeilen", text))
