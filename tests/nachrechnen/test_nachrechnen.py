"""`nachrechnen`: recomputing Vorlagen typed in Word — seeds, invented documents in several layouts, errors.

Every expected figure here is computed by hand in the comment beside it (or printed in a seed), never
taken from the tool's output.
"""

from __future__ import annotations

import json

import pytest

from tests.hilfen import ROOT, run
from tests.hilfen.nachrechnen import by_status, check, write

SEEDS = ROOT.parent / "shared" / "seeds"
SEED_000 = SEEDS / "000_fede07582fed2c00.txt"
needs_seeds = pytest.mark.skipif(not SEED_000.is_file(), reason=f"Seeds fehlen: {SEEDS} liegt nicht neben dem Repo")


# --- the seeds -----------------------------------------------------------------------------------------------


@needs_seeds
def test_seed_000_gives_exactly_its_two_slips_and_their_consequences(capsys):
    code, report, _ = check(capsys, SEED_000)
    assert code == 1
    slips = by_status(report, "Fehler")
    # 0,5 x 79.928 = 39.964 (printed 39.946); 7 x 103.328 = 723.296 (printed 723.298)
    assert [(s["rechnung"], s["getippt"], s["nachgerechnet"], s["differenz"]) for s in slips] == [
        ("0,5 x 79.928\u00a0€", "39.946\u00a0€", "39.964\u00a0€", "\u221218\u00a0€"),
        ("7 x 103.328\u00a0€", "723.298\u00a0€", "723.296\u00a0€", "+2\u00a0€"),
    ]
    # 39.964 − 29.629 = 10.335; 723.296 − 417.081 − 47.397 = 258.818
    assert [[(f["getippt"], f["richtig"]) for f in s["folgen"]] for s in slips] == [
        [("10.317\u00a0€", "10.335\u00a0€")],
        [("258.820\u00a0€", "258.818\u00a0€")],
    ]
    follow = by_status(report, "Folgefehler")
    assert [(f["getippt"], f["nachgerechnet"]) for f in follow] == [
        ("10.317\u00a0€", "10.335\u00a0€"),
        ("258.820\u00a0€", "258.818\u00a0€"),
    ]
    # both wrong Eigenanteile are also quoted in the prose of section III
    assert all(f["auch_genannt"] for f in follow)


@needs_seeds
def test_seed_000_confirms_every_other_row_and_the_35_days(capsys):
    _, report, _ = check(capsys, SEED_000)
    confirmed = {(b["rechnung"], b["getippt"]) for b in by_status(report, "stimmt")}
    expected_rows = [  # the rows of the five tables in section III, as printed
        ("3,5 x 115.418", "403.963"),
        ("3,5 x 70.091", "245.319"),
        ("1 x 29.629", "29.629"),
        ("7 x 59.583", "417.081"),
        ("7 x 6.771", "47.397"),
        ("3 x 68.136", "204.408"),
        ("3 x 40.625", "121.875"),
        ("3 x 90.848", "272.544"),
    ]
    for calculation, typed in expected_rows:
        assert (calculation + "\u00a0€", typed + "\u00a0€") in confirmed
    for typed in ("158.644", "82.533", "150.669", "70.091", "29.629"):  # Eigenanteile and (PK + SK) breakdowns
        assert any(t == typed + "\u00a0€" for _, t in confirmed), typed
    days = [b for b in by_status(report, "stimmt") if b["getippt"] == "35,00"]
    assert days and days[0]["erkannt"] == "Summe der Liste darüber"
    assert report["zusammenfassung"]["fehler"] == 2 and report["zusammenfassung"]["rundung"] == 0


@needs_seeds
@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")) if SEEDS.is_dir() else [])
def test_no_false_alarm_on_any_seed(capsys, seed):
    code, report, _ = check(capsys, SEEDS / seed)
    slips = by_status(report, "Fehler") + by_status(report, "Rundung")
    if seed == SEED_000.name:
        assert len(slips) == 2
    else:
        assert slips == [] and code == 0


