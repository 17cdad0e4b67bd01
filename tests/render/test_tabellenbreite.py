"""Computed tables – defined in a Vorlage's vorlage.yaml, printed by a template – are fitted as typed tables are (heads
broken into syllables, a smaller font, landscape), and one that fits nowhere is named by the file and line of its
definition, its caption, its whole first header row and the millimetres it lacks, in `bauen` and in `pruefen`
(issue 38). Measured in the PDF."""

from __future__ import annotations

import re
from fractions import Fraction
from pathlib import Path

import pytest

from tests.hilfen import ROOT, composed, copy_data, edit, line_of, problems_of, run
from tests.hilfen.satz import breite, seite_mit, seiten, vorlage_pdf
from tests.referenz.rechnen import euro
from vorlagen.core.pfade import gezeigt

# messages name files from where the command ran: as users, the tests run from the repository (tmp_path)
pytestmark = pytest.mark.usefixtures("aus_dem_repository")

WESERBRUCH = ROOT / "tests" / "fixtures" / "weserbruch"
VORLAGE = Path("vorlagen/2023-0233/vorlage.yaml")
A4_RECHTS = 210 - 20  # the right edge of an upright page's content (vorlage.css: margins 25 mm left, 20 mm right)
QUER_BREITE = 297 - 25 - 20  # the width of a landscape page's content
PADDING = 4  # mm of a table cell's left and right padding together (vorlage.css: 2 mm each)
MILLIARDE = "1.000.000.000\u00a0€"  # how a Matrix in Euro prints 1000000000


def _matrix(data: Path, spalten: list[str], wert: int = 1_000_000_000) -> int:
    """Defines a Matrix „Zuschüsse je Ortsteil“ (one row „Nord“, `wert` in every column, no sums) in the
    Mitteilungsvorlage and prints it in its text; returns the line of its entry in vorlage.yaml."""
    zellen = ", ".join(f"{s}: {wert}" for s in spalten)
    with (data / VORLAGE).open("a", encoding="utf-8") as file:
        file.write(
            "finanzierung:\n"
            "  - id: ortsteile\n"
            "    art: Matrix\n"
            "    titel: Zuschüsse je Ortsteil\n"
            "    zeilenkopf: Ortsteil\n"
            f"    spalten: [{', '.join(spalten)}]\n"
            "    zeilensummen: false\n"
            "    spaltensummen: false\n"
            "    zeilen:\n"
            f"      - {{id: nord, als: Nord, zellen: {{{zellen}}}}}\n"
        )
    (data / "vorlagen/2023-0233/sachverhalt.md").write_text(
        'Die Zuschüsse im Einzelnen:\n\n{{ tabelle("ortsteile") }}\n\nDanach weiter.\n', encoding="utf-8"
    )
    return line_of(data / VORLAGE, "- id: ortsteile")


TOO_WIDE = re.compile(
    r"^data/vorlagen/2023-0233/vorlage\.yaml:(\d+): Die Tabelle „Zuschüsse je Ortsteil“ mit den Spalten „(.*)“ ist "
    r"auch im Querformat und in der kleinsten Tabellenschrift \(7 pt\) (\d+,\d) mm zu breit für die Seite – kürzen "
    r"Sie Spaltenköpfe und Texte, nehmen Sie weniger Spalten oder teilen Sie die Tabelle\.$"
)


def test_a_computed_table_that_fits_nowhere_names_its_definition_caption_header_and_millimetres(tmp_path, capsys):
    data = copy_data(WESERBRUCH, tmp_path)
    spalten = [f"S{n:02d}" for n in range(1, 21)]
    line = _matrix(data, spalten)
    # at the smallest table font (7 pt for the 8,5 pt heads, so 9,5 × 7/8,5 pt for the cells) on a landscape page:
    # the first column as wide as its bold head broken into syllables („Orts‐“, „teil“) or its row's name, each
    # other as its amount
    body = 9.5 * 7 / 8.5
    first = max(breite("Orts\u2010", "LiberationSans-Bold", 7), breite("Nord", "LiberationSans-Regular", body))
    over = first + PADDING + 20 * (breite(MILLIARDE, "LiberationSans-Regular", body) + PADDING) - QUER_BREITE
    out = tmp_path / "out"
    for command in ([], ["pruefen"]):
        code, _, err = run(capsys, "--data", str(data), "--out", str(out), *command)
        problems = [text for text in err.splitlines() if text.startswith("data/")]
        assert code == 1 and len(problems) == 1, err  # one table: one problem
        found = TOO_WIDE.match(problems[0])
        assert found, problems[0]
        assert int(found[1]) == line  # the line of its entry, not the Vorlage's folder
        assert found[2] == "Ortsteil | " + " | ".join(spalten)  # the whole first header row
        assert float(found[3].replace(",", ".")) == pytest.approx(over, abs=1.0)
        assert not out.exists()  # nothing written


