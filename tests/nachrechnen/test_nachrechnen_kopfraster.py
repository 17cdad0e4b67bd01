"""A table stored one cell per line whose head names its columns (`kopfraster.py`, issue 60): the head's lines say
how many cells make a row, text cells and figures alike, a total row last. Figures computed here with Fractions."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, write
from tests.referenz.rechnen import euro, zahl

# (Organisationseinheit, Stellenumfang, Entgeltgruppe with its cost, Grund)
STELLEN = [
    ("FB 21 Schulen", Fraction(430, 1000), "EG 2", Fraction(20_683), "Reinigung, künftig Fremdvergabe"),
    ("FB 31 Soziales", Fraction(1), "A 11", Fraction(98_900), "wird nicht nachbesetzt"),
    ("FB 54", Fraction(1), "EG 6", Fraction(55_900), "Zensus, entfällt"),
]


def _tabelle(umfang: Fraction, kosten: Fraction) -> str:
    cells = ["Organisationseinheit", "Stellenumfang", "Entgeltgruppe", "Grund"]
    for name, anteil, gruppe, betrag, grund in STELLEN:
        cells += [name, zahl(anteil, 3), f"{gruppe} ({euro(betrag)})", grund]
    cells += ["Gesamt", zahl(umfang, 3), euro(kosten), " "]
    return "Folgende Stellen fallen weg:\n\n" + "\n\n".join(cells) + "\n\nDer Stellenplan wird beschlossen.\n"


def _summen() -> tuple[Fraction, Fraction]:
    return sum(s[1] for s in STELLEN), sum(s[3] for s in STELLEN)


def test_the_total_row_of_a_table_read_by_its_head(capsys, tmp_path):
    umfang, kosten = _summen()
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _tabelle(umfang, kosten)))
    assert code == 0
    # head on lines 3–9, three rows of four cells (lines 11–33), „Gesamt“ on 35, its cells on 37 and 39
    assert [(b["zeile"], b["getippt"], b["status"]) for b in report["befunde"]] == [
        (37, zahl(umfang, 3), "stimmt"),
        (39, euro(kosten), "stimmt"),
    ]
    assert report["nicht_geprueft"] == []


def test_a_slip_in_the_total_row_is_found(capsys, tmp_path):
    umfang, kosten = _summen()
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _tabelle(umfang, kosten + 100)))
    assert code == 1
    assert [(b["zeile"], b["getippt"], b["nachgerechnet"]) for b in by_status(report, "Fehler")] == [
        (39, euro(kosten + 100), euro(kosten))
    ]


def test_short_lines_over_prose_are_no_head(capsys, tmp_path):
    text = (
        "Sachverhalt\n\nBegründung\n\nDer Rat hat am 3. Mai beschlossen, 12.000 € bereitzustellen.\n\n"
        "Finanzierung\n\nDie Kosten von 4.000 € trägt der Kreis.\n"
    )
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0 and report["befunde"] == []


def test_a_column_that_holds_text_in_one_row_ends_the_table(capsys, tmp_path):
    umfang, kosten = _summen()
    text = _tabelle(umfang, kosten).replace(zahl(STELLEN[2][1], 3), "eine Stelle", 1)
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0 and by_status(report, "Fehler") == []


# --- a title above the head, and totals of groups („Summe Beamte“, „Summe Beschäftigte“, „Gesamt“) ----------------

GRUPPEN = {
    "Beamte": [("A 13", Fraction(2), Fraction(2)), ("A 12", Fraction(7, 2), Fraction(4))],
    "Beschäftigte": [("EG 9", Fraction(10), Fraction(23, 2)), ("EG 8", Fraction(17, 4), Fraction(17, 4))],
}


def _stellenplan(gesamt_2024: Fraction) -> list[list[str]]:
    rows = [["Besoldungsgruppe", "Stellen 2023", "Stellen 2024"]]
    for gruppe, stellen in GRUPPEN.items():
        rows += [[name, zahl(a, 2), zahl(b, 2)] for name, a, b in stellen]
        rows.append([f"Summe {gruppe}", zahl(sum(s[1] for s in stellen), 2), zahl(sum(s[2] for s in stellen), 2)])
    alle = [s for stellen in GRUPPEN.values() for s in stellen]
    rows.append(["Gesamt", zahl(sum(s[1] for s in alle), 2), zahl(gesamt_2024, 2)])
    return rows


def _gesamt() -> tuple[Fraction, Fraction]:
    alle = [s for stellen in GRUPPEN.values() for s in stellen]
    return sum(s[1] for s in alle), sum(s[2] for s in alle)


def test_a_grand_total_under_totals_of_groups_in_a_pipe_table(capsys, tmp_path):
    text = "Stellenplan 2024\n" + "".join(f"| {' | '.join(r)} |\n" for r in _stellenplan(_gesamt()[1]))
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0 and by_status(report, "Fehler") == []
    on_gesamt = {b["getippt"] for b in by_status(report, "stimmt") if b["zeile"] == 9}
    assert on_gesamt == {zahl(_gesamt()[0], 2), zahl(_gesamt()[1], 2)}
    assert report["nicht_geprueft"] == []


def test_a_slip_in_a_grand_total_under_totals_of_groups_stored_one_cell_per_line(capsys, tmp_path):
    typed = _gesamt()[1] + 1
    cells = [c for r in _stellenplan(typed) for c in r]
    text = "Stellenplan 2024\n\n" + "\n\n".join(cells) + "\n\nDer Stellenplan wird beschlossen.\n"
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 1
    # title, three head lines, eight rows of three cells, a blank line after each: the last cell is line 49
    assert [(b["zeile"], b["getippt"], b["nachgerechnet"]) for b in by_status(report, "Fehler")] == [
        (49, zahl(typed, 2), zahl(_gesamt()[1], 2))
    ]


def test_rows_of_a_haushaltssatzung_that_each_name_a_gesamtbetrag_are_no_totals_of_groups(capsys, tmp_path):
    text = (
        "| der Gesamtbetrag der Erträge auf | 1.000 € |\n| der Gesamtbetrag der Aufwendungen auf | 1.200 € |\n"
        "| Summe | 9.999 € |\n"
    )
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0 and by_status(report, "Fehler") == []


# --- a head that names only the columns of figures: a Nachtrag stored one cell per line ----------------------------

# (bisher, erhöht um, vermindert um) of Erträge and Aufwendungen
ERTRAEGE = (Fraction(530_045_954), Fraction(0), Fraction(920_000))
AUFWAND = (Fraction(520_831_461), Fraction(0), Fraction(4_252_042))


def _nunmehr(zeile: tuple[Fraction, Fraction, Fraction]) -> Fraction:
    alt, plus, minus = zeile
    return alt + plus - minus


def _nachtrag(neu_aufwand: Fraction) -> str:
    cells = ["gegenüber bisher", "erhöht um", "vermindert um", "nunmehr festgesetzt auf"]
    for label, (alt, plus, minus), neu in (
        ("die Erträge", ERTRAEGE, _nunmehr(ERTRAEGE)),
        ("die Aufwendungen", AUFWAND, neu_aufwand),
    ):
        cells += [label, zahl(alt), zahl(plus), zahl(minus), zahl(neu)]
    return "Mit dem Nachtragshaushaltsplan werden festgesetzt:\n\n" + "\n\n".join(cells) + "\n\n§ 2\n"


def test_a_nachtrag_whose_head_names_only_the_columns_of_figures(capsys, tmp_path):
    neu = _nunmehr(AUFWAND)
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _nachtrag(neu)))
    assert code == 0
    # head on lines 3–9; the rows' labels on 11 and 21, their new amounts on 19 and 29
    assert [(b["art"], b["zeile"], b["getippt"], b["status"]) for b in report["befunde"]] == [
        ("nachtrag", 19, zahl(_nunmehr(ERTRAEGE)), "stimmt"),
        ("nachtrag", 29, zahl(neu), "stimmt"),
    ]


def test_a_slip_in_a_nachtrag_stored_one_cell_per_line(capsys, tmp_path):
    neu = _nunmehr(AUFWAND)
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _nachtrag(neu + 10_000)))
    assert code == 1
    assert [(b["zeile"], b["getippt"], b["nachgerechnet"]) for b in by_status(report, "Fehler")] == [
        (29, zahl(neu + 10_000), zahl(neu))
    ]


# (Bezeichnung, Ansatz, Ergebnis); Abweichung = Ergebnis − Ansatz; one label wrapped over two lines
KOSTENARTEN = [
    (("Personalaufwendungen",), Fraction(1_254_300), Fraction(1_198_750)),
    (("Sach-", "und Dienstleistungen"), Fraction(431_200), Fraction(467_900)),
    (("Transferaufwendungen",), Fraction(88_000), Fraction(79_450)),
]


def _umgebrochen(summe_ergebnis: Fraction, wrap_gap: str = "\n\n") -> str:
    """A head of four columns, a blank line between cells; the wrapped label's lines `wrap_gap` apart."""
    cells = ["Bezeichnung", "Ansatz", "Ergebnis", "Abweichung"]
    for label, ansatz, ergebnis in KOSTENARTEN:
        cells += [wrap_gap.join(label), zahl(ansatz), zahl(ergebnis), zahl(ergebnis - ansatz)]
    ansatz = sum(a for _, a, _ in KOSTENARTEN)
    ergebnis = sum(e for _, _, e in KOSTENARTEN)
    cells += ["Summe", zahl(ansatz), zahl(summe_ergebnis), zahl(ergebnis - ansatz)]
    return "\n\n".join(cells) + "\n"


