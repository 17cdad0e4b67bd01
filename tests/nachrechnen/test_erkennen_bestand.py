"""erkennen/bestand.py for itself: a table „Stand zu Beginn | Zugang | Abgang | Stand am Ende“ – each row's start plus
additions less disposals is its end. The page form (the head's cells one a line, then per row its label and four
cells, one a line) and the figures are those of k05 of the corpus's Zusatz (Bad Kohlgrub, Jahresrechnung 2017, with
its slip in the Rücklagen); every expected figure is worked out here with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import euro, zahl

SCHULDEN = (Fraction("1114423.48"), Fraction("500000.00"), Fraction("128591.37"))
RUECKLAGEN = (Fraction("262326.29"), Fraction("306316.28"), Fraction(0))
KOPF = [
    "Stand der Schulden und Rücklagen",
    "",
    "",
    "Stand zu Beginn des Haushaltsjahres",
    "Zugang",
    "",
    "Abgang",
    "",
    "Stand am Ende des Haushaltsjahres",
]


def _ende(row: tuple[Fraction, Fraction, Fraction]) -> Fraction:
    start, zugang, abgang = row
    return start + zugang - abgang


def _tabelle(kopf: list[str], ruecklagen_ende: Fraction) -> str:
    lines = [*kopf, "Schulden", *(zahl(v, 2) for v in (*SCHULDEN, _ende(SCHULDEN)))]
    lines += ["Rücklagen", *(zahl(v, 2) for v in (*RUECKLAGEN, ruecklagen_ende)), ""]
    return "\n".join(lines) + "\n"


def test_each_row_is_its_start_plus_additions_less_disposals(tmp_path):
    readings = erkannt(tmp_path, "bestand", _tabelle(KOPF, _ende(RUECKLAGEN)))
    assert [werte(r) for r in readings] == [(list(SCHULDEN), _ende(SCHULDEN)), (list(RUECKLAGEN), _ende(RUECKLAGEN))]
    assert all(r.sicher for r in readings)


def test_a_row_that_does_not_add_up_is_a_slip(tmp_path, capsys):
    getippt = Fraction("582882.56")  # the page's figure: 14.239,99 € more than start, Zugang and Abgang give
    code, report, _ = check(capsys, write(tmp_path, "b.txt", _tabelle(KOPF, getippt)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["art"] == "bestand"
    assert (fehler["getippt"], fehler["nachgerechnet"]) == (zahl(getippt, 2), zahl(_ende(RUECKLAGEN), 2))
    assert euro(getippt - _ende(RUECKLAGEN), cent=True) == euro(Fraction("14239.99"), cent=True)


def test_a_head_that_names_a_column_twice_or_out_of_order_says_nothing(tmp_path):
    twice = [c.replace("Abgang", "Zugang") for c in KOPF]
    swapped = [{"Zugang": "Abgang", "Abgang": "Zugang"}.get(c, c) for c in KOPF]
    for kopf in (twice, swapped):
        assert erkannt(tmp_path, "bestand", _tabelle(kopf, _ende(RUECKLAGEN))) == []