def test_a_computed_table_with_long_heads_gets_them_broken_into_syllables_first(tmp_path):
    data = copy_data(WESERBRUCH, tmp_path)
    spalten = ["Investitionszuschuss", "Betriebskostenzuschuss", "Sanierungszuschuss", "Ausstattungszuschuss"]
    spalten.append("Erweiterungsinvestition")  # five heads, too wide side by side unbroken
    _matrix(data, spalten, 1000)
    assert sum(breite(s, "LiberationSans-Bold", 8.5) + PADDING for s in spalten) > A4_RECHTS - 25
    pages = seiten(vorlage_pdf(data, "2023-0233"))
    index = seite_mit(pages, "Nord")
    assert not pages[index].quer
    assert all(zeile.rechts <= A4_RECHTS + 0.5 for zeile in pages[index].zeilen)
    heads = [z for z in pages[index].zeilen if "zuschuss" in z.text or "Investi" in z.text]
    assert heads and any(piece.endswith("\u2010") for z in heads for piece in z.teile)  # broken at a syllable
    pieces = [piece for z in pages[index].zeilen for piece in z.teile]
    # at its joint, as the shipped word list says (the patterns alone gave „Erweiterungsin-vestition“)
    assert "Erweiterungs\u2010" in pieces and "investition" in pieces and "Erweiterungsin\u2010" not in pieces
    cell = next(z for z in pages[index].zeilen if z.text.startswith("Nord"))
    assert cell.groesse == pytest.approx(9.5, abs=0.01)  # not made smaller: breaking the heads was enough


def test_a_slightly_too_wide_computed_table_gets_a_smaller_font_on_its_upright_page(tmp_path):
    data = copy_data(WESERBRUCH, tmp_path)
    _matrix(data, [f"S{n:02d}" for n in range(1, 7)])
    amounts = 6 * (breite(MILLIARDE, "LiberationSans-Regular", 9.5) + PADDING)
    assert amounts > A4_RECHTS - 25  # too wide upright at its full size
    pages = seiten(vorlage_pdf(data, "2023-0233"))
    index = seite_mit(pages, "Nord")
    cell = next(z for z in pages[index].zeilen if z.text.startswith("Nord"))
    assert not pages[index].quer and cell.rechts <= A4_RECHTS + 0.5
    assert 9.5 * 7 / 8.5 - 0.01 <= cell.groesse < 9.5  # smaller, within the Hausstil's bound


def test_a_computed_table_too_wide_for_an_upright_page_goes_landscape_with_its_lead_in(tmp_path):
    data = copy_data(WESERBRUCH, tmp_path)
    _matrix(data, [f"S{n:02d}" for n in range(1, 9)])
    smallest = 8 * (breite(MILLIARDE, "LiberationSans-Regular", 9.5 * 7 / 8.5) + PADDING)
    assert smallest > A4_RECHTS - 25  # no upright page holds it, not even at the smallest font
    pages = seiten(vorlage_pdf(data, "2023-0233"))
    index = seite_mit(pages, "Nord")
    assert pages[index].quer
    assert seite_mit(pages, "Zuschüsse je Ortsteil") == index == seite_mit(pages, "Die Zuschüsse im Einzelnen")
    assert all(zeile.rechts <= 297 - 20 + 0.5 for zeile in pages[index].zeilen)
    assert not pages[seite_mit(pages, "Danach weiter.")].quer


def test_the_line_a_table_names_is_not_part_of_what_a_sign_off_signs_nor_of_the_pdf_identifier():
    """A line added above a table moves its data-quelle: the Druckbild of a sign-off and the PDF's /ID stay."""
    from vorlagen.render.druckbild import html_digest
    from vorlagen.render.pdf import _identifier

    html = '<table class="matrix" data-quelle="vorlagen/2023-0233/vorlage.yaml:12"><tr><td>1 €</td></tr></table>'
    moved = html.replace(":12", ":13")
    assert html_digest(html, []) == html_digest(moved, [])
    assert _identifier(html, []) == _identifier(moved, [])
    assert html_digest(html, []) != html_digest(html.replace("1 €", "2 €"), [])  # what prints still counts


