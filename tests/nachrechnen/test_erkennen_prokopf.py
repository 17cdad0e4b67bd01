"""erkennen/prokopf.py for itself: an amount per inhabitant of an amount the sentence names or points back to.
Figures with Fraction."""

from __future__ import annotations

from fractions import Fraction

import pytest

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import rund, zahl

SCHULDEN, EINWOHNER = Fraction(740800000, 100), 8214
CENT = Fraction(1, 100)
JE_KOPF = rund(SCHULDEN / EINWOHNER, CENT)  # 901,87


def _papier(
    je_kopf: Fraction = JE_KOPF, satz: str = "Bei {n} Einwohnern entspricht dies einer Pro-Kopf-Verschuldung von {k} €."
) -> str:
    return (
        f"Der Schuldenstand beträgt zum 31.12.2025 voraussichtlich {zahl(SCHULDEN, 2)} €.\n"
        + satz.format(n=zahl(Fraction(EINWOHNER), 0), k=zahl(je_kopf, 2))
        + "\n"
    )


def test_an_amount_per_head_of_the_amount_this_points_back_to(tmp_path, capsys):
    (reading,) = erkannt(tmp_path, "prokopf", _papier())
    assert werte(reading) == ([SCHULDEN, Fraction(EINWOHNER)], JE_KOPF) and reading.sicher
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _papier()))
    assert code == 0 and not by_status(report, "Fehler")


def test_a_slip_in_it_is_found(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _papier(JE_KOPF + 8)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 2 and Fraction(fehler["werte"]["nachgerechnet"]) == JE_KOPF


def test_the_amount_may_stand_in_the_same_sentence_under_a_word_for_it(tmp_path):
    text = f"Die Schulden von {zahl(SCHULDEN, 2)} € ergeben bei {EINWOHNER} Einwohnern eine Pro-Kopf-Verschuldung von {zahl(JE_KOPF, 2)} €.\n"
    (reading,) = erkannt(tmp_path, "prokopf", text)
    assert werte(reading) == ([SCHULDEN, Fraction(EINWOHNER)], JE_KOPF)
    # „… € je Einwohner“ after an amount and a count of its sentence is jeeinheit's guess
    text = f"Die Schulden von {zahl(SCHULDEN, 2)} € ergeben bei {EINWOHNER} Einwohnern {zahl(JE_KOPF, 2)} € je Einwohner.\n"
    assert erkannt(tmp_path, "prokopf", text) == []


@pytest.mark.parametrize(
    "satz",
    [
        # another base: the Eigenbetriebe counted in
        "Bei {n} Einwohnern entspricht dies einschließlich der Eigenbetriebe einer Pro-Kopf-Verschuldung von {k} €.",
        # no pointer back: which amount is divided is open
        "Bei {n} Einwohnern ergibt sich eine Pro-Kopf-Verschuldung von {k} €.",
        # another amount in the sentence
        "Bei {n} Einwohnern entspricht dies einer Pro-Kopf-Verschuldung von {k} € (Landkreis: 1.204,00 €).",
        # no inhabitants named
        "Das entspricht einer Pro-Kopf-Verschuldung von {k} €.",
    ],
)
def test_what_is_not_so_named_is_not_read(tmp_path, satz):
    assert erkannt(tmp_path, "prokopf", _papier(JE_KOPF + 100, satz)) == []


@pytest.mark.parametrize(
    "satz_davor",
    [
        # the amount the words name by the noun of the amount per head, a Tilgung before it
        "Unter Berücksichtigung der Tilgungen von 512.000,00 € beträgt der Schuldenstand zum 31.12.2025 {s} €.",
        # … a Tilgung after it
        "Der Schuldenstand beträgt zum 31.12.2025 {s} €, nach Tilgungen von 415.000,00 €.",
        # a change („um …“) is not what „dies“ is
        "Der Schuldenstand ist im Jahr 2025 um 415.000,00 € auf {s} € gesunken.",
    ],
)
def test_of_two_amounts_before_dies_is_the_one_named_as_the_debt(tmp_path, satz_davor):
    text = satz_davor.format(s=zahl(SCHULDEN, 2)) + (
        f"\nBei {EINWOHNER} Einwohnern entspricht dies einer Pro-Kopf-Verschuldung von {zahl(JE_KOPF, 2)} €.\n"
    )
    (reading,) = erkannt(tmp_path, "prokopf", text)
    assert werte(reading) == ([SCHULDEN, Fraction(EINWOHNER)], JE_KOPF)


def test_of_a_rounded_amount_it_only_confirms(tmp_path, capsys):
    # set 5 of the fresh papers: 79,7 Mio. € is rounded; the exact Aufkommen gives 432,20 € per head, not 79,7 Mio. / …
    text = (
        "Das Umlageaufkommen 2025 beträgt damit rund 79,7 Mio. €. Bei 184.312 Einwohnern (Stand 31.12.2023) "
        "entspricht dies 432,20 € je Einwohner.\n"
    )
    assert rund(Fraction(79_700_000, 184_312), CENT) != Fraction(43220, 100)
    assert [r.sicher for r in erkannt(tmp_path, "prokopf", text)] == [False]
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0 and not by_status(report, "Fehler")