def test_text_output_names_place_figures_and_summary(capsys, tmp_path):
    path = write(
        tmp_path,
        "vorlage.txt",
        "Kosten\n0,5 x 79.928€ (E5 für 13 Monate)\t39.946€\tGesamtkosten\n"
        "- 1 x 29.629€ (PK)\t- 29.629€\tFörderung\n\t= 10.317€\tEigenanteil\n",
    )
    code, out, _ = run(capsys, "nachrechnen", str(path))
    assert code == 1
    assert (
        "Z. 2           FEHLER       getippt 39.946\u00a0€, nachgerechnet 39.964\u00a0€ (Differenz \u221218\u00a0€)"
        in out
    )
    assert (
        "Folge: Z. 4, Ergebnis „= …“ des Rechenblocks darüber: getippt 10.317\u00a0€, damit richtig 10.335\u00a0€"
        in out
    )
    assert out.rstrip().endswith("3 Rechnungen erkannt: 1 stimmt, 1 Fehler, 1 Folgefehler; 0 Zahlen nicht geprüft.")


# --- invented documents in several layouts -------------------------------------------------------------------

# A typed block with one slip: 2,5 x 41.234 = 103.085 (typed 103.058); 2,5 x 20.000 = 50.000;
# so the Eigenanteil typed 53.058 (= 103.058 − 50.000) should be 103.085 − 50.000 = 53.085.
BLOCK_ROWS = [
    ("2,5 x 41.234 € (E10 für 12 Monate)", "103.058 €", "Gesamtkosten"),
    ("- 2,5 x 20.000 € (Förderung)", "- 50.000 €", "KIM-Förderung"),
    ("", "= 53.058 €", "Eigenanteil"),
]


def assert_block_slip(report: dict) -> None:
    slips = by_status(report, "Fehler")
    assert [(s["getippt"], s["nachgerechnet"], s["differenz"]) for s in slips] == [
        ("103.058\u00a0€", "103.085\u00a0€", "\u221227\u00a0€")
    ]
    assert [(f["getippt"], f["richtig"]) for f in slips[0]["folgen"]] == [("53.058\u00a0€", "53.085\u00a0€")]
    assert [b["getippt"] for b in by_status(report, "stimmt")] == ["50.000\u00a0€"]


def test_tab_separated_lines(capsys, tmp_path):
    text = "Berechnung\n" + "".join("\t".join(row) + "\n" for row in BLOCK_ROWS)
    code, report, _ = check(capsys, write(tmp_path, "vorlage.txt", text))
    assert code == 1
    assert_block_slip(report)
    assert report["befunde"][0]["zeile"] == 2


def test_table_flattened_by_pdf_text_extraction(capsys, tmp_path):
    """A PDF whose table comes out as single-spaced lines; the minus typed as U+2212."""
    weasyprint = pytest.importorskip("weasyprint")
    cells = "".join("<tr>" + "".join(f"<td>{c.replace('- ', '− ')}</td>" for c in row) + "</tr>" for row in BLOCK_ROWS)
    html = f"<html><body><p>Anlage: Berechnung</p><table>{cells}</table></body></html>"
    path = tmp_path / "vorlage.pdf"
    weasyprint.HTML(string=html).write_pdf(path)
    code, report, _ = check(capsys, path)
    assert code == 1
    assert_block_slip(report)
    assert report["befunde"][0]["seite"] == 1


