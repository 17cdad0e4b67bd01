"""erkennen/davonanteil.py for itself: a rate „davon“ of the amount the sentence before ends with, and the amount the
sentence after names for it – the Mehrertrag of a higher Hebesatz and the share the Umlagen take of it. Figures with
Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import zahl

NEU, ALT, SATZ = Fraction(24624000), Fraction(23328000), Fraction(28)
MEHR = NEU - ALT


def _papier(result: Fraction, rate: str = "28 %", back: str = "Der abfließende Betrag wird auf") -> str:
    return (
        f"Der rechnerische Mehrertrag beträgt also {zahl(NEU, 0)} € abzüglich {zahl(ALT, 0)} €, das sind "
        f"{zahl(MEHR, 0)} €. Über die Gewerbesteuerumlage fließen davon {rate} wieder ab. {back} "
        f"{zahl(result, 0)} € geschätzt.\n"
    )


def test_the_amount_after_a_rate_of_the_amount_before(tmp_path, capsys):
    (reading,) = erkannt(tmp_path, "davonanteil", _papier(MEHR * SATZ / 100))
    assert werte(reading) == ([MEHR, SATZ], MEHR * SATZ / 100) and reading.sicher
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _papier(MEHR * SATZ / 100)))
    assert code == 0 and not by_status(report, "Fehler")


def test_the_rate_of_another_amount_above_is_a_slip(tmp_path, capsys):
    falsch = NEU * SATZ / 100  # the search among amounts confirmed 28 % of the new Aufkommen before
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _papier(falsch)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and Fraction(fehler["werte"]["nachgerechnet"]) == MEHR * SATZ / 100


def test_a_rate_marked_as_rounded_gives_a_doubt(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _papier(NEU * SATZ / 100, rate="rund 28 %")))
    (zweifel,) = by_status(report, "nicht eindeutig")
    assert code == 0 and not by_status(report, "Fehler")
    assert not [b for b in by_status(report, "stimmt") if Fraction(b["werte"]["getippt"]) == NEU * SATZ / 100]
    assert Fraction(zweifel["werte"]["nachgerechnet"]) == MEHR * SATZ / 100


def test_a_sentence_after_that_does_not_point_back_is_not_read(tmp_path):
    text = _papier(Fraction(300000), back="Im Vorjahr lag die Umlage bei")
    assert erkannt(tmp_path, "davonanteil", text) == []
