"""erkennen/prozentsaetze.py never reads „x von y = z %“ or „z % von y = x“ across a sentence end: „Ein Ansatz von
8.400.000 € ist veranschlagt. Erträge von 6.950.000 € sind gebucht; das entspricht 82,7 %.“ was read as 8.400.000 of
6.950.000 (a false FEHLER of 120,9 %), and „… 53,8 % des Jahresansatzes von 17.500.000 €. Gegenüber dem Vorjahr
(8.736.100 €) …“ as 53,8 % of the Ansatz giving the Vorjahr's amount (a fresh set's false alarm). Figures with
Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, write
from tests.referenz.rechnen import zahl

ANSATZ, GEBUCHT, VORJAHR = Fraction(8_400_000), Fraction(6_950_000), Fraction(6_100_000)


def test_x_von_y_does_not_reach_over_a_sentence_end(tmp_path, capsys):
    quote = zahl(GEBUCHT / ANSATZ * 100, 1)
    text = (
        f"Für die Gewerbesteuer ist ein Ansatz von {zahl(ANSATZ)} € veranschlagt. Erträge von {zahl(GEBUCHT)} € sind "
        f"gebucht; das entspricht {quote} %.\n"
    )
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0 and not by_status(report, "Fehler")


def test_a_rate_of_y_does_not_give_the_amount_of_the_next_sentence(tmp_path, capsys):
    quote = zahl(GEBUCHT / ANSATZ * 100, 1)
    text = (
        f"Die Gewerbesteuer hat ein Aufkommen von {zahl(GEBUCHT)} € erreicht; das sind {quote} % des Jahresansatzes "
        f"von {zahl(ANSATZ)} €. Gegenüber dem Vorjahreszeitraum ({zahl(VORJAHR)} €) ergibt sich ein Plus von "
        f"{zahl(GEBUCHT - VORJAHR)} €.\n"
    )
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0 and not by_status(report, "Fehler")