def test_docx_table_made_with_python_docx(capsys, tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Die Finanzierung stellt sich wie folgt dar (Förderung 55.000€ je Stelle).")
    table = document.add_table(rows=0, cols=3)
    for row in BLOCK_ROWS:
        cells = table.add_row().cells
        for cell, value in zip(cells, row):
            cell.text = value
    document.add_paragraph("Im Kreisgebiet verteilt sich der Einsatz so:")
    days = document.add_table(rows=0, cols=2)
    for name, value in [("Alfter", "2,00"), ("Eitorf", "--"), ("Hennef", "1,50"), ("Summe", "3,50")]:
        cells = days.add_row().cells
        cells[0].text, cells[1].text = name, value
    path = tmp_path / "vorlage.docx"
    document.save(path)
    code, report, _ = check(capsys, path)
    assert code == 1
    slips = by_status(report, "Fehler")
    assert [s["nachgerechnet"] for s in slips] == ["103.085\u00a0€"]
    assert ("3,50", "Summe der Liste darüber in der Zeile „Summe“") in {
        (b["getippt"], b["erkannt"]) for b in by_status(report, "stimmt")
    }  # 2,00 + 0 + 1,50
    assert report["nicht_geprueft"] == [{"seite": None, "zeile": 1, "zahl": "55.000\u00a0€"}]


def test_markdown_table_and_headings(capsys, tmp_path):
    text = (
        "# Finanzierung\n\n| Posten | Betrag |\n|---|---|\n| Personal | 1.234,56 € |\n"
        "| Sachkosten | 765,44 € |\n| **Summe** | **2.000,00 €** |\n"
    )  # 1.234,56 + 765,44 = 2.000,00
    code, report, _ = check(capsys, write(tmp_path, "vorlage.md", text))
    assert code == 0
    assert [(b["status"], b["getippt"]) for b in report["befunde"]] == [("stimmt", "2.000,00\u00a0€")]


def test_pdf_made_by_our_renderer_holds_throughout(capsys, built):
    code, report, _ = check(capsys, built / "vorlagen" / "2021-0123" / "2021-0123.pdf")
    assert code == 0
    summary = report["zusammenfassung"]
    assert summary["fehler"] == summary["folgefehler"] == summary["rundung"] == 0
    confirmed = {b["getippt"] for b in report["befunde"]}
    # the corrected seed figures: 39.964, 10.335, 723.296, 258.818; and the 35,00 days
    assert {"39.964\u00a0€", "10.335\u00a0€", "723.296\u00a0€", "258.818\u00a0€", "35,00"} <= confirmed


# --- number forms and written forms ------------------------------------------------------------------------

NUMBER_FORMS = """Kosten\t4 x 12,5 T€\t50,0 T€
./. Förderung\t./. 30,0 T€
\t= 20,0 T€\tEigenanteil

Investition 2 x 1,25 Mio. € = 2,50 Mio. €
Personal 3 x 1.234 € = 3.702 €
Die Stelle wird in den Jahren 2021 bis 2023 mit jeweils 55.000€ gefördert, insgesamt 165.000€.
Besetzt sind 11 von 18 Stellen = 61,11 %.
"""  # 4 x 12,5 = 50,0; 50,0 − 30,0 = 20,0; 2 x 1,25 = 2,50; 3 x 1.234 = 3.702; 3 x 55.000 = 165.000; 11/18 = 61,11 %


def test_number_forms_all_hold(capsys, tmp_path):
    code, report, _ = check(capsys, write(tmp_path, "formen.txt", NUMBER_FORMS))
    assert code == 0, report
    assert [b["getippt"] for b in report["befunde"]] == [
        "50,0\u00a0T€",
        "20,0\u00a0T€",
        "2,50\u00a0Mio.\u00a0€",
        "3.702\u00a0€",
        "165.000\u00a0€",
        "61,11\u00a0%",
    ]
    assert all(b["status"] == "stimmt" for b in report["befunde"])


@pytest.mark.parametrize(
    "line, typed, right, difference",
    [
        ("Personal 3 x 1.234 € = 3.720 €", "3.720\u00a0€", "3.702\u00a0€", "+18\u00a0€"),
        ("Kosten\t4 x 12,5 T€\t52,0 T€", "52,0\u00a0T€", "50,0\u00a0T€", "+2,0\u00a0T€"),
        (
            "Investition 2 x 1,25 Mio. € = 2,25 Mio. €",
            "2,25\u00a0Mio.\u00a0€",
            "2,50\u00a0Mio.\u00a0€",
            "\u22120,25\u00a0Mio.\u00a0€",
        ),
        ("Besetzt sind 11 von 18 Stellen = 62,1 %.", "62,1\u00a0%", "61,1\u00a0%", "+1,0\u00a0%"),
        # the slip the issue names: a stated difference 9 € off the two figures (403.963 − 394.000 = 9.963)
        (
            "Die Differenz zwischen 403.963 € und 394.000 € beträgt 9.954 €.",
            "9.954\u00a0€",
            "9.963\u00a0€",
            "\u22129\u00a0€",
        ),
        # five yearly tranches that do not add up to the stated total (5 x 20.000 = 100.000)
        (
            "Raten: 2021: 20.000 €, 2022: 20.000 €, 2023: 20.000 €, 2024: 20.000 €, 2025: 20.000 €, insgesamt 110.000 €.",
            "110.000\u00a0€",
            "100.000\u00a0€",
            "+10.000\u00a0€",
        ),
        (
            "In den Jahren 2021 bis 2025 jeweils 20.000 €, insgesamt 120.000 €.",
            "120.000\u00a0€",
            "100.000\u00a0€",
            "+20.000\u00a0€",
        ),
        ("Die Kosten steigen von 100.000 € auf 112.000 € (Steigerung um 21 %).", "21\u00a0%", "12\u00a0%", "+9\u00a0%"),
        (
            "Die Gesamtkosten von 500.000 € tragen das Land zu 80 % (400.000 €) und der Kreis zu 20 % (110.000 €).",
            "110.000\u00a0€",
            "100.000\u00a0€",
            "+10.000\u00a0€",
        ),
        (
            "Das Land trägt 80 % der Gesamtkosten von 250.000 €, das sind 210.000 €.",
            "210.000\u00a0€",
            "200.000\u00a0€",
            "+10.000\u00a0€",
        ),
        (
            "Personal 1.234,56 € + Sachkosten 765,44 € = 2.000,10 €",
            "2.000,10\u00a0€",
            "2.000,00\u00a0€",
            "+0,10\u00a0€",
        ),
    ],
)
def test_each_written_form_finds_its_slip(capsys, tmp_path, line, typed, right, difference):
    code, report, _ = check(capsys, write(tmp_path, "vorlage.txt", "Vorlage\n" + line + "\n"))
    assert code == 1
    assert [(b["getippt"], b["nachgerechnet"], b["differenz"], b["zeile"]) for b in by_status(report, "Fehler")] == [
        (typed, right, difference, 2)
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Die Differenz zwischen 403.963 € und 394.000 € beträgt 9.963 €.",
        "Raten: 2021: 20.000 €, 2022: 20.000 €, 2023: 20.000 €, 2024: 20.000 €, 2025: 20.000 €, insgesamt 100.000 €.",
        "Die Kosten steigen von 100.000 € auf 112.000 € (Steigerung um 12 %).",
        "Die Gesamtkosten von 500.000 € tragen das Land zu 80 % (400.000 €) und der Kreis zu 20 % (100.000 €).",
        "Das Land trägt 80 % der Gesamtkosten von 250.000 €, das sind 200.000 €.",
    ],
)
def test_each_written_form_confirms_when_right(capsys, tmp_path, line):
    code, report, _ = check(capsys, write(tmp_path, "vorlage.txt", line + "\n"))
    assert code == 0 and report["befunde"] and all(b["status"] == "stimmt" for b in report["befunde"])
    assert report["nicht_geprueft"] == []