def test_a_label_wrapped_with_a_hyphen_stays_one_cell_of_its_row(capsys, tmp_path):
    ergebnis = sum(e for _, _, e in KOSTENARTEN)  # 1.746.100
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _umgebrochen(ergebnis)))
    assert code == 0 and by_status(report, "Fehler") == []
    stimmt = {b["getippt"] for b in by_status(report, "stimmt")}
    # the column types a fall with its minus: 79.450 − 88.000 = −8.550 is compared, and shown, with its sign
    assert {zahl(ergebnis), zahl(sum(a for _, a, _ in KOSTENARTEN)), zahl(Fraction(79_450 - 88_000))} <= stimmt


def test_a_label_wrapped_closer_than_the_cells_stays_one_cell_and_a_slip_below_is_found(capsys, tmp_path):
    ergebnis = sum(e for _, _, e in KOSTENARTEN)
    typed = ergebnis + 1_000
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _umgebrochen(typed, wrap_gap="\n")))
    assert code == 1
    assert [(b["getippt"], b["nachgerechnet"]) for b in by_status(report, "Fehler")] == [(zahl(typed), zahl(ergebnis))]


# an Abfallgebühr's yields by bin, as a council information system stores the table (set 12's paper 19,
# Niedersachsen): one cell a line, and the total row's fee column left with a dash
BEHAELTER = {  # bins, fee a year
    "60 Liter": (18_420, Fraction(9_840, 100)),
    "80 Liter": (21_370, Fraction(12_120, 100)),
    "120 Liter": (15_860, Fraction(16_860, 100)),
    "240 Liter": (6_215, Fraction(31_200, 100)),
    "1.100 Liter": (842, Fraction(135_600, 100)),
}


