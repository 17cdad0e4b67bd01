"""erkennen/mengenpreis.py for itself: the table a new user types for a purchase – „Menge | Einzelpreis |
Gesamtpreis“, a Summe netto, 19 % MwSt., a Summe brutto –, staff costs as VZÄ times a Kostensatz, a price per kWh
with four places: in each row the amount right of a count and a price is their product. Every expected value is
worked out here with Fraction; the hostile cases are tables whose last column is no product (gross amounts, two
counts alike, plan years) and the false alarm this round found: a head „Gesamt in €“ over cells without „€“ made
each row's product a sum of the row (FEHLER on every row)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import rund, zahl

CENT = Fraction(1, 100)
MOEBEL = [  # Gegenstand, Menge, Einzelpreis
    ("Stühle", 120, Fraction(85)),
    ("Tische", 30, Fraction(240)),
    ("Stehtische", 8, Fraction(12_950, 100)),
    ("Bühnenpodest", 1, Fraction(2_450)),
]
MWST = Fraction(19, 100)
KOPF = "| Position | Menge | Einzelpreis | Gesamtpreis |\n| --- | --- | --- | --- |\n"


def _eur(value: Fraction) -> str:
    return zahl(value, 2) + " €"


def _einkauf(gesamt: dict[int, Fraction] | None = None, kopf: str = KOPF, einheit: bool = True) -> str:
    """The purchase table with its three total rows; `gesamt` replaces the product of a row (by index)."""
    eur = _eur if einheit else (lambda v: zahl(v, 2))
    rows, netto = [], Fraction(0)
    for index, (name, menge, preis) in enumerate(MOEBEL):
        richtig = menge * preis
        netto += richtig
        typed = (gesamt or {}).get(index, richtig)
        rows.append(f"| {name} | {menge} | {eur(preis)} | {eur(typed)} |\n")
    steuer = rund(netto * MWST, CENT)
    summen = f"| Summe netto | | | {eur(netto)} |\n| zzgl. 19 % MwSt. | | | {eur(steuer)} |\n"
    summen += f"| Summe brutto | | | {eur(netto + steuer)} |\n"
    return "# Beschaffung von Mobiliar\n\nFür den Saal werden beschafft:\n\n" + kopf + "".join(rows) + summen


def _statuses(report: dict) -> dict[int, str]:
    return {b["zeile"]: b["status"] for b in report["befunde"]}


def test_every_row_of_a_purchase_is_its_count_times_its_price(tmp_path, capsys):
    readings = erkannt(tmp_path, "mengenpreis", _einkauf())
    assert [werte(r) for r in readings] == [([Fraction(m), p], m * p) for _, m, p in MOEBEL]
    assert all(
        r.sicher and r.art == "Menge mal Preis je Einheit in der Zeile (wie der Kopf der Tabelle sagt)"
        for r in readings
    )
    code, report, _ = check(capsys, write(tmp_path, "a.md", _einkauf()))
    assert code == 0 and by_status(report, "Fehler") == [] and report["nicht_geprueft"] == []


def test_a_row_typed_100_euro_off_is_the_slip_and_the_totals_below_hold(tmp_path, capsys):
    _, menge, preis = MOEBEL[1]
    code, report, _ = check(capsys, write(tmp_path, "a.md", _einkauf({1: menge * preis + 100})))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 8 and slip["rechnung"] == "30 × 240,00\u00a0€"
    assert (Fraction(slip["werte"]["getippt"]), Fraction(slip["werte"]["nachgerechnet"])) == (
        menge * preis + 100,
        menge * preis,
    )
    # the Summe netto was added from the right products: it holds once the row is corrected, and the MwSt. and the
    # Summe brutto built on it are no consequences of a slip (they were Folgefehler of a correction nobody needs)
    statuses = _statuses(report)
    assert statuses[11] == statuses[12] == statuses[13] == "stimmt"
    (netto,) = [b for b in report["befunde"] if b["zeile"] == 11]
    assert netto["hinweis"] == "stimmt, sobald der Fehler in Z. 8 berichtigt ist"
    assert by_status(report, "Folgefehler") == []


def test_cells_without_euro_under_a_head_in_euro_are_products_not_sums_of_the_row(tmp_path, capsys):
    kopf = "| Position | Menge | Einzelpreis in € | Gesamt in € |\n| --- | --- | --- | --- |\n"
    code, report, _ = check(capsys, write(tmp_path, "a.md", _einkauf(kopf=kopf, einheit=False)))
    assert code == 0 and by_status(report, "Fehler") == []
    assert {b["art"] for b in report["befunde"] if b["zeile"] in range(7, 11)} == {"mengenpreis"}
    _, menge, preis = MOEBEL[2]
    code, report, _ = check(capsys, write(tmp_path, "b.md", _einkauf({2: menge * preis - 10}, kopf, False)))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 9 and Fraction(slip["werte"]["nachgerechnet"]) == menge * preis
    assert slip["rechnung"] == "8 × 129,50"


def _ohne_preiswort(mengen: list[tuple[int, Fraction, Fraction]]) -> str:
    kopf = "| Gegenstand | Zahl | Betrag | Summe |\n| --- | --- | --- | --- |\n"
    return kopf + "".join(f"| Los {i + 1} | {m} | {_eur(p)} | {_eur(t)} |\n" for i, (m, p, t) in enumerate(mengen))


LOSE = [(12, Fraction(4_990, 100)), (7, Fraction(1_250)), (25, Fraction(1_875, 100)), (3, Fraction(899))]


def test_without_a_word_for_a_price_three_rows_that_show_it_make_the_fourth_a_slip(tmp_path, capsys):
    falsch = [(m, p, m * p + (1 if i == 2 else 0)) for i, (m, p) in enumerate(LOSE)]
    readings = erkannt(tmp_path, "mengenpreis", _ohne_preiswort(falsch))
    assert all(r.art == "Menge mal Preis je Einheit in der Zeile (so in den anderen Zeilen)" for r in readings)
    code, report, _ = check(capsys, write(tmp_path, "a.md", _ohne_preiswort(falsch)))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 5 and Fraction(slip["werte"]["nachgerechnet"]) == LOSE[2][0] * LOSE[2][1]


def test_without_a_word_for_a_price_two_rows_that_show_it_leave_the_third_a_doubt(tmp_path, capsys):
    falsch = [(m, p, m * p + (1 if i == 2 else 0)) for i, (m, p) in enumerate(LOSE[:3])]
    code, report, _ = check(capsys, write(tmp_path, "a.md", _ohne_preiswort(falsch)))
    assert code == 0 and by_status(report, "Fehler") == []
    (zweifel,) = by_status(report, "nicht eindeutig")
    assert zweifel["zeile"] == 5 and "aus zu wenigen Zeilen erschlossen" in zweifel["hinweis"]
    # one row alone shows nothing without such a word: not read
    assert erkannt(tmp_path, "mengenpreis", _ohne_preiswort(falsch[:1] * 1 + [(1, Fraction(5), Fraction(5))])) == []


STELLEN = [  # Stelle, VZÄ, Kostensatz je VZÄ (KGSt-like rates, typed whole euros)
    ("Sachbearbeitung E 9b", Fraction(25, 10), Fraction(68_400)),
    ("Sachbearbeitung E 8", Fraction(1), Fraction(62_100)),
    ("Assistenz E 6", Fraction(75, 100), Fraction(55_300)),
]


def test_staff_costs_as_vzae_times_a_kostensatz(tmp_path, capsys):
    kopf = "| Stelle | VZÄ | Kostensatz je VZÄ | Personalkosten |\n| --- | --- | --- | --- |\n"
    rows = "".join(f"| {s} | {zahl(v, 2)} | {zahl(k)} € | {zahl(v * k)} € |\n" for s, v, k in STELLEN)
    readings = erkannt(tmp_path, "mengenpreis", kopf + rows)
    assert [werte(r) for r in readings] == [([v, k], v * k) for _, v, k in STELLEN]
    falsch = rows.replace(zahl(STELLEN[2][1] * STELLEN[2][2]) + " €", zahl(STELLEN[2][1] * STELLEN[2][2] + 100) + " €")
    code, report, _ = check(capsys, write(tmp_path, "a.md", kopf + falsch))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 5 and Fraction(slip["werte"]["nachgerechnet"]) == Fraction(41_475)


STROM = [(12_345, Fraction(2_871, 10_000)), (8_020, Fraction(3_015, 10_000)), (640, Fraction(4_120, 10_000))]


def _strom(kosten: list[Fraction]) -> str:
    kopf = "| Zähler | Menge kWh | Preis je kWh | Kosten |\n| --- | --- | --- | --- |\n"
    return kopf + "".join(
        f"| Zähler {i + 1} | {zahl(Fraction(m))} | {zahl(p, 4)} € | {_eur(k)} |\n"
        for i, ((m, p), k) in enumerate(zip(STROM, kosten, strict=True))
    )


def test_a_price_with_four_places_rounds_to_the_cent_and_one_cent_off_is_no_slip(tmp_path, capsys):
    kosten = [rund(m * p, CENT) for m, p in STROM]
    exakt = STROM[0][0] * STROM[0][1]
    assert exakt != kosten[0] and kosten[0] - CENT < exakt  # a rounding indeed, and cut off it is one cent less
    code, report, _ = check(capsys, write(tmp_path, "a.md", _strom(kosten)))
    assert code == 0 and by_status(report, "Fehler") == [] and len(by_status(report, "stimmt")) == 3
    assert by_status(report, "stimmt")[0]["rechnung"] == "12.345 × 0,2871\u00a0€"  # the price as typed, not 0,29 €
    # one cent less: the product cut off, not rounded – a rounding, no slip
    code, report, _ = check(capsys, write(tmp_path, "b.md", _strom([kosten[0] - CENT, *kosten[1:]])))
    (rundung,) = by_status(report, "Rundung")
    assert code == 0 and rundung["zeile"] == 3
    # one cent more: the price may be rounded from a finer one – a doubt, no slip
    code, report, _ = check(capsys, write(tmp_path, "c.md", _strom([kosten[0] + CENT, *kosten[1:]])))
    (zweifel,) = by_status(report, "nicht eindeutig")
    assert code == 0 and zweifel["zeile"] == 3 and "genaueren gerundet" in zweifel["hinweis"]
    code, report, _ = check(capsys, write(tmp_path, "d.md", _strom([kosten[0] + 10, *kosten[1:]])))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 3 and Fraction(slip["werte"]["nachgerechnet"]) == kosten[0]


def test_a_price_left_of_the_count_is_named_count_first(tmp_path):
    kopf = "| Position | Einzelpreis | Menge | Gesamtpreis |\n| --- | --- | --- | --- |\n"
    rows = "".join(f"| {n} | {_eur(p)} | {m} | {_eur(m * p)} |\n" for n, m, p in MOEBEL)
    readings = erkannt(tmp_path, "mengenpreis", kopf + rows)
    assert [r.zeichen for r in readings][0] == "120 × 85,00\u00a0€"


# hostile: tables whose last column is no product


def test_gross_amounts_in_every_row_are_no_product_and_no_slip(tmp_path, capsys):
    rows = "".join(f"| {n} | {m} | {_eur(p)} | {_eur(rund(m * p * (1 + MWST), CENT))} |\n" for n, m, p in MOEBEL)
    text = "| Position | Menge | Einzelpreis netto | Gesamt brutto |\n| --- | --- | --- | --- |\n" + rows
    assert erkannt(tmp_path, "mengenpreis", text) == []
    code, report, _ = check(capsys, write(tmp_path, "a.md", text))
    assert code == 0 and by_status(report, "Fehler") == []


def test_two_counts_alike_leave_open_which_is_meant(tmp_path):
    kopf = "| Position | Menge 2026 | Menge 2027 | Einzelpreis | Gesamtpreis |\n|---|---|---|---|---|\n"
    rows = "".join(f"| {n} | {m} | {m} | {_eur(p)} | {_eur(m * p)} |\n" for n, m, p in MOEBEL)
    assert erkannt(tmp_path, "mengenpreis", kopf + rows) == []


def test_list_numbers_beside_plan_amounts_are_no_counts(tmp_path, capsys):
    text = "| Nr. | Maßnahme | Ansatz 2026 | Ansatz 2027 |\n|---|---|---|---|\n" + "".join(
        f"| {i} | Maßnahme {i} | {_eur(Fraction(1_000 * i))} | {_eur(Fraction(2_000 * i))} |\n" for i in range(1, 5)
    )
    assert erkannt(tmp_path, "mengenpreis", text) == []
    code, report, _ = check(capsys, write(tmp_path, "a.md", text))
    assert code == 0 and by_status(report, "Fehler") == []


def test_a_row_of_a_credit_with_a_minus_is_not_read(tmp_path, capsys):
    text = _einkauf().replace(
        "| Bühnenpodest | 1 | 2.450,00 € | 2.450,00 € |", "| Rückgabe | 2 | 85,00 € | -170,00 € |"
    )
    readings = erkannt(tmp_path, "mengenpreis", text)
    assert [werte(r)[1] for r in readings] == [m * p for _, m, p in MOEBEL[:3]]


# the same table as a council information system, Word, a web page and a PDF give it


def _zeilen(slip: bool) -> list[list[str]]:
    rows = [["Position", "Menge", "Einzelpreis", "Gesamtpreis"]]
    for index, (name, menge, preis) in enumerate(MOEBEL):
        rows.append([name, str(menge), _eur(preis), _eur(menge * preis + (100 if slip and index == 1 else 0))])
    return rows


def _datei(tmp_path, suffix: str, rows: list[list[str]]):
    if suffix == ".ris.txt":  # one cell per line, as the stored pages give it
        return write(tmp_path, "a.txt", "Es werden beschafft:\n\n" + "".join(c + "\n" for r in rows for c in r))
    if suffix == ".docx":
        import docx

        document = docx.Document()
        table = document.add_table(rows=0, cols=4)
        for cells in rows:
            for cell, value in zip(table.add_row().cells, cells, strict=True):
                cell.text = value
        path = tmp_path / "a.docx"
        document.save(path)
        return path
    html = "<table>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows) + "</table>"
    if suffix == ".html":
        return write(tmp_path, "a.html", f"<html><body>{html}</body></html>")
    import weasyprint

    path = tmp_path / "a.pdf"
    css = "td { padding: 1.2mm 2mm }"
    weasyprint.HTML(string=f"<html><head><style>{css}</style></head><body>{html}</body></html>").write_pdf(path)
    return path


@pytest.mark.parametrize("suffix", [".ris.txt", ".docx", ".html", ".pdf"])
def test_the_purchase_in_each_shape_a_paper_comes_in(tmp_path, capsys, suffix):
    code, report, _ = check(capsys, _datei(tmp_path, suffix, _zeilen(slip=False)))
    assert code == 0 and len([b for b in report["befunde"] if b["art"] == "mengenpreis"]) == 4
    code, report, _ = check(capsys, _datei(tmp_path, suffix, _zeilen(slip=True)))
    (slip,) = by_status(report, "Fehler")
    _, menge, preis = MOEBEL[1]
    assert code == 1 and Fraction(slip["werte"]["nachgerechnet"]) == menge * preis


# a space-aligned table whose counts carry their unit of measure („86.400 kWh“) and whose labels hold a house number
ENERGIE = [  # Liegenschaft, Verbrauch in kWh, Arbeitspreis
    ("Rathaus, Markt 1", 86_400, Fraction("0.2874")),
    ("Grundschule Am Anger", 124_950, Fraction("0.2874")),
    ("Rathaus, Markt 1", 312_000, Fraction("0.0918")),
    ("Grundschule Am Anger", 468_500, Fraction("0.0918")),
]


def _energie(slip: int | None = None) -> str:
    lines = ["Liegenschaft            Verbrauch 2023   Arbeitspreis 2025    Kosten 2025"]
    for i, (name, kwh, preis) in enumerate(ENERGIE):
        kosten = rund(kwh * preis, CENT) + (10 if i == slip else 0)
        lines.append(f"{name:<22}{zahl(kwh) + ' kWh':>16}{zahl(preis, 4) + ' €/kWh':>18}{_eur(kosten):>16}")
    return "\n".join(lines) + "\n"


def test_counts_with_their_unit_of_measure_in_a_space_aligned_table(tmp_path, capsys):
    readings = erkannt(tmp_path, "mengenpreis", _energie())
    assert [werte(r) for r in readings] == [([kwh, preis], rund(kwh * preis, CENT)) for _, kwh, preis in ENERGIE]
    code, report, _ = check(capsys, write(tmp_path, "e.txt", _energie(slip=2)))
    (fehler,) = by_status(report, "Fehler")
    _, kwh, preis = ENERGIE[2]
    assert code == 1 and Fraction(fehler["werte"]["nachgerechnet"]) == rund(kwh * preis, CENT)


# the other way round: the amount per unit right of the amount and the count (costs per pupil, rounded to the cent)
BEFOERDERUNG = [("Grundschulen", 1_235_640, 1_812), ("Oberschulen", 1_684_215, 2_046), ("Gymnasien", 1_129_870, 1_437)]


def _je_schueler(slip: int | None = None) -> str:
    text = "| Schulform | Kosten | beförderte Schüler | Kosten je Schüler |\n|---|---|---|---|\n"
    for i, (name, kosten, schueler) in enumerate(BEFOERDERUNG):
        je = rund(Fraction(kosten, schueler), CENT) + (Fraction(9, 100) if i == slip else 0)
        text += f"| {name} | {zahl(kosten)} EUR | {zahl(schueler)} | {_eur(je)} |\n"
    return text


def test_an_amount_per_unit_is_the_amount_divided_by_the_count(tmp_path, capsys):
    readings = erkannt(tmp_path, "mengenpreis", _je_schueler())
    assert [(r.formel, werte(r)) for r in readings] == [
        ("division", ([Fraction(k), Fraction(n)], rund(Fraction(k, n), CENT))) for _, k, n in BEFOERDERUNG
    ]
    code, report, _ = check(capsys, write(tmp_path, "j.md", _je_schueler(slip=1)))
    (fehler,) = by_status(report, "Fehler")
    _, kosten, schueler = BEFOERDERUNG[1]
    assert code == 1 and fehler["zeile"] == 4
    assert Fraction(fehler["werte"]["nachgerechnet"]) == rund(Fraction(kosten, schueler), CENT)


def test_the_one_row_of_a_count_above_1_that_misses_under_a_head_of_a_price_is_a_doubt(tmp_path, capsys):
    # a lease: three vehicles of one kind, two of one each – the one row that could show the product slipped
    rows = [("Pritschenwagen", 3, Fraction(498), Fraction(1_467)), ("Traktor", 1, Fraction(1_245), Fraction(1_245))]
    rows.append(("Kehrmaschine", 1, Fraction("1980.50"), Fraction("1980.50")))
    text = "Fahrzeug\tAnzahl\tRate je Fahrzeug/Monat\tRate gesamt/Monat\n"
    text += "".join(f"{name}\t{n}\t{_eur(rate)}\t{_eur(gesamt)}\n" for name, n, rate, gesamt in rows)
    code, report, _ = check(capsys, write(tmp_path, "l.txt", text))
    (zweifel,) = by_status(report, "nicht eindeutig")
    assert code == 0 and zweifel["zeile"] == 2 and Fraction(zweifel["werte"]["nachgerechnet"]) == 3 * Fraction(498)
    assert zweifel["hinweis"] == "das Produkt ist aus zu wenigen Zeilen erschlossen"


def test_staff_costs_whose_counts_and_rates_are_both_plain_are_read_once(tmp_path, capsys):
    """„Bereich | VZÄ 2025 | Durchschnittskosten je VZÄ (€) | Personalkosten 2025 (€)“ over plain figures (set 8 of
    issue 60): VZÄ with decimals, rates in whole euros – tried as count and as price both ways, the pair is one, not
    two that leave the column open."""
    zeilen = [
        ("Beamte A9–A13", Fraction(14), 86_400),
        ("Beschäftigte E9–E13", Fraction(83, 2), 78_250),
        ("Beschäftigte E5–E8", Fraction(155, 4), 62_180),
    ]
    text = "Bereich\tVZÄ 2025\tDurchschnittskosten je VZÄ (€)\tPersonalkosten 2025 (€)\n" + "".join(
        f"{name}\t{zahl(vzae, 2)}\t{zahl(Fraction(satz))}\t{zahl(vzae * satz)}\n" for name, vzae, satz in zeilen
    )
    readings = erkannt(tmp_path, "mengenpreis", text)
    assert sorted(werte(r)[1] for r in readings) == sorted(vzae * satz for _, vzae, satz in zeilen)
    slip = text.replace(zahl(zeilen[1][1] * zeilen[1][2]), zahl(zeilen[1][1] * zeilen[1][2] + 900))
    code, report, _ = check(capsys, write(tmp_path, "b.txt", slip))
    assert code == 1 and [b["zeile"] for b in by_status(report, "Fehler")] == [3]


def test_a_price_column_whose_head_names_cents(tmp_path, capsys):
    """„Verbrauch 2023 (kWh) | Durchschnittspreis (ct/kWh) | Kosten 2023 (€)“ over plain figures (an Energiebericht,
    set 8 of issue 60): the cost is the consumption times the price in cents, in euros."""
    zeilen = [
        ("Strom", 2_184_500, Fraction(3142, 100)),
        ("Erdgas", 5_906_300, Fraction(1187, 100)),
        ("Fernwärme", 1_320_800, Fraction(1405, 100)),
    ]
    kosten = [rund(kwh * ct / 100) for _, kwh, ct in zeilen]

    def tabelle(slip: int = 0) -> str:
        text = "Energieträger\tVerbrauch 2023 (kWh)\tDurchschnittspreis (ct/kWh)\tKosten 2023 (€)\n"
        for i, ((name, kwh, ct), k) in enumerate(zip(zeilen, kosten, strict=True)):
            text += f"{name}\t{zahl(Fraction(kwh))}\t{zahl(ct, 2)}\t{zahl(k + (slip if i == 1 else 0))}\n"
        return text

    readings = erkannt(tmp_path, "mengenpreis", tabelle())
    assert [werte(r) for r in readings] == [
        ([Fraction(kwh), ct / 100], k) for (_, kwh, ct), k in zip(zeilen, kosten, strict=True)
    ]
    code, report, _ = check(capsys, write(tmp_path, "b.txt", tabelle(slip=900)))
    assert code == 1 and [b["zeile"] for b in by_status(report, "Fehler")] == [3]
    # a head that names no cents: the price is no amount in euros, nothing is read
    assert erkannt(tmp_path, "mengenpreis", tabelle().replace("(ct/kWh)", "(kWh-Faktor)")) == []


# a Friedhofsgebühr's distribution by Äquivalenzziffern (set 12's paper 14, Sachsen): cases a year times the factor of
# the grave gives its Äquivalenzzahl – all figures plain, none in euros
GRABARTEN = {  # cases a year, Äquivalenzziffer
    "Reihengrab": (84, Fraction(10, 10)),
    "Wahlgrab (je Grabstelle)": (46, Fraction(16, 10)),
    "Urnenreihengrab": (152, Fraction(6, 10)),
    "Urnengemeinschaftsanlage": (118, Fraction(4, 10)),
    "Rasengrab": (23, Fraction(12, 10)),
}


def _aequivalenz(head: str, typed: dict[str, Fraction]) -> str:
    text = f"| Grabart | Fälle je Jahr | {head} | {head}zahl |\n|---|---:|---:|---:|\n"
    for name, (faelle, ziffer) in GRABARTEN.items():
        produkt = typed.get(name, rund(faelle * ziffer, Fraction(1, 10)))
        text += f"| {name} | {faelle} | {zahl(ziffer, 1)} | {zahl(produkt, 1)} |\n"
    return text


def test_counts_times_a_factor_the_head_names_are_read_without_euros(tmp_path, capsys):
    # before, a product was read only of amounts in euros: the five rows were left unchecked
    readings = erkannt(tmp_path, "mengenpreis", _aequivalenz("Äquivalenzziffer", {}))
    assert [werte(r) for r in readings] == [
        ([Fraction(faelle), ziffer], faelle * ziffer) for faelle, ziffer in GRABARTEN.values()
    ]
    falsch = {"Urnenreihengrab": Fraction(912, 10)}  # 91,2 typed right; 19,2 a digit off
    falsch["Urnenreihengrab"] = Fraction(192, 10)
    code, report, _ = check(capsys, write(tmp_path, "g.md", _aequivalenz("Äquivalenzziffer", falsch)))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 5 and Fraction(slip["werte"]["nachgerechnet"]) == 152 * Fraction(6, 10)


def test_plain_figures_under_a_head_without_a_factor_are_no_products(tmp_path):
    assert erkannt(tmp_path, "mengenpreis", _aequivalenz("Kennziffer", {})) == []
