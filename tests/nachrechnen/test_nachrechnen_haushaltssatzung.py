"""The tables of a Haushaltssatzung and its Nachtrag as real papers carry them (issue 60, point 3): the Saldo rows
(`haushaltssaldo.py`) and the rows „bisher ± Veränderung = nunmehr“ (`nachtrag.py`), in pipe tables, in lines a page
wrapped, and with a head stored one word a line; figures computed here with Fractions."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, write
from tests.referenz.rechnen import euro, zahl

ERTRAEGE, AUFWENDUNGEN = Fraction(44_164_900, 100), Fraction(42_757_900, 100)
EINZAHLUNGEN, AUSZAHLUNGEN = Fraction(6_000_000, 100), Fraction(17_710_000, 100)


def _satzung(ueberschuss: Fraction, saldo: Fraction) -> str:
    return (
        "| 1. im Ergebnishaushalt | |\n"
        f"| der Gesamtbetrag der Erträge auf | {euro(ERTRAEGE, cent=True, zeichen='EUR')} |\n"
        f"| der Gesamtbetrag der Aufwendungen auf | {euro(AUFWENDUNGEN, cent=True, zeichen='EUR')} |\n"
        f"| der Jahresüberschuss auf | {euro(ueberschuss, cent=True, zeichen='EUR')} |\n"
        "| 2. im Finanzhaushalt | |\n"
        f"| die Einzahlungen aus Investitionstätigkeit auf | {euro(EINZAHLUNGEN, cent=True, zeichen='EUR')} |\n"
        f"| die Auszahlungen aus Investitionstätigkeit auf | {euro(AUSZAHLUNGEN, cent=True, zeichen='EUR')} |\n"
        f"| der Saldo der Ein- und Auszahlungen aus Investitionstätigkeit | {euro(saldo, cent=True, zeichen='EUR')} |\n"
    )


def test_the_saldo_rows_of_a_haushaltssatzung_are_recomputed(capsys, tmp_path):
    ueberschuss, saldo = ERTRAEGE - AUFWENDUNGEN, EINZAHLUNGEN - AUSZAHLUNGEN
    assert saldo < 0
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _satzung(ueberschuss, saldo)))
    assert code == 0
    assert [(b["art"], b["zeile"], b["getippt"], b["status"]) for b in report["befunde"]] == [
        ("saldo", 4, euro(ueberschuss, cent=True), "stimmt"),
        ("saldo", 8, euro(saldo, cent=True), "stimmt"),
    ]
    assert report["nicht_geprueft"] == []


def test_a_wrong_saldo_with_its_sign_is_a_slip(capsys, tmp_path):
    ueberschuss, saldo = ERTRAEGE - AUFWENDUNGEN, EINZAHLUNGEN - AUSZAHLUNGEN
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _satzung(ueberschuss, -saldo)))
    assert code == 1
    assert [(b["zeile"], b["getippt"], b["nachgerechnet"]) for b in by_status(report, "Fehler")] == [
        (8, euro(-saldo, cent=True), euro(saldo, cent=True))
    ]


def test_a_saldo_whose_label_a_page_wrapped(capsys, tmp_path):
    ein, aus = Fraction(266_200), Fraction(290_400)
    text = (
        "im Finanzhaushalt\n"
        f"die ordentlichen Einzahlungen {euro(ein, cent=True)}\n"
        f"die ordentlichen Auszahlungen {euro(aus, cent=True)}\n"
        "Saldo der ordentlichen Ein-\n"
        f"und Auszahlungen {euro(ein - aus, cent=True)}\n"
    )
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0
    assert [(b["zeile"], b["getippt"], b["status"]) for b in report["befunde"]] == [
        (5, euro(ein - aus, cent=True), "stimmt")
    ]


def test_a_jahresueberschuss_row_of_a_year_with_a_fehlbetrag_is_no_slip(capsys, tmp_path):
    ertraege, aufwendungen = Fraction(5_272_600), Fraction(5_962_400)
    text = (
        f"| Gesamtbetrag der Erträge | {euro(ertraege)} |\n"
        f"| Gesamtbetrag der Aufwendungen | {euro(aufwendungen)} |\n"
        f"| Jahresüberschuss | {euro(Fraction(0))} |\n"
        f"| Jahresfehlbetrag | {euro(aufwendungen - ertraege)} |\n"
    )
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0 and by_status(report, "Fehler") == []


def test_a_saldo_of_another_part_of_the_budget_is_not_read(capsys, tmp_path):
    text = (
        "| der Gesamtbetrag der außerordentlichen Erträge auf | 1.000 EUR |\n"
        "| der Gesamtbetrag der außerordentlichen Aufwendungen auf | 400 EUR |\n"
        "| das Jahresergebnis auf | -74.900 EUR |\n"
    )
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0 and [b for b in report["befunde"] if b["art"] == "saldo"] == []


# --- Nachtrag: bisher, verändert um, nunmehr ---------------------------------------------------------------------

BISHER = [Fraction(13_175_000, 100), Fraction(100_000, 100), Fraction(-7_384_600, 100)]
DELTA = [Fraction(1_000_000, 100), Fraction(2_500_000, 100), Fraction(1_500_000, 100)]


def _nachtrag(deltas: list[Fraction]) -> str:
    labels = ["die Einzahlungen aus Investitionstätigkeit", "die Auszahlungen aus Investitionstätigkeit"]
    labels.append("der Saldo der Ein- und Auszahlungen aus Finanzierungstätigkeit")
    rows = "".join(
        f"| {label} | {zahl(alt, 2)} € | {zahl(d, 2)} € | {zahl(alt + right, 2)} € |\n"
        for label, alt, d, right in zip(labels, BISHER, deltas, DELTA, strict=True)
    )
    return "| gegenüber bisher €, | verändert um €, | nunmehr festgesetzt auf €, |\n" + rows


def test_nachtrag_rows_that_hold_state_their_new_amount(capsys, tmp_path):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _nachtrag(DELTA)))
    assert code == 0
    assert [(b["art"], b["zeile"], b["getippt"], b["status"]) for b in report["befunde"]] == [
        ("nachtrag", row, euro(alt + d, cent=True), "stimmt") for row, alt, d in zip((2, 3, 4), BISHER, DELTA)
    ]


def test_a_nachtrag_change_with_its_sign_swapped_is_a_slip(capsys, tmp_path):
    typed = [DELTA[0], DELTA[1], -DELTA[2]]
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _nachtrag(typed)))
    assert code == 1
    assert [(b["zeile"], b["getippt"], b["nachgerechnet"]) for b in by_status(report, "Fehler")] == [
        (4, euro(-DELTA[2], cent=True), euro(DELTA[2], cent=True))
    ]


# --- Nachtrag: erhöht, vermindert, bisher, nunmehr; the head one word a line ---------------------------------------

KAMERAL = [(Fraction(3_614_500), Fraction(251_473_000)), (Fraction(-317_300), Fraction(277_453_000))]


def _kameral(last: Fraction | None = None) -> str:
    rows = []
    for label, (change, alt) in zip(("die Einnahmen", "die Ausgaben"), KAMERAL, strict=True):
        neu = alt + change
        rows.append(f"{label} {zahl(abs(change))}   {zahl(alt)} {zahl(neu)}")
    if last is not None:
        rows[-1] = rows[-1].rsplit(" ", 1)[0] + f" {zahl(last)}"
    head = "erhöht\n\nvermindert\n\nund damit der Gesamtbetrag\n\ngegenüber bisher\n\nnunmehr festgesetzt auf\n\n"
    return "Durch den Nachtragshaushalt werden\n\n" + head + "Im Verwaltungshaushalt\n" + "\n".join(rows) + "\n§ 2\n"


def test_a_nachtrag_head_one_word_a_line_and_figures_without_euro(capsys, tmp_path):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _kameral()))
    assert code == 0
    assert [(b["art"], b["zeile"], b["getippt"], b["status"]) for b in report["befunde"]] == [
        ("nachtrag", 14, zahl(sum(KAMERAL[0])), "stimmt"),
        ("nachtrag", 15, zahl(sum(KAMERAL[1])), "stimmt"),
    ]


def test_a_nachtrag_row_that_leaves_open_which_column_it_fills_is_not_eindeutig(capsys, tmp_path):
    typed = sum(KAMERAL[1]) + 1000
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _kameral(typed)))
    assert code == 0 and by_status(report, "Fehler") == []
    doubt = by_status(report, "nicht eindeutig")
    assert [(b["zeile"], b["getippt"]) for b in doubt] == [(15, zahl(typed))]
    assert doubt[0]["hinweis"] == "welche der Spalten „erhöht um“ und „vermindert um“ die Zeile füllt, sagt sie nicht"


def test_a_full_nachtrag_row_that_fails_is_a_slip(capsys, tmp_path):
    plus, minus, alt = Fraction(5_272_600), Fraction(745_700), Fraction(40_337_600)
    typed = alt + plus - minus + 100
    text = (
        "| erhöht um | vermindert um | gegenüber bisher | nunmehr festgesetzt auf |\n"
        f"| Gesamtbetrag der Erträge | {euro(plus)} | {euro(minus)} | {euro(alt)} | {euro(typed)} |\n"
    )
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 1
    assert [(b["art"], b["getippt"], b["nachgerechnet"]) for b in by_status(report, "Fehler")] == [
        ("nachtrag", euro(typed), euro(alt + plus - minus))
    ]


# --- figures without a unit that no calculation uses are listed (issue 60, point 4) -------------------------------


def test_figures_without_unit_typed_as_amounts_are_listed_when_no_calculation_uses_them(capsys, tmp_path):
    text = (
        "1. Nachtragshaushaltssatzung 2024\n"
        "§ 2\n"
        "Neu festgesetzt werden\n"
        "1. der Gesamtbetrag der Kredite für Investitionen von bisher 5.033.500 auf 3.064.200\n"
        "Der Stellenplan weist 1.120,0 Planstellen aus; am 17.01.2023 beschlossen, 3 Enthaltungen.\n"
    )
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0 and report["befunde"] == []
    assert [(f["zeile"], f["zahl"]) for f in report["nicht_geprueft"]] == [
        (4, "5.033.500"),
        (4, "3.064.200"),
        (5, "1.120,0"),
    ]


# --- Nachtrag: a Saldo row under its pair, with „erhöht um“ and „vermindert um“ -----------------------------------

# (erhöht, vermindert, bisher) of Erträge and Aufwendungen; their Saldo's change is the net of the changes above
ERTRAG = (Fraction(0), Fraction(920_000), Fraction(530_045_954))
AUFWAND = (Fraction(0), Fraction(4_252_042), Fraction(520_831_461))


def _bisher(zeile: tuple[Fraction, Fraction, Fraction]) -> Fraction:
    return zeile[2]


def _veraenderung(zeile: tuple[Fraction, Fraction, Fraction]) -> Fraction:
    plus, minus, _ = zeile
    return plus - minus


def _saldo_nachtrag(saldo_plus: Fraction) -> str:
    def row(label: str, plus: Fraction, minus: Fraction, alt: Fraction) -> str:
        return f"| {label} | {zahl(plus)} | {zahl(minus)} | {zahl(alt)} | {zahl(alt + plus - minus)} |\n"

    alt = _bisher(ERTRAG) - _bisher(AUFWAND)
    return (
        "| | erhöht um EUR | vermindert um EUR | gegenüber bisher EUR | auf nunmehr EUR festgesetzt |\n"
        "| im ordentlichen Ergebnis | | | | |\n"
        + row("die Erträge", *ERTRAG)
        + row("die Aufwendungen", *AUFWAND)
        + row("der Saldo", saldo_plus, Fraction(0), alt)
        + "§ 2\n"
    )


def test_the_change_of_a_saldo_in_a_nachtrag_is_the_net_of_the_changes_above(capsys, tmp_path):
    net = _veraenderung(ERTRAG) - _veraenderung(AUFWAND)
    assert net > 0
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _saldo_nachtrag(net)))
    assert code == 0 and by_status(report, "Fehler") == []
    on_saldo = [(b["art"], b["getippt"]) for b in report["befunde"] if b["zeile"] == 5 and b["status"] == "stimmt"]
    assert ("nachtrag", zahl(net)) in on_saldo  # the change, not the Saldo of the two changes (0 − 0)
    assert ("saldo", zahl(_bisher(ERTRAG) - _bisher(AUFWAND))) in on_saldo  # bisher: Erträge less Aufwendungen


def test_a_saldo_change_that_is_not_the_net_of_the_changes_is_a_slip(capsys, tmp_path):
    net = _veraenderung(ERTRAG) - _veraenderung(AUFWAND)
    typed = net + 1000
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _saldo_nachtrag(typed)))
    assert code == 1
    slips = [(b["zeile"], b["getippt"], b["nachgerechnet"]) for b in by_status(report, "Fehler")]
    assert (5, zahl(typed), zahl(net)) in slips
    assert all(zeile == 5 for zeile, _, _ in slips)  # the rows above hold: only the Saldo row is wrong


# --- Nachtrag: a row the page wrapped after its first figure (Thüringen) ------------------------------------------

EINNAHMEN_ALT, EINNAHMEN_PLUS = Fraction(527_983), Fraction(92_497)


def _umbrochen(neu: Fraction, more: str = "") -> str:
    return (
        "| erhöht um Euro | vermindert um Euro | und damit der Gesamtbetrag des Haushaltsplanes einschl. der Nachträge | |\n"
        "| gegenüber bisher Euro | auf nunmehr Euro verändert | |||\n"
        "| a) im Verwaltungshaushalt | ||||\n"
        f"| die Einnahmen | {euro(EINNAHMEN_PLUS)} |\n"
        f"| {euro(EINNAHMEN_ALT)} | {euro(neu)} |{more}\n"
        "§ 2\n"
    )


def test_a_nachtrag_row_wrapped_after_its_change_is_read_as_one(capsys, tmp_path):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _umbrochen(EINNAHMEN_ALT + EINNAHMEN_PLUS)))
    assert code == 0
    assert [(b["art"], b["zeile"], b["getippt"], b["status"]) for b in report["befunde"]] == [
        ("nachtrag", 5, euro(EINNAHMEN_ALT + EINNAHMEN_PLUS), "stimmt")
    ]
    # the new amount one off: which of „erhöht“ and „vermindert“ the row fills it does not say – a doubt, no slip
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _umbrochen(EINNAHMEN_ALT + EINNAHMEN_PLUS + 1)))
    assert code == 0 and by_status(report, "Fehler") == []
    assert {b["zeile"] for b in by_status(report, "nicht eindeutig") if b["art"] == "nachtrag"} == {5}


def test_a_next_line_that_does_not_fill_the_row_is_not_joined(capsys, tmp_path):
    more = "".join(f" {euro(Fraction(v))} |" for v in (4_000, 5_000, 6_000))  # five figures: 1 + 5 fill no row
    text = _umbrochen(EINNAHMEN_ALT + EINNAHMEN_PLUS + 1, more=more)
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0 and [b for b in report["befunde"] if b["art"] == "nachtrag"] == []


def _fortgefuehrt(gesamt: Fraction, verrechnung: Fraction, veranschlagt: Fraction) -> str:
    """A Sächsische Haushaltssatzung: the Gesamtergebnis, what is set off against it, and the Gesamtergebnis carried
    on under a longer name (h04 of the corpus)."""
    return (
        "| im Ergebnishaushalt mit dem | ||\n"
        f"| Gesamtergebnis auf | {euro(gesamt)} |\n"
        "| Betrag der veranschlagten Abdeckung von Fehlbeträgen aus Vorjahren auf | 0 € |\n"
        f"| Betrag der Verrechnung eines Fehlbetrages mit dem Basiskapital auf | {euro(verrechnung)} |\n"
        f"| veranschlagtes Gesamtergebnis auf | {euro(veranschlagt)} |\n"
    )


def test_a_total_that_carries_the_name_of_the_total_above_goes_on_from_it(capsys, tmp_path):
    gesamt, verrechnung = Fraction(-555_500), Fraction(286_200)
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _fortgefuehrt(gesamt, verrechnung, gesamt + verrechnung)))
    assert code == 0
    assert [(b["zeile"], b["getippt"], b["status"]) for b in report["befunde"] if b["zeile"] == 5] == [
        (5, euro(gesamt + verrechnung), "stimmt")
    ]


def test_a_slip_in_a_total_carried_on_names_the_sum_with_the_total_above(capsys, tmp_path):
    gesamt, verrechnung = Fraction(-555_500), Fraction(286_200)
    typed = gesamt + verrechnung + 1_000
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _fortgefuehrt(gesamt, verrechnung, typed)))
    assert code == 1
    [fehler] = by_status(report, "Fehler")
    assert (fehler["zeile"], fehler["getippt"], fehler["nachgerechnet"]) == (
        5,
        euro(typed),
        euro(gesamt + verrechnung),
    )
    assert fehler["erkannt"].startswith("Summe von Z. 2 und den Zeilen darunter (Spalte 1)")
    assert fehler["rechnung"] == f"{euro(gesamt)} + {euro(Fraction(0))} + {euro(verrechnung)}"
