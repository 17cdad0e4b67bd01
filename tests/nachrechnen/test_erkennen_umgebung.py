"""erkennen/umgebung.py for itself: a figure that the amounts a few lines around it give – a run of them that adds up
to it, two of them whose difference it is, a percentage of one of them, the share of one in another – found where no
form was recognised; confirmed only where it holds exactly and the figure is specific enough, a near miss of one
digit „nicht eindeutig“ and never a slip. Every expected figure is worked out here with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import euro, prozent, zahl

# a budget line stated first, its parts in the paragraphs after it (the total before its parts)
TEILE = [Fraction(140_000), Fraction(41_250), Fraction(360_000), Fraction(752_500)]


def _vorab(gesamt: Fraction) -> str:
    return (
        f"Die Mehraufwendungen betragen insgesamt {euro(gesamt)}.\n\n"
        f"1. Gewerbewesen: {euro(TEILE[0])} in Teilplanzeile 16.\n"
        f"2. Verkehrswesen: {euro(TEILE[1])} in Teilplanzeile 13.\n"
        f"3. Verkehrsüberwachung: {euro(TEILE[2])} in Teilplanzeile 13 und {euro(TEILE[3])} in Teilplanzeile 16.\n"
    )


def test_a_total_that_stands_before_its_parts(tmp_path):
    gesamt = sum(TEILE)
    (reading,) = erkannt(tmp_path, "umgebung", _vorab(gesamt))
    parts, result = werte(reading)
    assert parts == TEILE and result == gesamt == sum(parts)
    assert reading.ergebnis.zeile.nr == 1 and not reading.sicher


# a grant applied for, the grant approved, and three sentences on what the town must pay itself
BEANTRAGT, BEWILLIGT = Fraction(49_302_291, 100), Fraction(413_481)


def _rest(eigen: Fraction) -> str:
    return (
        f"Im April hat die Stadt {euro(BEANTRAGT, cent=True)} Fördermittel beantragt. Bewilligt wurden im Herbst "
        f"{euro(BEWILLIGT)}. Die Bauarbeiten sind abgeschlossen. Die Schlussrechnung liegt vor.\n"
        f"Der Eigenanteil der Stadt steigt damit um {euro(eigen, cent=True)}.\n"
    )


def test_a_difference_three_sentences_on(tmp_path, capsys):
    eigen = BEANTRAGT - BEWILLIGT
    (reading,) = erkannt(tmp_path, "umgebung", _rest(eigen))
    parts, result = werte(reading)
    assert parts == [BEANTRAGT, BEWILLIGT] and result == eigen == parts[0] - parts[1]
    code, report, _ = check(capsys, write(tmp_path, "r.txt", _rest(eigen)))
    assert code == 0 and [(b["art"], b["status"]) for b in report["befunde"]] == [("umgebung", "stimmt")]


def test_a_near_miss_of_one_digit_is_a_doubt_pointing_at_the_figure_never_a_slip(tmp_path, capsys):
    eigen = BEANTRAGT - BEWILLIGT
    typed = eigen - 30  # 79.541,91 typed as 79.511,91: one digit
    assert zahl(typed, 2) == "79.511,91" and zahl(eigen, 2) == "79.541,91"
    code, report, _ = check(capsys, write(tmp_path, "r.txt", _rest(typed)))
    assert code == 0 and by_status(report, "Fehler") == []
    (zweifel,) = by_status(report, "nicht eindeutig")
    assert zweifel["art"] == "umgebung" and zweifel["zeile"] == 2
    assert Fraction(zweifel["werte"]["getippt"]) == typed and Fraction(zweifel["werte"]["nachgerechnet"]) == eigen


def test_two_digits_swapped_are_a_doubt_as_well(tmp_path, capsys):
    eigen = BEANTRAGT - BEWILLIGT
    typed = Fraction(7_945_191, 100)  # 79.541,91 with 5 and 4 swapped
    assert zahl(typed, 2) == "79.451,91"
    code, report, _ = check(capsys, write(tmp_path, "r.txt", _rest(typed)))
    (zweifel,) = by_status(report, "nicht eindeutig")
    assert Fraction(zweifel["werte"]["nachgerechnet"]) == eigen and code == 0


def test_a_percentage_of_an_amount_a_sentence_before(tmp_path):
    kosten, satz = Fraction(1_234_567), Fraction(20)
    anteil = Fraction(round(kosten * satz / 100))
    assert anteil == Fraction(246_913)  # 246.913,4 rounded
    text = f"Die Kosten liegen bei {euro(kosten)}. Der Kreis trägt {zahl(satz)} %. Das sind {euro(anteil)}.\n"
    (reading,) = erkannt(tmp_path, "umgebung", text)
    parts, result = werte(reading)
    assert parts == [kosten, satz] and result == anteil


def test_a_share_stated_as_a_rate(tmp_path):
    zuschuss, kosten = Fraction(413_481), Fraction(657_363)
    text = (
        f"Bewilligt wurden {euro(zuschuss)}. Die förderfähigen Kosten betragen {euro(kosten)}. Die Schlussrechnung "
        f"liegt vor.\n\nDer Bescheid nennt einen realen Fördersatz von {prozent(zuschuss / kosten, 1)}.\n"
    )
    assert prozent(zuschuss / kosten, 1) == "62,9\u00a0%"
    (reading,) = erkannt(tmp_path, "umgebung", text)
    parts, result = werte(reading)
    assert parts == [zuschuss, kosten] and result == Fraction(629, 10)


def test_what_is_no_calculation_is_left_alone(tmp_path, capsys):
    cases = [
        # round figures: 10.000 € is 5.000 € + 5.000 € by chance as often as not
        "Für 2025 sind 5.000 € und für 2026 5.000 € angesetzt; insgesamt stehen 10.000 € bereit.\n",
        # five digits, no word of a total, nothing that adds up
        "Die Ansätze betragen 12.345 € und 67.891 €; der Zuschuss beträgt 80.234 €.\n",
        # a near miss with no word that names a total: no doubt
        "Die Ansätze betragen 12.345 € und 67.891 €; der Zuschuss beträgt 80.246 €.\n",
        # Haushaltsstelle, year, date, page number around amounts
        "Haushaltsstelle 2141.54001, Jahr 2024, Beschluss vom 02.09.2015, Seite 12: 18.801 € und 134.399 €.\n",
        # other units: T€ and € are never added to each other
        "Die Kosten betragen 153.200 €, davon 134 T€ Zuschuss und 19.200 € Eigenmittel.\n",
    ]
    for text in cases:
        assert erkannt(tmp_path, "umgebung", text) == [], text
        code, report, _ = check(capsys, write(tmp_path, "k.txt", text))
        assert code == 0 and by_status(report, "Fehler") == [], text
        assert [b for b in report["befunde"] if b["art"] == "umgebung"] == [], text


def test_parts_too_far_away_are_not_searched(tmp_path):
    gesamt = sum(TEILE)
    fern = _vorab(gesamt).replace("\n\n", "\n" + "Text ohne Zahlen.\n" * 31, 1)
    assert erkannt(tmp_path, "umgebung", fern) == []


def test_no_doubt_where_the_sign_of_a_part_is_the_other_way(tmp_path, capsys):
    # Aufwendungen 1.737.400 = Erträge 1.727.400 + Fehlbetrag 10.000; 1.727.400 − 10.000 = 1.717.400 misses
    # 1.737.400 by one digit, but only because the part's sign is the other way round
    ertraege, fehlbetrag = Fraction(1_727_400), Fraction(10_000)
    text = (
        f"Die Erträge betragen {euro(ertraege)}, der Fehlbetrag {euro(fehlbetrag)}. Die Summe der Aufwendungen "
        f"beträgt {euro(ertraege + fehlbetrag)}.\n"
    )
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0 and by_status(report, "nicht eindeutig") == []


def test_a_slip_another_recogniser_found_is_never_confirmed_where_the_figure_stands_again(tmp_path, capsys):
    alt, plus, prognose = Fraction(2_718_000), Fraction(900_000), Fraction(4_212_880)
    typed = alt + plus - 1_276  # the shape of a real slip: „somit auf“ a figure that is not alt + plus
    text = (
        f"Der Stadtrat gab einen Entwurf mit Kosten von insgesamt {euro(alt)} frei.\n"
        f"Es folgte eine Kostenerhöhung in Höhe von {euro(plus)}.\n"
        f"Die Gesamtkosten stiegen somit auf {euro(typed)}; dieses Gesamtbudget von {euro(typed)} ist freigegeben.\n"
        f"Nach der Prognose kostet das Haus {euro(prognose)}. Es fehlen also {euro(prognose - typed)}.\n"
    )
    code, report, _ = check(capsys, write(tmp_path, "g.txt", text))
    assert code == 1 and [Fraction(b["werte"]["getippt"]) for b in by_status(report, "Fehler")] == [typed]
    # the second „3.616.724 €“ is 4.212.880 € − 596.156 € exactly, but it is the slipped figure written again
    assert [b for b in report["befunde"] if b["art"] == "umgebung" and Fraction(b["werte"]["getippt"]) == typed] == []


def test_a_sign_typed_the_wrong_way_round_is_never_confirmed(tmp_path, capsys):
    alt, aenderung = Fraction(153_271), Fraction(25_384)
    typed = alt + aenderung  # right after „erhöht“; after „vermindert“ it should be alt − aenderung
    for verb in ("erhöht", "vermindert"):
        text = (
            f"Der Ansatz für die Schülerbeförderung lag bei {euro(alt)}. Mit dem Nachtrag wird er um "
            f"{euro(aenderung)} {verb}. Er beträgt damit insgesamt {euro(typed)}.\n"
        )
        # the search never signs a change: neither the change as new − old nor old ± change
        assert erkannt(tmp_path, "umgebung", text) == [], verb
        code, report, _ = check(capsys, write(tmp_path, "s.txt", text))
        if verb == "vermindert":
            assert [b for b in report["befunde"] if b["status"] == "stimmt"] == [], report["befunde"]


def test_a_figure_is_never_explained_through_itself(tmp_path):
    # 0,5 x 79.928 € = 39.964 € and 39.964 € − 29.629 € = 10.335 € are read; 39.964 € + 29.629 € + 10.335 € equals
    # 79.928 € only because 39.964 € is half of it and the other two add up to the same half again
    jahr, anteil, foerderung = Fraction(79_928), Fraction(1, 2), Fraction(29_629)
    kosten = jahr * anteil
    eigen = kosten - foerderung
    assert kosten + foerderung + eigen == jahr
    text = (
        f"Kosten:\n{zahl(anteil, 1)} x {euro(jahr)} (E5 für 13 Monate)\t{euro(kosten)}\tGesamtkosten\n"
        f"1 x {euro(foerderung)} (PK)\t{euro(foerderung)}\tFörderung\n"
        f"Eigenanteil: {euro(kosten)} − {euro(foerderung)} = {euro(eigen)}\n"
    )
    assert erkannt(tmp_path, "umgebung", text) == []


# an überplanmäßige Ausgabe, its Deckung in the Beschluss, and the same figures typed again in the Begründung
AUSGABE, MEHREINNAHMEN = Fraction(62_914_986, 100), Fraction(42_848_358, 100)


def _wieder(rest_wieder: Fraction) -> str:
    rest = AUSGABE - MEHREINNAHMEN
    return (
        f"Der Stadtrat stellt den Betrag von {euro(AUSGABE, cent=True)} überplanmäßig bereit.\n\n"
        f"Gedeckt wird er in Höhe von {euro(MEHREINNAHMEN, cent=True)} durch Mehreinnahmen und in Höhe von "
        f"{euro(rest, cent=True)} aus allgemeinen Haushaltsmitteln.\n\n"
        f"Die Ausgabehaushaltsstelle ist mit {euro(AUSGABE, cent=True)} überzogen, bei der Einnahmehaushaltsstelle "
        f"sind {euro(MEHREINNAHMEN, cent=True)} mehr eingegangen.\n\n"
        f"Die darüber hinaus nötigen {euro(rest_wieder, cent=True)} werden aus allgemeinen Mitteln gedeckt.\n"
    )


def test_the_same_calculation_typed_again_elsewhere_is_checked_again(tmp_path, capsys):
    rest = AUSGABE - MEHREINNAHMEN
    (reading,) = erkannt(tmp_path, "umgebung", _wieder(rest))
    parts, result = werte(reading)
    # read from the Begründung's figures alone, whichever of the three it takes as the result
    assert {reading.ergebnis.zeile.nr, *(t.zeile.nr for t in reading.teile)} == {5, 7}
    assert sorted([*parts, result]) == sorted([AUSGABE, MEHREINNAHMEN, rest])
    assert max(parts) - min(parts) == result if len(parts) == 2 and result < max(parts) else sum(parts) == result
    code, report, _ = check(capsys, write(tmp_path, "w.txt", _wieder(rest)))
    assert code == 0 and report["nicht_geprueft"] == []
    # typed again with a digit off, it is neither confirmed nor a slip
    code, report, _ = check(capsys, write(tmp_path, "x.txt", _wieder(rest + 9)))
    assert by_status(report, "Fehler") == [] and not [b for b in report["befunde"] if b["zeile"] == 7]


# a cost line with its gross amount, the net amount and the rate of the Mehrwertsteuer in brackets
NETTO, SATZ = Fraction(24_570), Fraction(19)


def _brutto(brutto: Fraction, zwischen: int = 0) -> str:
    return (
        f"Für die Stadtbeleuchtung werden 2016 brutto {euro(brutto)}"
        + "\nDie Leuchten werden im Frühjahr getauscht." * zwischen
        + f"\n(netto {euro(NETTO)}, Mehrwertsteuer {prozent(SATZ / 100, 0)}) bereitgestellt.\n"
    )


def test_a_gross_amount_with_its_net_amount_and_rate_beside_it(tmp_path, capsys):
    exakt = NETTO * (100 + SATZ) / 100  # 29.238,30 €, typed to the euro
    brutto = Fraction(round(exakt))
    assert zahl(brutto, 0) == "29.238" and abs(exakt - brutto) < Fraction(1, 2)
    (reading,) = erkannt(tmp_path, "umgebung", _brutto(brutto))
    parts, result = werte(reading)
    assert (reading.formel, parts, result) == ("aufschlag", [NETTO, SATZ], brutto) and not reading.sicher
    # one euro off is no confirmation and never a slip
    code, report, _ = check(capsys, write(tmp_path, "b.txt", _brutto(brutto + 1)))
    assert code == 0 and by_status(report, "Fehler") == [] and by_status(report, "stimmt") == []


def test_gross_and_net_amounts_far_apart_are_not_read_as_one_another(tmp_path):
    brutto = Fraction(round(NETTO * (100 + SATZ) / 100))
    assert [r.formel for r in erkannt(tmp_path, "umgebung", _brutto(brutto, zwischen=3))] == []


# a press text: two round amounts in two sentences, their total in the next, round itself (two significant digits)
STADT, TRAEGER = Fraction(84_000), Fraction(76_000)


def _runde(gesamt: Fraction, zwischen: str = "", wort: str = "von zusammen") -> str:
    return (
        f"In ihren eigenen Einrichtungen verliert die Stadt {euro(STADT)} an Einnahmen.\n"
        f"Den freien Trägern ersetzt sie die entgangenen Beiträge; das kostet zusätzlich {euro(TRAEGER)}.\n"
        f"{zwischen}Von den Mehrausgaben {wort} {euro(gesamt)} trägt das Land einen Teil.\n"
    )


def test_a_round_total_named_so_is_the_sum_of_the_amounts_right_before_it(tmp_path, capsys):
    gesamt = STADT + TRAEGER
    assert euro(gesamt) == "160.000\u00a0€"  # two significant digits: searched only this way
    (reading,) = erkannt(tmp_path, "umgebung", _runde(gesamt))
    parts, result = werte(reading)
    assert parts == [STADT, TRAEGER] and result == gesamt == sum(parts) and not reading.sicher
    code, report, _ = check(capsys, write(tmp_path, "r.txt", _runde(gesamt)))
    assert code == 0 and [(b["zeile"], b["status"], b["rechnung"]) for b in report["befunde"]] == [
        (3, "stimmt", f"{euro(STADT)} + {euro(TRAEGER)}")
    ]


def test_a_round_total_named_by_a_compound_of_gesamt_is_the_sum_as_well(tmp_path):
    # aa02 of the corpus's Zusatz: „Aufwendungen von 90.000 € eingeplant … Mehraufwendungen in Höhe von 30.000 € …,
    # so dass … Gesamtaufwendungen in Höhe von 120.000 € entstehen“ – the word of the total is a compound
    gesamt = STADT + TRAEGER
    (reading,) = erkannt(tmp_path, "umgebung", _runde(gesamt, wort="mit den Gesamtausgaben von"))
    assert werte(reading) == ([STADT, TRAEGER], gesamt)


def test_a_round_figure_not_named_a_total_far_off_or_not_reached_by_the_amounts_right_before_it_is_no_sum(
    tmp_path, capsys
):
    gesamt = STADT + TRAEGER
    # no word calls it a total: 160.000 € is 84.000 € + 76.000 € by chance as often as not
    assert erkannt(tmp_path, "umgebung", _runde(gesamt, wort="von")) == []
    # the amounts stand four lines back
    assert erkannt(tmp_path, "umgebung", _runde(gesamt, zwischen="Dazu.\nDazu.\nDazu.\n")) == []
    # another amount stands between: 20.000 € + 76.000 € falls short, with 84.000 € it is over – no run reaches it
    zwischen = f"Für die Notbetreuung kommen {euro(Fraction(20_000))} hinzu.\n"
    assert erkannt(tmp_path, "umgebung", _runde(gesamt, zwischen=zwischen)) == []
    # a total that the amounts miss is no slip of this search: it claims nothing
    code, report, _ = check(capsys, write(tmp_path, "r.txt", _runde(gesamt + 10_000)))
    assert code == 0 and by_status(report, "Fehler") == [] and by_status(report, "nicht eindeutig") == []


# what is left of a budget line, named so after the figure, and a claim beyond it in the next paragraph (m11)
ANSATZ, VERBRAUCHT, ANSPRUCH = Fraction(1_000), Fraction(23_346, 100), Fraction(237_500, 100)


def _verfuegbar() -> str:
    verfuegbar = ANSATZ - VERBRAUCHT
    return (
        f"Für Verdienstausfälle hat die Gemeinde im Haushalt Mittel von {euro(ANSATZ)} eingeplant.\n\n"
        f"Verbraucht sind davon bereits {euro(VERBRAUCHT, cent=True)}. In diesem Produkt sind also noch "
        f"{euro(verfuegbar, cent=True)} verfügbar.\n\n"
        f"Von seinem Anspruch über {euro(ANSPRUCH, cent=True)} sind daher noch {euro(ANSPRUCH - verfuegbar, cent=True)} "
        "zu decken.\n"
    )


def test_the_figure_called_available_is_the_result_and_the_pair_right_before_it_its_parts(tmp_path):
    """„davon bereits 233,46 €“ names a part, „766,54 € verfügbar“ the result: 766,54 € = 1.000 € − 233,46 € (not
    233,46 € = 1.000 € − 766,54 €); and the pair before it is as near as the pair after it (2.375,00 € − 1.608,46 €
    gives 766,54 € too), so the earlier, the one its sentence goes on from, is read."""
    verfuegbar = ANSATZ - VERBRAUCHT
    assert euro(verfuegbar, cent=True) == "766,54\u00a0€"
    readings = erkannt(tmp_path, "umgebung", _verfuegbar())
    on_line_3 = [werte(r) for r in readings if r.ergebnis.zeile.nr == 3]
    assert on_line_3 == [([ANSATZ, VERBRAUCHT], verfuegbar)] and verfuegbar == ANSATZ - VERBRAUCHT


# a grant applied for at a rate of the costs, the grant a round figure of two digits (too few to be read otherwise)
KOSTEN, FOERDERHOEHE = Fraction(260_000), Fraction(25)


def _zuschuss(foerderung: Fraction, tabelle: bool = False) -> str:
    saetze = (
        f"Die Maßnahmen kosten zusammen {euro(KOSTEN, cent=True)}; bei einer Förderhöhe von "
        f"{prozent(FOERDERHOEHE / 100, 0)} ergibt das eine beantragte Förderung von {euro(foerderung)}.\n"
    )
    if tabelle:  # the same three figures as cells of a table row
        saetze = f"Zuschuss\t{euro(KOSTEN, cent=True)}\t{prozent(FOERDERHOEHE / 100, 0)}\t{euro(foerderung)}\n"
    return "Zuschuss für das Dorfgemeinschaftshaus\n" + saetze


def test_a_round_figure_worked_out_with_the_rate_right_before_it(tmp_path, capsys):
    foerderung = KOSTEN * FOERDERHOEHE / 100
    assert euro(foerderung) == "65.000\u00a0€"  # two significant digits
    (reading,) = erkannt(tmp_path, "umgebung", _zuschuss(foerderung))
    parts, result = werte(reading)
    assert (reading.formel, parts, result) == ("anteil", [KOSTEN, FOERDERHOEHE], foerderung) and not reading.sicher
    # a figure the rate does not give is no confirmation and never a slip; nor are the cells of a table row read so
    code, report, _ = check(capsys, write(tmp_path, "z.txt", _zuschuss(foerderung + 1000)))
    assert code == 0 and by_status(report, "Fehler") == [] and by_status(report, "stimmt") == []
    assert erkannt(tmp_path, "umgebung", _zuschuss(foerderung, tabelle=True)) == []


# the costs, the rate a programme may fund, and what the town must bring itself: the costs less the rate
GESAMT_T, FOERDERSATZ = Fraction(60), Fraction(80)


def _eigenmittel(eigen: Fraction, zwischen: int = 0) -> str:
    return (
        "Für das Förderprogramm wurde ein Zuwendungsantrag mit Gesamtkosten\n"
        f"von {zahl(GESAMT_T)} T€ und einem erhofften Fördersatz von {prozent(FOERDERSATZ / 100, 0)} eingereicht.\n"
        + "Die Entscheidung steht noch aus.\n" * zwischen
        + f"Die Gemeinde hätte in diesem Fall zusammen {zahl(eigen)} T€\nEigenmittel aufbringen müssen.\n"
    )


def test_what_is_left_once_a_rate_is_taken_off(tmp_path):
    eigen = GESAMT_T * (100 - FOERDERSATZ) / 100
    assert eigen == 12
    (reading,) = erkannt(tmp_path, "umgebung", _eigenmittel(eigen))
    parts, result = werte(reading)
    tausend = 1000  # T€: the figures are read in euros
    assert (reading.formel, parts, result) == ("abzueglich", [GESAMT_T * tausend, FOERDERSATZ], eigen * tausend)
    # the rate three lines up is too far for a figure of two digits; where the share the rate leaves is named
    # itself (20 %), the share is read and not the rate taken off
    assert erkannt(tmp_path, "umgebung", _eigenmittel(eigen, zwischen=2)) == []
    named = _eigenmittel(eigen).replace("von 80", "von 20\u00a0% der Kosten bei 80")
    assert [r.formel for r in erkannt(tmp_path, "umgebung", named)] == ["anteil"]


# a Haushaltssatzung as a council's page stores it: the name of the result on its own line, the figure two below
ERTRAEGE, AUFWENDUNGEN = Fraction(28_088_090), Fraction(29_526_100)


def _satzung(name: str) -> str:
    saldo = ERTRAEGE - AUFWENDUNGEN
    return (
        f"1.1  Gesamtbetrag der ordentlichen Erträge von            {zahl(ERTRAEGE)}  €\n"
        f"1.2  Gesamtbetrag der ordentlichen Aufwendungen von        {zahl(AUFWENDUNGEN)}  €\n\n"
        f"1.3. {name} von \n\n"
        f"  -   {zahl(-saldo)}  €\n"
    )


def test_the_words_of_the_line_above_name_a_figure_that_stands_alone(tmp_path):
    saldo = ERTRAEGE - AUFWENDUNGEN
    assert saldo == -1_438_010
    # („(Saldo aus 1.1 und 1.2)“ would name its rows: verweis.py reads that before the search)
    readings = erkannt(tmp_path, "umgebung", _satzung("Ordentliches Ergebnis  (Saldo) "))
    assert [(r.ergebnis.zeile.nr, werte(r)) for r in readings] == [(6, ([AUFWENDUNGEN, ERTRAEGE], -saldo))]
    # words above that name no result: the figure is no cue, and the first figure that holds is read as before
    readings = erkannt(tmp_path, "umgebung", _satzung("Sonstiges"))
    assert [r.ergebnis.zeile.nr for r in readings] != [6]


# the same Defizit in a sentence („ergibt sich“) and in the table under it, named there by its label line
AUSGABEN, EINNAHMEN = Fraction(78_466_028, 100), Fraction(45_118_852, 100)


def test_a_figure_named_a_defizit_is_the_result_before_one_a_sentence_says_ergibt(tmp_path):
    defizit = AUSGABEN - EINNAHMEN
    text = (
        f"Für den Elementarbereich ergibt sich ein kommunaler Anteil von {zahl(defizit, 2)} €.\n\n"
        f"Ausgaben\n\n{zahl(AUSGABEN, 2)} €\n\nEinnahmen\n\n{zahl(EINNAHMEN, 2)} €\n\n"
        f"Defizit / Anteil der Kommunen\n\n{zahl(defizit, 2)} €\n"
    )
    readings = erkannt(tmp_path, "umgebung", text)
    assert [(r.ergebnis.zeile.nr, werte(r)) for r in readings][0] == (13, ([AUSGABEN, EINNAHMEN], defizit))


# a press text: each Beirat's increase in one paragraph, the new budgets two lines on, the old one in brackets – the
# new one is the old plus the increase, two amounts that do not stand next to each other
MEHR = {"Burglesum": Fraction(12_246), "Vegesack": Fraction(13_706), "Blumenthal": Fraction(13_052)}
VORHER = Fraction(61_231)


def _beiraete(neu: Fraction) -> str:
    mehr = ". ".join(f"Der Beirat {name} erhält zusätzlich {zahl(betrag)} Euro" for name, betrag in MEHR.items())
    return (
        f"{mehr}.\n"
        "Jeder Beirat bekommt zunächst einen Grundbetrag von 5000 Euro.\n"
        f"Davon entfallen auf den Beirat Burglesum {zahl(neu)} Euro (vorher {zahl(VORHER)} Euro).\n"
    )


def test_two_amounts_apart_that_add_up_to_a_specific_figure(tmp_path):
    neu = VORHER + MEHR["Burglesum"]
    assert neu == 73_477  # five significant digits
    (reading,) = erkannt(tmp_path, "umgebung", _beiraete(neu))
    parts, result = werte(reading)
    assert (reading.formel, sorted(parts), result) == ("summe", sorted([MEHR["Burglesum"], VORHER]), neu)


def test_two_amounts_apart_are_no_sum_for_a_figure_of_fewer_digits(tmp_path, capsys):
    """1.050 = 1.000 + 50 with an amount between: three significant digits are met by chance too often, even where
    the words call the figure a total (four are enough there); with seven (12.225,75 = 10.000,50 + 2.225,25) the pair
    is read. (Three amounts enumerated in one sentence and „Zusammen“ after it are the sum of all three:
    erkennen/aufzaehlung.py – here the first stands in a sentence of its own.)"""
    text = "Zuschuss {a} € für den Verein. Dazu 500 € für die Jugend, {b} € für Material.\nZusammen {c} € bewilligt.\n"
    assert erkannt(tmp_path, "umgebung", text.format(a="1.000", b="50", c="1.050")) == []
    (reading,) = erkannt(tmp_path, "umgebung", text.format(a="10.000,50", b="2.225,25", c="12.225,75"))
    assert werte(reading) == ([Fraction(1_000_050, 100), Fraction(222_525, 100)], Fraction(1_222_575, 100))
    # a figure off a sum of two amounts apart is never a slip
    code, report, _ = check(capsys, write(tmp_path, "b.txt", _beiraete(VORHER + MEHR["Burglesum"] + 10)))
    assert code == 0 and by_status(report, "Fehler") == [] and by_status(report, "stimmt") == []


def test_three_amounts_apart_that_add_up_to_a_specific_figure(tmp_path):
    """A total before three amounts with others between them (the Kita's three sources, last year's beside each)."""
    eltern, land, stadt = Fraction(122_320), Fraction(88_920), Fraction(226_552)
    text = (
        f"Der Betrieb der Kita kostet im Jahr {zahl(eltern + land + stadt)} €.\n"
        f"Getragen wird er von Elternbeiträgen mit {zahl(eltern)} € (Vorjahr 118.450 €), vom Land mit {zahl(land)} € "
        f"(Vorjahr 85.100 €) und von der Stadt mit {zahl(stadt)} € (Vorjahr 201.930 €).\n"
    )
    (reading,) = erkannt(tmp_path, "umgebung", text)
    assert werte(reading) == ([eltern, land, stadt], eltern + land + stadt) and reading.ergebnis.zeile.nr == 1


def test_a_total_named_so_may_be_two_amounts_apart_with_one_digit_less(tmp_path):
    """„Nachrichtlich: Gesamtbetrag der Einzahlungen 536.800 €“ (four significant digits) under the Einzahlungen and
    Auszahlungen of a Haushaltssatzung, line by line: the Einzahlungen, every other line; without the word, nothing."""
    lfd_ein, lfd_aus, inv_ein, inv_aus = Fraction(508_600), Fraction(500_400), Fraction(28_200), Fraction(85_000)
    rows = (
        f"2.1 der Einzahlungen aus laufender Verwaltungstätigkeit {zahl(lfd_ein)} €\n"
        f"2.2 der Auszahlungen aus laufender Verwaltungstätigkeit {zahl(lfd_aus)} €\n"
        f"2.3 der Einzahlungen für Investitionstätigkeit {zahl(inv_ein)} €\n"
        f"2.4 der Auszahlungen für Investitionstätigkeit {zahl(inv_aus)} €\n"
    )
    named = rows + f"Nachrichtlich: Gesamtbetrag der Einzahlungen {zahl(lfd_ein + inv_ein)} €\n"
    readings = [r for r in erkannt(tmp_path, "umgebung", named) if r.ergebnis.zeile.nr == 5]
    assert [werte(r) for r in readings] == [([lfd_ein, inv_ein], lfd_ein + inv_ein)]
    unnamed = rows + f"Nachrichtlich: der Einzahlungen {zahl(lfd_ein + inv_ein)} €\n"
    assert [r for r in erkannt(tmp_path, "umgebung", unnamed) if r.ergebnis.zeile.nr == 5] == []


def test_a_total_typed_again_under_its_parts_is_checked_there_too(tmp_path):
    """The Umlage in the Satzung's head and again as „insgesamt“ under the members' shares: both copies are the sum of
    the shares – the second is no restatement of the first (a slip there would otherwise stay unread)."""
    anteile = [Fraction(1_128_300, 100), Fraction(687_000, 100), Fraction(882_900, 100)]
    gesamt = sum(anteile)
    text = (
        f"dem Gesamtbetrag der Erträge auf — {zahl(gesamt, 2)} €\n"
        + "Die Verbandsmitglieder tragen die Umlage nach ihrer Einwohnerzahl.\n" * 3
        + "".join(f"für das Mitglied {n} — {zahl(a, 2)} €,\n" for n, a in enumerate(anteile, 1))
        + f"insgesamt: — {zahl(gesamt, 2)} €.\n"
    )
    readings = erkannt(tmp_path, "umgebung", text)
    assert sorted(r.ergebnis.zeile.nr for r in readings) == [1, 8]
    assert all(werte(r) == (anteile, gesamt) for r in readings)


# interest to refund, the budget line for it, the overrun that follows, and the part of it already granted (l14)
ZINSEN, ANSATZ_ZINSEN, GENEHMIGT = Fraction(65_000), Fraction(50_000), Fraction(11_500)


def _folge(upl: Fraction, wort: str = "damit", absatz: str = "\n \n\n") -> str:
    return (
        f"Nach heutigem Stand fallen Erstattungszinsen von insgesamt {euro(ZINSEN, cent=True)} an.{absatz}"
        f"Bei einem Haushaltsansatz von {euro(ANSATZ_ZINSEN)} ist {wort} eine überplanmäßige Leistung von "
        f"{euro(upl)} nötig.\n"
    )


def test_a_round_figure_called_a_consequence_is_the_difference_of_the_two_amounts_right_before_it(tmp_path, capsys):
    upl = ZINSEN - ANSATZ_ZINSEN
    assert euro(upl) == "15.000\u00a0€"  # two significant digits: searched only this way
    (reading,) = erkannt(tmp_path, "umgebung", _folge(upl))
    parts, result = werte(reading)
    assert parts == [ZINSEN, ANSATZ_ZINSEN] and result == upl == parts[0] - parts[1] and not reading.sicher
    # the blank lines a page sets between paragraphs are no distance; „also“ and „somit“ say it as „damit“ does
    assert len(erkannt(tmp_path, "umgebung", _folge(upl, absatz="\n\n \n\n \n"))) == 1
    assert len(erkannt(tmp_path, "umgebung", _folge(upl, wort="somit"))) == 1
    code, report, _ = check(capsys, write(tmp_path, "r.txt", _folge(upl)))
    assert code == 0 and [(b["status"], b["rechnung"]) for b in report["befunde"]] == [
        ("stimmt", f"{euro(ZINSEN, cent=True)} − {euro(ANSATZ_ZINSEN)}")
    ]


def test_a_round_figure_not_called_a_consequence_far_off_or_not_the_difference_is_none(tmp_path, capsys):
    upl = ZINSEN - ANSATZ_ZINSEN
    # no word says it follows: 15.000 € is a difference of two round amounts by chance as often as not
    assert erkannt(tmp_path, "umgebung", _folge(upl, wort="dafür")) == []
    # the first amount stands three lines with text back
    assert erkannt(tmp_path, "umgebung", _folge(upl, absatz="\nDazu.\nDazu.\n")) == []
    # the nearer less the earlier, or another amount between: not the two right before it
    umgekehrt = _folge(upl).replace(euro(ZINSEN, cent=True), "35.000,00\u00a0€")
    assert erkannt(tmp_path, "umgebung", umgekehrt) == []
    zwischen = _folge(upl, absatz=f"\nDavon sind {euro(GENEHMIGT, cent=True)} bereits gebucht.\n")
    assert erkannt(tmp_path, "umgebung", zwischen) == []
    # a consequence the two amounts miss is no slip of this search: it claims nothing
    code, report, _ = check(capsys, write(tmp_path, "r.txt", _folge(upl + 1_000)))
    assert code == 0 and by_status(report, "Fehler") == [] and by_status(report, "nicht eindeutig") == []


def test_of_a_part_granted_and_a_round_rest_called_what_follows_the_rest_is_the_result(tmp_path):
    """„Mehrbedarf von 11.500,00 € genehmigt; es werden also noch 3.500,00 € benötigt“: both are cued, the first
    by „Mehr…“; the round one called what follows is the result (3.500 = 15.000 − 11.500, not 11.500 = 15.000 −
    3.500)."""
    upl = ZINSEN - ANSATZ_ZINSEN
    rest = upl - GENEHMIGT
    text = _folge(upl) + (
        f"\n \n\nAm 11.12.2019 hatte der Rat bereits einen Mehrbedarf von {euro(GENEHMIGT, cent=True)} genehmigt; "
        f"es werden also noch {euro(rest, cent=True)} zusätzlich benötigt.\n"
    )
    readings = erkannt(tmp_path, "umgebung", text)
    assert sorted(werte(r) for r in readings) == sorted([([ZINSEN, ANSATZ_ZINSEN], upl), ([upl, GENEHMIGT], rest)])
    assert rest == Fraction(3_500) and upl - GENEHMIGT == rest


def test_the_figure_the_words_call_a_shortfall_is_the_result_not_the_one_called_available(tmp_path):
    """x04 of the Zusatz: „Im Haushalt sind insgesamt 60.850,00 € verfügbar. Es fehlen also 11.750,00 €.“ under the
    costs of 72.600,00 € – the shortfall is the costs less what is available, not what is available the costs less
    the shortfall."""
    kosten, verfuegbar = Fraction(72_600), Fraction(60_850)
    text = (
        "Insgesamt betragen die Kosten damit 72.600,00 €.\n\n"
        "Im Haushalt sind insgesamt 60.850,00 € verfügbar. Es fehlen also 11.750,00 €.\n"
    )
    (reading,) = erkannt(tmp_path, "umgebung", text)
    parts, result = werte(reading)
    assert result == kosten - verfuegbar == Fraction(11_750) and sorted(parts) == sorted([kosten, verfuegbar])


def test_amounts_in_brackets_between_two_are_passed_over_for_the_difference_they_are_called(tmp_path):
    """m02 of the Zusatz: „Aufwendungen von 398,3 Mio € (darunter Transferleistungen von 273,0 Mio € und
    Personalkosten von 59,4 Mio €) stehen Erträgen von 393,9 Mio € gegenüber. Der Haushalt werde also einen
    Fehlbedarf von 4,4 Mio € zeigen“ – the parts in brackets are no neighbours of the shortfall."""
    aufwand, ertrag = Fraction(3983, 10), Fraction(3939, 10)
    text = (
        "Aufwendungen von 398,3 Mio € (darunter Transferleistungen von 273,0 Mio € und Personalkosten von 59,4 "
        "Mio €) stehen Erträgen von 393,9 Mio € gegenüber.\n\n"
        f"Der Haushalt werde also einen Fehlbedarf von {zahl(aufwand - ertrag, 1)} Mio € zeigen.\n"
    )
    (reading,) = erkannt(tmp_path, "umgebung", text)
    assert werte(reading) == ([aufwand * 10**6, ertrag * 10**6], (aufwand - ertrag) * 10**6)
    # without the consequence word the round figure stays unread
    assert erkannt(tmp_path, "umgebung", text.replace(" also ", " ")) == []


def test_of_three_figures_that_give_each_other_the_last_is_the_result(tmp_path):
    """aa06 of the Zusatz, a Wirtschaftsplan one cell per line: „Erträge 5.978.175,00 EUR“, „Finanzierungsmittel
    21.434.000,00 EUR“, then „Einnahmen 27.412.175,00 EUR“ – no word calls any of them a total; the search reads them
    in the order a reader does, the last figure the result of those before it (not the first the difference of the two
    after it)."""
    ertraege, vermoegen = Fraction(597817500, 100), Fraction(2143400000, 100)
    text = (
        f"Erfolgsplan:\nErträge\n{zahl(ertraege, 2)} EUR\nVermögensplan:\nFinanzierungsmittel\n{zahl(vermoegen, 2)} EUR\n"
        f"Wirtschaftsplan:\nEinnahmen\n{zahl(ertraege + vermoegen, 2)} EUR\n"
    )
    (reading,) = erkannt(tmp_path, "umgebung", text)
    assert reading.formel == "summe" and werte(reading) == ([ertraege, vermoegen], ertraege + vermoegen)
