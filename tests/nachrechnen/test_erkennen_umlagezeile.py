"""erkennen/umlagezeile.py for itself: a Gemeinde's Kreis- and Amtsumlage as a list states them – the
Umlagegrundlagen, the rate in a sentence, the Umlage on the next line. Figures with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import rund, zahl

STEUERKRAFT, SCHLUESSEL = Fraction(3_412_870), Fraction(1_106_430)
GRUNDLAGE = STEUERKRAFT + SCHLUESSEL
KREIS, AMT = Fraction(398, 10), Fraction(332, 10)


def _liste(amt: Fraction | None = None, vorjahr: str = "Kreisumlage 2024: 1.712.455 €") -> str:
    amt = rund(GRUNDLAGE * AMT / 100) if amt is None else amt
    return (
        f"Steuerkraftmesszahl: {zahl(STEUERKRAFT)} €\nSchlüsselzuweisungen: {zahl(SCHLUESSEL)} €\n"
        f"Umlagegrundlagen 2025: {zahl(GRUNDLAGE)} €\n\n"
        "Der Kreistag hat den Hebesatz der Kreisumlage unverändert beschlossen.\n"
        f"Er beträgt {zahl(KREIS, 1)} %.\nKreisumlage 2025: {zahl(rund(GRUNDLAGE * KREIS / 100))} €\n{vorjahr}\n\n"
        f"Der Amtsausschuss hat die Amtsumlage auf {zahl(AMT, 1)} % festgesetzt.\nAmtsumlage 2025: {zahl(amt)} €\n"
    )


def test_each_umlage_is_the_grundlage_times_its_rate(tmp_path, capsys):
    kreis, amt = erkannt(tmp_path, "umlagezeile", _liste())
    assert werte(kreis) == ([GRUNDLAGE, KREIS], rund(GRUNDLAGE * KREIS / 100)) and kreis.sicher
    assert werte(amt) == ([GRUNDLAGE, AMT], rund(GRUNDLAGE * AMT / 100))
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _liste()))
    assert code == 0 and not by_status(report, "Fehler")


def test_a_rate_applied_to_the_steuerkraft_alone_is_a_slip(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _liste(amt=rund(STEUERKRAFT * AMT / 100))))
    (fehler,) = by_status(report, "Fehler")
    assert (
        code == 1
        and fehler["zeile"] == 11
        and Fraction(fehler["werte"]["nachgerechnet"]) == rund(GRUNDLAGE * AMT / 100)
    )


def test_what_is_no_umlage_of_that_grundlage_is_not_read(tmp_path):
    # another year's Umlage under the rate: not of the Grundlage 2025
    vorjahr = _liste(vorjahr="").replace("Kreisumlage 2025", "Kreisumlage 2024")
    assert [r.ergebnis.zeile.nr for r in erkannt(tmp_path, "umlagezeile", vorjahr)] == [11]
    # an Umlage per head or with more in it
    je = _liste().replace("Amtsumlage 2025:", "Amtsumlage je Einwohner 2025:")
    assert [r.ergebnis.zeile.nr for r in erkannt(tmp_path, "umlagezeile", je)] == [7]
    # no word of a rate near the percentage
    ohne = _liste().replace("Der Kreistag hat den Hebesatz der Kreisumlage unverändert beschlossen.", "Bekannt.")
    assert [r.ergebnis.zeile.nr for r in erkannt(tmp_path, "umlagezeile", ohne.replace("Er beträgt", "Es sind"))] == [
        11
    ]
