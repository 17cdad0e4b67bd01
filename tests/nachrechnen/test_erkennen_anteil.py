"""erkennen/anteil.py for itself: an amount with its percentage, the base nearby."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write


def test_an_amount_as_a_share_of_a_nearby_base(tmp_path):
    text = "Das Volumen liegt bei rund 250 Mio. €. Davon trägt der Bund voraussichtlich rund 115 Mio. € (46%).\n"
    (reading,) = erkannt(tmp_path, "anteil", text)
    parts, result = werte(reading)
    assert parts == [Fraction(115_000_000), Fraction(250_000_000)]
    assert result == Fraction(46) == parts[0] / parts[1] * 100


def _glandorf(foerderung: str, eigen: str, wort: str = "übrigen") -> str:
    """A Beschluss as a Niederschrift stores it (x01 of the Zusatz): the costs, then a grant of 45 % and the
    municipality's share of 55 %, each with its amount in brackets."""
    return (
        "Laut Kostenschätzung betragen die Gesamtkosten der Maßnahme\n2.181.000 EUR.\n\n"
        f"Der Bund gewährt der Gemeinde eine Zuwendung in Höhe von 45%, ({foerderung} EUR).\n\n"
        f"Den {wort} Anteil der Gemeinde in Höhe von 55%  ({eigen} EUR) stellt der Haushaltsplan bereit.\n"
    )


def test_the_rest_of_a_base_whose_other_share_the_lines_give(tmp_path, capsys):
    kosten = Fraction(2_181_000)
    foerderung, eigen = kosten * Fraction(45, 100), kosten * Fraction(55, 100)
    assert foerderung + eigen == kosten
    readings = erkannt(tmp_path, "anteil", _glandorf("981.450,00", "1.199.550,00"))
    rest = next(r for r in readings if r.ergebnis.zeile.nr == 6 and r.formel != "summe")
    assert werte(rest) == ([Fraction(55), kosten], eigen)
    # the paper's slip, one euro short: a Fehler in the line of the rest, exit 1
    code, report, _ = check(capsys, write(tmp_path, "g.txt", _glandorf("981.450,00", "1.199.549,00")))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 6
    assert Fraction(fehler["werte"]["differenz"]) == Fraction(119954900, 100) - eigen


def test_a_share_not_called_the_rest_is_only_a_doubt(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "g.txt", _glandorf("981.450,00", "1.199.549,00", "weiteren")))
    assert code == 0 and not by_status(report, "Fehler")
    (zweifel,) = [b for b in by_status(report, "nicht eindeutig") if b["zeile"] == 6]
    assert Fraction(zweifel["werte"]["nachgerechnet"]) == Fraction(2_181_000) * Fraction(55, 100)


def test_rates_that_do_not_make_100_percent_read_no_rest(tmp_path):
    text = _glandorf("981.450,00", "1.199.549,00").replace("55%", "50%")
    assert all(r.ergebnis.zeile.nr != 6 for r in erkannt(tmp_path, "anteil", text))
