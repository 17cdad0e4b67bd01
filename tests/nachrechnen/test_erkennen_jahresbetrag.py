"""erkennen/jahresbetrag.py for itself: an amount per month (quarter) and the yearly amount the same sentence gives for
it, as new users write it („Die Miete beträgt monatlich 1.250 €, im Jahr also 15.000 €.“). Figures with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import euro

MONAT, QUARTAL = Fraction("1237.50"), Fraction(2_500)


def test_a_monthly_amount_and_its_year(tmp_path, capsys):
    satz = "Die Miete beträgt monatlich {}, im Jahr also {}.\n"
    (reading,) = erkannt(tmp_path, "jahresbetrag", satz.format(euro(MONAT, cent=True), euro(12 * MONAT, cent=True)))
    assert werte(reading) == ([MONAT], 12 * MONAT) and reading.sicher
    falsch = 12 * MONAT - 150  # the year of 1.225 € a month, not updated
    code, report, _ = check(
        capsys, write(tmp_path, "m.txt", satz.format(euro(MONAT, cent=True), euro(falsch, cent=True)))
    )
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and (fehler["getippt"], fehler["nachgerechnet"]) == (
        euro(falsch, cent=True),
        euro(12 * MONAT, cent=True),
    )


def test_other_shapes_quarter_brackets_and_an_adjective(tmp_path):
    texte = (
        (
            f"Der Zuschuss wird vierteljährlich mit {euro(QUARTAL)} ausgezahlt, das sind {euro(4 * QUARTAL)} im Jahr.\n",
            QUARTAL,
            4,
        ),
        (
            f"Die Kosten betragen {euro(MONAT, cent=True)} pro Monat ({euro(12 * MONAT, cent=True)} pro Jahr).\n",
            MONAT,
            12,
        ),
        (
            f"Bei einer monatlichen Pauschale von {euro(MONAT, cent=True)} ergeben sich jährlich {euro(12 * MONAT, cent=True)}.\n",
            MONAT,
            12,
        ),
    )
    for text, betrag, mal in texte:
        (reading,) = erkannt(tmp_path, "jahresbetrag", text)
        assert werte(reading) == ([betrag], mal * betrag), text


def test_a_year_typed_rund_is_a_rounding_to_its_last_digit_and_a_slip_beyond(tmp_path, capsys):
    satz = "Die Miete beträgt monatlich {}, im Jahr also rund {}.\n"
    code, report, _ = check(capsys, write(tmp_path, "r.txt", satz.format(euro(MONAT, cent=True), euro(15_000))))
    (rundung,) = by_status(report, "Rundung")  # 14.850 € to the thousand
    assert code == 0 and Fraction(rundung["werte"]["nachgerechnet"]) == 12 * MONAT
    code, report, _ = check(capsys, write(tmp_path, "r.txt", satz.format(euro(MONAT, cent=True), euro(16_000))))
    assert code == 1 and len(by_status(report, "Fehler")) == 1


def test_sentences_that_name_two_things_or_count_months_are_not_read(tmp_path):
    texte = (
        # two items: the Miete per month, the Nebenkosten per year
        "Die Miete beträgt monatlich 1.250 €; die Nebenkosten betragen jährlich 3.000 €.\n",
        "Gezahlt werden monatlich 1.250 € und zusätzlich jährlich 3.000 € für die Wartung.\n",
        # a count of months: the year has ten payments
        "Für 10 Monate im Jahr werden monatlich 1.250 € gezahlt, also 12.500 € jährlich.\n",
        # no period named for the first amount
        "Die Miete beträgt 1.250 €, im Jahr also 15.000 €.\n",
    )
    for text in texte:
        assert erkannt(tmp_path, "jahresbetrag", text) == [], text