def _aufkommen(summe: Fraction) -> str:
    cells = ["Behälter", "Anzahl", "Gebühr je Jahr (Euro)", "Aufkommen (Euro)"]
    for name, (anzahl, gebuehr) in BEHAELTER.items():
        cells += [name, zahl(anzahl, 0), zahl(gebuehr, 2), zahl(anzahl * gebuehr, 0)]
    cells += ["Summe", zahl(sum(a for a, _ in BEHAELTER.values()), 0), "–", zahl(summe, 0)]
    return "Tabelle 2: Gebührenaufkommen\n" + "\n".join(cells) + "\n\nDie Gebühren steigen.\n"


def test_a_dash_in_the_total_row_is_an_empty_cell_and_the_column_sums_are_read(tmp_path, capsys):
    # before, the dash under the fee column was a cell of text: the table ended above the total row, unread
    right = sum(a * g for a, g in BEHAELTER.values())
    code, report, _ = check(capsys, write(tmp_path, "r.txt", _aufkommen(right)))
    assert code == 0 and any(Fraction(b["werte"]["getippt"]) == right for b in by_status(report, "stimmt"))
    falsch = right - 6_215 * Fraction(31_200, 100)  # the paper's slip: the 240-litre bins left out
    code, report, _ = check(capsys, write(tmp_path, "f.txt", _aufkommen(falsch)))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and Fraction(slip["werte"]["nachgerechnet"]) == right
