"""erkennen/haushaltssaldo.py for itself: the Saldo line of a Haushaltssatzung under its two lines."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import euro, zahl


def test_the_saldo_of_a_haushaltssatzung(tmp_path):
    text = (
        "1. im Ergebnishaushalt\n\nder Gesamtbetrag der Erträge auf\n\n500.250 EUR\n\n"
        "der Gesamtbetrag der Aufwendungen auf\n\n480.100 EUR\n\nder Jahresüberschuss auf\n\n20.150 EUR\n"
    )
    (reading,) = erkannt(tmp_path, "haushaltssaldo", text)
    parts, result = werte(reading)
    assert parts == [Fraction(500250), Fraction(480100)] and result == Fraction(20150) == parts[0] - parts[1]


def _hessen(ertraege: str, aufwendungen: str, saldo: str, seite: str = "Fehlbedarf") -> str:
    """A Hessian Haushaltssatzung as the Amtsblatt sets it (h03 of the Zusatz): „mit einem Saldo (Fehlbedarf) von“,
    the Saldo typed without its sign, its side in brackets."""
    return (
        "im ordentlichen Ergebnis\n\n"
        f"mit dem Gesamtbetrag der Erträge auf  —  {ertraege},- EUR\n\n"
        f"mit dem Gesamtbetrag der Aufwendungen auf  —  {aufwendungen},- EUR\n\n"
        f"mit einem Saldo ({seite}) von  —  {saldo},- EUR\n"
    )


def test_a_saldo_named_a_fehlbedarf_in_brackets_is_the_shortfall_by_its_amount(tmp_path, capsys):
    ertraege, aufwendungen = Fraction(12_443_908), Fraction(12_952_209)
    (reading,) = erkannt(tmp_path, "haushaltssaldo", _hessen("12.443.908", "12.952.209", "508.301"))
    parts, result = werte(reading)
    assert result == aufwendungen - ertraege == Fraction(508_301) and reading.sicher
    # the page's own slip (508.300): a Fehler by one euro, not by the Saldo twice
    code, report, _ = check(capsys, write(tmp_path, "h.txt", _hessen("12.443.908", "12.952.209", "508.300")))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and Fraction(fehler["werte"]["differenz"]) == Fraction(508_300) - (aufwendungen - ertraege)


def test_a_saldo_named_a_surplus_in_brackets_under_a_pair_of_one_part(tmp_path):
    text = (
        "Einzahlungen aus Finanzierungstätigkeit auf  —  3.650.600,- EUR\n\n"
        "Auszahlungen aus Finanzierungstätigkeit auf  —  825.000,- EUR\n\n"
        "mit einem Saldo (Zahlungsmittelüberschuss) von  —  2.825.600,- EUR\n"
    )
    (reading,) = erkannt(tmp_path, "haushaltssaldo", text)
    parts, result = werte(reading)
    assert result == Fraction(3_650_600) - Fraction(825_000) and reading.sicher


def _erzhausen(ein: Fraction, aus: Fraction, saldo: Fraction, teil: str = "Investitionstätigkeit") -> str:
    """A Hessian Satzung as the municipality's page sets it (k01 of the Zusatz): the pair names its part of the
    budget, the Saldo row under it only „mit einem Saldo von“, negative Salden with a minus."""

    def betrag(value: Fraction) -> str:
        return ("-" if value < 0 else "") + zahl(abs(value)) + " EUR"

    return (
        "- im Finanzhaushalt\n"
        f"Einzahlungen aus {teil} (Pos. 23) auf {betrag(ein)}\n"
        f"Auszahlungen aus {teil} (Pos. 28) auf {betrag(aus)}\n"
        f"mit einem Saldo von {betrag(saldo)}\n"
    )


def test_a_saldo_row_naming_no_part_is_the_saldo_of_the_pair_of_one_part_right_above(tmp_path, capsys):
    ein, aus = Fraction(3_095_846), Fraction(4_828_000)
    (reading,) = erkannt(tmp_path, "haushaltssaldo", _erzhausen(ein, aus, ein - aus))
    assert werte(reading) == ([ein, aus], ein - aus) and reading.sicher
    getippt = ein - aus - 100
    code, report, _ = check(capsys, write(tmp_path, "e.txt", _erzhausen(ein, aus, getippt)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and (fehler["getippt"], fehler["nachgerechnet"]) == (euro(getippt), euro(ein - aus))


def test_a_pair_of_two_parts_has_no_saldo_in_a_row_naming_none(tmp_path):
    text = _erzhausen(Fraction(3_095_846), Fraction(4_828_000), Fraction(-1_732_154)).replace(
        "Auszahlungen aus Investitionstätigkeit", "Auszahlungen aus Finanzierungstätigkeit"
    )
    assert erkannt(tmp_path, "haushaltssaldo", text) == []


def test_a_saldo_label_wrapped_before_the_part_it_names(tmp_path):
    """„der Saldo der Ein- und Auszahlungen“ / „aus Investitionstätigkeit — -2.897.350 EURO“ (k03 of the Zusatz)."""
    ein, aus = Fraction(4_136_750), Fraction(7_034_100)
    text = (
        f"die Einzahlungen aus Investitionstätigkeit auf — {zahl(ein)} EURO\n"
        f"die Auszahlungen aus Investitionstätigkeit auf — {zahl(aus)} EURO\n"
        "der Saldo der Ein- und Auszahlungen\n"
        f"aus Investitionstätigkeit — -{zahl(aus - ein)} EURO\n"
    )
    (reading,) = erkannt(tmp_path, "haushaltssaldo", text)
    assert werte(reading) == ([ein, aus], ein - aus) and reading.sicher


def test_a_result_named_ordentliches_ergebnis_or_finanzierungssaldo_under_its_pair(tmp_path, capsys):
    """Brandenburg (q04 of the Zusatz): „| ordentliches Ergebnis: | -1.968.900 EUR |“ under the ordentlichen Erträge
    and Aufwendungen, „| Finanzierungssaldo: | … |“ under the Einzahlungen and Auszahlungen."""
    ertraege, aufwendungen = Fraction(39_207_700), Fraction(41_176_600)
    ein, aus = Fraction(57_458_300), Fraction(64_174_100)

    def satzung(ergebnis: Fraction) -> str:
        def betrag(v: Fraction) -> str:
            return ("-" if v < 0 else "") + zahl(abs(v)) + " EUR"

        return (
            "| 1. im Ergebnishaushalt mit dem Gesamtbetrag der | |||\n"
            f"| ordentlichen Erträge auf | {betrag(ertraege)} | ||\n"
            f"| ordentlichen Aufwendungen auf | {betrag(aufwendungen)} | ||\n"
            f"| ordentliches Ergebnis: | {betrag(ergebnis)} | |\n"
            "| 2. im Finanzhaushalt mit dem Gesamtbetrag der | |||\n"
            f"| Einzahlungen auf | {betrag(ein)} | ||\n| Auszahlungen auf | {betrag(aus)} | ||\n"
            f"| Finanzierungssaldo: | {betrag(ein - aus)} | |\n"
        )

    readings = erkannt(tmp_path, "haushaltssaldo", satzung(ertraege - aufwendungen))
    assert [werte(r) for r in readings] == [
        ([ertraege, aufwendungen], ertraege - aufwendungen),
        ([ein, aus], ein - aus),
    ]
    # NKF (NRW) counts the Finanzergebnis into an „ordentliches Ergebnis“: a mismatch there is only a doubt
    code, report, _ = check(capsys, write(tmp_path, "b.txt", satzung(ertraege - aufwendungen + 1)))
    assert code == 0 and [b["zeile"] for b in by_status(report, "nicht eindeutig")] == [4]
    falsch = satzung(ertraege - aufwendungen).replace(zahl(aus - ein) + " EUR |", zahl(aus - ein + 100) + " EUR |")
    code, report, _ = check(capsys, write(tmp_path, "c.txt", falsch))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["nachgerechnet"] == euro(ein - aus)


# a Saxon Jahresabschluss: the Sonderergebnis named in words under the außerordentliche Erträge and Aufwendungen
AO_ERTRAEGE, AO_AUFWENDUNGEN = Fraction(131_388_919, 100), Fraction(20_016_747, 100)


def _sachsen(sonder: Fraction, teil: str = "außerordentlichen") -> str:
    return (
        "In der Ergebnisrechnung mit\n"
        f"- Summe der {teil} Erträge von {zahl(AO_ERTRAEGE, 2)} Euro\n"
        f"- Summe der {teil} Aufwendungen von {zahl(AO_AUFWENDUNGEN, 2)} Euro\n"
        f"- einem Sonderergebnis von + {zahl(sonder, 2)} Euro\n"
    )


def test_a_sonderergebnis_named_in_words_is_the_saldo_of_the_ausserordentliche_pair(tmp_path, capsys):
    sonder = AO_ERTRAEGE - AO_AUFWENDUNGEN
    assert zahl(sonder, 2) == "1.113.721,72"
    (reading,) = erkannt(tmp_path, "haushaltssaldo", _sachsen(sonder))
    parts, result = werte(reading)
    assert parts == [AO_ERTRAEGE, AO_AUFWENDUNGEN] and result == sonder and reading.sicher
    code, report, _ = check(capsys, write(tmp_path, "s.txt", _sachsen(sonder + 100)))  # one digit off
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 4 and Fraction(fehler["werte"]["differenz"]) == 100
    # under the ordentliche pair it is not their Saldo
    assert erkannt(tmp_path, "haushaltssaldo", _sachsen(sonder, teil="ordentlichen")) == []


# a Wirtschaftsplan of a Verband: its Erfolgsplan ends in a Jahresgewinn or a Jahresverlust, one row for each
def _erfolgsplan(ertraege: Fraction, aufwendungen: Fraction, gewinn: str, verlust: str) -> str:
    return (
        "| 1. | im Erfolgsplan (Ergebnisplan) | |\n"
        f"| einem Gesamtbetrag der Erträge auf | {zahl(ertraege)} EUR | |\n"
        f"| einem Gesamtbetrag der Aufwendungen auf | {zahl(aufwendungen)} EUR | |\n"
        f"| einem Jahresgewinn von | {gewinn} EUR | |\n"
        f"| einem Jahresverlust von | {verlust} EUR | |\n"
    )


def test_a_jahresverlust_under_an_empty_jahresgewinn_is_the_shortfall(tmp_path, capsys):
    ertraege, aufwendungen = Fraction(392_800), Fraction(408_200)
    verlust = aufwendungen - ertraege
    (reading,) = erkannt(tmp_path, "haushaltssaldo", _erfolgsplan(ertraege, aufwendungen, "-", zahl(verlust)))
    parts, result = werte(reading)
    assert (parts, result) == ([ertraege, aufwendungen], verlust) and reading.sicher and reading.ergebnis.zeile.nr == 5
    code, report, _ = check(capsys, write(tmp_path, "v.txt", _erfolgsplan(ertraege, aufwendungen, "-", "15.500")))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 5 and Fraction(fehler["werte"]["differenz"]) == 15_500 - verlust
    # a Jahresgewinn where the year has a loss is no Saldo of the pair: nothing read
    gewinn = _erfolgsplan(ertraege, aufwendungen, zahl(verlust), "-")
    assert erkannt(tmp_path, "haushaltssaldo", gewinn) == []


def test_a_jahresgewinn_is_the_erträge_less_the_aufwendungen(tmp_path):
    ertraege, aufwendungen = Fraction(744_100), Fraction(731_860)
    (reading,) = erkannt(
        tmp_path, "haushaltssaldo", _erfolgsplan(ertraege, aufwendungen, zahl(ertraege - aufwendungen), "-")
    )
    assert werte(reading) == ([ertraege, aufwendungen], ertraege - aufwendungen) and reading.ergebnis.zeile.nr == 4


def _maifeld(saldo: str, strich: str = "—") -> str:
    """A Haushaltssatzung of Rhineland-Palatinate as an Amtsblatt sets it (u02 of the Zusatz): an em dash between
    the label and the amount of the pair, none before the Saldo."""
    return (
        "1. im Ergebnishaushalt\n\n"
        f"der Gesamtbetrag der Erträge auf  {strich}  19.312.936,00 EUR\n\n"
        f"der Gesamtbetrag der Aufwendungen auf  {strich}  19.652.184,00 EUR\n\n"
        f"der Jahresüberschuss / Jahresfehlbetrag auf {saldo} EUR\n"
    )


def test_an_em_dash_between_label_and_amount_is_no_column(tmp_path, capsys):
    ertraege, aufwendungen = Fraction(1_931_293_600, 100), Fraction(1_965_218_400, 100)
    (reading,) = erkannt(tmp_path, "haushaltssaldo", _maifeld("-339.248,00"))
    parts, result = werte(reading)
    assert parts == [ertraege, aufwendungen] and result == ertraege - aufwendungen == Fraction(-339_248)
    assert reading.sicher
    # the Saldo typed without its minus: a slip by the Saldo twice
    code, report, _ = check(capsys, write(tmp_path, "m.txt", _maifeld("339.248,00")))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 7 and Fraction(fehler["werte"]["nachgerechnet"]) == ertraege - aufwendungen
    # also with the em dash before the Saldo's own minus (u04: „aus Investitionstätigkeit auf — -2.233.900 EUR“)
    (reading,) = erkannt(tmp_path, "haushaltssaldo", _maifeld("—  -339.248,00"))
    assert werte(reading)[1] == ertraege - aufwendungen


def test_a_hyphen_before_the_amount_of_a_saldo_may_be_its_minus_and_claims_no_slip(tmp_path, capsys):
    """„dem Saldo aus Investitionstätigkeit auf - 249.000,00 €“ (j12 of the Zusatz): the hyphen set apart may be the
    Saldo's minus or an empty cell – not read as a place beside the amount, so no Saldo of the rows is claimed."""
    text = (
        "2.    im Finanzhaushalt mit\n\n"
        "den Einzahlungen aus Investitionstätigkeit auf 325.060,00 €\n"
        "den Auszahlungen aus Investitionstätigkeit auf 574.060,00 €\n"
        "dem Saldo aus Investitionstätigkeit auf - 249.000,00 €\n"
    )
    assert Fraction(325_060) - Fraction(574_060) == -Fraction(249_000)
    assert erkannt(tmp_path, "haushaltssaldo", text) == []
    code, report, _ = check(capsys, write(tmp_path, "j.txt", text))
    assert code == 0 and by_status(report, "Fehler") == []


