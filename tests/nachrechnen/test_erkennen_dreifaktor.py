"""erkennen/dreifaktor.py for itself: a row of two counts, a price and their product – the Sitzungsgelder of a new
user's Vorlage (members × sessions × rate), figures without „€“ under a head that names money. Figures with
Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import zahl

SATZ = Fraction(45)
GREMIEN = [("Stadtvertretung", 27, 10), ("Hauptausschuss", 9, 8), ("Bauausschuss", 9, 9), ("Finanzausschuss", 9, 6)]


def _tabelle(kopf: str = "Gremium\tMitglieder\tSitzungen\tSitzungsgeld\tBetrag", slip: int | None = None) -> str:
    text = kopf + "\n"
    for i, (name, m, s) in enumerate(GREMIEN):
        betrag = m * s * SATZ - (20 if i == slip else 0)
        text += f"{name}\t{m}\t{s}\t{zahl(SATZ, 2)}\t{zahl(betrag, 2)}\n"
    return text


def test_the_amount_is_both_counts_times_the_rate(tmp_path, capsys):
    readings = erkannt(tmp_path, "dreifaktor", _tabelle())
    assert [werte(r) for r in readings] == [([Fraction(m), Fraction(s), SATZ], m * s * SATZ) for _, m, s in GREMIEN]
    assert all(r.sicher for r in readings)
    code, report, _ = check(capsys, write(tmp_path, "s.txt", _tabelle(slip=2)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 4 and Fraction(fehler["werte"]["nachgerechnet"]) == 9 * 9 * SATZ


def test_no_money_in_the_head_or_columns_alike_are_not_read(tmp_path):
    assert erkannt(tmp_path, "dreifaktor", _tabelle(kopf="Gremium\tMitglieder\tSitzungen\tFaktor\tWert")) == []
    # two columns of counts alike: members times members, or times sessions – which is meant is open
    text = "Gremium\tA\tB\tC\tSitzungsgeld\tBetrag\n" + "".join(
        f"G{i}\t{n}\t{n}\t{n}\t45,00\t{zahl(n * n * SATZ, 2)}\n" for i, n in enumerate((3, 4, 5))
    )
    assert erkannt(tmp_path, "dreifaktor", text) == []
