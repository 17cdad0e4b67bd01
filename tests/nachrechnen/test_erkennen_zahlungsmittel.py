"""erkennen/zahlungsmittel.py for itself: „mit einem Zahlungsmitteldefizit des Haushaltsjahres von …“ under the
Finanzhaushalt of a Haushaltssatzung is the Salden of its three parts together. The form and figures are those of o02
of the corpus's Zusatz (a Gemeinde in Hessen, 2024, with its slip -201.268 for -195.722: the minus apart from the
figure, Auszahlungen typed negative) and k01 (Erzhausen 2023, the Saldo of the laufende Verwaltungstätigkeit under a
label wrapped onto two lines); every expected figure is worked out here with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import euro, zahl

LAUFEND = Fraction(285_717)
INVEST = (Fraction(1_216_140), Fraction(-3_231_250))
FINANZ = (Fraction(2_015_110), Fraction(-481_439))


def _cell(value: Fraction) -> str:
    return ("- " if value < 0 else "") + zahl(abs(value)) + ",-- €"


def _finanzhaushalt(defizit: Fraction) -> str:
    invest, finanz = sum(INVEST), sum(FINANZ)
    return (
        "\n".join(
            [
                "| im Finanzhaushalt | |",
                "| mit dem Saldo aus Einzahlungen und Auszahlungen | |",
                f"| aus laufender Verwaltungstätigkeit auf | {_cell(LAUFEND)} |",
                f"| und dem Gesamtbetrag der Einzahlungen aus Investitionstätigkeit auf | {_cell(INVEST[0])} |",
                f"| Auszahlungen aus Investitionstätigkeit auf | {_cell(INVEST[1])} |",
                f"| mit einem Saldo von | {_cell(invest)} |",
                f"| Einzahlungen aus Finanzierungstätigkeit auf | {_cell(FINANZ[0])} |",
                f"| Auszahlungen aus Finanzierungstätigkeit auf | {_cell(FINANZ[1])} |",
                f"| mit einem Saldo von | {_cell(finanz)} |",
                f"| mit einem Zahlungsmitteldefizit des Haushaltsjahres von | {_cell(defizit)} |",
                "| festgesetzt. | |",
            ]
        )
        + "\n"
    )


def test_the_deficit_of_the_year_is_the_three_salden_together(tmp_path):
    richtig = LAUFEND + sum(INVEST) + sum(FINANZ)
    (reading,) = erkannt(tmp_path, "zahlungsmittel", _finanzhaushalt(richtig))
    assert werte(reading)[1] == richtig == Fraction(-195_722) and reading.sicher


def test_a_deficit_the_salden_miss_is_a_slip(tmp_path, capsys):
    richtig, getippt = LAUFEND + sum(INVEST) + sum(FINANZ), Fraction(-201_268)
    code, report, _ = check(capsys, write(tmp_path, "z.txt", _finanzhaushalt(getippt)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and (fehler["getippt"], fehler["nachgerechnet"]) == (euro(getippt), euro(richtig))


def test_without_the_saldo_of_one_part_nothing_is_read(tmp_path):
    text = _finanzhaushalt(LAUFEND + sum(INVEST) + sum(FINANZ))
    text = text.replace("| aus laufender Verwaltungstätigkeit auf |", "| aus sonstiger Tätigkeit auf |")
    assert erkannt(tmp_path, "zahlungsmittel", text) == []


def test_a_bedarf_typed_without_its_minus_is_the_salden_turned_round(tmp_path, capsys):
    """„mit einem Zahlungsmittelbedarf des Haushaltsjahres von 195.722,-- €“: the side the label names is the sign."""
    richtig = LAUFEND + sum(INVEST) + sum(FINANZ)
    text = _finanzhaushalt(-richtig).replace("Zahlungsmitteldefizit", "Zahlungsmittelbedarf")
    (reading,) = erkannt(tmp_path, "zahlungsmittel", text)
    assert werte(reading)[1] == -richtig
    code, report, _ = check(capsys, write(tmp_path, "b.txt", text))
    assert code == 0 and by_status(report, "Fehler") == []


# --- Hessen: the Investitions- and Finanzierungstätigkeit by their Gesamtbeträge, no Saldo (o03 of the Zusatz) -----

H_LAUFEND, INV_EIN, INV_AUS, FIN_EIN, FIN_AUS = (
    Fraction(39_695),
    Fraction(1_805_110),
    Fraction(3_363_790),
    Fraction(1_558_680),
    Fraction(335_813),
)


def _hessen(bedarf: Fraction, ohne: str = "") -> str:
    zeilen = [
        "im Finanzhaushalt",
        "| mit dem Saldo aus den Einzahlungen und Auszahlungen aus laufender Verwaltungstätigkeit |\n"
        f"{zahl(H_LAUFEND)} € |",  # the figure wrapped onto the next line, as the page has it
        "| und dem Gesamtbetrag der |",
        f"| Einzahlungen aus Investitionstätigkeit auf | {zahl(INV_EIN)} € |",
        f"| Auszahlungen aus Investitionstätigkeit auf | {zahl(INV_AUS)} € |",
        f"| Einzahlungen aus Finanzierungstätigkeit auf | {zahl(FIN_EIN)} € |",
        f"| Auszahlungen aus Finanzierungstätigkeit auf | {zahl(FIN_AUS)} € |",
        f"| mit einem Finanzmittelfehlbedarf des Haushaltsjahres von |\n{zahl(bedarf)} € |",
        "festgesetzt.",
    ]
    return "\n|\n".join(z for z in zeilen if not ohne or ohne not in z) + "\n"


def test_a_part_given_by_its_gesamtbetraege_is_its_einzahlungen_less_its_auszahlungen(tmp_path, capsys):
    # the year's Bedarf: the three parts together, turned round (a Fehlbedarf typed without its minus)
    bedarf = -(H_LAUFEND + (INV_EIN - INV_AUS) + (FIN_EIN - FIN_AUS))
    assert bedarf == 296_118  # the page types 296.119: one euro off
    (reading,) = erkannt(tmp_path, "zahlungsmittel", _hessen(bedarf))
    parts, result = werte(reading)
    assert parts == [H_LAUFEND, INV_EIN, INV_AUS, FIN_EIN, FIN_AUS] and result == bedarf
    assert reading.vorzeichen == [-1, -1, 1, -1, 1]
    code, report, _ = check(capsys, write(tmp_path, "h.txt", _hessen(Fraction(296_119))))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and Fraction(fehler["werte"]["nachgerechnet"]) == bedarf


def test_a_part_with_only_one_of_its_gesamtbetraege_reads_nothing(tmp_path):
    text = _hessen(Fraction(296_118), ohne="Auszahlungen aus Finanzierungstätigkeit")
    assert erkannt(tmp_path, "zahlungsmittel", text) == []


def _schenklengsfeld(bedarf: Fraction, letzte: str = "mit einem Saldo (Zahlungsmittelbedarf) von") -> str:
    """k17 of the Zusatz: the year's Bedarf a Saldo without a part of its own, right under the Finanzierungstätigkeit."""
    return (
        "im Finanzhaushalt\nmit dem Saldo aus den Einzahlungen und Auszahlungen\n"
        "aus laufender Verwaltungstätigkeit auf 618.587,- EUR\nund dem Gesamtbetrag der\n"
        "Einzahlungen aus Investitionstätigkeit auf 963.400,- EUR\nAuszahlungen aus Investitionstätigkeit 8.394.800,- EUR\n"
        "mit einem Saldo (Zahlungsmittelbedarf) von 7.431.400,- EUR\n"
        "Einzahlungen aus Finanzierungstätigkeit auf 6.828.175,- EUR\n"
        "Auszahlungen aus Finanzierungstätigkeit auf 664.100,- EUR\n"
        "mit einem Saldo (Zahlungsmittelüberschuss) von 6.164.075,- EUR\n"
        f"{letzte} {zahl(bedarf)},- EUR\nfestgesetzt.\n"
    )


