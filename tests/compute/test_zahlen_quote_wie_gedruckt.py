"""A share a figure reads prints in its Herleitung as the document prints it (issue 57, point 1): `vorlagen zahlen`
showed a source's share of 88,98 % as „0,89“ under „gelesene Zahlen … gerundet, wie gedruckt“. Read as printed
(`runden: je_posten`, the default) a share is its percentage at the house's places – a source's its part of the split
of 100 % –, and the figure computes with that; read exactly (`runden: am_ende`) it is shown and used exactly.
Figures by hand: 300.000 € in thirds, 100 % split at two places: 33,33 / 33,33 / 33,34 (the rest source)."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen import run
from tests.hilfen.beispielvorlage import THIRDS, plan
from tests.referenz.rechnen import euro, zahl

NBSP = "\u00a0"
KOSTEN = "      - {betrag: 300000, als: Kosten}\n"
ZAHLEN = (
    '  - id: anteil-kreis\n    formel: finanzierung.p.quellen.c.anteil\n    einheit: "%"\n'
    "  - id: betrag-kreis\n    formel: finanzierung.p.quellen.c.anteil * finanzierung.p.gesamtkosten\n"
    "  - id: genau-kreis\n    formel: finanzierung.p.quellen.c.anteil * finanzierung.p.gesamtkosten\n"
    "    runden: am_ende\n"
)


def test_a_share_read_as_printed_is_shown_and_used_as_printed(data, capsys):
    rechnung = plan(data, THIRDS, kosten=KOSTEN, zahlen=ZAHLEN)
    assert rechnung.zahlen["anteil-kreis"].text == f"33,34{NBSP}%"
    # as printed: 33,34 % of 300.000 € = 100.020 €; exactly: a third of it, 100.000 €
    assert rechnung.zahlen["betrag-kreis"] == Fraction(3334, 10000) * 300000 == 100020
    assert rechnung.zahlen["genau-kreis"] == Fraction(1, 3) * 300000 == 100000
    code, out, _ = run(capsys, "zahlen", "2021/0123", "betrag-kreis", "--data", str(data))
    assert code == 0
    assert f"  finanzierung.p.quellen.c.anteil = 33,34{NBSP}%   [" in out  # was „= 0,33“
    assert f"betrag-kreis = {euro(Fraction(100020))}" in out
    code, out, _ = run(capsys, "zahlen", "2021/0123", "genau-kreis", "--data", str(data))
    assert code == 0
    shown = zahl(Fraction(100, 3), 4)  # the exact third with the digits that matter (two more than zero needs)
    assert f"  finanzierung.p.quellen.c.anteil = {shown}{NBSP}%   [" in out
