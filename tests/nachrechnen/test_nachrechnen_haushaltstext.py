"""`nachrechnen` on the words of a Haushalt's text (the `u…` papers of the Zusatz): a Saldo named an „Unterdeckung“
or a „Finanzmitteldefizit“ beside its two amounts, and the numbers of a law's sections („§ 2“, „§ 80 Abs. 3 Satz
1“), which are no figures. Expected values are worked out here with Fraction."""

from __future__ import annotations

from fractions import Fraction

import pytest

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import zahl

AUS, EIN = Fraction(682_100), Fraction(93_900)  # Auszahlungen and Einzahlungen aus Investitionstätigkeit


def _investitionen(wort: str, ergebnis: Fraction) -> str:
    return (
        f"Die voraussichtlichen Auszahlungen aus Investitionstätigkeit betragen {zahl(AUS, 2)} € und die "
        f"voraussichtlichen Einzahlungen aus Investitionstätigkeit belaufen sich auf {zahl(EIN, 2)} €. Bei den "
        f"Investitionen entsteht mithin eine {wort} in Höhe von {zahl(ergebnis, 2)} €.\n"
    )


@pytest.mark.parametrize("wort", ["Unterdeckung", "Überdeckung", "Finanzmitteldefizit"])
def test_a_saldo_named_an_unterdeckung_or_a_defizit_is_the_difference_of_its_two_amounts(tmp_path, capsys, wort):
    (reading,) = erkannt(tmp_path, "inzeile", _investitionen(wort, AUS - EIN))
    parts, result = werte(reading)
    assert sorted(parts) == [EIN, AUS] and result == AUS - EIN == Fraction(588_200)
    code, report, _ = check(capsys, write(tmp_path, "u.txt", _investitionen(wort, AUS - EIN)))
    assert code == 0 and len(by_status(report, "stimmt")) == 1


def test_a_difference_that_misses_claims_nothing(tmp_path, capsys):
    """The roles of the amounts are a guess: a difference that does not hold is no slip, its figures unchecked."""
    code, report, _ = check(capsys, write(tmp_path, "u.txt", _investitionen("Unterdeckung", AUS - EIN + 100)))
    assert code == 0 and by_status(report, "Fehler") == [] and by_status(report, "stimmt") == []


SATZUNG = (
    "| der Saldo der ordentlichen Ein- und Auszahlungen auf | 1.530 € | 28.381 € |\n"
    "| die Einzahlungen aus Investitionstätigkeit auf | 400.000 € | 200.000 € |\n"
    "| die Auszahlungen aus Investitionstätigkeit auf | 0 € | 0 € |\n"
    "| der Saldo der Ein- und Auszahlungen aus Investitionstätigkeit auf | 400.000 € | 200.000 € |\n"
    "| der Saldo der Ein- und Auszahlungen aus Finanzierungstätigkeit auf | -401.530 € | -228.381 € |\n"
    "§ 2 Gesamtbetrag der vorgesehenen Kredite\n"
    "Kredite für Investitionen sind nicht veranschlagt.\n"
    "Eine Einsichtnahme ist nach § 80 Abs. 3 Satz 1 ThürKO bis zur Entlastung möglich (Art. 4 Nr. 2, Ziffer 5).\n"
)


def test_the_number_of_a_section_is_no_figure_and_no_total_of_the_table_above(tmp_path, capsys):
    """„§ 2 Gesamtbetrag der vorgesehenen Kredite“ under a table (u03 of the Zusatz) was read as a total row typed „2“
    – a doubt about a figure no one typed; a reference („§ 80 Abs. 3 Satz 1“, „Art. 4 Nr. 2“) holds no figure."""
    code, report, _ = check(capsys, write(tmp_path, "s.txt", SATZUNG))
    assert code == 0 and by_status(report, "nicht eindeutig") == [] and by_status(report, "Fehler") == []
    unchecked = {z["zahl"] for z in report["nicht_geprueft"]}
    assert not {"2", "80", "3", "1", "4", "5"} & unchecked
