"""erkennen/spaltenbeziehung.py: a column of rates of change that types a fall with its minus is compared with its
sign – a rise typed with a minus, or a fall without it, is a slip where four rows hold (before, the rate was compared
without its sign, so such a slip read „stimmt“). A column whose base is negative in a row („Abzüglich … | –218,0 |
–210,1 | –3,6“) keeps its rates unsigned: which sign a rate of a negative base takes is a convention the table does not
show. Every expected value is worked out here with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, write
from tests.referenz.rechnen import rund, zahl

ZEHNTEL = Fraction(1, 10)
ZEILEN = {  # 2018 and 2019 of five kinds of staff, VZÄ – two fall, three rise
    "Kernverwaltung": (Fraction(15_310), Fraction(15_916)),
    "Schulen": (Fraction(12_987), Fraction(13_526)),
    "Bauhöfe": (Fraction(4_412), Fraction(4_285)),
    "Kitas": (Fraction(9_870), Fraction(10_402)),
    "Forst": (Fraction(1_204), Fraction(1_151)),
}


def _rate(alt: Fraction, neu: Fraction) -> Fraction:
    return rund((neu - alt) / alt * 100, ZEHNTEL)


def _tabelle(raten: dict[str, Fraction] | None = None, zeilen: dict = ZEILEN) -> str:
    kopf = "| Bereich | 2018 | 2019 | Veränderung in % |\n|---|---|---|---|\n"
    return kopf + "".join(
        f"| {name} | {zahl(alt, 1)} | {zahl(neu, 1)} | {zahl((raten or {}).get(name, _rate(alt, neu)), 1)} |\n"
        for name, (alt, neu) in zeilen.items()
    )


def test_the_rates_are_read_with_their_sign(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _tabelle()))
    raten = [b for b in report["befunde"] if "in Prozent" in b["erkannt"]]
    assert code == 0 and {b["status"] for b in raten} == {"stimmt"}
    assert [Fraction(b["werte"]["getippt"]) for b in raten] == [_rate(a, n) for a, n in ZEILEN.values()]
    assert any(Fraction(b["werte"]["getippt"]) < 0 for b in raten)


def test_a_fall_typed_without_its_minus_is_a_slip(tmp_path, capsys):
    alt, neu = ZEILEN["Bauhöfe"]
    richtig = _rate(alt, neu)
    assert richtig < 0
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _tabelle({"Bauhöfe": -richtig})))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 5
    assert (Fraction(slip["werte"]["getippt"]), Fraction(slip["werte"]["nachgerechnet"])) == (-richtig, richtig)


def test_a_rise_typed_with_a_minus_is_a_slip(tmp_path, capsys):
    alt, neu = ZEILEN["Kitas"]
    richtig = _rate(alt, neu)
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _tabelle({"Kitas": -richtig})))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 6 and Fraction(slip["werte"]["nachgerechnet"]) == richtig


def test_a_column_of_rises_only_is_read_as_before(tmp_path, capsys):
    steigend = {k: v for k, v in ZEILEN.items() if v[1] > v[0]}
    steigend["Archiv"] = (Fraction(310), Fraction(342))
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _tabelle(zeilen=steigend)))
    raten = [b for b in report["befunde"] if "in Prozent" in b["erkannt"]]
    assert code == 0 and len(raten) == 4 and {b["status"] for b in raten} == {"stimmt"}


def test_rates_of_a_negative_base_keep_no_sign(tmp_path, capsys):
    # a deduction typed negative: from −218,0 to −210,1 the table writes −3,6 (the amount fell), the signed formula
    # gives +3,6; neither is a slip
    zeilen = {**ZEILEN, "Abzüglich Familienleistungsausgleich": (Fraction(-2_180), Fraction(-2_101))}
    raten = {"Abzüglich Familienleistungsausgleich": rund(Fraction(-79, 2_180) * 100, ZEHNTEL)}
    assert raten["Abzüglich Familienleistungsausgleich"] == Fraction(-36, 10)
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _tabelle(raten, zeilen)))
    assert code == 0 and by_status(report, "Fehler") == []