def _eigenbetrieb(ertraege: Fraction, aufwendungen: Fraction, ergebnis: Fraction) -> str:
    """An Eigenbetrieb's Wirtschaftsplan as a town's Amtsblatt sets it (q16 of the Zusatz): the sentence of the
    Satzung runs through the table („| und | |“, „| festgesetzt | |“), the result row is „Gewinn (+) / Verlust (-)“
    and a loss is typed with its minus set apart („- 670.501 €“)."""

    def betrag(value: Fraction) -> str:
        return ("- " if value < 0 else "") + zahl(abs(value)) + " €"

    return (
        "| 1. Im Erfolgsplan werden | |\n"
        f"| die Erträge in Höhe von | {betrag(ertraege)} |\n| und | |\n"
        f"| die Aufwendungen in Höhe von | {betrag(aufwendungen)} |\n| festgesetzt | |\n"
        f"| Gewinn (+) / Verlust (-) | {betrag(ergebnis)} |\n"
    )


def test_the_gain_or_loss_of_an_erfolgsplan_under_its_ertraege_and_aufwendungen(tmp_path, capsys):
    ertraege, aufwendungen = Fraction(3_913_152), Fraction(4_583_653)
    (reading,) = erkannt(tmp_path, "haushaltssaldo", _eigenbetrieb(ertraege, aufwendungen, ertraege - aufwendungen))
    parts, result = werte(reading)
    assert parts == [ertraege, aufwendungen] and result == ertraege - aufwendungen == Fraction(-670_501)
    # a loss typed without its minus is a slip of twice its amount, in the line of the result
    slip = _eigenbetrieb(ertraege, aufwendungen, aufwendungen - ertraege)
    code, report, _ = check(capsys, write(tmp_path, "e.txt", slip))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 6
    assert Fraction(fehler["werte"]["differenz"]) == 2 * (aufwendungen - ertraege)


