"""The rest of an amount in prose without „gedeckt“ (`restbetrag.py`, issue 60): the first amount of a paragraph
less the amounts named before „restlichen Betrag von …“ – a guess: confirmed when it holds, „nicht eindeutig“ with
its reading when not, never a slip. Figures computed here with Fractions."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, write
from tests.referenz.rechnen import euro

GESAMT, RUECKLAGE = Fraction(75_000), Fraction(50_000)


def _absatz(rest: Fraction) -> str:
    return (
        f"Die Gesamtausgabe beträgt {euro(GESAMT)}. Davon werden {euro(RUECKLAGE)} aus der Rücklage entnommen. "
        f"Für den restlichen Betrag von {euro(rest)} werden Minderausgaben bei Produkt 1.2.3 herangezogen.\n"
    )


def test_a_rest_that_holds_is_confirmed(capsys, tmp_path):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _absatz(GESAMT - RUECKLAGE)))
    assert code == 0
    assert [(b["art"], b["getippt"], b["status"]) for b in report["befunde"]] == [
        ("restbetrag", euro(GESAMT - RUECKLAGE), "stimmt")
    ]
    assert report["nicht_geprueft"] == []


def test_a_rest_that_does_not_hold_is_not_eindeutig_with_its_reading(capsys, tmp_path):
    typed = GESAMT - RUECKLAGE + 1000
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _absatz(typed)))
    assert code == 0 and by_status(report, "Fehler") == []
    doubt = by_status(report, "nicht eindeutig")
    assert [(b["getippt"], b["nachgerechnet"]) for b in doubt] == [(euro(typed), euro(GESAMT - RUECKLAGE))]
    assert "sagt der Text nicht ausdrücklich" in doubt[0]["hinweis"]


def test_a_rest_without_a_named_total_is_not_read(capsys, tmp_path):
    text = f"Am 3. März gingen {euro(GESAMT)} ein und {euro(RUECKLAGE)} aus; der Rest von {euro(Fraction(1))} blieb.\n"
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0 and [b for b in report["befunde"] if b["art"] == "restbetrag"] == []


def test_a_rest_said_with_bleiben_also_nur_is_read(capsys, tmp_path):
    # „Es bleiben also nur … Eigenmittel“: förderfähige Gesamtkosten less the Fördermittel granted
    gesamt, foerderung = Fraction(59085500, 100), Fraction(44314100, 100)
    rest = gesamt - foerderung
    assert rest == Fraction(14771400, 100)
    text = (
        "Beantragt waren förderfähige Gesamtkosten von 590.855,00 €. Der Bescheid vom 26.05.2009 bewilligt "
        "443.141,00 € Fördermittel, das sind 75 % der Gesamtkosten. Es bleiben also nur {rest} € Eigenmittel.\n"
    )
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text.format(rest="147.714,00")))
    assert code == 0 and ("restbetrag", "stimmt") in [(b["art"], b["status"]) for b in report["befunde"]]
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text.format(rest="147.741,00")))
    assert code == 0 and by_status(report, "Fehler") == []
    assert [b["art"] for b in by_status(report, "nicht eindeutig")] == ["restbetrag"]
