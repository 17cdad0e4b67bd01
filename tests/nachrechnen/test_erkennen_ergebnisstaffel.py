"""erkennen/ergebnisstaffel.py for itself: an Ergebnisrechnung as a PDF sets it – single spaces between the columns,
the unit (Tsd. €) only in the head, Erträge typed negative – with its totals and balances, rounded parts allowed."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import zahl


def _rechnung(ordentlich: str = "-2.360") -> str:
    return (
        "Entwicklung der Ergebnisrechnung\n\n"
        "Position Beträge in Tsd. € Ist 2021 Ist 2022\n\n"
        "Privatrechtliche Leistungsentgelte -1.204 -1.310\n\n"
        "Steuern und ähnliche Abgaben -50.951 -52.187\n\n"
        "Zuweisungen und Zuschüsse -20.708 -19.706\n\n"
        "ordentliche Erträge -72.863\n\n-73.203\n\n"
        "Personalaufwendungen 20.369 21.231\n\n"
        "Sach- und Dienstleistungen 14.128 15.295 Transferaufwendungen 33.262 34.579\n\n"
        "sonstige ordentliche Aufwendungen 3.468 2.312\n\n"
        "ordentliche Aufwendungen 71.227 73.417\n\n"
        "Verwaltungsergebnis -1.636 214\n\n"
        "Finanzerträge -3.584 -3.791\n\n"
        "Zinsen und ähnliche Aufwendungen 1.832 2.153\n\n"
        "Finanzergebnis -1.752 -1.638\n\n"
        f"ordentliches Ergebnis -3.388 {ordentlich}\n"
    )


def test_totals_and_balances_each_column(tmp_path):
    readings = erkannt(tmp_path, "ergebnisstaffel", _rechnung("-1.424"))
    found = {(r.ergebnis.zeile.nr, werte(r)[1]): werte(r)[0] for r in readings}
    # the wrapped row: 2022's total stands alone on the line below
    assert sum([Fraction(-1204), Fraction(-50951), Fraction(-20708)]) == Fraction(-72863)
    assert found[(11, Fraction(-72863))] == [Fraction(-1204), Fraction(-50951), Fraction(-20708)]
    assert sum([Fraction(-1310), Fraction(-52187), Fraction(-19706)]) == Fraction(-73203)
    assert found[(13, Fraction(-73203))] == [Fraction(-1310), Fraction(-52187), Fraction(-19706)]
    # two rows set on one line are two rows
    assert sum(map(Fraction, (20369, 14128, 33262, 3468))) == Fraction(71227)
    assert found[(21, Fraction(71227))] == list(map(Fraction, (20369, 14128, 33262, 3468)))
    # Verwaltungsergebnis: Erträge (negative) and Aufwendungen (positive) added as typed
    assert Fraction(-72863) + Fraction(71227) == Fraction(-1636)
    assert Fraction(-73203) + Fraction(73417) == Fraction(214)
    assert Fraction(-3584) + Fraction(1832) == Fraction(-1752)
    assert Fraction(-1636) + Fraction(-1752) == Fraction(-3388)
    assert found[(31, Fraction(-3388))] == [Fraction(-1636), Fraction(-1752)]
    # 214 + (−1.638) = −1.424
    assert Fraction(214) + Fraction(-1638) == Fraction(-1424)
    assert found[(31, Fraction(-1424))] == [Fraction(214), Fraction(-1638)]


def test_all_that_holds_says_stimmt(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "er.txt", _rechnung("-1.424")))
    assert code == 0 and not by_status(report, "Fehler")
    assert {b["zeile"] for b in by_status(report, "stimmt")} >= {11, 13, 21, 23, 29, 31}


def test_a_slip_in_a_balance_is_fehler(tmp_path, capsys):
    # ordentliches Ergebnis 2022: 214 + (−1.638) = −1.424, typed −2.424 (1.000 off, beyond any rounding)
    assert Fraction(214) + Fraction(-1638) == Fraction(-1424)
    code, report, _ = check(capsys, write(tmp_path, "er.txt", _rechnung("-2.424")))
    slips = by_status(report, "Fehler")
    assert code == 1 and [b["zeile"] for b in slips] == [31]
    assert Fraction(slips[0]["werte"]["nachgerechnet"]) == Fraction(-1424)


def test_a_difference_within_the_rounding_is_no_slip(tmp_path, capsys):
    # 214 + (−1.638) = −1.424; typed −1.425: one thousand euros off, two parts rounded to thousands
    assert abs(Fraction(214) + Fraction(-1638) - Fraction(-1425)) <= 2 * Fraction(1, 2)
    code, report, _ = check(capsys, write(tmp_path, "er.txt", _rechnung("-1.425")))
    assert code == 0 and not by_status(report, "Fehler")


def test_a_column_total_that_does_not_add_up_is_only_a_doubt(tmp_path, capsys):
    # −1.204 − 50.951 − 20.708 = −72.863; typed −72.963: a davon row may hide in the rows above – no FEHLER
    assert sum([Fraction(-1204), Fraction(-50951), Fraction(-20708)]) == Fraction(-72863)
    text = _rechnung("-1.424").replace("-72.863", "-72.963")
    _, report, _ = check(capsys, write(tmp_path, "er.txt", text))
    assert 11 not in [b["zeile"] for b in by_status(report, "Fehler")]
    assert 11 in [b["zeile"] for b in by_status(report, "nicht eindeutig")]


def test_no_head_in_thousands_no_reading(tmp_path):
    # the same rows under a head without a unit in thousands, or a list of amounts that merely stand together
    assert erkannt(tmp_path, "ergebnisstaffel", _rechnung().replace("Beträge in Tsd. € ", "")) == []
    text = "Kosten in T€ 2021 2022\nPlanung 120 130\nBau 2.400 2.600\nAusstattung 300 310\n"
    assert erkannt(tmp_path, "ergebnisstaffel", text) == []


# the same scheme in a table with cells (set 8 of issue 60): Ansatz, Ergebnis, Abweichung, and a column in % whose
# cells the total rows leave empty
ERTRAEGE = [(Fraction(6_240_000), Fraction(6_918_412)), (Fraction(3_870_500), Fraction(3_812_044))]
AUFWAND = [(Fraction(4_312_800), Fraction(4_105_377)), (Fraction(2_650_400), Fraction(2_711_863))]


def _tabelle(ergebnis_slip: Fraction = Fraction(0)) -> str:
    def zeile(name: str, ansatz: Fraction, ist: Fraction, rate: bool = True) -> str:
        prozent = zahl((ist - ansatz) / ansatz * 100, 1) if rate else ""
        return f"{name}\t{zahl(ansatz)}\t{zahl(ist)}\t{zahl(ist - ansatz)}\t{prozent}\n"

    text = "Position\tAnsatz 2022\tErgebnis 2022\tAbweichung\tAbw. in %\n"
    text += "".join(zeile(f"Ertrag {i}", a, b) for i, (a, b) in enumerate(ERTRAEGE, 1))
    text += "".join(zeile(f"Ertrag {i}", a, b) for i, (a, b) in enumerate(ERTRAEGE[:1], 3))
    e = [sum(r[k] for r in ERTRAEGE + ERTRAEGE[:1]) for k in (0, 1)]
    text += zeile("Ordentliche Erträge", e[0], e[1], rate=False)
    text += "".join(zeile(f"Aufwand {i}", a, b) for i, (a, b) in enumerate(AUFWAND + AUFWAND[:1], 1))
    w = [sum(r[k] for r in AUFWAND + AUFWAND[:1]) for k in (0, 1)]
    text += zeile("Ordentliche Aufwendungen", w[0], w[1], rate=False)
    (e_plan, e_ist), (w_plan, w_ist) = e, w
    text += f"Ordentliches Ergebnis\t{zahl(e_plan - w_plan)}\t{zahl(e_ist - w_ist + ergebnis_slip)}\t\t\n"
    return text


def test_the_scheme_in_a_table_with_cells(tmp_path, capsys):
    readings = erkannt(tmp_path, "ergebnisstaffel_tabelle", _tabelle())
    e = [sum(r[k] for r in ERTRAEGE + ERTRAEGE[:1]) for k in (0, 1)]
    w = [sum(r[k] for r in AUFWAND + AUFWAND[:1]) for k in (0, 1)]
    assert [werte(r)[1] for r in readings if r.ergebnis.zeile.nr == 5][:2] == e
    assert [werte(r)[1] for r in readings if r.ergebnis.zeile.nr == 9][:2] == w
    # the ordentliche Ergebnis under the two totals, rows between them: their balance, but never sure (NKF NRW may
    # count a Finanzergebnis in it that the table does not show) – a mismatch is a doubt
    ergebnis = [r for r in readings if r.ergebnis.zeile.nr == 10]
    assert [werte(r)[1] for r in ergebnis] == [a - b for a, b in zip(e, w, strict=True)]
    assert all(not r.sicher and r.grund for r in ergebnis)
    slip = _tabelle().replace(
        f"Ordentliche Aufwendungen\t{zahl(w[0])}", f"Ordentliche Aufwendungen\t{zahl(w[0] + 9000)}"
    )
    code, report, _ = check(capsys, write(tmp_path, "b.txt", slip))
    # a column total over all rows above is a doubt, never a slip (a „davon“ row would count twice)
    assert code == 0 and 9 in [b["zeile"] for b in by_status(report, "nicht eindeutig")]
