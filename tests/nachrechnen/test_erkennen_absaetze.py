"""Paragraphs a PDF broke over lines, read as one (issue 60, point 1: „PDF as set“): a Deckung, a „davon“ and a
rest whose figures stand in different lines of one paragraph. Figures computed here with Fractions."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, write
from tests.referenz.rechnen import euro

AUSGABE = Fraction(391_300)
TEIL = Fraction(146_000)


def _deckung(second: Fraction, between: str = "") -> str:
    return (
        f"Der Rat beschließt eine überplanmäßige Aufwendung von {euro(AUSGABE, zeichen='EUR')} für die Unterhaltung\n"
        "der Gemeindestraßen im Haushaltsjahr 2024, weil der Winterdienst deutlich mehr gekostet hat als geplant.\n"
        + between
        + f"Gedeckt werden soll sie mit {euro(TEIL, zeichen='EUR')} aus Minderaufwendungen bei der Gebäudeunterhaltung\n"
        f"sowie mit {euro(second, zeichen='EUR')} aus Mehrerträgen bei der Gewerbesteuer des laufenden Jahres.\n"
    )


def test_a_deckung_over_the_lines_of_one_paragraph_is_checked(capsys, tmp_path):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _deckung(AUSGABE - TEIL)))
    assert code == 0
    assert [(b["art"], b["zeile"], b["getippt"], b["status"]) for b in report["befunde"]] == [
        ("deckung", 1, euro(AUSGABE), "stimmt")
    ]
    assert report["nicht_geprueft"] == []


def test_a_deckung_over_lines_that_does_not_add_up_is_a_slip_with_its_figure(capsys, tmp_path):
    second = AUSGABE - TEIL + 1000
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _deckung(second)))
    assert code == 1
    assert [(b["zeile"], b["getippt"], b["nachgerechnet"]) for b in by_status(report, "Fehler")] == [
        (1, euro(AUSGABE), euro(TEIL + second))
    ]


def test_parts_after_the_short_last_line_of_a_paragraph_or_a_list_item_are_not_joined(capsys, tmp_path):
    closed = _deckung(AUSGABE - TEIL + 1000).replace("als geplant.\n", "als geplant.\nDas ist so.\n")
    listed = _deckung(AUSGABE - TEIL + 1000).replace("Gedeckt werden", "- Gedeckt werden")
    for text in (closed, listed):
        code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
        assert code == 0 and [b for b in report["befunde"] if b["art"] == "deckung"] == [], text


def test_a_split_with_davon_over_two_lines(capsys, tmp_path):
    total, first = Fraction(1_050_000), Fraction(990_000)
    text = (
        f"Für die Sanierung der Grundschule entstehen Mehrkosten von {euro(total)}, davon {euro(first)} im\n"
        f"Vermögenshaushalt und {euro(total - first)} im Verwaltungshaushalt des Jahres 2025 der Gemeinde.\n"
    )
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0
    assert [(b["zeile"], b["getippt"], b["status"]) for b in report["befunde"] if b["art"] == "davon_summe"] == [
        (1, euro(total), "stimmt")
    ]