# Two real Investitionsprogramme of the Stadt Vohenstrauß, as their Beschlüsse state them (ris.komuna.net/vohenstrauss,
# Stadtrat 16.05.2024 „Aufstellung des Investitionsprogramms für die Haushaltsjahre 2023 - 2027“ and 28.04.2025
# „… 2024 - 2028“): the amount of each Haushaltsjahr and the Gesamtsumme.
PROGRAMME = {
    "2023 bis 2027 (Stadtrat 16.05.2024)": (
        {2023: 5_919_000, 2024: 7_426_000, 2025: 7_966_000, 2026: 8_961_000, 2027: 9_141_000},
        39_412_000,
    ),
    "2024 bis 2028 (Stadtrat 28.04.2025)": (
        {2024: 7_426_000, 2025: 7_360_000, 2026: 9_540_000, 2027: 10_284_000, 2028: 7_470_000},
        42_080_000,
    ),
}


def _investitionsprogramme(data: Path, erwartet: set[str]) -> None:
    """The two programmes as a Matrix (a row each, a column per Haushaltsjahr, the Gesamtsumme computed), the
    Beschluss's Gesamtsumme as `erwartet` in the rows named in `erwartet`."""
    jahre = sorted({jahr for zellen, _ in PROGRAMME.values() for jahr in zellen})
    zeilen = ""
    for index, (als, (zellen, gesamt)) in enumerate(PROGRAMME.items()):
        werte = ", ".join(f'"{jahr}": {betrag}' for jahr, betrag in zellen.items())
        zeilen += f"      - id: ip-{index}\n        als: {als}\n        zellen: {{{werte}}}\n"
        zeilen += f"        erwartet: {{summe: {gesamt}}}\n" if als in erwartet else ""
    with (data / VORLAGE).open("a", encoding="utf-8") as file:
        file.write(
            "finanzierung:\n  - id: investitionsprogramm\n    art: Matrix\n"
            "    titel: Investitionsprogramme der Stadt Vohenstrauß nach Haushaltsjahren\n"
            "    zeilenkopf: Investitionsprogramm\n"
            f"    spalten: [{', '.join(f'{chr(34)}{j}{chr(34)}' for j in jahre)}]\n"
            f"    summe_als: Gesamtsumme\n    spaltensummen: false\n    zeilen:\n{zeilen}"
        )
    (data / "vorlagen/2023-0233/sachverhalt.md").write_text(
        'Die Investitionsprogramme:\n\n{{ tabelle("investitionsprogramm") }}\n', encoding="utf-8"
    )


def test_real_investment_programmes_print_every_year_and_compute_their_total_as_the_council_decided(tmp_path):
    """The 2024–2028 programme: its five years add up to the Gesamtsumme its Beschluss states (42.080.000 €); the
    table of eight columns of amounts fits its page."""
    data = copy_data(WESERBRUCH, tmp_path)
    _investitionsprogramme(data, {"2024 bis 2028 (Stadtrat 28.04.2025)"})
    pages = seiten(vorlage_pdf(data, "2023-0233"))
    text = "\n".join(page.text() for page in pages)
    for zellen, _ in PROGRAMME.values():
        assert all(euro(Fraction(betrag)) in text for betrag in zellen.values())
    zellen, gesamt = PROGRAMME["2024 bis 2028 (Stadtrat 28.04.2025)"]
    assert sum(Fraction(b) for b in zellen.values()) == gesamt and euro(Fraction(gesamt)) in text
    index = seite_mit(pages, euro(Fraction(10_284_000)))
    assert all(zeile.rechts <= A4_RECHTS + 0.5 for zeile in pages[index].zeilen)


def test_the_2023_programme_states_a_total_1000_euro_below_the_sum_of_its_years(tmp_path):
    """The Beschluss of 16.05.2024 names 39.412.000 € in all, its five years add up to 39.413.000 € (amounts rounded to
    thousands): with that Gesamtsumme as `erwartet` the build stops at its line and names both."""
    data = copy_data(WESERBRUCH, tmp_path)
    als = "2023 bis 2027 (Stadtrat 16.05.2024)"
    _investitionsprogramme(data, {als})
    zellen, gesamt = PROGRAMME[als]
    summe = sum(Fraction(b) for b in zellen.values())
    assert summe - gesamt == 1000
    line = line_of(data / VORLAGE, f"erwartet: {{summe: {gesamt}}}")
    assert problems_of(data) == [
        f"data/{VORLAGE.as_posix()}:{line}: Berechnung „investitionsprogramm“, Zeile „{als}“, Gesamtsumme: berechnet "
        f"{euro(summe)}, erwartet {euro(Fraction(gesamt))} – prüfen Sie den erwarteten Wert und die Eingangswerte."
    ]


