"""erkennen/steuersatz.py for itself: a net amount, its tax and the gross amount in one sentence (set 12's paper 13,
a Verbandsgemeinde in Rheinland-Pfalz: „Nettosumme von 40.243,87 Euro zuzüglich 19 Prozent Umsatzsteuer in Höhe von
7.646,34 Euro …, brutto also 47.890,21 Euro“). Every expected value is worked out here with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import rund, zahl

NETTO, SATZ = Fraction(4_024_387, 100), Fraction(19)
CENT = Fraction(1, 100)
STEUER = rund(NETTO * SATZ / 100, CENT)


def _angebot(steuer: Fraction, brutto: Fraction) -> str:
    return (
        f"Das wirtschaftlichste Angebot schließt mit einer Nettosumme von {zahl(NETTO, 2)} Euro zuzüglich 19 Prozent "
        f"Umsatzsteuer in Höhe von {zahl(steuer, 2)} Euro ab, brutto also {zahl(brutto, 2)} Euro.\n"
    )


def test_the_tax_is_the_net_amount_times_the_rate_and_the_gross_amount_their_sum(tmp_path):
    readings = erkannt(tmp_path, "steuersatz", _angebot(STEUER, NETTO + STEUER))
    assert [werte(r) for r in readings] == [([NETTO, SATZ], STEUER), ([NETTO, STEUER], NETTO + STEUER)]


def test_a_tax_typed_off_is_a_slip_and_the_gross_amount_its_consequence(tmp_path, capsys):
    falsch = STEUER + 18  # 7.664,34 for 7.646,34
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _angebot(falsch, NETTO + falsch)))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and Fraction(slip["werte"]["nachgerechnet"]) == STEUER
    assert [Fraction(b["werte"]["nachgerechnet"]) for b in by_status(report, "Folgefehler")] == [NETTO + STEUER]


def test_without_the_tax_amount_the_gross_amount_is_the_net_with_the_rate_added(tmp_path, capsys):
    netto = Fraction(12_000)
    brutto = netto * (100 + SATZ) / 100
    text = "Die Kosten betragen {} € zuzüglich 19 % Umsatzsteuer, insgesamt also {} €.\n"
    (reading,) = erkannt(tmp_path, "steuersatz", text.format(zahl(netto, 2), zahl(brutto, 2)))
    assert werte(reading) == ([netto, SATZ], brutto)
    code, report, _ = check(capsys, write(tmp_path, "b.txt", text.format(zahl(netto, 2), zahl(brutto + 540, 2))))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and Fraction(slip["werte"]["nachgerechnet"]) == brutto


def test_a_rate_after_two_amounts_of_one_sentence_is_not_read(tmp_path):
    # of which amount the tax is, the sentence does not say: 2.280 € is 19 % of both together
    text = (
        "Die Kosten von 10.000,00 € für A und 2.000,00 € für B zuzüglich 19 % Umsatzsteuer von 2.280,00 € fallen an.\n"
    )
    assert Fraction(12_000) * SATZ / 100 == 2_280
    assert erkannt(tmp_path, "steuersatz", text) == []


def test_a_tax_on_a_part_named_after_it_is_not_read(tmp_path):
    text = "Die Kosten betragen 10.000,00 € zuzüglich 19 % Umsatzsteuer auf den Anteil von 5.000,00 €.\n"
    assert erkannt(tmp_path, "steuersatz", text) == []
