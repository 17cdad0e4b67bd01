"""Tables a council information system stored one cell per line (`faltung.py`, issue 60): the label on a line, each
cell on a line of its own, blank lines between – read as the same table typed with cells. Figures computed here
with Fractions; each finding stands on the line of its own figure."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, write
from tests.referenz.rechnen import zahl

PLAN = {"Personal": Fraction(120_000), "Sachkosten": Fraction(45_000)}
IST = {"Personal": Fraction(118_500), "Sachkosten": Fraction(47_250)}


def _zellen(*cells: str) -> str:
    """One cell a line, a blank line between, as the page stores it."""
    return "\n\n".join(cells) + "\n"


def _kosten(ist_summe: Fraction) -> str:
    rows = [c for name in PLAN for c in (name, zahl(PLAN[name]), zahl(IST[name]))]
    return _zellen("Kosten in €", "Position", "Plan", "Ist", *rows, "Summe", zahl(sum(PLAN.values())), zahl(ist_summe))


def test_a_column_sum_of_a_table_stored_one_cell_per_line_is_recomputed(capsys, tmp_path):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _kosten(sum(IST.values()))))
    assert code == 0
    # 4 head lines and 2 rows of 3 cells, a blank line after each: „Summe“ is line 21, its cells 23 and 25
    assert [(b["zeile"], b["getippt"], b["status"]) for b in report["befunde"]] == [
        (23, zahl(sum(PLAN.values())), "stimmt"),
        (25, zahl(sum(IST.values())), "stimmt"),
    ]
    assert report["nicht_geprueft"] == []


def test_a_slip_in_such_a_column_sum_is_found_on_its_line(capsys, tmp_path):
    typed = sum(IST.values()) + 1000
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _kosten(typed)))
    assert code == 1
    assert [(b["zeile"], b["getippt"], b["nachgerechnet"]) for b in by_status(report, "Fehler")] == [
        (25, zahl(typed), zahl(sum(IST.values())))
    ]


def test_an_empty_cell_is_read_from_one_blank_line_more(capsys, tmp_path):
    zuschuss = Fraction(9_000)  # no plan: the cell is empty, three blank lines instead of one
    text = (
        _zellen("Kosten in €", "Position", "Plan", "Ist", "Personal", zahl(PLAN["Personal"]), zahl(IST["Personal"]))
        + "\n"
        + "Zuschuss\n\n\n\n"
        + _zellen(zahl(zuschuss), "Summe", zahl(PLAN["Personal"]), zahl(IST["Personal"] + zuschuss))
    )
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0 and by_status(report, "Fehler") == []
    assert {b["getippt"] for b in by_status(report, "stimmt")} == {zahl(IST["Personal"] + zuschuss)}


# (erhöht um, vermindert um, bisher) per row; the Saldo's change is the net of the changes above
EINZAHLUNGEN = (Fraction(0), Fraction(0), Fraction(1_289_276))
AUSZAHLUNGEN = (Fraction(19_017_000), Fraction(0), Fraction(11_369_188))


def _aenderung(zeile: tuple[Fraction, Fraction, Fraction]) -> Fraction:
    plus, minus, _ = zeile
    return plus - minus


def _neu(zeile: tuple[Fraction, Fraction, Fraction]) -> Fraction:
    _, _, alt = zeile
    return alt + _aenderung(zeile)


def _bisher(zeile: tuple[Fraction, Fraction, Fraction]) -> Fraction:
    return zeile[2]


def _nachtrag(saldo_neu: Fraction | None = None) -> str:
    def row(label: str, plus: Fraction, minus: Fraction, alt: Fraction, neu: Fraction | None = None) -> list[str]:
        return [label, zahl(plus), zahl(minus), zahl(alt), zahl(alt + plus - minus if neu is None else neu)]

    alt = _bisher(EINZAHLUNGEN) - _bisher(AUSZAHLUNGEN)
    net = _aenderung(EINZAHLUNGEN) - _aenderung(AUSZAHLUNGEN)
    assert net < 0  # the Saldo falls: its change stands in „vermindert um“
    head = ["Mit dem Nachtragshaushaltsplan werden", "erhöht um", "vermindert um", "gegenüber bisher"]
    return _zellen(
        *head,
        "nunmehr festgesetzt auf",
        "aus Investitionstätigkeit",
        *row("die Einzahlungen", *EINZAHLUNGEN),
        *row("die Auszahlungen", *AUSZAHLUNGEN),
        *row("der Saldo", Fraction(0), -net, alt, saldo_neu),
        "§ 2",
    )


def test_a_nachtrag_table_stored_one_cell_per_line(capsys, tmp_path):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _nachtrag()))
    assert code == 0 and by_status(report, "Fehler") == []
    neu = _neu(EINZAHLUNGEN) - _neu(AUSZAHLUNGEN)
    # the Saldo row: label on line 33, its cells on 35, 37, 39, 41
    on_saldo = {(b["zeile"], b["getippt"]) for b in by_status(report, "stimmt") if b["zeile"] >= 35}
    assert (37, zahl(AUSZAHLUNGEN[0])) in on_saldo  # its change: the net of the changes above
    assert (
        39,
        zahl(_bisher(EINZAHLUNGEN) - _bisher(AUSZAHLUNGEN)),
    ) in on_saldo  # bisher: Einzahlungen less Auszahlungen
    assert (41, zahl(neu)) in on_saldo
    assert report["nicht_geprueft"] == []


def test_a_slip_in_a_nachtrag_table_stored_one_cell_per_line(capsys, tmp_path):
    neu = _neu(EINZAHLUNGEN) - _neu(AUSZAHLUNGEN)
    typed = -neu  # the sign lost
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _nachtrag(typed)))
    assert code == 1
    slips = {(b["zeile"], b["getippt"], b["nachgerechnet"]) for b in by_status(report, "Fehler")}
    assert slips and {s[0] for s in slips} == {41}
    assert all(s[1] == zahl(typed) and s[2] == zahl(neu) for s in slips)


def test_lines_of_one_figure_under_labels_that_are_no_table_are_left_alone(capsys, tmp_path):
    text = _zellen("Antrag vom", "12.000 €", "Zusage", "3.000 €", "4.000 €", "Rest offen", "1.500 €")
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0 and report["befunde"] == []


def test_a_head_stored_one_cell_per_line_names_the_columns_of_the_rows_below(capsys, tmp_path):
    rows = {"Verwaltung": (Fraction(100), Fraction(10_250, 100)), "Bauhof": (Fraction(20), Fraction(1_850, 100))}
    cells = [c for name, (a, b) in rows.items() for c in (name, zahl(a, 2), zahl(b, 2), zahl(b - a, 2))]
    text = _zellen("Bereich", "Stellen 2022", "Stellen 2023", "Veränderung", *cells, "Der Stellenplan gilt ab 2023.")
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0
    # the change of each row is its last cell: lines 15 and 23 (compared as amounts: vergleich.py)
    assert [(b["zeile"], b["getippt"], b["status"]) for b in report["befunde"]] == [
        (15, zahl(abs(rows["Verwaltung"][1] - rows["Verwaltung"][0]), 2), "stimmt"),
        (23, zahl(abs(rows["Bauhof"][1] - rows["Bauhof"][0]), 2), "stimmt"),
    ]


# --- one column of figures: a Haushaltssatzung's label on one line, its amount on the next -------------------------

ERTRAEGE, AUFWENDUNGEN = Fraction(441_649), Fraction(427_579)


def _satzung(ueberschuss: Fraction) -> str:
    return _zellen(
        "1. im Ergebnishaushalt",
        "der Gesamtbetrag der Erträge auf",
        f"{zahl(ERTRAEGE)} EUR",
        "der Gesamtbetrag der Aufwendungen auf",
        f"{zahl(AUFWENDUNGEN)} EUR",
        "der Jahresüberschuss auf",
        f"{zahl(ueberschuss)} EUR",
    )


def test_a_saldo_in_one_column_stored_one_cell_per_line(capsys, tmp_path):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _satzung(ERTRAEGE - AUFWENDUNGEN)))
    assert code == 0
    assert [(b["art"], b["zeile"], b["getippt"], b["status"]) for b in report["befunde"]] == [
        ("saldo", 13, f"{zahl(ERTRAEGE - AUFWENDUNGEN)}\u00a0€", "stimmt")
    ]
    code, report, _ = check(capsys, write(tmp_path, "b.txt", _satzung(ERTRAEGE - AUFWENDUNGEN + 100)))
    assert code == 1
    assert [(b["zeile"], b["nachgerechnet"]) for b in by_status(report, "Fehler")] == [
        (13, f"{zahl(ERTRAEGE - AUFWENDUNGEN)}\u00a0€")
    ]


def test_two_lines_of_text_each_over_an_amount_are_no_table(capsys, tmp_path):
    text = _zellen("Zuschuss des Landes", "12.000 €", "Zuschuss des Kreises", "3.000 €", "Die Beträge sind vorläufig.")
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0 and report["befunde"] == []


def test_cells_of_a_table_stored_one_cell_per_line_that_no_calculation_uses_are_listed(capsys, tmp_path):
    stellen = {"Verwaltung": ("10,5", "11,0"), "Bauhof": ("4,0", "4,0")}
    cells = [c for name, (a, b) in stellen.items() for c in (name, a, b)]
    code, report, _ = check(
        capsys, write(tmp_path, "a.txt", _zellen("Bereich", "2023", "2024", *cells, "Der Plan gilt."))
    )
    assert code == 0 and report["befunde"] == []
    assert [(f["zeile"], f["zahl"]) for f in report["nicht_geprueft"]] == [
        (9, "10,5"),
        (11, "11,0"),
        (15, "4,0"),
        (17, "4,0"),
    ]


# A kameral Jahresrechnung stored one cell per line (k05 of the corpus's Zusatz, Bad Kohlgrub 2017): the head's
# words one a line, then per row its label and three cells; „./.“ opens a row that is taken off.
SOLL = (Fraction("6362107.37"), Fraction("2253829.20"), Fraction("8615936.57"))


def _jahresrechnung(abgang: tuple[str, str, str]) -> str:
    def cells(values) -> list[str]:
        return [v if isinstance(v, str) else zahl(v, 2) for v in values]

    abzug = [Fraction(a.replace(".", "").replace(",", ".")) for a in abgang]
    bereinigt = [s - a for s, a in zip(SOLL, abzug, strict=True)]
    head = ["Verwaltungs-haushalt", "Vermögens-", "haushalt", "Gesamt-", "haushalt", "Ausgaben", "", "", ""]
    rows = ["Sollausgaben (=Anordnungssoll)", *cells(SOLL), "./. Abgang alter Kassenausgabereste", *abgang]
    return "\n".join([*head, *rows, "Summe bereinigte Sollausgaben", *cells(bereinigt)]) + "\n"


def _befunde(report: dict, *zeilen: int) -> list[tuple]:
    """The column sums on those lines (the head's „Gesamt-haushalt“ adds a row sum to each row: gesamtspalte.py)."""
    return [
        (b["zeile"], b["status"], b["nachgerechnet"])
        for b in report["befunde"]
        if b["zeile"] in zeilen and b["art"] == "spaltensumme"
    ]


def test_a_row_opened_by_a_deduction_sign_over_its_cells_is_taken_off(capsys, tmp_path):
    code, report, _ = check(capsys, write(tmp_path, "j.txt", _jahresrechnung(("708,00", "15.033,08", "15.741,08"))))
    abzug = (Fraction(708), Fraction("15033.08"), Fraction("15741.08"))
    bereinigt = [s - a for s, a in zip(SOLL, abzug, strict=True)]
    assert code == 0
    # nine lines of head, a label and three cells per row: the total's cells are lines 19 to 21
    assert _befunde(report, 19, 20, 21) == [(19 + i, "stimmt", zahl(b, 2)) for i, b in enumerate(bereinigt)]


def test_a_negative_amount_in_a_row_taken_off_is_read_both_ways(capsys, tmp_path):
    """„./. Abgang … | -708,00“: the page's total adds the 708 (minus a minus) – a reading, not a slip; where neither
    way gives the total, it is „nicht eindeutig“, never a Fehler."""
    text = _jahresrechnung(("-708,00", "15.033,08", "14.325,08"))
    code, report, _ = check(capsys, write(tmp_path, "j.txt", text))
    assert code == 0 and _befunde(report, 19)[0][1] == "stimmt"
    # the total written as if the 708 were taken off: SOLL − 708 − 708 is neither way
    text = text.replace(zahl(SOLL[0] + 708, 2), zahl(SOLL[0] - 2 * 708, 2))
    code, report, _ = check(capsys, write(tmp_path, "k.txt", text))
    assert [b["status"] for b in report["befunde"] if b["zeile"] == 19] == ["nicht eindeutig"]
    (zweifel,) = [b for b in report["befunde"] if b["zeile"] == 19]
    assert zweifel["hinweis"] == (
        "„-708,00“ steht mit Minus in einer Zeile, die abzieht: ob der Betrag abgezogen oder (minus minus) zugezählt "
        "wird, ist offen"
    )


# A Stellenplan's summary as a page stores it (s01 of the corpus's Zusatz, Markt Schwaben 2025): a head „2025 |
# 2024 | +/-“, each row numbered on a line of its own („1.“, „a)“), full-time equivalents without a unit, a dash
# where nothing changed, a group heading without cells, and the last row „Gesamtzahl Stellen“.
STELLEN = {  # (2025, 2024)
    "Beamtinnen/Beamte": (Fraction(423, 100), Fraction(423, 100)),
    "Verwaltung": (Fraction(5214, 100), Fraction(5464, 100)),
    "Bauhof": (Fraction(3451, 100), Fraction(3451, 100)),
    "Reinigung": (Fraction(626, 100), Fraction(609, 100)),
    "Kindertagesstätten": (Fraction(1392, 100), Fraction(1359, 100)),
}


def _stellen(gesamt_2024: Fraction) -> str:
    def cells(name: str, nummer: str) -> list[str]:
        neu, alt = STELLEN[name]
        change = "-" if neu == alt else ("+ " if neu > alt else "- ") + zahl(abs(neu - alt), 2)
        return [nummer, name, zahl(neu, 2), zahl(alt, 2), change]

    names = list(STELLEN)
    neu, alt = (sum(v[i] for v in STELLEN.values()) for i in (0, 1))
    rows = cells(names[0], "1.") + ["2.", "Tariflich Beschäftigte", " ", " ", " "]
    for nummer, name in zip("abcd", names[1:], strict=True):
        rows += [f"{nummer})", *cells(name, "")[1:]]
    total = ["Gesamtzahl Stellen", zahl(neu, 2), zahl(gesamt_2024, 2), "- " + zahl(abs(neu - alt), 2)]
    return "Stellen in Vollzeitäquivalenten\n\n" + "\n".join(["2025", "2024", "+/-", *rows, *total]) + "\n"


def test_a_stellenplan_stored_one_cell_per_line_with_numbered_rows_and_dashes(capsys, tmp_path):
    neu, alt = (sum(v[i] for v in STELLEN.values()) for i in (0, 1))
    assert (neu, alt) == (Fraction(11106, 100), Fraction(11306, 100))
    code, report, _ = check(capsys, write(tmp_path, "s.txt", _stellen(alt)))
    assert code == 0 and by_status(report, "Fehler") == []
    found = {(b["getippt"], b["nachgerechnet"]) for b in by_status(report, "stimmt")}
    # both columns summed under „Gesamtzahl Stellen“, the +/- column too, and each change worked out in its row
    assert {(zahl(neu, 2), zahl(neu, 2)), (zahl(alt, 2), zahl(alt, 2))} <= found
    changes = {zahl(abs(n - a), 2) for n, a in STELLEN.values() if n != a}
    assert changes <= {getippt.lstrip("−") for getippt, _ in found}
    # every figure takes part; the numbers of the rows („1.“, „2.“) are no figures of the table
    assert report["nicht_geprueft"] == []


def test_a_slip_in_the_total_of_such_a_stellenplan_is_pointed_at(capsys, tmp_path):
    """Half a post too many in the 2024 total: the group heading „Tariflich Beschäftigte“ leaves open whether the row
    above it counts, so the total is „nicht eindeutig“ – at its line, with the rows below the heading as read."""
    alt = sum(v[1] for v in STELLEN.values())
    code, report, _ = check(capsys, write(tmp_path, "s.txt", _stellen(alt + Fraction(1, 2))))
    assert by_status(report, "Fehler") == []
    (zweifel,) = by_status(report, "nicht eindeutig")
    below_heading = alt - STELLEN["Beamtinnen/Beamte"][1]
    assert (zweifel["getippt"], zweifel["nachgerechnet"]) == (zahl(alt + Fraction(1, 2), 2), zahl(below_heading, 2))
    assert "Tariflich Beschäftigte" in zweifel["hinweis"] and zweifel["zeile"] == 38


# a Kostenberechnung by DIN 276 per year in T€, each row led by its Kostengruppe's number (set 7 of issue 60)
GRUPPEN = {
    "200 Vorbereitende Maßnahmen": (Fraction(142, 10), Fraction(42, 10)),
    "300 Bauwerk - Baukonstruktionen": (Fraction(2489, 10), Fraction(1637, 10)),
    "400 Bauwerk - Technische Anlagen": (Fraction(615, 10), Fraction(348, 10)),
}


def _din276(slip: Fraction = Fraction(0)) -> str:
    lines = ["Die Kostenberechnung verteilt sich so (netto, in T€):", "Kostengruppe", "2025", "2026", "gesamt"]
    for name, (a, b) in GRUPPEN.items():
        lines += [name, zahl(a, 1), zahl(b, 1), zahl(a + b, 1)]
    a_sum, b_sum = (sum(v[i] for v in GRUPPEN.values()) for i in (0, 1))
    lines += ["Summe", zahl(a_sum, 1), zahl(b_sum + slip, 1), zahl(a_sum + b_sum, 1)]
    return "\n".join(lines) + "\n"


def test_rows_led_by_the_number_of_their_group_are_rows_of_the_table(capsys, tmp_path):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _din276()))
    stimmt = by_status(report, "stimmt")
    # each row's „gesamt“ (lines 9, 13, 17) and the Summe row's three cells (19, 20, 21)
    assert code == 0 and {b["zeile"] for b in stimmt} >= {9, 13, 17, 19, 20, 21}
    code, report, _ = check(capsys, write(tmp_path, "b.txt", _din276(slip=Fraction(-63))))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 20
    assert Fraction(fehler["werte"]["nachgerechnet"]) == sum(v[1] for v in GRUPPEN.values())


