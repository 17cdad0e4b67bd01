"""erkennen/inzeile.py for itself: a calculation written out within one line."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import erkannt, werte


def test_a_sum_typed_in_the_line(tmp_path):
    readings = erkannt(tmp_path, "inzeile", "1.250 € + 730 € = 1.980 €\n")
    (reading,) = [r for r in readings if r.typ == "zeilenrechnung"]
    parts, result = werte(reading)
    assert parts == [Fraction(1250), Fraction(730)] and result == Fraction(1980) == sum(parts)


def test_a_product_typed_in_the_line(tmp_path):
    readings = erkannt(tmp_path, "inzeile", "3 x 1.012,50 € = 3.037,50 €\n")
    (reading,) = readings
    parts, result = werte(reading)
    assert reading.formel == "produkt" and parts == [Fraction(3), Fraction(101250, 100)]
    assert result == Fraction(303750, 100) == parts[0] * parts[1]


def test_a_product_in_a_sentence_zu_je_or_zum_stueckpreis(tmp_path, capsys):
    from tests.hilfen.nachrechnen import by_status, check, write
    from tests.referenz.rechnen import zahl

    stellen, satz = Fraction(9, 2), Fraction(58_900)
    stueck, preis = Fraction(35), Fraction(429)
    saetze = (
        (f"Für das Projekt werden 4,5 Stellen zu je {zahl(satz)} € benötigt, insgesamt {{}} €.\n", stellen, satz, 0),
        (
            f"Es werden 35 Tablets zum Stückpreis von {zahl(preis, 2)} € beschafft; das ergibt {{}} €.\n",
            stueck,
            preis,
            2,
        ),
    )
    for satzbau, anzahl, betrag, stellen_nach_komma in saetze:
        richtig = satzbau.format(zahl(anzahl * betrag, stellen_nach_komma))
        (reading,) = erkannt(tmp_path, "inzeile", richtig)
        assert werte(reading) == ([anzahl, betrag], anzahl * betrag)
        falsch = satzbau.format(zahl(anzahl * betrag + 450, stellen_nach_komma))  # a digit typed wrong
        code, report, _ = check(capsys, write(tmp_path, "p.txt", falsch))
        (fehler,) = by_status(report, "Fehler")
        assert code == 1 and Fraction(fehler["werte"]["nachgerechnet"]) == anzahl * betrag


def test_counts_zu_je_an_amount_with_more_amounts_after_them_are_no_product(tmp_path):
    # which amount after the chain is its result, the sentence does not say
    text = "Gewährt werden 2 Zuschüsse zu je 5.000 € und einer zu 10.000 €, insgesamt 20.000 €.\n"
    assert [r for r in erkannt(tmp_path, "inzeile", text) if r.formel == "produkt"] == []


def test_a_division_with_the_divisors_unit_before_the_equals_sign(tmp_path):
    text = "Je Platz ergibt sich ein Zuschussbedarf von 658.838 € : 96 Plätze = 6.862,90 € im Jahr.\n"
    (reading,) = [r for r in erkannt(tmp_path, "inzeile", text) if r.formel == "division"]
    assert werte(reading) == ([Fraction(658_838), Fraction(96)], Fraction("6862.90"))
    from tests.referenz.rechnen import rund

    assert rund(Fraction(658_838, 96), Fraction(1, 100)) == Fraction("6862.90")


def test_a_price_in_cent_times_a_count_gives_euros(tmp_path, capsys):
    from tests.hilfen.nachrechnen import by_status, check, write
    from tests.referenz.rechnen import rund, zahl

    kwh, cent = Fraction(578_350), Fraction("24.87")
    richtig = rund(kwh * cent / 100, Fraction(1, 100))
    text = "Arbeitspreis 578.350 kWh x 24,87 ct/kWh                 {} €\n"
    (reading,) = erkannt(tmp_path, "inzeile", text.format(zahl(richtig, 2)))
    assert werte(reading) == ([kwh, cent / 100], richtig)
    falsch = rund(kwh * cent / 1000, Fraction(1, 100))  # divided by 1.000 for the cents: a slip of the comma
    code, report, _ = check(capsys, write(tmp_path, "c.txt", text.format(zahl(falsch, 2))))
    (fehler,) = by_status(report, "Fehler")
    assert (
        code == 1
        and Fraction(fehler["werte"]["nachgerechnet"]) == richtig
        and fehler["rechnung"] == "578.350 x 24,87\u00a0ct"
    )


def test_a_product_in_a_list_line_with_its_result_after_a_colon(tmp_path, capsys):
    """„Nachbestellung Streusalz 380 t zu je 112,50: 42.750,00“ under „Beträge in €“ (set 7 of issue 60): the one
    figure after the colon that ends the line is the product, sure."""
    from tests.hilfen.nachrechnen import by_status, check, write
    from tests.referenz.rechnen import zahl

    menge, preis, stunden, satz = Fraction(380), Fraction(11250, 100), Fraction(146), Fraction(78)

    def liste(slip: Fraction = Fraction(0)) -> str:
        return (
            "Beträge in €\n"
            f"Nachbestellung Streusalz {zahl(menge)} t zu je {zahl(preis, 2)}: {zahl(menge * preis + slip, 2)}\n"
            f"Räumdienst, {zahl(stunden)} Stunden zu je {zahl(satz, 2)}: {zahl(stunden * satz, 2)}\n"
        )

    readings = erkannt(tmp_path, "inzeile", liste())
    assert [werte(r) for r in readings] == [([menge, preis], menge * preis), ([stunden, satz], stunden * satz)]
    assert all(r.sicher for r in readings)
    code, report, _ = check(capsys, write(tmp_path, "a.txt", liste(slip=Fraction(90))))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 2 and Fraction(fehler["werte"]["nachgerechnet"]) == menge * preis
    # more figures after the colon: which is the product is open
    assert erkannt(tmp_path, "inzeile", "Streusalz 380 t zu je 112,50: 42.750,00 (Vorjahr 38.000,00)\n") == []
