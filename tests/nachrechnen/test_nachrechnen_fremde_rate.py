"""A percentage in a sentence that names a change „von … auf …“ is the change's rate only where the words right
before it call it so („Das ist eine Steigerung von … oder 5,48 %“, „…, also 6,4 %“, „(+6,4 %)“) – before, the one
percentage of such a sentence was taken as its rate whatever it was, and ten of fifteen ordinary sentences of a
Haushaltsrede were FEHLER (erkennen/prozentsaetze.py). Figures computed here with Fractions."""

from __future__ import annotations

from fractions import Fraction

import pytest

from tests.hilfen.nachrechnen import by_status, check, write
from tests.referenz.rechnen import euro, rund, zahl

SAETZE = [
    "Die Kreisumlage steigt von 28.500.000 € auf 31.200.000 €; der Umlagesatz bleibt bei 33,5 %.",
    "Die Gewerbesteuer steigt von 4.100.000 € auf 4.350.000 €, der Hebesatz liegt weiterhin bei 380 %.",
    "Die Zuweisungen sinken von 2.300.000 € auf 2.150.000 €, obwohl das Land die Quote auf 23 % erhöht.",
    "Die Baukosten stiegen von 1.200.000 € auf 1.450.000 €; davon trägt das Land 80 %.",
    "Der Zuschuss erhöht sich von 45.000 € auf 48.000 € bei einer Förderung von 60 %.",
    "Der Eigenanteil steigt von 120.000 € auf 150.000 €, weil die Förderung nur noch 50 % beträgt.",
    "Die Aufwendungen für Energie steigen von 340.000 € auf 520.000 €, die Preise stiegen um 45 %.",
    "Die Rücklage sinkt von 3.000.000 € auf 2.400.000 €; die Mindestrücklage beträgt 2 % der Ausgaben.",
    "Die Verschuldung je Einwohner steigt von 1.020 € auf 1.100 € und liegt damit 12 % unter dem Landesschnitt.",
    "Die Einnahmen steigen von 750.000 € auf 810.000 € – das liegt an der Erhöhung um 5 % der Gebühren.",
]


@pytest.mark.parametrize("satz", SAETZE)
def test_a_percentage_of_something_else_is_no_slip_of_the_change(tmp_path, capsys, satz):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", satz + "\n"))
    assert code == 0 and by_status(report, "Fehler") == [] and by_status(report, "nicht eindeutig") == []


ALT, NEU = Fraction(60_579_471), Fraction(63_899_744)


@pytest.mark.parametrize("verbindung", ["Das ist eine Steigerung von {d} oder", "Das entspricht", "Das sind also"])
def test_the_rate_the_words_call_so_is_read_and_its_slip_found(tmp_path, capsys, verbindung):
    rate = rund((NEU - ALT) / ALT * 100, Fraction(1, 100))
    vorne = f"Der Personalaufwand steigt von {euro(ALT)} auf {euro(NEU)}. "
    satz = vorne + verbindung.format(d=euro(NEU - ALT)) + " {p} %.\n"
    code, report, _ = check(capsys, write(tmp_path, "a.txt", satz.format(p=zahl(rate, 2))))
    gelesen = [b for b in report["befunde"] if b["art"] == "veraenderung_prozent"]
    assert code == 0 and [(b["status"], Fraction(b["werte"]["getippt"])) for b in gelesen] == [("stimmt", rate)]
    falsch = rate + Fraction(1, 10)
    code, report, _ = check(capsys, write(tmp_path, "b.txt", satz.format(p=zahl(falsch, 2))))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and Fraction(slip["werte"]["nachgerechnet"]) == rate


@pytest.mark.parametrize(
    "rest",
    [
        ", das sind 10 % der Einzahlungen",
        " (10 % der Einzahlungen)",
        ", also um 10 % der Einzahlungen",
        " (Mindestrücklage 2 %)",
        ", das entspricht 15 % über dem Landesschnitt",
    ],
)
def test_a_percentage_right_after_the_new_amount_that_names_what_else_it_is_of_is_no_rate(tmp_path, capsys, rest):
    # fliesstext's rate after the new amount (the step before) took „das sind 10 % der Einzahlungen“ as the rate
    satz = f"Der Kassenkredit steigt von {euro(Fraction(2_000_000))} auf {euro(Fraction(3_000_000))}{rest}.\n"
    code, report, _ = check(capsys, write(tmp_path, "a.txt", satz))
    assert code == 0 and by_status(report, "Fehler") == [] and by_status(report, "nicht eindeutig") == []
