"""A change stated against the value a paragraph before named for the same thing (issue 60: Jahresabschlüsse in
prose). Figures computed here with Fractions."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import check, write
from tests.referenz.rechnen import euro

BILANZ_2017, BILANZ_2018 = Fraction(197_968_622, 100), Fraction(197_074_060, 100)
EK_2017, EK_PLUS = Fraction(138_439_448, 100), Fraction(3_183_496, 100)


def _text(gesunken: Fraction, neu_ek: Fraction, between: str = "\n \n") -> str:
    return (
        f"Im Jahresabschluss 2017 betrug die Bilanzsumme {euro(BILANZ_2017, cent=True)}. Neu investiert wurde nicht.\n"
        f"{between}"
        f"Wegen des positiven Jahresergebnisses 2017 steigt das Eigenkapital insgesamt auf {euro(EK_2017, cent=True)}.\n"
        f"{between}"
        f"Im Jahresabschluss 2018 betrug die Bilanzsumme {euro(BILANZ_2018, cent=True)}; sie ist damit um "
        f"{euro(gesunken, cent=True)} gesunken.\n"
        f"{between}"
        f"Wegen des positiven Jahresergebnisses 2018 steigt das Eigenkapital um {euro(EK_PLUS, cent=True)} auf "
        f"{euro(neu_ek, cent=True)}.\n"
    )


def _vorwert(report: dict) -> list[tuple]:
    return [(b["getippt"], b["status"]) for b in report["befunde"] if b["art"] == "vorwert"]


def test_a_change_against_the_value_named_paragraphs_before(capsys, tmp_path):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _text(BILANZ_2017 - BILANZ_2018, EK_2017 + EK_PLUS)))
    assert code == 0
    assert _vorwert(report) == [
        (euro(BILANZ_2017 - BILANZ_2018, cent=True), "stimmt"),
        (euro(EK_2017 + EK_PLUS, cent=True), "stimmt"),
    ]


def test_a_change_that_does_not_hold_is_not_eindeutig_with_the_reading_never_a_slip(capsys, tmp_path):
    typed = Fraction(873_954, 100)  # the slip of a real Jahresabschluss
    assert typed != BILANZ_2017 - BILANZ_2018
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _text(typed, EK_2017 + EK_PLUS)))
    assert code == 0
    (doubt,) = [b for b in report["befunde"] if b["art"] == "vorwert" and b["status"] == "nicht eindeutig"]
    assert (doubt["getippt"], doubt["nachgerechnet"]) == (
        euro(typed, cent=True),
        euro(BILANZ_2017 - BILANZ_2018, cent=True),
    )


def test_no_earlier_value_is_guessed(capsys, tmp_path):
    wrong_ek, wrong_change = EK_2017 + EK_PLUS + 1, BILANZ_2017 - BILANZ_2018 + 1
    base = _text(wrong_change, wrong_ek)
    cases = {
        # the earlier sentences say „rund“ / „rd.“
        "rund": base.replace("insgesamt auf", "insgesamt auf rund").replace(
            "Bilanzsumme 1.979", "Bilanzsumme rd. 1.979"
        ),
        # the change is rounded
        "rd.": base.replace("um 31.834,96", "um rd. 31.834,96").replace("um 8.", "um rd. 8."),
        # a table between: the value above it is no longer the text's
        "Tabelle": _text(wrong_change, wrong_ek, between="\n| Posten | 2017 | 2018 |\n"),
        # the earlier value more than forty lines above
        "weit": _text(wrong_change, wrong_ek, between="\n" + "Ein Satz ohne Zahlen steht hier.\n" * 45),
        # the words name both directions
        "beides": base.replace("gesunken.", "gesunken und gestiegen.").replace("steigt das", "steigt und sinkt das"),
        # the noun is named far before its amount
        "fern": base.replace(
            "die Bilanzsumme 1.979", "die Bilanzsumme nach der Prüfung durch das Rechnungsprüfungsamt des Kreises 1.979"
        ).replace(
            "Eigenkapital insgesamt auf",
            "Eigenkapital nach dem Beschluss über die Verwendung des Ergebnisses insgesamt auf",
        ),
    }
    for name, text in cases.items():
        code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
        assert code == 0 and _vorwert(report) == [], name
