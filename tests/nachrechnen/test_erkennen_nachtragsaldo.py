"""erkennen/nachtragsaldo.py for itself: the Saldo row of a Nachtrag table – its amounts bisher and nunmehr from
those of its pair, its change from theirs –, in the shape of the Kreis Segeberg's page (h01 of the Zusatz): the head
in pipe cells, each row's label alone on its line above its figures, one change column left empty. Every figure is
worked out here with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import zahl

ERTRAEGE = (Fraction(362_869_500), Fraction(-881_900))  # bisher, change (vermindert)
AUFWENDUNGEN = (Fraction(351_202_100), Fraction(3_985_000))  # bisher, change (erhöht)


def _tabelle(saldo_bisher: Fraction, saldo_neu: Fraction, saldo_change: Fraction, label: str) -> str:
    (eb, ec), (ab, ac) = ERTRAEGE, AUFWENDUNGEN
    return (
        "§ 1\n"
        "| erhöht um | vermindert um | gegenüber bisher | nunmehr festgesetzt auf |\n"
        "| EURO | EURO | EURO | EURO |\n"
        "1. im Ergebnisplan der |\n|\n|\n"
        "Gesamtbetrag der Erträge |\n"
        f"| {zahl(abs(ec))} | {zahl(abs(eb))} | {zahl(abs(eb + ec))} |\n"
        f"Gesamtbetrag der Aufwendungen | {zahl(abs(ac))} |\n"
        f"| {zahl(abs(ab))} | {zahl(abs(ab + ac))} |\n"
        f"{label} |\n"
        f"| {zahl(abs(saldo_change))} | {zahl(abs(saldo_bisher))} | {zahl(abs(saldo_neu))} |\n"
        "|\n"
    )


def _right() -> tuple[Fraction, Fraction, Fraction]:
    (eb, ec), (ab, ac) = ERTRAEGE, AUFWENDUNGEN
    return eb - ab, (eb + ec) - (ab + ac), ec - ac


def test_the_saldo_row_bisher_nunmehr_and_its_change(tmp_path):
    bisher, neu, change = _right()
    assert (bisher, neu, change) == (11_667_400, 6_800_500, -4_866_900)
    readings = [
        r for r in erkannt(tmp_path, "nachtrag", _tabelle(bisher, neu, change, "Saldo")) if r.ergebnis.zeile.nr == 12
    ]
    got = sorted((werte(r)[1], sorted(werte(r)[0]), r.sicher) for r in readings if "darüber" in r.art)
    assert got == [
        (abs(change), sorted([abs(ERTRAEGE[1]), abs(AUFWENDUNGEN[1])]), True),
        (neu, sorted([ERTRAEGE[0] + ERTRAEGE[1], AUFWENDUNGEN[0] + AUFWENDUNGEN[1]]), True),
        (bisher, sorted([ERTRAEGE[0], AUFWENDUNGEN[0]]), True),
    ]


def test_a_slip_in_the_saldo_bisher_is_a_fehler_with_the_difference(tmp_path, capsys):
    bisher, neu, change = _right()
    code, report, _ = check(capsys, write(tmp_path, "n.txt", _tabelle(bisher + 1_000, neu, change, "Saldo")))
    assert code == 1
    fehler = by_status(report, "Fehler")
    assert [(b["zeile"], Fraction(b["werte"]["getippt"]), Fraction(b["werte"]["nachgerechnet"])) for b in fehler] == [
        (12, bisher + 1_000, bisher)
    ]
    assert fehler[0]["erkannt"] == "Saldo der zwei Zeilen darüber (Z. 8 weniger Z. 9)"  # the row begins on line 9


def test_a_row_named_for_one_side_only_is_a_guess(tmp_path):
    bisher, neu, change = _right()
    readings = erkannt(tmp_path, "nachtrag", _tabelle(bisher, neu, change, "Jahresüberschuss"))
    saldo = [r for r in readings if "zwei Zeilen darüber" in r.art]
    assert len(saldo) == 3 and not any(r.sicher for r in saldo)


def test_a_change_that_is_not_the_rows_difference_gives_no_direction(tmp_path):
    # the Erträge row changed by another amount than its two states differ: its direction is not known
    bisher, neu, change = _right()
    text = _tabelle(bisher, neu, change, "Saldo").replace(f"| {zahl(abs(ERTRAEGE[1]))} |", "| 881.000 |", 1)
    readings = erkannt(tmp_path, "nachtrag", text)
    assert not any("Veränderung des Saldos" in r.art for r in readings)
