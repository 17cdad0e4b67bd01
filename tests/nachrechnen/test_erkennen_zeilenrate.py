"""erkennen/zeilenrate.py for itself: a Bilanz with two years, stored one cell per line, and the sentences under it
that give a row's rate of change by its name. Figures with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import rund, zahl

ZEILEN = {
    "Anlagevermögen": (Fraction(4861230417, 100), Fraction(4698561192, 100)),
    "Umlaufvermögen": (Fraction(341822640, 100), Fraction(410251877, 100)),
}
NEU, ALT = (sum(v[i] for v in ZEILEN.values()) for i in (0, 1))
TAUSENDSTEL = Fraction(1, 100)


def _rate(neu: Fraction, alt: Fraction, stellen: int) -> Fraction:
    return rund(abs(neu - alt) / alt * 100, Fraction(1, 10**stellen))


def _papier(kopf: str = "Bilanzposten\n31.12.2023\n31.12.2022", satz: str | None = None) -> str:
    lines = ["Aktiva (in €)", *kopf.split("\n")]
    for name, (neu, alt) in {**ZEILEN, "Bilanzsumme": (NEU, ALT)}.items():
        lines += [name, zahl(neu, 2), zahl(alt, 2)]
    bilanz = zahl(_rate(NEU, ALT, 2), 2)
    umlauf = zahl(_rate(*ZEILEN["Umlaufvermögen"], 1), 1)
    satz = satz or f"Die Bilanzsumme ist gegenüber dem Vorjahr um {bilanz} % gewachsen."
    return "\n".join(lines) + f"\n\n{satz} Der Rückgang des Umlaufvermögens um {umlauf} % hat zwei Gründe.\n"


def test_a_row_named_in_a_sentence_with_its_rate_of_change(tmp_path, capsys):
    bilanz, umlauf = erkannt(tmp_path, "zeilenrate", _papier())
    assert werte(bilanz) == ([ALT, NEU], _rate(NEU, ALT, 2)) and bilanz.sicher
    assert werte(umlauf)[1] == _rate(*ZEILEN["Umlaufvermögen"], 1) and not umlauf.sicher  # no „gegenüber“: a guess
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _papier()))
    assert code == 0 and not by_status(report, "Fehler")


def test_a_rate_of_the_later_year_is_a_slip(tmp_path, capsys):
    falsch = rund((NEU - ALT) / NEU * 100, TAUSENDSTEL)  # 1,83 % for 1,87 %
    assert falsch != _rate(NEU, ALT, 2)
    satz = f"Die Bilanzsumme ist gegenüber dem Vorjahr um {zahl(falsch, 2)} % gewachsen."
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _papier(satz=satz)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and Fraction(fehler["werte"]["nachgerechnet"]) == _rate(NEU, ALT, 2)


def test_what_is_not_so_named_is_not_read(tmp_path):
    # the head names no years: which column is the earlier is open
    assert erkannt(tmp_path, "zeilenrate", _papier(kopf="Bilanzposten\nneu\nalt")) == []
    # the words say the other direction
    satz = f"Die Bilanzsumme ist gegenüber dem Vorjahr um {zahl(_rate(NEU, ALT, 2), 2)} % gesunken."
    readings = erkannt(tmp_path, "zeilenrate", _papier(satz=satz))
    assert [werte(r)[1] for r in readings] == [_rate(*ZEILEN["Umlaufvermögen"], 1)]