AKTIVA = {
    "Anlagevermögen": (Fraction(4861230417, 100), Fraction(4698561192, 100)),
    "Umlaufvermögen": (Fraction(341822640, 100), Fraction(410251877, 100)),
    "Aktive Rechnungsabgrenzung": (Fraction(21248000, 100), Fraction(19833555, 100)),
}


def _bilanz(slip: Fraction = Fraction(0)) -> str:
    lines = ["Aktiva (in €)", "Bilanzposten", "31.12.2023", "31.12.2022"]
    for name, (neu, alt) in AKTIVA.items():
        lines += [name, zahl(neu, 2), zahl(alt, 2)]
    neu, alt = (sum(v[i] for v in AKTIVA.values()) for i in (0, 1))
    lines += ["Bilanzsumme", zahl(neu + slip, 2), zahl(alt, 2)]
    return "\n".join(lines) + "\n"


def test_a_row_bilanzsumme_is_the_total_of_the_rows_above(capsys, tmp_path):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _bilanz()))
    assert code == 0 and {b["zeile"] for b in by_status(report, "stimmt")} == {15, 16}
    code, report, _ = check(capsys, write(tmp_path, "b.txt", _bilanz(slip=Fraction(9000))))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 15
    assert Fraction(fehler["werte"]["nachgerechnet"]) == sum(v[0] for v in AKTIVA.values())


def test_bilanzsumme_inside_a_row_that_opens_otherwise_makes_no_total(capsys, tmp_path):
    # a table of slips whose row names a Bilanzsumme in its second cell: no total of the numbers above
    text = (
        "| Nr. | Rechnung, wie getippt | richtig |\n| --- | --- | --- |\n"
        "| 15 | Stellenzuwachs 269,4 − 264,52 = 3,88 | 4,88 |\n| 15 | Stellenzuwachs 267,90 − 264,52 = 2,38 | 3,38 |\n"
        "| 16 | Bilanzsumme (Aktivseite) 9.604.752,51 + 351.188,00 + 5.847,23 = 9.985.036,74 | 9.961.787,74 |\n"
    )
    code, report, _ = check(capsys, write(tmp_path, "c.txt", text))
    assert [b for b in by_status(report, "Fehler") if b["art"] == "spaltensumme"] == []
