"""A Gebührenkalkulation as a Eigenbetrieb types it (a helper wrote it as a new user): the costs, a Zwischensumme, a
deduction „abzgl. …“, the bold „Gebührenfähige Kosten“ (erkennen/abzugsreihen.py: a slip there passed, the row's
label names no result), the Gebühr as „1.886.200 € : 742.000 m³ = 2,54 €/m³“ (erkennen/inzeile.py: the unit after the
divisor hid the division) and its rise „(bisher 2,41 €/m³) um 0,13 €/m³ bzw. 5,4 %“ (erkennen/fliesstext.py). Every
expected value is worked out here with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, write
from tests.referenz.rechnen import rund, zahl

KOSTEN = (Fraction(412_300), Fraction(286_450), Fraction(958_200), Fraction(371_850))
ZWISCHEN = sum(KOSTEN)
ERLOESE = Fraction(142_600)
FAEHIG = ZWISCHEN - ERLOESE
MENGE = Fraction(742_000)
GEBUEHR = rund(FAEHIG / MENGE, Fraction(1, 100))
BISHER = Fraction(241, 100)
STEIGERUNG = rund((GEBUEHR - BISHER) / BISHER * 100, Fraction(1, 10))


def _kalkulation(faehig: Fraction = FAEHIG, gebuehr: Fraction = GEBUEHR, rate: Fraction = STEIGERUNG) -> str:
    text = "| Kostenart | Betrag in € |\n|---|---:|\n"
    text += "".join(f"| Kostenart {i} | {zahl(k)} |\n" for i, k in enumerate(KOSTEN, start=1))
    text += f"| **Zwischensumme** | **{zahl(ZWISCHEN)}** |\n| abzgl. sonstige Erlöse | -{zahl(ERLOESE)} |\n"
    text += f"| **Gebührenfähige Kosten** | **{zahl(faehig)}** |\n\n"
    text += f"Bei einer Frischwassermenge von {zahl(MENGE)} m³ ergibt sich:\n"
    text += f"{zahl(FAEHIG)} € : {zahl(MENGE)} m³ = {zahl(gebuehr, 2)} €/m³\n\n"
    return text + (
        f"Die Gebühr steigt damit gegenüber 2024 (bisher {zahl(BISHER, 2)} €/m³) um {zahl(GEBUEHR - BISHER, 2)} €/m³ "
        f"bzw. {zahl(rate, 1)} %.\n"
    )


def test_the_kalkulation_holds(tmp_path, capsys):
    assert FAEHIG == 1_886_200 and Fraction(254, 100) == GEBUEHR and Fraction(54, 10) == STEIGERUNG
    code, report, _ = check(capsys, write(tmp_path, "a.md", _kalkulation()))
    assert code == 0 and by_status(report, "Fehler") == []
    arts = {b["zeile"]: b["art"] for b in report["befunde"]}
    assert arts[9] == "abzugsreihen" and arts[12] == "division" and arts[14] == "veraenderung_prozent"


def test_the_gebuehrenfaehige_kosten_typed_wrong(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "a.md", _kalkulation(faehig=Fraction(1_868_200))))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 9 and Fraction(slip["werte"]["nachgerechnet"]) == FAEHIG


def test_the_gebuehr_typed_wrong(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "a.md", _kalkulation(gebuehr=Fraction(245, 100))))
    slips = by_status(report, "Fehler")
    assert code == 1 and (12, GEBUEHR) in [(b["zeile"], Fraction(b["werte"]["nachgerechnet"])) for b in slips]


def test_the_rise_in_percent_typed_wrong(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "a.md", _kalkulation(rate=Fraction(45, 10))))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 14 and Fraction(slip["werte"]["nachgerechnet"]) == STEIGERUNG


def test_a_row_after_a_deduction_that_is_neither_bold_nor_under_a_zwischensumme_stays_a_guess(tmp_path, capsys):
    text = f"| Posten | Betrag |\n|---|---|\n| Kosten | {zahl(ZWISCHEN)} |\n| abzgl. Erlöse | -{zahl(ERLOESE)} |\n"
    text += f"| Weitere Kosten | {zahl(FAEHIG + 1_000)} |\n"
    code, report, _ = check(capsys, write(tmp_path, "a.md", text))
    assert code == 0 and by_status(report, "Fehler") == []
