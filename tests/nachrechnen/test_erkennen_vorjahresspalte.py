"""erkennen/vorjahresspalte.py for itself: in a table whose rows are years, a column that is, row by row, the change
of a column left of it from the row before – in percent („Veränderung (VZÄ) gegenüber Vorjahr %“, e04 of the
corpus's Zusatz, Sächsischer Rechnungshof) or as a difference – is read so in every row but the first. Every expected
value is worked out here with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import rund, zahl

ZEHNTEL = Fraction(1, 10)
JAHRE = {  # Beschäftigte, VZÄ at 30 June (e04)
    2006: (Fraction(56_922), Fraction(48_338)),
    2007: (Fraction(56_295), Fraction(47_791)),
    2008: (Fraction(55_914), Fraction(48_152)),
    2009: (Fraction(60_095), Fraction(52_431)),
    2010: (Fraction(59_970), Fraction(51_487)),
    2011: (Fraction(59_509), Fraction(51_553)),
}


# the first row's change is against a year the table does not show (e04: −2,4 against 2005): never read
ERSTE_RATE, ERSTE_DIFFERENZ = Fraction(-24, 10), Fraction(-1_189)


def _raten() -> dict[int, Fraction]:
    jahre = list(JAHRE)
    later = {j: rund((JAHRE[j][1] - JAHRE[v][1]) / JAHRE[v][1] * 100, ZEHNTEL) for v, j in zip(jahre, jahre[1:])}
    return {2006: ERSTE_RATE, **later}


def _tabelle(spalte: dict[int, Fraction], stellen: int = 1) -> str:
    kopf = "| Jahr | Beschäftigte | VZÄ | Veränderung gegenüber Vorjahr |\n|---|---|---|---|\n"
    return kopf + "".join(
        f"| {jahr} | {zahl(b)} | {zahl(v)} | {zahl(spalte[jahr], stellen) if jahr in spalte else ''} |\n"
        for jahr, (b, v) in JAHRE.items()
    )


def test_a_column_of_rates_against_the_row_before(tmp_path, capsys):
    raten = _raten()
    readings = erkannt(tmp_path, "vorjahresspalte", _tabelle(raten))
    jahre = list(JAHRE)
    assert [werte(r) for r in readings] == [([JAHRE[v][1], JAHRE[j][1]], raten[j]) for v, j in zip(jahre, jahre[1:])]
    assert all("Veränderung von Spalte 2 der Zeile davor zu Spalte 2 in Prozent" in r.art for r in readings)
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _tabelle(raten)))
    assert code == 0 and by_status(report, "Fehler") == [] and by_status(report, "nicht eindeutig") == []


def test_a_rate_with_its_sign_slipped_is_a_slip_where_four_hold(tmp_path, capsys):
    raten = _raten()
    assert raten[2008] > 0
    falsch = {**raten, 2008: -raten[2008]}
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _tabelle(falsch)))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 5
    assert (Fraction(slip["werte"]["getippt"]), Fraction(slip["werte"]["nachgerechnet"])) == (-raten[2008], raten[2008])


def test_a_column_of_differences_against_the_row_before(tmp_path, capsys):
    jahre = list(JAHRE)
    differenzen = {2006: ERSTE_DIFFERENZ, **{j: JAHRE[j][1] - JAHRE[v][1] for v, j in zip(jahre, jahre[1:])}}
    readings = erkannt(tmp_path, "vorjahresspalte", _tabelle(differenzen, stellen=0))
    assert [werte(r)[1] for r in readings] == list(differenzen.values())[1:]
    falsch = {**differenzen, 2010: differenzen[2010] + 100}
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _tabelle(falsch, stellen=0)))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 7 and Fraction(slip["werte"]["nachgerechnet"]) == differenzen[2010]


def test_three_pairs_holding_make_the_fourth_a_doubt_only(tmp_path, capsys):
    raten = _raten()
    kurz = {j: raten[j] for j in (2006, 2007, 2008, 2009, 2010)}
    falsch = {**kurz, 2010: kurz[2010] + 5}
    text = "\n".join(_tabelle(falsch).splitlines()[:-1]) + "\n"  # 2006 to 2010: four pairs, one misses
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0 and by_status(report, "Fehler") == []
    (zweifel,) = by_status(report, "nicht eindeutig")
    assert Fraction(zweifel["werte"]["nachgerechnet"]) == raten[2010]


def test_a_first_row_without_its_change_leaves_the_pairs_after_it(tmp_path):
    raten = _raten()
    del raten[2006]  # „–“ or nothing: the row is no row of the run, the pairs from 2007 on are read
    readings = erkannt(tmp_path, "vorjahresspalte", _tabelle(raten).replace("|  |", "| – |"))
    assert [werte(r)[1] for r in readings] == [raten[j] for j in (2008, 2009, 2010, 2011)]


def test_a_column_that_is_no_change_of_the_row_before_is_left_alone(tmp_path):
    je_tausend = {j: rund(v / 4_250, ZEHNTEL) for j, (_, v) in JAHRE.items()}  # VZÄ per thousand inhabitants
    assert erkannt(tmp_path, "vorjahresspalte", _tabelle(je_tausend)) == []


def test_two_columns_that_explain_the_column_alike_leave_it_unread(tmp_path):
    # Beschäftigte and VZÄ grow alike: their changes are the same, and which one the column means is open
    gleich = {j: (v, v) for j, (_, v) in JAHRE.items()}
    jahre = list(gleich)
    differenzen = {2006: ERSTE_DIFFERENZ, **{j: gleich[j][1] - gleich[v][1] for v, j in zip(jahre, jahre[1:])}}
    kopf = "| Jahr | A | B | Veränderung |\n|---|---|---|---|\n"
    text = kopf + "".join(
        f"| {j} | {zahl(a)} | {zahl(b)} | {zahl(differenzen[j]) if j in differenzen else ''} |\n"
        for j, (a, b) in gleich.items()
    )
    assert erkannt(tmp_path, "vorjahresspalte", text) == []
