"""`nachrechnen` on the shares of a Förderung (v01 of the Zusatz): a total rate with its parts in brackets („einer
Gesamtförderung von 80 % aus (50 % Bund, 30 % Land)“) – the parts add up to the total, as amounts in brackets do.
Expected values are worked out here with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, write
from tests.referenz.rechnen import zahl

BUND, LAND = Fraction(50), Fraction(305, 10)


def _satz(gesamt: Fraction, bund: Fraction = BUND, land: Fraction = LAND) -> str:
    return (
        f"Bislang ging der Markt von einer Gesamtförderung von {zahl(gesamt, 1)} % aus ({zahl(bund)} % Bund, "
        f"{zahl(land, 1)} % Land), wodurch ein Eigenanteil bleibt.\n"
    )


def test_a_total_rate_with_its_parts_in_brackets_is_their_sum(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "f.txt", _satz(BUND + LAND)))
    (befund,) = by_status(report, "stimmt")
    assert code == 0 and befund["erkannt"] == "aufgezählte Anteile in Klammern"
    assert Fraction(befund["werte"]["nachgerechnet"]) == BUND + LAND == Fraction(805, 10)
    assert report["nicht_geprueft"] == []


def test_parts_that_miss_the_total_rate_are_a_doubt_not_a_slip(tmp_path, capsys):
    """The brackets may not name every part („u. a.“): a mismatch is „nicht eindeutig“, at the total's line."""
    code, report, _ = check(capsys, write(tmp_path, "f.txt", _satz(BUND + LAND + 10)))
    (befund,) = by_status(report, "nicht eindeutig")
    assert code == 0 and befund["zeile"] == 1 and Fraction(befund["werte"]["nachgerechnet"]) == BUND + LAND


def test_amounts_in_brackets_beside_a_rate_are_no_parts_of_it(tmp_path, capsys):
    """„80 % (400.000 € Bund, 300.000 € Land)“: the amounts are no shares of the rate."""
    text = "Die Förderquote liegt bei 80 % (400.000 € Bund, 300.000 € Land).\n"
    code, report, _ = check(capsys, write(tmp_path, "f.txt", text))
    assert code == 0 and report["befunde"] == []
