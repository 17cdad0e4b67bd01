"""erkennen/summen.py for itself: a total row read as the sum of the rows above it."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.korpus_echt import KORPUS
from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import euro, zahl


def test_a_total_row_is_the_sum_of_the_rows_above(tmp_path):
    readings = erkannt(tmp_path, "summen", "A\t−4.000 €\nB\t7.250 €\nSumme\t3.250 €\n")
    parts, result = werte(next(r for r in readings if r.typ == "listensumme"))
    assert parts == [Fraction(-4000), Fraction(7250)] and result == Fraction(3250) == sum(parts)


def test_a_label_wrapped_onto_the_row_of_its_amount_is_no_heading(tmp_path, capsys):
    """i08 of the corpus's Zusatz (Schönbach, Jahresabschluss 2018): „der Verrechnung … mit dem Basiskapital | ||“
    over „gemäß § 72 … | 194,08 € |“ is one row whose label a page wrapped – not a heading that leaves open whether
    the rows above it count."""
    ordentlich, sonder = Fraction(-292676, 100), Fraction(-197358, 100)
    gesamt, verrechnet_o, verrechnet_s = ordentlich + sonder, Fraction(17258285, 100), Fraction(19408, 100)
    verbleibend = gesamt + verrechnet_o + verrechnet_s

    def betrag(value: Fraction) -> str:
        return ("-" if value < 0 else "") + zahl(abs(value), 2) + " €"

    text = (
        "| a) | Ergebnisrechnung (Anlage 1) mit | |\n"
        f"| einem ordentlichen Ergebnis von | {betrag(ordentlich)} | |\n"
        f"| einem Sonderergebnis von | {betrag(sonder)} | |\n"
        f"| einem Gesamtergebnis von | {betrag(gesamt)} | |\n"
        "| der Verrechnung eines Fehlbetrages im ordentlichen Ergebnis mit dem Basiskapital | ||\n"
        f"| gemäß § 72 Absatz 3 Satz 3 SächsGemO | {betrag(verrechnet_o)} | |\n"
        "| der Verrechnung eines Fehlbetrages im Sonderergebnis mit dem Basiskapital | ||\n"
        f"| gemäß § 72 Absatz 3 Satz 3 SächsGemO | {betrag(verrechnet_s)} | |\n"
        "| einem verbleibenden Gesamtergebnis | {} |\n"
    )
    code, report, _ = check(capsys, write(tmp_path, "j.txt", text.format(betrag(verbleibend))))
    assert code == 0 and [b["zeile"] for b in by_status(report, "stimmt")] == [4, 9]
    assert by_status(report, "nicht eindeutig") == []
    code, report, _ = check(capsys, write(tmp_path, "j.txt", text.format(betrag(verbleibend + 1))))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 9 and fehler["nachgerechnet"] == euro(verbleibend, cent=True)


def test_a_list_number_in_the_first_cell_of_an_open_pipe_row_is_no_total(tmp_path, capsys):
    """j06 of the corpus's Zusatz: „| 2. | Die Wertgrenze, für die insgesamt erforderl“ – a page cut the row off
    before its closing „|“; its „2.“ numbers the item, it is no total of the amounts above."""
    text = (
        "| 1. | Die Wertgrenze wird von bisher 25.000 EUR auf 25.000 EUR festgesetzt. | |\n"
        "| 2. | Die Wertgrenze, für die insgesamt erforderl\n"
    )
    code, report, _ = check(capsys, write(tmp_path, "w.txt", text))
    assert code == 0 and by_status(report, "Fehler") == []


def _jahresrechnung(gesamt: str, name: str = "Summe Gesamthaushalt", zeilen: tuple[str, str] = ("", "")) -> str:
    """A Jahresrechnung as a municipality's page stores it (z03 of the Zusatz): two totals, each with its € wrapped
    onto the next line, and under them the total named the whole."""
    verwaltung, vermoegen = zeilen or ("", "")
    return (
        "Ergebnis:\n"
        f"Summe Verwaltungshaushalt {verwaltung}Einnahmen/Ausgaben 31.639.769,48\n€\n"
        f"Summe Vermögenshaushalt {vermoegen}Einnahmen/Ausgaben 4.615.994,60\n€\n"
        f"{name} {gesamt} €\n"
    )


def test_a_total_named_the_whole_under_totals_is_their_sum(tmp_path, capsys):
    verwaltung, vermoegen = Fraction(3163976948, 100), Fraction(461599460, 100)
    (reading,) = [r for r in erkannt(tmp_path, "summen", _jahresrechnung("36.255.764,08")) if r.ergebnis.zeile.nr == 6]
    assert werte(reading) == ([verwaltung, vermoegen], verwaltung + vermoegen) and reading.sicher
    code, report, _ = check(capsys, write(tmp_path, "j.txt", _jahresrechnung("36.255.746,08")))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 6
    assert Fraction(fehler["werte"]["differenz"]) == Fraction(3625574608, 100) - (verwaltung + vermoegen)


def test_a_result_or_two_flows_under_totals_is_no_sum_of_them(tmp_path):
    saldo = _jahresrechnung("27.023.774,88", name="Gesamtergebnis")
    assert [r for r in erkannt(tmp_path, "summen", saldo) if r.ergebnis.zeile.nr == 6] == []
    flows = _jahresrechnung("36.255.764,08", zeilen=("der Einzahlungen ", "der Auszahlungen ")).replace(
        "Einnahmen/Ausgaben ", ""
    )
    assert [r for r in erkannt(tmp_path, "summen", flows) if r.ergebnis.zeile.nr == 6] == []
    kredite = _jahresrechnung("36.255.764,08", name="Gesamtbetrag der Kredite")
    assert [r for r in erkannt(tmp_path, "summen", kredite) if r.ergebnis.zeile.nr == 6 and r.sicher] == []


def test_a_fehlbetrag_under_the_totals_of_einnahmen_and_ausgaben(tmp_path, capsys):
    """y03 of the Zusatz as the page stores it: a pool's costs one cell per line, the totals of the Einnahmen (9.612)
    and of the Ausgaben (106.101 as typed), then „Fehlbetrag gesamt:“ with its figure on a line of its own."""
    text = (KORPUS / "zusatz" / "y03_zschopau_freibad.txt").read_text(encoding="utf-8")
    einnahmen, ausgaben = Fraction(9612), Fraction(106_101)
    assert "\n96.489\n" in text and ausgaben - einnahmen == 96_489
    code, report, _ = check(capsys, write(tmp_path, "f.txt", text))
    (saldo,) = [b for b in report["befunde"] if b["erkannt"].startswith("Saldo der Summenzeilen")]
    # the Ausgaben's own total is one short of its rows (106.102): the Fehlbetrag holds with it as typed
    assert saldo["zeile"] == 148 and saldo["status"] == "Folgefehler"
    assert Fraction(saldo["werte"]["getippt"]) == ausgaben - einnahmen
    code, report, _ = check(capsys, write(tmp_path, "g.txt", text.replace("\n96.489\n", "\n96.589\n")))
    (fehler,) = [b for b in by_status(report, "Fehler") if b["zeile"] == 148]
    assert code == 1 and Fraction(fehler["werte"]["getippt"]) - (ausgaben - einnahmen) == 100