def test_other_rounding_is_a_note_not_a_slip(capsys, tmp_path):
    # 3,5 x 70.091 = 245.318,5: half-up gives 245.319; 245.318 is cut off (or rounded to even)
    code, report, _ = check(capsys, write(tmp_path, "vorlage.txt", "- 3,5 x 70.091€ (PK)\t- 245.318€\tFörderung\n"))
    assert code == 0
    [finding] = report["befunde"]
    assert finding["status"] == "Rundung" and finding["nachgerechnet"] == "245.319\u00a0€"
    assert "genau 245.318,5\u00a0€" in finding["hinweis"]


def test_figures_that_are_no_arithmetic_raise_no_alarm(capsys, tmp_path):
    text = (
        "Am 04.03.2021 beriet der Ausschuss (Vorlage 2021/0123, § 83 GO NRW, Tel. 02241 13-2345) für\n"
        "2021–2022 über Mittel von 82.533€-150.669€ im Zeitraum 01.12.21-31.12.22.\n"
        "1. Erstintegration\n2. Teilhabe\n3. Gesellschaft\n"
        "- Baustein 1: 194 Stellen = 79,35% besetzt\n"
        "Für Modul 1 stehen 55.000 € je Stelle und 22.500 € für die Assistenz bereit, insgesamt 450.000 €.\n"
        "Für 3,5 x 55.000 € jährlich stehen bis 2022 insgesamt 385.000 € bereit.\n"
    )
    code, report, _ = check(capsys, write(tmp_path, "vorlage.txt", text))
    # "3,5 x 55.000 € jährlich … insgesamt 385.000 €" states a calculation (issue 35), but for how many years the
    # text does not say: „nicht eindeutig“, with why – never a slip
    assert code == 0 and [(b["zeile"], b["status"]) for b in report["befunde"]] == [(8, "nicht eindeutig")]
    assert report["befunde"][0]["hinweis"].startswith("„jährlich“: der Betrag gilt je Zeitraum")
    assert [f["zahl"] for f in report["nicht_geprueft"]] == [
        "82.533\u00a0€",
        "150.669\u00a0€",
        "79,35\u00a0%",
        "55.000\u00a0€",
        "22.500\u00a0€",
        "450.000\u00a0€",
    ]


