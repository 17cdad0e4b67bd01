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


def _vorher_genannt(erster: Fraction, zweiter: Fraction, ausgabe: Fraction, vorher: str = "") -> str:
    return (
        f"1. Für Bauleistungen und Planung werden {euro(ausgabe, zeichen='EUR')} brutto mehr benötigt{vorher}. Sofern "
        "die Aufsicht den Haushalt genehmigt, werden sie überplanmäßig im Haushalt 2015 bereitgestellt. Gedeckt werden "
        f"sie mit {euro(erster, zeichen='EUR')} aus dem PSP-Element 7.0001032.700 und mit {euro(zweiter, zeichen='EUR')} "
        "aus der Kostenstelle 1098700000.\n"
    )


def test_a_deckung_whose_ausgabe_stands_before_the_word_ueberplanmaessig(capsys, tmp_path):
    erster, zweiter = Fraction(200_000), Fraction(281_000)
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _vorher_genannt(erster, zweiter, erster + zweiter)))
    assert code == 0
    assert [(b["art"], b["getippt"], b["status"]) for b in report["befunde"]] == [
        ("deckung", euro(erster + zweiter), "stimmt")
    ]
    typed = erster + zweiter + 10_000
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _vorher_genannt(erster, zweiter, typed)))
    assert code == 1
    assert [(b["getippt"], b["nachgerechnet"]) for b in by_status(report, "Fehler")] == [
        (euro(typed), euro(erster + zweiter))
    ]


def test_no_ausgabe_is_guessed_from_two_amounts_or_without_ueberplanmaessig(capsys, tmp_path):
    erster, zweiter = Fraction(200_000), Fraction(281_000)
    typed = erster + zweiter + 10_000
    two = _vorher_genannt(
        erster, zweiter, typed, vorher=f", dazu {euro(Fraction(90_000), zeichen='EUR')} für die Ausstattung"
    )
    plain = _vorher_genannt(erster, zweiter, typed).replace("überplanmäßig ", "")
    for text in (two, plain):
        code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
        assert code == 0 and [b for b in report["befunde"] if b["art"] == "deckung"] == [], text


def _betraegt(ausgabe: Fraction, erster: Fraction, zweiter: Fraction) -> str:
    return (
        f"Im Haushalt sind für das Produkt 3.6.5 Mittel von {euro(Fraction(80_000))} veranschlagt. Benötigt werden "
        f"{euro(Fraction(80_000) + erster + zweiter)}. Die überplanmäßige Ausgabe beträgt somit {euro(ausgabe)}. Die "
        f"Deckung erfolgt in Höhe von {euro(erster)} aus Minderausgaben beim Produkt 1.1.3 und in Höhe von "
        f"{euro(zweiter)} aus Mehrerträgen der Gewerbesteuer.\n"
    )


def test_an_ausgabe_the_sentence_says_it_amounts_to(capsys, tmp_path):
    """„Die überplanmäßige Ausgabe beträgt somit 32.500 €“ – as a new user writes it; before, only „von“ or „in Höhe
    von“ after the words named the Ausgabe, and a Deckung that missed it passed without a word."""
    erster, zweiter = Fraction(20_000), Fraction(12_500)
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _betraegt(erster + zweiter, erster, zweiter)))
    assert code == 0 and ("stimmt", erster + zweiter) in [
        (b["status"], Fraction(b["werte"]["getippt"])) for b in report["befunde"] if b["art"] == "deckung"
    ]
    falsch = erster + zweiter + 1_000
    code, report, _ = check(capsys, write(tmp_path, "b.txt", _betraegt(falsch, erster, zweiter)))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and (Fraction(slip["werte"]["getippt"]), Fraction(slip["werte"]["nachgerechnet"])) == (
        falsch,
        erster + zweiter,
    )
