"""A difference in rows „Name: Betrag“ one under another (issue 60, point 3; `differenzzeilen.py`), figures computed
here with Fractions."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, write
from tests.referenz.rechnen import euro, zahl

GEPLANT, BESCHEID = Fraction(32_948_051, 100), Fraction(14_771_400, 100)


def _zeilen(typed: Fraction, noun: str = "Eigenmittel") -> str:
    return (
        "Eigenmittel:\n"
        f"geplante Eigenmittel: {euro(GEPLANT, cent=True)}\n"
        f"Eigenmittel laut Fördermittelbescheid: {euro(BESCHEID, cent=True)}\n"
        f"eingesparte {noun}: {euro(typed, cent=True)}\n"
    )


def test_a_row_named_a_difference_is_the_difference_of_the_two_rows_above(capsys, tmp_path):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _zeilen(GEPLANT - BESCHEID)))
    assert code == 0
    assert [(b["art"], b["zeile"], b["getippt"], b["status"]) for b in report["befunde"]] == [
        ("differenz", 4, euro(GEPLANT - BESCHEID, cent=True), "stimmt")
    ]


def test_a_wrong_difference_in_such_rows_is_a_slip(capsys, tmp_path):
    typed = GEPLANT - BESCHEID + 10
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _zeilen(typed)))
    assert code == 1
    assert [(b["zeile"], b["getippt"], b["nachgerechnet"]) for b in by_status(report, "Fehler")] == [
        (4, euro(typed, cent=True), euro(GEPLANT - BESCHEID, cent=True))
    ]


def test_rows_that_name_different_things_are_no_difference(capsys, tmp_path):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _zeilen(GEPLANT, "Sachkosten")))
    assert code == 0 and report["befunde"] == []


# --- „von A um C auf B“ in a sentence, any unit ----------------------------------------------------------------

VON, UM = Fraction(660, 10), Fraction(200, 10)


def test_from_by_to_in_this_order(capsys, tmp_path):
    line = f"Im nachrichtlichen Teil{{}} die Stellen für die AHA von {zahl(VON, 1)} um {{}} auf {zahl(VON + UM, 1)}.\n"
    code, report, _ = check(capsys, write(tmp_path, "a.txt", line.format(" sind", zahl(UM, 1))))
    assert code == 0
    assert [(b["art"], b["getippt"], b["status"]) for b in report["befunde"]] == [("von_auf_um", zahl(UM, 1), "stimmt")]
    code, report, _ = check(capsys, write(tmp_path, "b.txt", line.format(" sind", zahl(UM + 1, 1))))
    assert code == 1
    assert [(b["getippt"], b["nachgerechnet"]) for b in by_status(report, "Fehler")] == [(zahl(UM + 1, 1), zahl(UM, 1))]


def test_from_by_to_with_its_verb_checks_the_new_level_with_its_direction(capsys, tmp_path):
    line = f"Im nachrichtlichen Teil {{}} die Stellen für die AHA von {zahl(VON, 1)} um {zahl(UM, 1)} auf {{}}.\n"
    code, report, _ = check(capsys, write(tmp_path, "a.txt", line.format("steigen", zahl(VON + UM, 1))))
    assert code == 0
    assert [(b["art"], b["getippt"], b["status"]) for b in report["befunde"]] == [
        ("von_um_auf", zahl(VON + UM, 1), "stimmt")
    ]
    code, report, _ = check(capsys, write(tmp_path, "b.txt", line.format("sinken", zahl(VON + UM, 1))))
    assert code == 1  # „sinken … um 20,0 auf 86,0“: the level went the other way
    assert [(b["getippt"], b["nachgerechnet"]) for b in by_status(report, "Fehler")] == [
        (zahl(VON + UM, 1), zahl(VON - UM, 1))
    ]


# --- „von A um C erhöht und damit auf B“: the § 2 of a Nachtragshaushaltssatzung, with its direction ------------

BISHER, UM_KREDIT = Fraction(11_071_702), Fraction(19_017_000)


def _kredite(verb: str, neu: Fraction) -> str:
    return (
        "Der Gesamtbetrag der Kredite wird gegenüber der bisherigen Festsetzung in Höhe von "
        f"{euro(BISHER, zeichen='EUR')} um {euro(UM_KREDIT, zeichen='EUR')} {verb} und damit auf "
        f"{euro(neu, zeichen='EUR')} neu festgesetzt.\n"
    )


def test_raised_by_and_set_to_holds(capsys, tmp_path):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _kredite("erhöht", BISHER + UM_KREDIT)))
    assert code == 0
    assert [(b["art"], b["getippt"], b["status"]) for b in report["befunde"]] == [
        ("von_um_auf", euro(BISHER + UM_KREDIT), "stimmt")
    ]


def test_a_new_amount_on_the_wrong_side_of_the_verb_is_a_slip(capsys, tmp_path):
    typed = BISHER + UM_KREDIT  # „vermindert“, but the amount raised
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _kredite("vermindert", typed)))
    assert code == 1
    assert [(b["getippt"], b["nachgerechnet"]) for b in by_status(report, "Fehler")] == [
        (euro(typed), euro(BISHER - UM_KREDIT))
    ]


def test_raised_from_by_and_the_new_total_named_in_a_clause_of_its_own(capsys, tmp_path):
    # a Thüringer Nachtragshaushaltssatzung, § 2: „steigen … von … um …; der Gesamtbetrag wird damit neu auf …“
    bisher, um = Fraction(4_327_900), Fraction(1_200_000)
    line = (
        "Die Kreditaufnahmen für Investitionen steigen insgesamt von {} um {}; der Gesamtbetrag wird damit neu auf {} "
        "festgesetzt.\n"
    )
    for neu, code_expected in ((bisher + um, 0), (bisher + um + 10_000, 1)):
        text = line.format(euro(bisher, zeichen="EUR"), euro(um, zeichen="EUR"), euro(neu, zeichen="EUR"))
        code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
        assert code == code_expected
        assert [(b["art"], b["getippt"], b["nachgerechnet"]) for b in report["befunde"]] == [
            ("von_um_auf", euro(neu), euro(bisher + um))
        ]


def test_raised_from_bisher_by_and_with_it_set_to(capsys, tmp_path):
    """j07 and j08 of the corpus's Zusatz (Amt Unterspreewald, Stadt Kemberg): „steigt von bisher … um … und wird
    damit auf … festgesetzt“, „steigt gegenüber der bisherigen Festsetzung in Höhe von … um … und wird damit auf …“ –
    j07 with its slip (65.000 + 93.000 is not 163.000)."""
    for line, bisher, um, neu in (
        (
            "Der Gesamtbetrag der Verpflichtungsermächtigungen steigt von bisher {} um {} und wird damit auf {} "
            "festgesetzt.\n",
            Fraction(65_000),
            Fraction(93_000),
            Fraction(163_000),
        ),
        (
            "Der Gesamtbetrag der Kreditaufnahmen steigt gegenüber der bisherigen Festsetzung in Höhe von {} um {} "
            "und wird damit auf {} festgesetzt.\n",
            Fraction(3_465_300),
            Fraction(559_000),
            Fraction(4_024_300),
        ),
    ):
        code, report, _ = check(capsys, write(tmp_path, "a.txt", line.format(euro(bisher), euro(um), euro(neu))))
        assert code == (0 if bisher + um == neu else 1)
        assert [(b["art"], b["getippt"], b["nachgerechnet"]) for b in report["befunde"]] == [
            ("von_um_auf", euro(neu), euro(bisher + um))
        ]


def test_from_by_to_with_the_verb_after_the_new_amount(capsys, tmp_path):
    """ab07 of the corpus's Zusatz (Stadt Burgdorf): „… hat sich … von 4.395.900 € um 383.900 € auf 4.779.800 €
    erhöht.“ – the verb after the new amount names the direction; read with its sign, a new amount on the wrong side
    of the old one is a slip, and the sentence is not also read as an unsigned difference of the two levels."""
    bisher, um = Fraction(4_395_900), Fraction(383_900)
    line = "Im Ergebnishaushalt hat sich der Fehlbetrag von {} um {} auf {} {}.\n"
    for verb, neu, nachgerechnet in (
        ("erhöht", bisher + um, bisher + um),
        ("erhöht", bisher + um + 1_000, bisher + um),
        ("verringert", bisher + um, bisher - um),
        ("verringert", bisher - um, bisher - um),
        ("angestiegen", bisher + um, bisher + um),  # a rise, though no verb of „steigen“ begins the word
        ("zurückgegangen", bisher + um, bisher - um),
    ):
        text = line.format(euro(bisher), euro(um), euro(neu), verb)
        code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
        assert code == (0 if neu == nachgerechnet else 1)
        assert [(b["art"], b["getippt"], b["nachgerechnet"]) for b in report["befunde"] if b["art"] != "differenz"] == [
            ("von_um_auf", euro(neu), euro(nachgerechnet))
        ]
        assert [b["getippt"] for b in by_status(report, "Fehler")] == ([] if neu == nachgerechnet else [euro(neu)])
