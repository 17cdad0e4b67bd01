"""erkennen/spaltenfaktor.py for itself: a column that is another times the periods of a year, as the head says
(„monatlich | jährlich“, „Jahresbetrag (x 12)“) – as new users type the costs of a rent or a lease. Figures with
Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import zahl

MIETE = [("Kaltmiete", Fraction(3_480)), ("Nebenkosten", Fraction("612.50")), ("Reinigung", Fraction(845))]


def _miete(kopf: str = "Kostenart                  monatlich         jährlich", slip: int | None = None) -> str:
    text = kopf + "\n"
    for i, (name, monat) in enumerate(MIETE):
        jahr = 12 * monat - (monat if i == slip else 0)  # eleven months for twelve
        text += f"{name:<24}{zahl(monat, 2) + ' €':>14}{zahl(jahr, 2) + ' €':>18}\n"
    return text


def test_a_yearly_column_is_twelve_times_the_monthly_one(tmp_path, capsys):
    readings = erkannt(tmp_path, "spaltenfaktor", _miete())
    assert [werte(r) for r in readings] == [([monat], 12 * monat) for _, monat in MIETE]
    assert all(r.sicher for r in readings)
    code, report, _ = check(capsys, write(tmp_path, "m.txt", _miete(slip=1) + "\n" + _miete().split("\n", 1)[1]))
    assert code == 1 and [f["zeile"] for f in by_status(report, "Fehler")] == [3]


def test_the_factor_the_head_types_and_the_column_it_comes_from(tmp_path):
    # „Rate je Fahrzeug“ times 12 holds in the rows of one vehicle only; „Rate gesamt“ times 12 in all
    text = "Fahrzeug\tAnzahl\tRate je Fahrzeug/Monat\tRate gesamt/Monat\tJahresbetrag (x 12)\n"
    rows = [
        ("Pritschenwagen", 3, Fraction(489)),
        ("Traktor", 1, Fraction(1_245)),
        ("Kehrmaschine", 1, Fraction("1980.50")),
    ]
    for name, n, rate in rows:
        text += f"{name}\t{n}\t{zahl(rate, 2)} €\t{zahl(n * rate, 2)} €\t{zahl(12 * n * rate, 2)} €\n"
    readings = erkannt(tmp_path, "spaltenfaktor", text)
    assert [werte(r) for r in readings] == [([n * rate], 12 * n * rate) for _, n, rate in rows]


def test_heads_that_name_no_period_or_columns_alike_are_not_read(tmp_path):
    assert (
        erkannt(tmp_path, "spaltenfaktor", _miete(kopf="Kostenart                  Betrag A          Betrag B")) == []
    )
    # every count 1: the price and the total give the yearly column alike – which is meant is open
    text = "Fahrzeug\tAnzahl\tRate je Fahrzeug/Monat\tRate gesamt/Monat\tJahresbetrag (x 12)\n"
    text += "".join(
        f"F{i}\t1\t{zahl(r, 2)} €\t{zahl(r, 2)} €\t{zahl(12 * r, 2)} €\n" for i, r in enumerate((489, 1_245, 990))
    )
    assert erkannt(tmp_path, "spaltenfaktor", text) == []
