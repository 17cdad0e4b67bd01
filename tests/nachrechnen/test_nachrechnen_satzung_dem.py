"""A Haushaltssatzung's § 1 as a new user types it, each row led by „dem“ or „einem“ („dem Gesamtbetrag der
ordentlichen Erträge auf …“, „und einem Jahresergebnis von …“, „dem Gesamtbetrag der Einzahlungen auf …“): the
Jahresergebnis is the ordentliches plus the außerordentliches Ergebnis (feststellung), the Gesamtbetrag der Ein- and
der Auszahlungen the sums of the rows of their flow (gesamtbetrag). Fresh set 7 (helfer9) of issue 60; figures with
Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, write
from tests.referenz.rechnen import zahl

ERTRAG, AUFWAND = Fraction(14_862_300), Fraction(15_104_700)
AO_ERTRAG, AO_AUFWAND = Fraction(120_000), Fraction(35_000)
EIN = [Fraction(13_975_100), Fraction(2_418_000), Fraction(1_500_000)]
AUS = [Fraction(13_612_800), Fraction(4_196_500), Fraction(412_000)]
TEILE = ("laufender Verwaltungstätigkeit", "Investitionstätigkeit", "Finanzierungstätigkeit")


def _satzung(jahr: Fraction | None = None, aus: Fraction | None = None) -> str:
    ordentlich, ausserordentlich = ERTRAG - AUFWAND, AO_ERTRAG - AO_AUFWAND
    jahr = ordentlich + ausserordentlich if jahr is None else jahr
    zeilen = [
        "§ 1 Ergebnis- und Finanzhaushalt",
        "Der Haushaltsplan für das Haushaltsjahr 2025 wird",
        "1. im Ergebnishaushalt mit",
        f"dem Gesamtbetrag der ordentlichen Erträge auf {zahl(ERTRAG)} EUR",
        f"dem Gesamtbetrag der ordentlichen Aufwendungen auf {zahl(AUFWAND)} EUR",
        f"einem ordentlichen Ergebnis von {zahl(ordentlich)} EUR",
        f"dem Gesamtbetrag der außerordentlichen Erträge auf {zahl(AO_ERTRAG)} EUR",
        f"dem Gesamtbetrag der außerordentlichen Aufwendungen auf {zahl(AO_AUFWAND)} EUR",
        f"einem außerordentlichen Ergebnis von {zahl(ausserordentlich)} EUR",
        f"und einem Jahresergebnis von {zahl(jahr)} EUR",
        "2. im Finanzhaushalt mit",
    ]
    for teil, ein, aus_ in zip(TEILE, EIN, AUS, strict=True):
        zeilen += [f"Einzahlungen aus {teil} {zahl(ein)} EUR", f"Auszahlungen aus {teil} {zahl(aus_)} EUR"]
        zeilen += [f"Saldo aus {teil} {zahl(ein - aus_)} EUR"]
    zeilen += [f"dem Gesamtbetrag der Einzahlungen auf {zahl(sum(EIN))} EUR"]
    zeilen += [f"dem Gesamtbetrag der Auszahlungen auf {zahl(sum(AUS) if aus is None else aus)} EUR", "festgesetzt."]
    return "\n".join(zeilen) + "\n"


def test_the_jahresergebnis_and_the_totals_of_the_flows(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "s.txt", _satzung()))
    assert code == 0 and not report["nicht_geprueft"]
    arten = {b["zeile"]: b["art"] for b in by_status(report, "stimmt")}
    assert arten[10] == "feststellung" and arten[21] == arten[22] == "listensumme"


def test_a_total_that_forgot_a_row_and_a_slipped_jahresergebnis_are_slips(tmp_path, capsys):
    ohne = sum(AUS) - AUS[2]  # the Auszahlungen aus Finanzierungstätigkeit left out
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _satzung(aus=ohne)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 22 and Fraction(fehler["werte"]["nachgerechnet"]) == sum(AUS)
    richtig = ERTRAG - AUFWAND + AO_ERTRAG - AO_AUFWAND
    code, report, _ = check(capsys, write(tmp_path, "b.txt", _satzung(jahr=richtig - 10_000)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 10 and Fraction(fehler["werte"]["nachgerechnet"]) == richtig
