"""erkennen/gesamtspalte.py for itself: a table stored one cell per line whose head ends with „Gesamt-“ / „haushalt“ –
each row's last cell the sum of the others. The form and figures are those of k05 of the corpus's Zusatz (Bad
Kohlgrub, Jahresrechnung 2017, whose Abgang row gives 0,00 as its total of 6.505,65 and 0,00); every expected figure
is worked out here with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import zahl

KOPF = ["Verwaltungs-haushalt", "Vermögens-", "haushalt", "Gesamt-", "haushalt", "Einnahmen", "", "", ""]
SOLL = (Fraction("6369321.02"), Fraction("2238796.12"))
ABGANG = (Fraction("6505.65"), Fraction(0))


def _tabelle(abgang_gesamt: Fraction, kopf: list[str] = KOPF) -> str:
    bereinigt = tuple(s - a for s, a in zip(SOLL, ABGANG, strict=True))
    rows = [
        ("Solleinnahmen (=Anordnungssoll)", (*SOLL, sum(SOLL))),
        ("./. Abgang alter Kasseneinnahmenreste", (*ABGANG, abgang_gesamt)),
        ("Summe bereinigte Solleinnahmen", (*bereinigt, sum(bereinigt))),
    ]
    lines = list(kopf)
    for label, cells in rows:
        lines += [label, *(zahl(c, 2) for c in cells)]
    return "\n".join(lines) + "\n"


def test_each_row_s_total_cell_is_the_sum_of_its_other_cells(tmp_path):
    readings = erkannt(tmp_path, "gesamtspalte", _tabelle(sum(ABGANG)))
    assert [werte(r)[1] for r in readings] == [sum(SOLL), sum(ABGANG), sum(SOLL) - sum(ABGANG)]


def test_a_row_whose_total_misses_is_the_slip_and_the_column_sum_under_it_no_false_alarm(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "j.txt", _tabelle(Fraction(0))))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and (fehler["art"], fehler["getippt"], fehler["nachgerechnet"]) == (
        "zeilensumme",
        zahl(Fraction(0), 2),
        zahl(sum(ABGANG), 2),
    )


def test_a_gesamt_column_most_rows_do_not_add_up_to_is_no_column_of_sums(tmp_path):
    """„Menge | Einzelpreis | Gesamt“: a product – no row adds up, nothing is read."""
    kopf = ["Menge", "Einzelpreis", "Gesamt"]
    posten = [(Fraction(3), Fraction("120.50")), (Fraction(12), Fraction("8.25")), (Fraction(2), Fraction(40))]
    lines = list(kopf)
    for nummer, (menge, preis) in enumerate(posten, start=1):
        lines += [f"Posten {nummer}", zahl(menge, 2), zahl(preis, 2), zahl(menge * preis, 2)]
    assert erkannt(tmp_path, "gesamtspalte", "\n".join(lines) + "\n") == []
