"""lesen/unlesbar.py, zahlenlesen.read_foreign, urteil/fremdschreibweise.py and the report: an amount typed in no German
notation („37,085.971 EUR“, „1,234,567 €“, „471,621,00 Euro“) is read one way and named with that reading; a
calculation with it is „nicht eindeutig“ – whether the author meant that reading is a guess – never a slip and never
a silent „stimmt“. Digits grouped by four before a unit („985.9000 EUR“) are named, not read. German notations are
never named (issue 60, point 4: no amount is neither checked nor listed)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.hilfen import run
from tests.hilfen.nachrechnen import check, write
from vorlagen.nachrechnen.lesen.zahlenlesen import figures

SATZUNG = (
    "| einen Gesamtbetrag der laufenden Einzahlungen von | 37,085.971 EUR |\n"
    "| einen Gesamtbetrag der laufenden Auszahlungen von | 41.618.507 EUR |\n"
    "| einen jahresbezogenen Saldo der laufenden Ein- und Auszahlungen von | -4.532.536 EUR |\n"
    "Der Kreditrahmen steigt von bisher 5,834.400 Mio. EUR auf 1,234,567 €.\n"
)
KOPF = (
    "Nicht in deutscher Schreibweise (schreiben Sie den Betrag deutsch: Tausender mit Punkt, Nachkommastellen nach "
    "dem Komma; jede Rechnung mit einer so gelesenen Zahl ist „nicht eindeutig“):"
)


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("37,085.971 EUR", Decimal(37085971)),  # a comma typed for the first dot
        ("471,621,00 Euro", Decimal("471621.00")),  # commas typed for the dots, the cents after a comma
        ("1,234,567 €", Decimal(1234567)),  # thousands grouped as English groups them
        ("1,234.56 €", Decimal("1234.56")),  # English: the cents after a dot
        ("5,834.400 Mio. EUR", Decimal(5834400)),  # with a scale the comma marks decimals, the dots group them
        ("-12,345,678 €", Decimal(-12345678)),
    ],
)
def test_a_figure_in_no_german_notation_is_read_one_way_and_marked(typed, value):
    (zahl,) = figures(f"Betrag {typed} laut Plan")
    assert zahl.wert == value and zahl.fremd and zahl.einheit == "€"


@pytest.mark.parametrize("typed", ["1,234", "1,500", "37.085.971 EUR", "1.234,56 €", "0,125", "12,5 %"])
def test_german_figures_are_not_marked(typed):
    assert [z.fremd for z in figures(f"Wert {typed} laut Plan")] == [False]


def test_a_saldo_with_such_an_amount_is_a_doubt_that_names_the_reading_and_holds(tmp_path, capsys):
    path = write(tmp_path, "s.txt", SATZUNG)
    code, out, _ = run(capsys, "nachrechnen", str(path))
    assert code == 0
    lines = out.splitlines()
    at = lines.index(KOPF)
    assert lines[at + 1 : at + 4] == [
        "  Z. 1: 37,085.971 – gelesen als 37.085.971\u00a0€",
        "  Z. 4: 5,834.400 – gelesen als 5,834400\u00a0Mio.\u00a0€",
        "  Z. 4: 1,234,567 – gelesen als 1.234.567\u00a0€",
    ]
    assert lines[-1].endswith("Zahlen nicht geprüft, 3 Zahlen nicht in deutscher Schreibweise.")
    code, report, _ = check(capsys, path)
    assert report["nicht_lesbare_zahlen"] == [
        {"seite": None, "zeile": 1, "text": "37,085.971", "gelesen": "37.085.971\u00a0€"},
        {"seite": None, "zeile": 4, "text": "5,834.400", "gelesen": "5,834400\u00a0Mio.\u00a0€"},
        {"seite": None, "zeile": 4, "text": "1,234,567", "gelesen": "1.234.567\u00a0€"},
    ]
    assert report["zusammenfassung"]["nicht_lesbar"] == 3
    # 37.085.971 − 41.618.507 = −4.532.536: the Saldo holds with the reading, and is still only a doubt
    (saldo,) = [b for b in report["befunde"] if b["zeile"] == 3]
    assert saldo["status"] == "nicht eindeutig" and saldo["werte"]["getippt"] == "-4532536"
    assert saldo["hinweis"] == (
        "„37,085.971 EUR“ (Z. 1) als 37.085.971\u00a0€ gelesen, stimmt die Rechnung; die Zahl ist nicht in deutscher "
        "Schreibweise getippt, gemeint sein kann anderes"
    )
    # the figures read so are listed once, under their notation, not again as „nicht geprüft“
    assert all(o["zeile"] != 1 for o in report["nicht_geprueft"])


def test_a_sum_that_fails_with_the_reading_is_a_doubt_never_a_slip(tmp_path, capsys):
    # 1.200,00 + 300,00 = 1.500,00, typed 1.600,00: with German figures a slip, with „1,200,00“ only a doubt
    path = write(tmp_path, "s.txt", "Summe 1,200,00 € + 300,00 € = 1.600,00 €\n")
    code, report, _ = check(capsys, path)
    assert code == 0 and report["zusammenfassung"]["fehler"] == 0
    (summe,) = report["befunde"]
    assert summe["status"] == "nicht eindeutig" and summe["werte"]["nachgerechnet"] == "1500.00"
    assert summe["hinweis"].startswith("„1,200,00 €“ (Z. 1) als 1.200,00\u00a0€ gelesen, wären es 1.500,00\u00a0€;")
    code, _, _ = check(capsys, write(tmp_path, "d.txt", "Summe 1.200,00 € + 300,00 € = 1.600,00 €\n"))
    assert code == 1


def test_digits_grouped_by_four_before_a_unit_are_named_not_read(tmp_path, capsys):
    text = "| einem Gesamtbetrag der Aufwendungen von | 985.9000 EUR |\nKonto 7.0001032 und Produkt 0.0521.4090\n"
    code, out, _ = run(capsys, "nachrechnen", str(write(tmp_path, "v.txt", text)))
    assert code == 0
    lines = out.splitlines()
    assert lines[lines.index(KOPF) + 1 :][:2] == ["  Z. 1: 985.9000 – nicht gelesen", ""]


@pytest.mark.parametrize(
    "typed",
    # as corpus papers have them: a group of two among thousands, two marks in a row, a comma grouping after a dot,
    # cents typed as thousands, a dot for thousands before cents of three
    ["22.39,00 Euro", "68.174.,41 €", "1.620,512,07 €", "500.00,00 €", "104.60091 €"],
)
def test_an_amount_whose_marks_make_no_figure_is_named_and_no_part_of_it_read(tmp_path, capsys, typed):
    text = f"Summe 1.000,00 € + {typed} = 2.000,00 €\n"
    code, report, _ = check(capsys, write(tmp_path, "g.txt", text))
    digits = typed.split()[0]
    assert code == 0 and [(z["text"], z["gelesen"]) for z in report["nicht_lesbare_zahlen"]] == [(digits, None)]
    # no figure is made of a part of it: the line holds the sum's two amounts and nothing else
    assert [z.text for z in figures(text)] == ["1.000,00 €", "2.000,00 €"]


@pytest.mark.parametrize("typed", ["57.6 %", "1.5 Prozent", "2.25 %"])
def test_a_percentage_with_a_decimal_point_is_named_not_left_out(tmp_path, capsys, typed):
    # e05 of the corpus's Zusatz: „| Anteil | 60,6 % | 57.6 % | 52,6 % |“ – the middle one was neither read nor
    # listed (issue 60, point 4)
    text = f"Anteil 60,6 % und {typed}\n"
    code, report, _ = check(capsys, write(tmp_path, "p.txt", text))
    assert code == 0 and [(z["text"], z["gelesen"]) for z in report["nicht_lesbare_zahlen"]] == [
        (typed.split()[0], None)
    ]
    assert [o["zahl"] for o in report["nicht_geprueft"]] == ["60,6\u00a0%"]


def test_a_line_of_many_garbled_amounts_is_read_in_bounds(tmp_path, capsys):
    text = "Beträge " + "1.2.,3 € " * 2_000 + "\n"
    code, report, _ = check(capsys, write(tmp_path, "h.txt", text))
    assert code == 0 and len(report["nicht_lesbare_zahlen"]) == 2_000


@pytest.mark.parametrize(
    "zeile",
    [
        "Erträge 37.085.971 EUR, Zinsen 1.234,56 €, Quote 1,500 und 12,5 %",
        "Hebesatz 1.000 %, Steigerung 1.000,5 %, 12 Prozent",
        "am 27.11.2026 um 10.30 Uhr, Gliederung 1.2.3, Punkt 2,5. und 3,25.",
        "Kennzahl 1,234; Anteil 0,125.",
        "Konto 7.0001032, Produkt 1.100.090.511.010, Haushaltsstelle 0.0521.4090",
    ],
)
def test_german_notations_are_never_named(tmp_path, capsys, zeile):
    code, report, _ = check(capsys, write(tmp_path, "d.txt", zeile + "\n"))
    assert code == 0 and report["nicht_lesbare_zahlen"] == [] and report["zusammenfassung"]["nicht_lesbar"] == 0


@pytest.mark.parametrize("mark", [",", "."])
def test_a_figure_of_thousands_of_digits_is_no_amount_and_ends_without_a_traceback(tmp_path, capsys, mark):
    # a hostile line near the bound of a line: 3.000 groups („1,234,234,…“, „1.234.234.…“) in a sum, a comma run
    text = "Summe 1" + f"{mark}234" * 3_000 + " € + 5 € = 7 € und " + ",,," * 1_000 + "\n"
    code, report, _ = check(capsys, write(tmp_path, "h.txt", text))
    assert code == 0 and report["befunde"] == [] and report["nicht_lesbare_zahlen"] == []
    assert [o["zahl"] for o in report["nicht_geprueft"]] == ["5\u00a0€", "7\u00a0€"]
    assert len(max(figures("Betrag " + "9" * 24 + " €"), key=lambda z: z.wert).text) == 26
    assert figures("Betrag " + "9" * 25 + " €") == []


def test_a_document_without_such_amounts_says_nothing_of_them(tmp_path, capsys):
    code, out, _ = run(capsys, "nachrechnen", str(write(tmp_path, "g.txt", "Summe 1.000 € + 2.000 € = 3.000 €\n")))
    assert code == 0 and "Schreibweise" not in out and out.splitlines()[-1].endswith("0 Zahlen nicht geprüft.")


def test_a_doubt_of_its_own_stays_said_beside_the_notation(tmp_path, capsys):
    # 20.000 + 10.000 + 5.000 = 35.000, typed 36.000: the list in brackets may leave parts out – a doubt already
    text = "Mehrkosten: 36.000 € (20,000.00 € für Planung, 10.000 € für Bau, 5.000 € für Sonstiges)\n"
    code, report, _ = check(capsys, write(tmp_path, "k.txt", text))
    (befund,) = report["befunde"]
    assert code == 0 and befund["status"] == "nicht eindeutig"
    assert befund["hinweis"] == (
        "„20,000.00 €“ (Z. 1) als 20.000,00\u00a0€ gelesen, wären es 35.000\u00a0€; die Zahl ist nicht in deutscher "
        "Schreibweise getippt, gemeint sein kann anderes; vielleicht sind in der Klammer nicht alle Teile genannt"
    )