# --- files that cannot be read -------------------------------------------------------------------------------

UNREADABLE = [
    ("fehlt.pdf", None, "Die Datei gibt es nicht – prüfen Sie den Namen und den Ordner."),
    (
        "alt.doc",
        b"\xd0\xcf\x11\xe0",
        "Das alte Word-Format .doc kann nachrechnen nicht lesen – speichern Sie die "
        "Datei in Word als .docx oder als PDF.",
    ),
    (
        "tabelle.xlsx",
        b"PK",
        "Dateien vom Typ „.xlsx“ kann nachrechnen nicht lesen – geben Sie eine PDF-, DOCX-, HTML-, TXT- oder MD-Datei an.",
    ),
    (
        "kaputt.pdf",
        b"%PDF-1.4\nkaputt",
        "Die PDF-Datei lässt sich nicht lesen – ist sie beschädigt oder mit einem "
        "Kennwort geschützt? Speichern Sie sie neu (als DOCX oder PDF) und versuchen "
        "Sie es noch einmal.",
    ),
    (
        "kaputt.docx",
        b"kein zip",
        "Die Word-Datei lässt sich nicht lesen – ist sie beschädigt oder mit einem Kennwort "
        "geschützt? Speichern Sie sie neu (als DOCX oder PDF) und versuchen Sie es noch einmal.",
    ),
    (
        "leer.txt",
        b"",
        "Die Datei enthält keinen Text – ist sie eingescannt? Nachrechnen braucht eine Textebene "
        "(in Word als PDF speichern oder eine Texterkennung laufen lassen).",
    ),
]


