"""erkennen/prozentwandel.py for itself: a change in percent in the sentence after the change in euros, of the amount
the change starts from – the Kreisumlage of this year and the last, the change, its rate. Figures with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import rund, zahl

NEU, ALT = Fraction(316046220, 100), Fraction(298711500, 100)
AENDERUNG = NEU - ALT
ZEHNTEL = Fraction(1, 10)


def _papier(satz: str = "Das entspricht einer Steigerung von {rate} %.", rate: Fraction | None = None) -> str:
    rate = rund(AENDERUNG / ALT * 100, ZEHNTEL) if rate is None else rate
    return (
        f"Daraus ergibt sich eine Kreisumlage von {zahl(NEU, 2)} €.\n"
        "\n"
        f"Im Vorjahr hatte die Stadt {zahl(ALT, 2)} € Kreisumlage zu zahlen. Die Belastung steigt damit\n"
        f"um {zahl(AENDERUNG, 2)} €. {satz.format(rate=zahl(rate, 1))}\n"
    )


def test_the_rate_of_a_change_named_in_the_sentence_before(tmp_path, capsys):
    (reading,) = erkannt(tmp_path, "prozentwandel", _papier())
    assert werte(reading) == ([AENDERUNG, ALT], rund(AENDERUNG / ALT * 100, ZEHNTEL)) and reading.sicher
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _papier()))
    assert code == 0 and not by_status(report, "Fehler")


def test_a_rate_of_the_new_amount_is_a_slip(tmp_path, capsys):
    falsch = rund(AENDERUNG / NEU * 100, ZEHNTEL)  # 5,5 % for 5,8 %
    assert falsch != rund(AENDERUNG / ALT * 100, ZEHNTEL)
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _papier(rate=falsch)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 4
    assert Fraction(fehler["werte"]["nachgerechnet"]) == rund(AENDERUNG / ALT * 100, ZEHNTEL)


def test_a_fall_starts_from_the_larger_amount(tmp_path):
    text = (
        f"Die Kostenberechnung sah {zahl(NEU, 2)} € vor. Das Angebot liegt bei {zahl(ALT, 2)} €.\n"
        f"Es liegt um {zahl(AENDERUNG, 2)} € unter der Kostenberechnung. "
        f"Das sind {zahl(rund(AENDERUNG / NEU * 100, ZEHNTEL), 1)} % weniger als veranschlagt.\n"
    )
    (reading,) = erkannt(tmp_path, "prozentwandel", text)
    assert werte(reading) == ([AENDERUNG, NEU], rund(AENDERUNG / NEU * 100, ZEHNTEL)) and reading.sicher


def test_what_is_not_so_named_is_not_read(tmp_path):
    # a share of something, not a change
    assert erkannt(tmp_path, "prozentwandel", _papier("Das entspricht {rate} % der Gesamtkosten.")) == []
    # percentage points
    assert erkannt(tmp_path, "prozentwandel", _papier("Das sind {rate} Prozentpunkte mehr.")) == []
    # no direction in the words: which amount the change starts from is open
    text = _papier().replace("steigt damit\num", "ändert sich damit\num").replace("Steigerung", "Veränderung")
    assert erkannt(tmp_path, "prozentwandel", text) == []
    # the change is the sum of two others named a change (the parts of it), not of two amounts
    text = (
        "Die Aufwendungen steigen um 3.320.282 €. Zugleich steigen die Erstattungen um 1.459.814 €, so dass der\n"
        "Nettoaufwand um 1.860.468 € oder 4,23 % steigt.\n"
    )
    assert erkannt(tmp_path, "prozentwandel", text) == []


def test_without_words_that_point_back_a_rate_is_a_guess(tmp_path, capsys):
    text = _papier("Im Landesvergleich ist eine Steigerung von {rate} % üblich.", rate=Fraction(3))
    readings = erkannt(tmp_path, "prozentwandel", text)
    assert [r.sicher for r in readings] == [False]
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0 and not by_status(report, "Fehler")
