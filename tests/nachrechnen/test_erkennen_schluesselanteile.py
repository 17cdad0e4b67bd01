"""erkennen/schluesselanteile.py for itself: amounts worked out from keys in percent whose whole is not typed (aa05 of
the corpus's Zusatz: a Zweckverband's Umlage, „Ortsgemeinde Plütscheid | 30% | 150 €“ …): each amount is another
row's amount times its own key over that row's key. Every expected value is worked out here with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import rund, zahl

UMLAGE = Fraction(48_250)
SCHLUESSEL = {  # members and their keys in percent (a statute's whole numbers, together 100)
    "Stadt Neuerburg": Fraction(40),
    "Ortsgemeinde Plütscheid": Fraction(25),
    "Ortsgemeinde Feuerscheid": Fraction(20),
    "Verbandsgemeinde Arzfeld": Fraction(15),
}
CENT = Fraction(1, 100)


def _betraege() -> dict[str, Fraction]:
    return {name: rund(UMLAGE * key / 100, CENT) for name, key in SCHLUESSEL.items()}


def _liste(betraege: dict[str, Fraction], schluessel: dict[str, Fraction] = SCHLUESSEL, stellen: int = 0) -> str:
    return "Die Umlage für das Haushaltsjahr 2026 wird wie folgt festgesetzt:\n" + "".join(
        f"| {name} | {zahl(schluessel[name], stellen)}% | {zahl(betrag, 2)} € |\n" for name, betrag in betraege.items()
    )


def test_each_amount_as_another_rows_amount_times_the_ratio_of_their_keys(tmp_path, capsys):
    betraege = _betraege()
    assert sum(SCHLUESSEL.values()) == 100 and sum(betraege.values()) == UMLAGE
    readings = erkannt(tmp_path, "schluesselanteile", _liste(betraege))
    assert len(readings) == 4 and all(r.sicher for r in readings)
    for reading in readings:
        (mass, schluessel, mass_schluessel), ergebnis = werte(reading)
        assert schluessel != mass_schluessel  # measured at a row with another key
        assert ergebnis == rund(mass * schluessel / mass_schluessel, CENT)
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _liste(betraege)))
    assert code == 0 and {b["status"] for b in report["befunde"]} == {"stimmt"} and len(report["befunde"]) == 4


def test_an_amount_off_its_key_is_a_slip_where_four_others_hold(tmp_path, capsys):
    fuenf = {**SCHLUESSEL, "Stadt Neuerburg": Fraction(30), "Stadt Hillesheim": Fraction(10)}
    richtig = {name: rund(UMLAGE * key / 100, CENT) for name, key in fuenf.items()}
    falsch = {**richtig, "Ortsgemeinde Feuerscheid": richtig["Ortsgemeinde Feuerscheid"] + 100}
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _liste(falsch, fuenf)))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 4
    assert Fraction(slip["werte"]["nachgerechnet"]) == richtig["Ortsgemeinde Feuerscheid"]


def test_with_three_holding_the_fourth_is_a_doubt(tmp_path, capsys):
    falsch = {**_betraege(), "Ortsgemeinde Feuerscheid": _betraege()["Ortsgemeinde Feuerscheid"] + 100}
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _liste(falsch)))
    assert code == 0 and by_status(report, "Fehler") == []
    (zweifel,) = by_status(report, "nicht eindeutig")
    assert (
        zweifel["zeile"] == 4 and Fraction(zweifel["werte"]["nachgerechnet"]) == _betraege()["Ortsgemeinde Feuerscheid"]
    )


def test_keys_with_decimals_are_left_to_the_list_of_shares(tmp_path):
    # „30,89 % | 11.283,00 €“: a share rounded from the amounts (anteilsliste.py reads it, its own test shows how), no
    # key of a statute
    drittel = {"Stadt A": Fraction(3333, 100), "Gemeinde B": Fraction(3333, 100), "Gemeinde C": Fraction(3334, 100)}
    betraege = {name: rund(Fraction(100_000) / 3, CENT) for name in drittel}
    assert erkannt(tmp_path, "schluesselanteile", _liste(betraege, drittel, stellen=2)) == []


def test_keys_that_do_not_make_a_hundred_or_amounts_before_their_keys_are_no_such_list(tmp_path):
    halbe = {name: key / 2 for name, key in SCHLUESSEL.items()}  # 50 % together: a part of something
    assert erkannt(tmp_path, "schluesselanteile", _liste(_betraege(), halbe)) == []
    umgekehrt = "".join(f"| {n} | {zahl(b, 2)} € | {zahl(SCHLUESSEL[n])}% |\n" for n, b in _betraege().items())
    assert erkannt(tmp_path, "schluesselanteile", umgekehrt) == []


def test_rates_beside_amounts_they_do_not_give_are_left_alone(tmp_path):
    # interest rates of loans: they add up to 100 by chance, but no row gives another's amount
    zinsen = {"Darlehen 1": Fraction(35), "Darlehen 2": Fraction(25), "Darlehen 3": Fraction(40)}
    betraege = {"Darlehen 1": Fraction(120_000), "Darlehen 2": Fraction(95_500), "Darlehen 3": Fraction(13_250)}
    assert erkannt(tmp_path, "schluesselanteile", _liste(betraege, zinsen)) == []