def test_a_saldo_closing_the_three_parts_is_the_years(tmp_path, capsys):
    laufend, investition, finanzierung = Fraction(618_587), Fraction(963_400 - 8_394_800), Fraction(6_828_175 - 664_100)
    bedarf = -(laufend + investition + finanzierung)
    assert bedarf == 648_738  # the page's Zahlungsmittelbedarf
    readings = [r for r in erkannt(tmp_path, "zahlungsmittel", _schenklengsfeld(bedarf)) if r.ergebnis.zeile.nr == 11]
    assert len(readings) == 1 and werte(readings[0])[1] == bedarf
    code, report, _ = check(capsys, write(tmp_path, "k.txt", _schenklengsfeld(Fraction(684_738))))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 11 and Fraction(fehler["werte"]["nachgerechnet"]) == bedarf
    # a Saldo naming a part of its own is that part's, not the year's
    text = _schenklengsfeld(bedarf, "mit einem Saldo aus Investitionstätigkeit von")
    assert [r for r in erkannt(tmp_path, "zahlungsmittel", text) if r.ergebnis.zeile.nr == 11] == []


def test_a_saldo_of_something_else_under_the_three_is_not_the_years(tmp_path):
    # a Saldo naming neither a part nor a Bedarf or Überschuss („haushaltsunwirksame Vorgänge“) is no result of them
    text = _schenklengsfeld(Fraction(12_345), "Saldo aus haushaltsunwirksamen Vorgängen")
    assert [r for r in erkannt(tmp_path, "zahlungsmittel", text) if r.ergebnis.zeile.nr == 11] == []
