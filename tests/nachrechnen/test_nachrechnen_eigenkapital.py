"""The Eigenkapital a Haushaltssatzung states at the end of two years (`eigenkapital.py`, issue 60): the later is
the earlier plus the Jahresergebnis the Satzung sets – a guess: confirmed when it holds, „nicht eindeutig“ when not.
Figures computed here with Fractions."""

from __future__ import annotations

from fractions import Fraction

import pytest

from tests.hilfen.nachrechnen import by_status, check, write
from tests.referenz.rechnen import zahl

VORJAHR = Fraction(62_998_815, 100)


def _satzung(label: str, ergebnis: Fraction, stand: Fraction) -> str:
    return (
        f"| der Gesamtbetrag der Erträge auf | 441.649,00 EUR |\n| {label} auf | {zahl(ergebnis, 2)} EUR |\n"
        "Verpflichtungsermächtigungen werden nicht veranschlagt.\n"
        f"Das Eigenkapital beträgt zum 31.12.2024 voraussichtlich {zahl(VORJAHR, 2)} EUR und zum 31.12.2025 "
        f"voraussichtlich {zahl(stand, 2)} EUR.\n"
    )


@pytest.mark.parametrize(
    ("label", "ergebnis", "aenderung"),
    [
        ("der Jahresüberschuss", Fraction(1_407_000, 100), Fraction(1_407_000, 100)),
        ("der Jahresfehlbetrag", Fraction(5_066_300, 100), -Fraction(5_066_300, 100)),
        ("der Jahresüberschuss / Jahresfehlbetrag", -Fraction(5_066_300, 100), -Fraction(5_066_300, 100)),
    ],
)
def test_the_eigenkapital_changes_by_the_jahresergebnis(capsys, tmp_path, label, ergebnis, aenderung):
    stand = VORJAHR + aenderung
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _satzung(label, ergebnis, stand)))
    assert code == 0
    assert [(b["art"], b["getippt"], b["status"]) for b in report["befunde"] if b["art"] == "eigenkapital"] == [
        ("eigenkapital", f"{zahl(stand, 2)}\u00a0€", "stimmt")
    ]


def test_a_stand_that_does_not_hold_is_not_eindeutig(capsys, tmp_path):
    ergebnis = Fraction(1_407_000, 100)
    typed = VORJAHR + ergebnis + 1000
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _satzung("der Jahresüberschuss", ergebnis, typed)))
    assert code == 0 and by_status(report, "Fehler") == []
    assert [(b["getippt"], b["nachgerechnet"]) for b in by_status(report, "nicht eindeutig")] == [
        (f"{zahl(typed, 2)}\u00a0€", f"{zahl(VORJAHR + ergebnis, 2)}\u00a0€")
    ]
