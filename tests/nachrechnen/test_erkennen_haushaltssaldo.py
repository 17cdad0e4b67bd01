"""erkennen/haushaltssaldo.py for itself: the Saldo line of a Haushaltssatzung under its two lines."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write


def test_the_saldo_of_a_haushaltssatzung(tmp_path):
    text = (
        "1. im Ergebnishaushalt\n\nder Gesamtbetrag der Erträge auf\n\n500.250 EUR\n\n"
        "der Gesamtbetrag der Aufwendungen auf\n\n480.100 EUR\n\nder Jahresüberschuss auf\n\n20.150 EUR\n"
    )
    (reading,) = erkannt(tmp_path, "haushaltssaldo", text)
    parts, result = werte(reading)
    assert parts == [Fraction(500250), Fraction(480100)] and result == Fraction(20150) == parts[0] - parts[1]


def _hessen(ertraege: str, aufwendungen: str, saldo: str, seite: str = "Fehlbedarf") -> str:
    """A Hessian Haushaltssatzung as the Amtsblatt sets it (h03 of the Zusatz): „mit einem Saldo (Fehlbedarf) von“,
    the Saldo typed without its sign, its side in brackets."""
    return (
        "im ordentlichen Ergebnis\n\n"
        f"mit dem Gesamtbetrag der Erträge auf  —  {ertraege},- EUR\n\n"
        f"mit dem Gesamtbetrag der Aufwendungen auf  —  {aufwendungen},- EUR\n\n"
        f"mit einem Saldo ({seite}) von  —  {saldo},- EUR\n"
    )


def test_a_saldo_named_a_fehlbedarf_in_brackets_is_the_shortfall_by_its_amount(tmp_path, capsys):
    ertraege, aufwendungen = Fraction(12_443_908), Fraction(12_952_209)
    (reading,) = erkannt(tmp_path, "haushaltssaldo", _hessen("12.443.908", "12.952.209", "508.301"))
    parts, result = werte(reading)
    assert result == aufwendungen - ertraege == Fraction(508_301) and reading.sicher
    # the page's own slip (508.300): a Fehler by one euro, not by the Saldo twice
    code, report, _ = check(capsys, write(tmp_path, "h.txt", _hessen("12.443.908", "12.952.209", "508.300")))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and Fraction(fehler["werte"]["differenz"]) == Fraction(508_300) - (aufwendungen - ertraege)


def test_a_saldo_named_a_surplus_in_brackets_under_a_pair_of_one_part(tmp_path):
    text = (
        "Einzahlungen aus Finanzierungstätigkeit auf  —  3.650.600,- EUR\n\n"
        "Auszahlungen aus Finanzierungstätigkeit auf  —  825.000,- EUR\n\n"
        "mit einem Saldo (Zahlungsmittelüberschuss) von  —  2.825.600,- EUR\n"
    )
    (reading,) = erkannt(tmp_path, "haushaltssaldo", text)
    parts, result = werte(reading)
    assert result == Fraction(3_650_600) - Fraction(825_000) and reading.sicher
