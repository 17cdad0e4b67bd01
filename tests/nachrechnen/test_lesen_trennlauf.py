"""lesen/trennlauf.py and the comparison it feeds: an Energiebericht's table set apart by three spaces between any two
cells, not aligned, its Gesamt row leaving the price empty (six spaces there), the change given in percent only
(set 8 of issue 60: before, the Gesamt row's sums took the wrong columns and the rates the price as their base – six
false alarms). Figures with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, write
from tests.referenz.rechnen import rund, zahl
from vorlagen.nachrechnen.lesen import trennlauf

ZEILEN = {  # kWh, ct/kWh, Kosten 2023, Kosten 2022
    "Strom": (2_184_500, Fraction(3142, 100), 686_370, 591_240),
    "Erdgas": (5_906_300, Fraction(1187, 100), 701_078, 512_880),
    "Fernwärme": (1_320_800, Fraction(1405, 100), 185_572, 163_410),
}
ZEHNTEL = Fraction(1, 10)


def _rate(neu: int, alt: int) -> Fraction:
    return rund(Fraction(neu - alt, alt) * 100, ZEHNTEL)


def _bericht(kosten_summe: int | None = None, rate_slip: Fraction = Fraction(0)) -> str:
    sep = "   "
    head = [
        "Energieträger",
        "Verbrauch 2023 (kWh)",
        "Preis (ct/kWh)",
        "Kosten 2023 (€)",
        "Kosten 2022 (€)",
        "Veränderung (%)",
    ]
    lines = ["Verbrauch und Kosten haben sich so entwickelt:", "", sep.join(head)]
    for i, (name, (kwh, ct, neu, alt)) in enumerate(ZEILEN.items()):
        rate = _rate(neu, alt) + (rate_slip if i == 1 else 0)
        lines.append(
            sep.join([name, zahl(Fraction(kwh)), zahl(ct, 2), zahl(Fraction(neu)), zahl(Fraction(alt)), zahl(rate, 1)])
        )
    kwh, neu, alt = (sum(v[i] for v in ZEILEN.values()) for i in (0, 2, 3))
    neu_summe = neu if kosten_summe is None else kosten_summe
    cells = [
        "Gesamt",
        zahl(Fraction(kwh)),
        "",
        zahl(Fraction(neu_summe)),
        zahl(Fraction(alt)),
        zahl(_rate(neu, alt), 1),
    ]
    lines.append(sep.join(cells))
    return "\n".join(lines) + "\n"


def test_an_empty_cell_of_a_table_set_apart_by_a_fixed_run_is_read(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _bericht()))
    assert code == 0 and not by_status(report, "Fehler")
    summen = sorted(Fraction(b["werte"]["getippt"]) for b in by_status(report, "stimmt") if b["zeile"] == 7)
    assert summen[-3:] == sorted(Fraction(sum(v[i] for v in ZEILEN.values())) for i in (0, 2, 3))
    raten = [Fraction(b["werte"]["getippt"]) for b in by_status(report, "stimmt") if b["art"] == "vergleich_prozent"]
    assert raten[:3] == [_rate(neu, alt) for _, _, neu, alt in ZEILEN.values()]


def test_slips_in_such_a_table_are_found_in_their_column(tmp_path, capsys):
    neu = sum(v[2] for v in ZEILEN.values())
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _bericht(kosten_summe=neu - 9_000)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 7 and Fraction(fehler["werte"]["nachgerechnet"]) == neu
    code, report, _ = check(capsys, write(tmp_path, "b.txt", _bericht(rate_slip=Fraction(9))))
    (fehler,) = by_status(report, "Fehler")
    _, _, neu_erdgas, alt_erdgas = ZEILEN["Erdgas"]
    assert code == 1 and fehler["zeile"] == 5
    assert Fraction(fehler["werte"]["nachgerechnet"]) == _rate(neu_erdgas, alt_erdgas)


def test_a_table_aligned_by_padding_is_left_as_it_is():
    aligned = [
        "Position          2023        2022",
        "Personal        120.000     118.500",
        "Sachkosten       45.000      47.250",
        "Summe           165.000     165.750",
    ]
    assert trennlauf.cells(aligned) == aligned
    fixed = ["A   1   2", "B   3   4", "D   5   7", "C      6"]
    assert trennlauf.cells(fixed) == ["A\t1\t2", "B\t3\t4", "D\t5\t7", "C\t\t6"]
    # two lines of three runs only: too few to tell a fixed run from chance
    assert trennlauf.cells(fixed[:2] + fixed[3:]) == fixed[:2] + fixed[3:]
