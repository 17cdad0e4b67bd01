"""erkennen/nachtrag.py for itself: a row of a Nachtrag table – before, raised, lowered, now."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import euro, zahl


def test_a_row_of_a_nachtrag(tmp_path):
    text = (
        "| erhöht um | vermindert um | gegenüber bisher | nunmehr festgesetzt auf |\n"
        "| Gesamtbetrag der Erträge | 5.000.000 € | 700.000 € | 40.000.000 € | 44.300.000 € |\n"
    )
    (reading,) = erkannt(tmp_path, "nachtrag", text)
    parts, result = werte(reading)
    assert sorted(parts) == [Fraction(700000), Fraction(5000000), Fraction(40000000)]
    assert result == Fraction(44300000) == Fraction(40000000) + Fraction(5000000) - Fraction(700000)


# a Nachtrag over two years as a council information system stores it: the head's four columns, under each the two
# years, empty rows as „|“, and plain figures without „€“ (the unit stands once under the head)
BISHER = {
    "Erträge": (Fraction(91_951_300), Fraction(93_986_300)),
    "Aufwendungen": (Fraction(99_441_300), Fraction(100_539_900)),
}
ERHOEHT = {"Erträge": (Fraction(0), Fraction(0)), "Aufwendungen": (Fraction(0), Fraction(252_600))}
VERMINDERT = {"Erträge": (Fraction(1_731_100), Fraction(1_850_100)), "Aufwendungen": (Fraction(2_180_700), Fraction(0))}


def _zwei_jahre(
    neu: dict[str, tuple[Fraction, Fraction]], jahre: str = "| 2023 | 2024 | 2023 | 2024 | 2023 | 2024 | 2023 | 2024 |"
) -> str:
    rows = "".join(
        f"| die ordentlichen {name} | "
        + " | ".join(zahl(v, 0) for spalte in (BISHER, ERHOEHT, VERMINDERT, neu) for v in spalte[name])
        + " |\n"
        for name in BISHER
    )
    return (
        "Durch den Nachtragshaushaltsplan werden\n"
        "| die bisher festgesetzten Gesamtbeträge von | erhöht um | vermindert um | und damit festgesetzt auf |\n"
        "|\n|\n"
        f"{jahre}\n"
        "| Euro | ||||||||\n"
        "| Ergebnisplan |\n|\n|\n|\n" + rows
    )


def _richtig() -> dict[str, tuple[Fraction, Fraction]]:
    return {
        name: tuple(BISHER[name][j] + ERHOEHT[name][j] - VERMINDERT[name][j] for j in range(2))  # type: ignore[misc]
        for name in BISHER
    }


def test_a_head_over_two_years_reads_each_year_of_each_row(tmp_path):
    neu = _richtig()
    readings = erkannt(tmp_path, "nachtrag", _zwei_jahre(neu))
    got = sorted((r.ergebnis.zeile.nr, werte(r)[1], tuple(werte(r)[0])) for r in readings)
    expected = sorted(
        (zeile, neu[name][j], (BISHER[name][j], ERHOEHT[name][j], VERMINDERT[name][j]))
        for zeile, name in ((11, "Erträge"), (12, "Aufwendungen"))
        for j in range(2)
    )
    assert got == expected and all(r.sicher for r in readings)


def test_a_slip_in_one_year_of_a_two_year_nachtrag_is_a_fehler_with_its_figure(tmp_path, capsys):
    neu = _richtig()
    falsch = neu["Aufwendungen"][1] + 1_000  # 100.792.500 typed 100.793.500
    assert zahl(falsch, 0) == "100.793.500"
    neu["Aufwendungen"] = (neu["Aufwendungen"][0], falsch)
    code, report, _ = check(capsys, write(tmp_path, "n.txt", _zwei_jahre(neu)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 12 and fehler["getippt"] == "100.793.500"
    assert fehler["nachgerechnet"] == zahl(BISHER["Aufwendungen"][1] + ERHOEHT["Aufwendungen"][1], 0)


def test_years_that_do_not_repeat_under_every_column_leave_the_rows_unread(tmp_path):
    neu = _richtig()
    # one year under each column would be four figures a row; years in another order or a count that does not fit
    for jahre in (
        "| 2023 | 2024 | 2024 | 2023 | 2023 | 2024 | 2023 | 2024 |",
        "| 2023 | 2024 | 2023 | 2024 | 2023 | 2024 |",
        "| 2023 | 2023 | 2023 | 2023 | 2023 | 2023 | 2023 | 2023 |",
    ):
        assert erkannt(tmp_path, "nachtrag", _zwei_jahre(neu, jahre)) == [], jahre


def _thueringen(einnahmen_neu: Fraction) -> str:
    # the head as a Thüringer page stores it: „ver- mindert“ broken at its hyphen, empty rows „|“ between, each row
    # wrapped after its first figure; the row leaves „vermindert“ empty
    return (
        "| erhöht (+) um | ver- mindert (-) um | und damit der Gesamtbetrag des Haushaltsplans | |\n|\n|\n"
        "| gegenüber bisher | auf nunmehr verändert |\n| EUR | EUR | EUR | EUR |\n| b) im Ver- mögenshaushalt |\n"
        "|\n|\n|\n|\n"
        f"| die Einnahmen | {euro(UM_TH)} |\n| {euro(BISHER_TH)} | {euro(einnahmen_neu)} |\n"
        f"| die Ausgaben | {euro(UM_TH)} |\n| {euro(BISHER_TH)} | {euro(BISHER_TH + UM_TH)} |\n"
        "§ 2\n"
    )


BISHER_TH, UM_TH = Fraction(19_172_350), Fraction(1_200_000)


def test_a_head_with_a_word_broken_at_its_hyphen_and_empty_rows_between(capsys, tmp_path):
    code, report, _ = check(capsys, write(tmp_path, "n.txt", _thueringen(BISHER_TH + UM_TH)))
    assert code == 0
    assert [(b["zeile"], b["getippt"], b["status"]) for b in report["befunde"]] == [
        (12, euro(BISHER_TH + UM_TH), "stimmt"),
        (14, euro(BISHER_TH + UM_TH), "stimmt"),
    ]
    # a slip: which of „erhöht“ and „vermindert“ the row fills, it does not say – a doubt at the slipped figure
    falsch = BISHER_TH + UM_TH + 100_000
    code, report, _ = check(capsys, write(tmp_path, "n.txt", _thueringen(falsch)))
    doubts = [(b["zeile"], b["getippt"]) for b in by_status(report, "nicht eindeutig")]
    assert (12, euro(falsch)) in doubts
    assert [b for b in report["befunde"] if b["zeile"] == 14] and not by_status(report, "Fehler")


def _nalbach(einzahlungen_neu: Fraction) -> str:
    # a Saarland Mitteilungsblatt: the sentence before the table names „verändert“, the head one word a line with a
    # blank line after each, every cell on a line of its own; the Saldo rows leave a column empty
    kopf = ["erhöht", "um", "vermindert", "um", "und damit der Gesamtbetrag", "gegenüber", "bisher", "nunmehr"]
    kopf += ["festgesetzt", "auf", "EUR", "EUR", "EUR", "EUR"]
    zeilen = ["Der Nachtragshaushaltsplan verändert den Haushaltsplan so:", *kopf, "b.) Im Finanzhaushalt"]
    zeilen += ["die Einzahlungen aus", "Investitionstätigkeit", *(zahl(z, 0) for z in EIN)]
    zeilen += ["die Auszahlungen aus", "Investitionstätigkeit", *(zahl(z, 0) for z in AUS)]
    saldo_bisher, saldo_neu = EIN[2] - AUS[2], EIN[3] - AUS[3]
    zeilen += ["Der Saldo aus", "Investitionstätigkeit", zahl(saldo_bisher - saldo_neu, 0), zahl(saldo_bisher, 0)]
    zeilen += [zahl(saldo_neu, 0), "die Einzahlungen aus", "Finanzierungstätigkeit"]
    zeilen += [zahl(FIN[0], 0), "0", zahl(FIN[1], 0), zahl(einzahlungen_neu, 0), "§ 2"]
    return "\n\n".join(zeilen) + "\n"


EIN = (Fraction(308_000), Fraction(0), Fraction(3_118_500), Fraction(3_426_500))  # erhöht, vermindert, bisher, neu
AUS = (Fraction(644_600), Fraction(0), Fraction(3_104_000), Fraction(3_748_600))
FIN = (Fraction(751_000), Fraction(1_060_950))  # erhöht, bisher


def test_a_head_one_word_a_line_with_blank_lines_and_rows_one_cell_a_line(capsys, tmp_path):
    assert EIN[2] + EIN[0] - EIN[1] == EIN[3] and AUS[2] + AUS[0] - AUS[1] == AUS[3]  # the seed's rows hold
    code, report, _ = check(capsys, write(tmp_path, "n.txt", _nalbach(FIN[1] + FIN[0])))
    assert code == 0
    nachtrag = [(b["getippt"], b["status"]) for b in report["befunde"] if b["art"] == "nachtrag"]
    assert nachtrag == [
        (zahl(EIN[3], 0), "stimmt"),
        (zahl(AUS[3], 0), "stimmt"),
        (zahl(EIN[3] - AUS[3], 0), "stimmt"),  # the Saldo row: bisher − vermindert = neu (−322.100)
        (zahl(FIN[1] + FIN[0], 0), "stimmt"),
    ]


def test_the_slip_of_the_nalbach_nachtrag_is_a_fehler(capsys, tmp_path):
    # the seed: „751.000 | 0 | 1.060.950 | 1.060.950“ – the new amount left as it was
    code, report, _ = check(capsys, write(tmp_path, "n.txt", _nalbach(FIN[1])))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1
    assert (fehler["getippt"], fehler["nachgerechnet"]) == (zahl(FIN[1], 0), zahl(FIN[1] + FIN[0], 0))


def test_a_search_that_may_have_meant_the_right_twin_of_a_slipped_figure_is_no_folgefehler(capsys, tmp_path):
    # the slipped new amount 1.060.950 equals the old one beside it: the bisher Saldo 1.060.950 − 940.400 = 120.550,
    # found by the search, may have taken either – it is no consequence of the slip
    aus_bisher = Fraction(940_400)
    saldo_bisher = FIN[1] - aus_bisher
    rest = ["die Auszahlungen aus", "Finanzierungstätigkeit", "0", "0", zahl(aus_bisher, 0), zahl(aus_bisher, 0)]
    rest += ["der Saldo aus", "Finanzierungstätigkeit", zahl(Fraction(336_600), 0), zahl(saldo_bisher, 0)]
    rest += [zahl(saldo_bisher + 336_600, 0), "§ 2"]
    text = _nalbach(FIN[1]).replace("§ 2\n", "\n\n".join(rest) + "\n")
    code, report, _ = check(capsys, write(tmp_path, "n.txt", text))
    assert code == 1
    assert [b["getippt"] for b in by_status(report, "Fehler")] == [zahl(FIN[1], 0)]
    assert by_status(report, "Folgefehler") == []
    assert (zahl(saldo_bisher, 0), "stimmt") in [(b["getippt"], b["status"]) for b in report["befunde"]]


def test_a_head_whose_first_line_says_what_the_new_amount_is(tmp_path):
    """Schleswig-Holstein (q03 of the Zusatz, Amt Hüttener Berge 2019): „erhöht um vermindert um und damit der
    Gesamtbetrag des Haushaltsplans einschl. der Nachträge“ / „gegenüber bisher nunmehr festgesetzt auf“ – a head of
    two lines, the first one of 13 words; each row leaves „vermindert um“ empty."""
    rows = {"Gesamtbetrag der Erträge": (15_200, 4_340_600), "Gesamtbetrag der Aufwendungen": (76_000, 4_368_100)}
    text = "Mit dem 1. Nachtragshaushaltsplan werden\n\n"
    text += "    erhöht um vermindert um und damit der Gesamtbetrag des Haushaltsplans einschl. der Nachträge  \n"
    text += "        gegenüber bisher nunmehr festgesetzt auf\n1. im Ergebnisplan der        \n"
    for label, (plus, alt) in rows.items():
        cells = (Fraction(plus), Fraction(alt), Fraction(alt + plus))
        text += f"  {label} " + "   ".join(f"{zahl(c, 2)} EUR" for c in cells) + "\n"
    found = {str(werte(r)) for r in erkannt(tmp_path, "nachtrag", text) if r.haelt()}
    assert found == {str(([Fraction(a), Fraction(p)], Fraction(a + p))) for p, a in rows.values()}


# Verbandsgemeinde Trier-Land, 2. Nachtrag 2022 (n04 of the Zusatz): a change column left empty is typed „- €“
TRIER_LAND = {  # label: bisher, erhöht um (None: „- €“)
    "der Gesamtbetrag der Erträge auf": (Fraction(13_567_589), None),
    "der Gesamtbetrag der Aufwendungen auf": (Fraction(13_567_518), None),
    "die Einzahlungen aus Investitionstätigkeit auf": (Fraction(1_032_200), Fraction(46_800)),
}


def _trier_land(neu: dict[str, Fraction] | None = None) -> str:
    text = "| gegenüber bisher Euro | erhöht um Euro | vermindert um | nunmehr festgesetzt auf Euro | |\n"
    for label, (alt, plus) in TRIER_LAND.items():
        new = (neu or {}).get(label, alt + (plus or 0))
        text += f"| {label} | {zahl(alt, 0)}€ | {zahl(plus, 0) + '€' if plus else '- €'} | - € | {zahl(new, 0)}€ |\n"
    return text


def test_a_change_column_left_with_a_dash_and_its_unit_is_empty(tmp_path, capsys):
    # before, „- €“ was no cell at all: a row of two figures under four columns was read by neither recogniser,
    # and its figures were all taken for changes (the Saldo under them was left unread)
    readings = erkannt(tmp_path, "nachtrag", _trier_land())
    assert [werte(r) for r in readings] == [
        ([alt] + ([plus] if plus else []), alt + (plus or 0)) for alt, plus in TRIER_LAND.values()
    ]
    assert readings[0].zeichen == "13.567.589\u00a0€ unverändert"
    label = "der Gesamtbetrag der Aufwendungen auf"
    falsch = TRIER_LAND[label][0] + 9  # nunmehr typed 9 € off, both changes a dash
    code, report, _ = check(capsys, write(tmp_path, "a.md", _trier_land({label: falsch})))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 3 and Fraction(slip["werte"]["nachgerechnet"]) == TRIER_LAND[label][0]


def test_a_saldo_under_rows_with_dashes_is_read(tmp_path, capsys):
    ertraege, aufwendungen = (
        TRIER_LAND["der Gesamtbetrag der Erträge auf"][0],
        TRIER_LAND["der Gesamtbetrag der Aufwendungen auf"][0],
    )
    saldo = ertraege - aufwendungen
    assert saldo == 71
    head_and_rows = "".join(_trier_land().splitlines(keepends=True)[:3])
    for typed, code_expected in ((saldo, 0), (saldo + 10, 1)):
        text = (
            head_and_rows
            + f"| Jahresüberschuss/ Jahresfehlbetrag | {zahl(typed, 0)}€ | - € | - € | {zahl(typed, 0)}€ |\n"
        )
        code, report, _ = check(capsys, write(tmp_path, "a.md", text))
        saldi = [b for b in report["befunde"] if b["zeile"] == 4 and b["art"] != "nachtrag"]
        assert code == code_expected and saldi
        assert all(Fraction(b["werte"]["nachgerechnet"]) == saldo for b in saldi)


# a Nachtragssatzung as a text file sets it (set 12's paper 01, NRW): the head's columns set apart by spaces, the last
# one „neu festgesetzt“ (no „nunmehr“, no „auf“), the unit on a line of its own, plain figures
KERPENAU = {  # label: bisher, erhöht um, vermindert um
    "Gesamtbetrag der Erträge": (Fraction(28_417_350), Fraction(612_400), Fraction(85_000)),
    "Einzahlungen aus Investitionstätigkeit": (Fraction(3_118_000), Fraction(1_245_000), Fraction(37_500)),
    "Auszahlungen aus Finanzierungstätigkeit": (Fraction(615_000), Fraction(0), Fraction(12_000)),
}


def _kerpenau(neu: dict[str, Fraction]) -> str:
    text = "§ 1\nMit dem Nachtragshaushaltsplan werden\n\n"
    text += " " * 46 + "bisher festgesetzt         erhöht um     vermindert um   neu festgesetzt\n"
    text += " " * 61 + "EUR" + (" " * 15 + "EUR") * 3 + "\n1. im Ergebnisplan\n"
    for label, cells in KERPENAU.items():
        alt, plus, minus = cells
        new = neu.get(label, alt + plus - minus)
        text += label.ljust(46) + "".join(zahl(c, 0).rjust(18) for c in (*cells, new)) + "\n"
    return text + "\nfestgesetzt.\n"


def test_a_head_set_apart_by_spaces_whose_new_column_is_neu_festgesetzt(tmp_path, capsys):
    # before, „neu festgesetzt“ named no column: the head had no new amount and no row was read
    readings = erkannt(tmp_path, "nachtrag", _kerpenau({}))
    assert [werte(r) for r in readings] == [
        ([alt, plus, minus], alt + plus - minus) for alt, plus, minus in KERPENAU.values()
    ]
    label = "Einzahlungen aus Investitionstätigkeit"
    falsch = Fraction(4_375_500)  # the paper's slip: 4.325.500 typed with a 7
    code, report, _ = check(capsys, write(tmp_path, "n.txt", _kerpenau({label: falsch})))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 8
    assert Fraction(slip["werte"]["nachgerechnet"]) == Fraction(3_118_000) + Fraction(1_245_000) - Fraction(37_500)
