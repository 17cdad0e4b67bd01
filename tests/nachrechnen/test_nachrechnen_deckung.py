"""The Deckung of an über- or außerplanmäßige Ausgabe in prose (issue 60, point 3; `deckung.py`): the amounts that
cover it add up to it, the „restliche Betrag“ is what the others leave; figures computed here with Fractions."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, write
from tests.referenz.rechnen import euro

A, B = Fraction(146_000), Fraction(246_300)


def _anteilig(typed: Fraction, doubt: str = "anteilig") -> str:
    return (
        f"2. eine überplanmäßige Aufwendung 2024 von {euro(typed, zeichen='EUR')} für Mehraufwendungen bei der "
        f"Kreisumlage. Gedeckt werden soll sie {doubt} mit {euro(A, zeichen='EUR')} aus der Gewinnausschüttung der "
        f"Stadtwerke sowie mit {euro(B, zeichen='EUR')} aus Mehrerträgen beim Gemeindeanteil an der Einkommensteuer.\n"
    )


def test_a_deckung_in_prose_that_adds_up(capsys, tmp_path):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _anteilig(A + B)))
    assert code == 0
    assert [(b["art"], b["getippt"], b["status"]) for b in report["befunde"]] == [("deckung", euro(A + B), "stimmt")]
    assert report["nicht_geprueft"] == []


def test_a_deckung_in_prose_that_does_not_add_up_is_a_slip(capsys, tmp_path):
    typed = A + B - 1000
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _anteilig(typed)))
    assert code == 1
    assert [(b["getippt"], b["nachgerechnet"], b["rechnung"]) for b in by_status(report, "Fehler")] == [
        (euro(typed), euro(A + B), f"{euro(A)} + {euro(B)}")
    ]


def test_a_deckung_said_to_be_partial_is_not_eindeutig(capsys, tmp_path):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _anteilig(A + B + 5000, "unter anderem")))
    assert code == 0
    assert [(b["status"], b["hinweis"]) for b in report["befunde"]] == [
        ("nicht eindeutig", "die Deckung nennt nur einen Teil der Beträge")
    ]


TOTAL = Fraction(15_558_101, 100)
PARTS = [Fraction(2_811_456, 100), Fraction(573_000, 100)]


def _rest(typed: Fraction) -> str:
    return (
        f"Für außerplanmäßige Aufwendungen von {euro(TOTAL, cent=True)} im Teilhaushalt 112 (Wirtschaftsförderung) "
        "werden für 2024 Haushaltsmittel bereitgestellt. Gedeckt werden sie durch Mehrerträge im Teilhaushalt 126 "
        f"(Kostenrechnende Einrichtungen) von {euro(PARTS[0], cent=True)} und im Teilhaushalt 134 (Feuerwehrwesen) "
        f"von {euro(PARTS[1], cent=True)}. Der restliche Betrag von {euro(typed, cent=True)} wird aus der Rücklage "
        "gedeckt.\n"
    )


def test_the_restliche_betrag_is_what_the_other_amounts_leave(capsys, tmp_path):
    rest = TOTAL - sum(PARTS)
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _rest(rest)))
    assert code == 0
    assert [(b["art"], b["getippt"], b["status"]) for b in report["befunde"]] == [
        ("deckung", euro(rest, cent=True), "stimmt")
    ]
    typed = rest + Fraction(1, 100)
    code, report, _ = check(capsys, write(tmp_path, "b.txt", _rest(typed)))
    assert code == 1
    assert [(b["getippt"], b["nachgerechnet"]) for b in by_status(report, "Fehler")] == [
        (euro(typed, cent=True), euro(rest, cent=True))
    ]