# The Eigenanteil-Übersicht and the Haushalt tables name what defines them when they fit no page, as the other computed
# tables do: real cases of tests/fixtures (Lohne, Mainz) with one Bezeichnung that cannot break.
FIXTURES = ROOT / "tests" / "fixtures"
# one word no line can break, as wide as a landscape page and more at 7 pt
WORT = "Verwaltungsgebührenerstattungsverordnungsänderungsgesetzgebungszuständigkeitsübertragungsverordnung" * 2
TAIL = (
    r" ist auch im Querformat und in der kleinsten Tabellenschrift \(7 pt\) \d+,\d mm zu breit für die Seite – "
    r"kürzen Sie Spaltenköpfe und Texte, nehmen Sie weniger Spalten oder teilen Sie die Tabelle\.$"
)


def _one_problem(capsys, data: Path, tmp_path: Path) -> list[str]:
    """The problems of `bauen` and of `pruefen` (each exactly one)."""
    found = []
    out = tmp_path / "out"
    for command in ([], ["pruefen"]):
        code, _, err = run(capsys, "--data", str(data), "--out", str(out), *command)
        problems = [text for text in err.splitlines() if text.startswith("data/")]
        assert code == 1 and len(problems) == 1, err
        assert not out.exists()
        found += problems
    return found


def test_a_deckungskreis_table_that_fits_nowhere_names_the_circles_entry_in_the_haushalt(tmp_path, capsys):
    data = copy_data(FIXTURES / "lohne", tmp_path)
    haushalt = data / "haushalt/2009.yaml"
    edit(haushalt, '{konto: "000.650", bezeichnung: Geschäftsausgaben,', f'{{konto: "000.650", bezeichnung: {WORT},')
    line = line_of(haushalt, '{id: "650", bezeichnung: Deckungskreis Nr. 650}')
    expected = re.compile(
        rf"^data/haushalt/2009\.yaml:{line}: Die Tabelle „Deckungskreis Nr\. 650, Haushaltsjahr 2009“ mit den Spalten "
        rf"„Haushaltsstelle \| Bezeichnung \| Ansatz \| Ausgaben“{TAIL}"
    )
    for problem in _one_problem(capsys, data, tmp_path):
        assert expected.match(problem), problem  # before: „data/vorlagen/deckungskreis-650-2009: Die Tabelle …“


def test_the_table_of_the_haushalt_positions_that_fits_nowhere_names_its_positionen_in_vorlage_yaml(tmp_path, capsys):
    data = copy_data(FIXTURES / "mainz", tmp_path)
    edit(data / "haushalt/2023.yaml", "    art: Projekt\n", f"    bezeichnung: {WORT}\n    art: Projekt\n")
    vorlage = data / "vorlagen/praeparation/vorlage.yaml"
    line = line_of(vorlage, "  positionen:")
    expected = re.compile(
        rf"^data/vorlagen/praeparation/vorlage\.yaml:{line}: Die Tabelle „Haushaltsmittel je Haushaltsjahr“ mit den "
        r"Spalten „Jahr \| Position \| Betrag \| Ansatz \| gebunden \| verfügbar \| Mittel vorhanden \| Mehrbedarf“"
        rf"{TAIL}"
    )
    for problem in _one_problem(capsys, data, tmp_path):
        assert expected.match(problem), problem  # before: „data/vorlagen/praeparation: Die Tabelle …“


def test_the_deckung_table_names_its_deckung_in_vorlage_yaml():
    vorlage = FIXTURES / "lohne/vorlagen/deckungskreis-650-2009/vorlage.yaml"
    from vorlagen.compute.project import prepare

    a = prepare(FIXTURES / "lohne").rechnungen["deckungskreis-650-2009"].haushalt
    assert (a.quellen["deckung"].line, a.quellen["positionen"].line) == (
        line_of(vorlage, "  deckung:"),
        line_of(vorlage, "  positionen:"),
    )


def test_the_eigenanteil_uebersicht_names_the_first_berechnung_it_sums_up():
    """The Übersicht sums the Eigenanteil-Berechnungen: its line is that of the first of them (for the layout check;
    the output and a sign-off leave every table's line out, tests/render/test_tabellenbreite.py)."""
    doc = composed(ROOT / "data")
    line = line_of(ROOT / "data/vorlagen/2021-0123/vorlage.yaml", "- id: m1-steuerung")
    quelle = f'data-quelle="{gezeigt(ROOT / "data/vorlagen/2021-0123/vorlage.yaml")}:{line}"'
    tables = re.findall(r'<table class="uebersicht[^"]*"[^>]*>', doc.print_html)
    assert tables and all(quelle in t for t in tables), tables