def test_a_gain_or_loss_under_rows_of_other_flows_is_no_saldo(tmp_path):
    text = _eigenbetrieb(Fraction(100_000), Fraction(80_000), Fraction(20_000)).replace("Erträge", "Einzahlungen")
    assert erkannt(tmp_path, "haushaltssaldo", text) == []


def _eigenbetrieb_abschluss(verlust: str) -> str:
    """A Feststellungsbeschluss of an Eigenbetrieb (y01, x02 of the Zusatz): the Jahresverlust over the Erträge and
    Aufwendungen it comes from, numbered as its children."""
    return (
        "1.1 Bilanzsumme 39.827.219,31 EUR\n"
        f"1.2 Jahresverlust {verlust} EUR\n"
        "1.2.1 Summe der Erträge 5.409.475,96 EUR\n"
        "1.2.2 Summe der Aufwendungen 5.674.126,46 EUR\n"
        "2. Behandlung des Jahresverlustes\n"
    )


def test_a_saldo_over_the_pair_numbered_as_its_children(tmp_path, capsys):
    ertraege, aufwendungen = Fraction(540947596, 100), Fraction(567412646, 100)
    (reading,) = erkannt(tmp_path, "haushaltssaldo", _eigenbetrieb_abschluss("264.650,50"))
    parts, result = werte(reading)
    assert result == aufwendungen - ertraege == Fraction(26465050, 100) and reading.ergebnis.zeile.nr == 2
    assert "darunter" in reading.art
    code, report, _ = check(capsys, write(tmp_path, "v.txt", _eigenbetrieb_abschluss("264.560,50")))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 2
    assert Fraction(fehler["werte"]["differenz"]) == Fraction(26456050, 100) - (aufwendungen - ertraege)