@pytest.mark.parametrize("name, content, message", UNREADABLE)
def test_unreadable_file_exits_2_with_a_german_message(capsys, tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    code, out, err = run(capsys, "nachrechnen", str(path))
    assert (code, out, err) == (2, "", f"{path}: {message}\n")


def test_scanned_pdf_without_text_layer(capsys, tmp_path):
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(595, 842)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    code, _, err = run(capsys, "nachrechnen", str(path))
    assert code == 2 and "enthält keinen Text – ist sie eingescannt?" in err


def test_unreadable_file_beside_a_good_one(capsys, tmp_path):
    good = write(tmp_path, "gut.txt", "Personal 3 x 1.234 € = 3.702 €\n")
    code, out, err = run(capsys, "nachrechnen", str(good), str(tmp_path / "fehlt.txt"), "--json")
    report = json.loads(out)["dateien"][0]
    assert code == 2 and report["zusammenfassung"]["stimmt"] == 1 and "fehlt.txt: Die Datei gibt es nicht" in err


def test_tables_described_by_their_header(capsys, tmp_path):
    text = (
        "Posten\t2021\t2022\t2023\tGesamt\n"
        "Personal\t100.000 €\t102.000 €\t104.040 €\t306.040 €\n"  # 100.000 + 102.000 + 104.040 = 306.040
        "Sachkosten\t10.000 €\t10.000 €\t10.000 €\t31.000 €\n"  # 3 x 10.000 = 30.000, not 31.000
        "\n"
        "Maßnahme\tEigenanteil\tdavon 2021\tdavon 2022\n"
        "Steuerung\t158.644 €\t12.203 €\t146.441 €\n"  # 12.203 + 146.441 = 158.644
        "Assistenz\t10.335 €\t795 €\t9.504 €\n"
    )  # 795 + 9.504 = 10.299, not 10.335
    code, report, _ = check(capsys, write(tmp_path, "tabellen.txt", text))
    assert code == 1
    assert [(b["zeile"], b["status"], b["getippt"], b["nachgerechnet"]) for b in report["befunde"]] == [
        (2, "stimmt", "306.040\u00a0€", "306.040\u00a0€"),
        (3, "Fehler", "31.000\u00a0€", "30.000\u00a0€"),
        (6, "stimmt", "158.644\u00a0€", "158.644\u00a0€"),
        (7, "Fehler", "10.335\u00a0€", "10.299\u00a0€"),
    ]


def test_overview_table_of_our_pdf_is_checked_too(capsys, built):
    _, report, _ = check(capsys, built / "vorlagen" / "2021-0123" / "2021-0123.pdf")
    davon = [b for b in report["befunde"] if b["erkannt"].startswith("„davon“")]
    # Eigenanteil per Haushaltsjahr in the overview: 12.203 + 146.441 = 158.644, 795 + 9.540 = 10.335, …
    assert ("12.203\u00a0€ + 146.441\u00a0€", "158.644\u00a0€") in {(b["rechnung"], b["getippt"]) for b in davon}
    assert len(davon) == 7 and all(b["status"] == "stimmt" for b in davon)


def test_bracketed_count_and_wrapped_labels_in_a_block(capsys, tmp_path):
    """A block whose row labels a PDF wrapped onto lines of their own, and `(6 + 3) Tage x 1.012 €`."""
    text = (
        "Berechnung Betrag Posten\n"
        "1,5 x 52.000 € 78.000 € Koordination\n"  # 1,5 x 52.000 = 78.000
        "(6 + 3) Tage x 1.012 € 9.108 € Beratertage (Schulen +\n"  # 9 x 1.012 = 9.108
        "Betriebe)\n"
        "1.500 € – Festbetrag 1.500 € Öffentlichkeitsarbeit\n"
        "= 88.608 € Höchstförderung je\n"  # 78.000 + 9.108 + 1.500 = 88.608
        "Jahr\n"
    )
    code, report, _ = check(capsys, write(tmp_path, "block.txt", text))
    assert code == 0
    assert [(b["rechnung"], b["getippt"]) for b in report["befunde"]] == [
        ("1,5 x 52.000\u00a0€", "78.000\u00a0€"),
        ("(6 + 3) x 1.012\u00a0€", "9.108\u00a0€"),
        ("78.000\u00a0€ + 9.108\u00a0€ + 1.500\u00a0€", "88.608\u00a0€"),
    ]
    # the same block typed 88.680: the wrapped lines belong to the rows above them (the rows below have no
    # label of their own), so which rows belong is clear and the wrong result is a slip (issue 35)
    code, report, _ = check(capsys, write(tmp_path, "block2.txt", text.replace("88.608", "88.680")))
    assert code == 1
    assert [(b["zeile"], b["getippt"], b["nachgerechnet"]) for b in by_status(report, "Fehler")] == [
        (6, "88.680\u00a0€", "88.608\u00a0€")
    ]


def test_year_columns_split_the_betrag_and_sentences_wrapped_over_lines(capsys, tmp_path):
    text = (
        "Das Land fördert mit 80 % der förderfähigen Kosten von\n"
        "2.052.000 €, also mit 1.614.600 €. Der Rest sind Eigenmittel des Kreises.\n"  # 80 % = 1.641.600
        "Kosten und Finanzierung Betrag Anteil 2025 2026 2027\n"
        "Bauausführung 1.840.000 € 276.000 € 1.012.000 € 552.000 €\n"  # 276.000 + 1.012.000 + 552.000
        "Grunderwerb\n"
        "96.000 € 14.400 € 52.800 € 28.800 €\n"  # 14.400 + 52.800 + 28.800 = 96.000
        "davon förderfähig 2.052.000 €\n"
        "1.641.600 € 76,42 % 246.240 € 902.880 € 429.480 €\n"
    )  # 246.240 + 902.880 + 492.480 = 1.641.600
    code, report, _ = check(capsys, write(tmp_path, "plan.txt", text))
    assert code == 1
    assert [(b["zeile"], b["status"], b["getippt"], b["nachgerechnet"]) for b in report["befunde"]] == [
        (2, "Fehler", "1.614.600\u00a0€", "1.641.600\u00a0€"),
        (4, "stimmt", "1.840.000\u00a0€", "1.840.000\u00a0€"),
        (6, "stimmt", "96.000\u00a0€", "96.000\u00a0€"),
        (8, "Fehler", "1.641.600\u00a0€", "1.578.600\u00a0€"),
    ]


def test_breakdown_with_davon_is_checked_but_never_a_slip(capsys, tmp_path):
    right = "Die Maßnahme kostet 10.000 € (davon 8.000 € Land + 2.000 € Kreis).\n"  # 8.000 + 2.000 = 10.000
    code, report, _ = check(capsys, write(tmp_path, "a.txt", right))
    assert code == 0 and [b["status"] for b in report["befunde"]] == ["stimmt"]
    # "davon" may leave a part unnamed: 8.000 + 1.500 ≠ 10.000 is no slip, but named (issue 35)
    code, report, _ = check(capsys, write(tmp_path, "b.txt", right.replace("2.000", "1.500")))
    assert code == 0 and [(b["status"], b["hinweis"]) for b in report["befunde"]] == [
        ("nicht eindeutig", "„davon“ darf Teile ungenannt lassen")
    ]


def test_pdf_with_a_password(capsys, tmp_path):
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt("geheim")
    path = tmp_path / "geschuetzt.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    code, out, err = run(capsys, "nachrechnen", str(path))
    assert (code, out) == (2, "")
    assert err == (
        f"{path}: Die PDF-Datei ist mit einem Kennwort geschützt – speichern Sie sie ohne Kennwort und "
        "versuchen Sie es noch einmal.\n"
    )


def test_the_start_of_a_list_that_adds_up_is_found_in_one_pass_as_by_its_definition():
    """best_start (issue 24: time grew with the cube of the lines) gives what its definition gives: the first
    start whose rows add up to the result – checked against that definition, written out, on random lists."""
    import random
    from decimal import Decimal
    from types import SimpleNamespace

    from vorlagen.nachrechnen.aufbau.lesarten import best_start

    def definition(parts, signs, result):
        for start in range(len(parts) - 1):
            if sum(s * abs(z.wert) for s, z in zip(signs[start:], parts[start:])) == result.wert:
                return start
        return 0

    chance = random.Random(24)
    for _ in range(500):
        parts = [
            SimpleNamespace(wert=Decimal(chance.randint(-500, 5000)) / chance.choice([1, 100]))
            for _ in range(chance.randint(0, 12))
        ]
        signs = [-1 if z.wert < 0 or chance.random() < 0.2 else 1 for z in parts]
        cut = chance.randint(0, len(parts)) if parts else 0
        value = (
            sum(s * abs(z.wert) for s, z in zip(signs[cut:], parts[cut:]))
            if chance.random() < 0.7
            else Decimal(chance.randint(0, 99))
        )
        result = SimpleNamespace(wert=value)
        assert best_start(parts, signs, result) == definition(parts, signs, result)


def test_a_list_is_checked_up_to_its_bound_and_a_longer_one_stays_unchecked(capsys, tmp_path):
    """Issue 24: every line may look like the total of all lines above it, so the walk up a list is bounded
    (time linear in the lines). A list within the bound is checked; the total of a longer one is listed as
    „nicht geprüft“ – no false alarm, nothing dropped."""
    from vorlagen.nachrechnen.aufbau.gesamtzeile import MAX_LISTE

    def liste(rows: int) -> str:
        amounts = [1000 + 7 * i for i in range(rows)]
        total = sum(amounts)  # by hand: the figures below are formatted with a thousands dot
        lines = [f"Zuwendung {i + 1}\t{a // 1000}.{a % 1000:03d} €" for i, a in enumerate(amounts)]
        return "\n".join(lines + [f"Summe\t{total // 1000}.{total % 1000:03d} €"]) + "\n"

    code, report, _ = check(capsys, write(tmp_path, "kurz.txt", liste(MAX_LISTE)))
    assert code == 0 and report["zusammenfassung"]["stimmt"] == 1, report["zusammenfassung"]
    code, report, _ = check(capsys, write(tmp_path, "lang.txt", liste(MAX_LISTE + 1)))
    summary = report["zusammenfassung"]
    assert code == 0 and summary["rechnungen"] == 0 and summary["fehler"] == 0
    assert summary["nicht_geprueft"] == MAX_LISTE + 2  # every figure, the total too


def test_a_pipe_an_oversized_file_and_a_zip_bomb_are_refused_in_german(capsys, tmp_path, monkeypatch):
    """Issue 24: every read has a bound. A named pipe is never opened (it would wait for a writer forever); a file
    above the size bound is not read; a DOCX whose parts would unpack to more than the bound is not unpacked."""
    import os
    import zipfile

    from vorlagen.nachrechnen.lesen import datei as lesen

    if hasattr(os, "mkfifo"):
        pipe = tmp_path / "pipe.txt"
        os.mkfifo(pipe)
        assert run(capsys, "nachrechnen", str(pipe)) == (
            2,
            "",
            f"{pipe}: „pipe.txt“ ist keine gewöhnliche Datei (sondern z. B. eine benannte Pipe oder ein Gerät) "
            "– legen Sie dort eine echte Datei ab.\n",
        )
    monkeypatch.setattr(lesen, "MAX_BYTES", 1024 * 1024)  # 1 MB instead of 20, so that the test stays small
    big = write(tmp_path, "gross.txt", "1 €\n" * 300_000)
    assert run(capsys, "nachrechnen", str(big)) == (
        2,
        "",
        f"{big}: „gross.txt“ ist größer als 1 MB – so große Dateien liest vorlagen nicht; verkleinern Sie die Datei.\n",
    )
    monkeypatch.setattr(lesen, "MAX_UNPACKED", 2_000_000)
    bomb = tmp_path / "bombe.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<" + b"a" * 3_000_000 + b">")  # 3 MB unpacked, a few KB packed
    assert bomb.stat().st_size < 100_000
    assert run(capsys, "nachrechnen", str(bomb)) == (
        2,
        "",
        f"{bomb}: Die Word-Datei wäre entpackt größer als 2 MB – so große Dokumente liest nachrechnen nicht; "
        "speichern Sie den Teil mit den Zahlen als eigene Datei.\n",
    )


def test_pypdfs_english_warnings_never_reach_the_user(capsys, tmp_path):
    """Issue 24: a PDF cut off before its end marker made pypdf print "EOF marker not found" (and a CAUTION) in
    English before our German message."""
    import io

    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(100, 100)
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / "abgeschnitten.pdf"
    path.write_bytes(buffer.getvalue().replace(b"%%EOF", b""))
    assert run(capsys, "nachrechnen", str(path)) == (
        2,
        "",
        f"{path}: Die PDF-Datei lässt sich nicht lesen – ist sie beschädigt oder mit einem Kennwort geschützt? "
        "Speichern Sie sie neu (als DOCX oder PDF) und versuchen Sie es noch einmal.\n",
    )
