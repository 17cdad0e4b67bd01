"""urteil/folgen.py: a slip whose typed result holds once the slip it uses is corrected („Summe netto“ added from the
right products, under a row whose product slipped) is no slip, and carries no correction on – the MwSt. and the Summe
brutto built on it are no Folgefehler. Before, its correction (the sum of the typed, wrong parts) went on to them:
two Folgefehler of a figure that was right. The readings are built here by hand, in both orders in the document (the
total above its parts as well as below); the values are worked out with Fraction."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from tests.referenz.rechnen import zahl
from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.urteil.dokumenturteil import Pruefung
from vorlagen.nachrechnen.urteil.folgen import follow
from vorlagen.nachrechnen.urteil.nachgerechnet import FEHLER, FOLGE, STIMMT, pruefe

MENGE, PREIS, ANDERE = 30, Fraction(240), Fraction(10_200)
RICHTIG = MENGE * PREIS  # 7.200
NETTO = ANDERE + RICHTIG  # 17.400, typed right
STEUER = NETTO * Fraction(19, 100)  # 3.306


def _fund(nr: int, text: str) -> Fund:
    zeile = Zeile(None, nr, text)
    return Fund(zeile, zeile.zahlen[-1])


def _readings(netto_line: int, row_line: int, steuer_line: int) -> list:
    row = _fund(row_line, "7.300,00 €")  # typed 100 € off
    produkt = Rechnung(
        "Menge mal Preis", "produkt", [_fund(row_line, "30"), _fund(row_line, "240,00 €")], row, "30 × 240"
    )
    netto = _fund(netto_line, zahl(NETTO, 2) + " €")
    summe = Rechnung("Summe", "summe", [_fund(netto_line - 1, "10.200,00 €"), row], netto, "10.200 + 7.300")
    steuer = Rechnung(
        "MwSt.", "anteil", [netto, _fund(steuer_line, "19 %")], _fund(steuer_line, "3.306,00 €"), "17.400 × 19 %"
    )
    return [pruefe(r) for r in (produkt, summe, steuer)]


@pytest.mark.parametrize("lines", [(10, 8, 11), (3, 8, 4)], ids=["Summe unter den Zeilen", "Summe über den Zeilen"])
def test_a_total_that_holds_once_its_part_is_corrected_passes_no_correction_on(lines):
    assert STEUER == 3_306 and NETTO == 17_400
    produkt, summe, steuer = _readings(*lines)
    assert (produkt.status, summe.status, steuer.status) == (FEHLER, FEHLER, STIMMT)  # as typed: 10.200 + 7.300
    pruefung = Pruefung("a.txt", sorted([produkt, summe, steuer], key=lambda u: u.ergebnis.key), [])
    follow(pruefung)
    assert produkt.status == FEHLER and produkt.richtig == Decimal(int(RICHTIG))
    assert summe.status == STIMMT and summe.hinweis == f"stimmt, sobald der Fehler in Z. {lines[1]} berichtigt ist"
    assert steuer.status == STIMMT and steuer.status != FOLGE
    assert pruefung.folgen == {}