def test_rows_below_that_are_no_children_are_no_pair_of_a_saldo_above(tmp_path):
    text = _eigenbetrieb_abschluss("264.650,50").replace("1.2.1 ", "1.3 ").replace("1.2.2 ", "1.4 ")
    assert erkannt(tmp_path, "haushaltssaldo", text) == []


# a plan's overview with a row „davon …“ under each of the pair: the part is no row of the pair
ERTRAEGE_JAHRE = [Fraction(12_400_000), Fraction(12_950_000)]
AUFWENDUNGEN_JAHRE = [Fraction(13_100_000), Fraction(13_300_000)]


def _mit_davon(ergebnis: list[Fraction], gefaltet: bool = False) -> str:
    zeilen = [
        ("Erträge", ERTRAEGE_JAHRE),
        ("davon Steuern", [Fraction(6_100_000), Fraction(6_400_000)]),
        ("Aufwendungen", AUFWENDUNGEN_JAHRE),
        ("darunter Personal", [Fraction(4_200_000), Fraction(4_350_000)]),
        ("Jahresergebnis", ergebnis),  # „Ordentliches Ergebnis“ alone may hold the Finanzergebnis: a doubt only
    ]
    if gefaltet:  # a page of a council information system: one cell per line, a blank line between rows
        return "Ergebnishaushalt\n2025\n2026\n\n" + "\n".join(
            "\n".join([name, *(zahl(v) for v in werte_)]) + "\n" for name, werte_ in zeilen
        )
    return "| | 2025 | 2026 |\n|---|---|---|\n" + "".join(
        f"| {name} | " + " | ".join(zahl(v) for v in werte_) + " |\n" for name, werte_ in zeilen
    )


def test_a_row_davon_under_each_of_the_pair_is_passed_over(tmp_path, capsys):
    richtig = [e - a for e, a in zip(ERTRAEGE_JAHRE, AUFWENDUNGEN_JAHRE, strict=True)]
    for gefaltet in (False, True):
        readings = erkannt(tmp_path, "haushaltssaldo", _mit_davon(richtig, gefaltet))
        assert [werte(r) for r in readings] == [
            ([e, a], e - a) for e, a in zip(ERTRAEGE_JAHRE, AUFWENDUNGEN_JAHRE, strict=True)
        ], gefaltet
        falsch = [richtig[0] + 100_000, richtig[1]]  # −600.000 typed for −700.000
        code, report, _ = check(capsys, write(tmp_path, "a.txt", _mit_davon(falsch, gefaltet)))
        (slip,) = by_status(report, "Fehler")
        assert code == 1 and Fraction(slip["werte"]["nachgerechnet"]) == richtig[0], gefaltet
