"""The layout check after WeasyPrint's layout: text running out of its box and a Gremium wrapped over three lines
are German warnings naming the field and the document; the example and every fixture pass without one."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from tests.hilfen import DATA, ROOT, WIESENBRUECK, edit, freigeben, run
from tests.hilfen.satz import bilder
from tests.referenz.rechnen import euro

FONTS = ROOT / "templates" / "fonts"
FIXTURES = ROOT / "tests" / "fixtures"
LONG_ART = "Dringlichkeitsentscheidungsgenehmigungsbeschlussvorlage"  # one word: nothing to wrap
GREMIUM_50 = "Ausschuss für Soziales, Integration und Gesundheit"


def width_mm(text: str, font: str, points: float) -> float:
    """The advance width of `text` set in one of the shipped fonts, read from the font file (not from WeasyPrint)."""
    ttf = TTFont(FONTS / font)
    cmap, metrics, units = ttf.getBestCmap(), ttf["hmtx"], ttf["head"].unitsPerEm
    return sum(metrics[cmap[ord(c)]][0] for c in text) / units * points * 25.4 / 72


def warnings(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("Warnung:")]


@pytest.mark.langsam  # builds whole repositories
def test_a_vorlagenart_too_long_for_the_header_box_is_a_warning_naming_field_and_vorlage(data, capsys, tmp_path):
    edit(
        data / "koerperschaft.yaml",
        '  akzentfarbe: "#00599c"\n',
        '  akzentfarbe: "#00599c"\n  arten:\n'
        f"    Beschlussvorlage: {{ueberschrift: {LONG_ART}, beschlussvorschlag: pflicht}}\n"
        "    Mitteilungsvorlage: {beschlussvorschlag: verboten}\n",
    )
    freigeben(data)  # the changed print signed again: no ENTWURF, no OParl warning
    code, out, _ = run(capsys, "--data", str(data), "--out", str(tmp_path / "out"))
    assert code == 0  # a warning, the build goes on
    # the box is at most 70 mm wide (vorlage.css); the word is set in Liberation Sans Bold 12 pt
    over = f"{math.ceil((width_mm(LONG_ART, 'LiberationSans-Bold.ttf', 12) - 70) * 10) / 10:.1f}".replace(".", ",")
    assert warnings(out) == [
        f"Warnung: data/vorlagen/2021-0123: Vorlage 2021/0123: Vorlagenart: „{LONG_ART}“ läuft {over} mm über den "
        "Rand – kürzen Sie den Text oder geben Sie ihm im Stylesheet mehr Platz (breiter, kleinere Schrift)."
    ]
    # built again without a change: the PDF is reused, and the warning with it
    code, again, _ = run(capsys, "--data", str(data), "--out", str(tmp_path / "out"))
    assert code == 0 and "2021/0123 unverändert" in again and warnings(again) == warnings(out)


def lines_in_narrowest_column(text: str, others: list[str], font: str, points: float) -> int:
    """Lines of `text` in a column as narrow as the widest word of its cells (`text` and `others`), filled greedily
    (as a browser breaks lines)."""
    words = text.split()
    column = max(width_mm(word, font, points) for cell in [text, *others] for word in cell.split())
    lines, current = 0, None
    for word in words:
        candidate = word if current is None else f"{current} {word}"
        if current is not None and width_mm(candidate, font, points) <= column + 1e-6:
            current = candidate
        else:
            lines, current = lines + 1, word
    return lines


@pytest.mark.langsam  # builds whole repositories
def test_a_gremium_wrapped_over_more_than_two_lines_is_a_warning(data, capsys, tmp_path):
    """A body's stylesheet that leaves the Gremium column no room: its 50-character name wraps word by word."""
    assert len(GREMIUM_50) == 50
    edit(data / "koerperschaft.yaml", "name: Ausschuss für Soziales und Integration,", f'name: "{GREMIUM_50}",')
    edit(data / "koerperschaft.yaml", '  akzentfarbe: "#00599c"\n', '  akzentfarbe: "#00599c"\n  stylesheet: eng.css\n')
    (data / "eng.css").write_text(".beratungsfolge .spalte-gremium { width: 1%; }\n", encoding="utf-8")
    freigeben(data)  # the changed print signed again: no ENTWURF, no OParl warning
    code, out, _ = run(capsys, "--data", str(data), "--out", str(tmp_path / "out"))
    assert code == 0
    # both Vorlagen go to the Kreisausschuss too; table text is set in 9,5 pt
    lines = lines_in_narrowest_column(GREMIUM_50, ["Kreisausschuss"], "LiberationSans-Regular.ttf", 9.5)
    assert lines > 2
    assert sorted(warnings(out)) == [  # in the order the documents are done
        f"Warnung: data/vorlagen/{folder}: Vorlage {nummer}: Spalte „Gremium“: „{GREMIUM_50}“ bricht über {lines} "
        "Zeilen um (höchstens 2) – kürzen Sie den Text oder geben Sie ihm im Stylesheet mehr Platz."
        for folder, nummer in [("2021-0123", "2021/0123"), ("2021-0130", "2021/0130")]
    ]


@pytest.mark.langsam  # builds whole repositories
def test_long_names_of_real_bodies_get_the_room_they_need(data, capsys, tmp_path):
    """„Genehmigung einer Dringlichkeitsentscheidung“ in the header box and a 50-character Gremium fit the
    shipped templates: no warning."""
    edit(
        data / "koerperschaft.yaml",
        '  akzentfarbe: "#00599c"\n',
        '  akzentfarbe: "#00599c"\n  arten:\n'
        "    Beschlussvorlage: {ueberschrift: Genehmigung einer Dringlichkeitsentscheidung, "
        "beschlussvorschlag: pflicht}\n    Mitteilungsvorlage: {beschlussvorschlag: verboten}\n",
    )
    edit(data / "koerperschaft.yaml", "name: Ausschuss für Soziales und Integration,", f'name: "{GREMIUM_50}",')
    freigeben(data)  # the changed print signed again: no ENTWURF, no OParl warning
    code, out, _ = run(capsys, "--data", str(data), "--out", str(tmp_path / "out"), "--mappen")
    assert code == 0 and warnings(out) == []


@pytest.mark.langsam  # builds whole repositories
def test_a_50_character_gremium_fits_two_lines_beside_five_other_columns(capsys, tmp_path):
    """Wiesenbrück prints all six columns of the Beratungsfolge."""
    from tests.hilfen import copy_data

    data = copy_data(WIESENBRUECK, tmp_path)
    edit(data / "koerperschaft.yaml", 'name: "Ausschuss für Umwelt, Klima und Mobilität"', f'name: "{GREMIUM_50}"')
    code, out, _ = run(capsys, "--data", str(data), "--out", str(tmp_path / "out"))
    assert code == 0 and warnings(out) == []


@pytest.mark.langsam  # builds whole repositories
@pytest.mark.parametrize(
    "folder",
    [DATA, *sorted(p.parent for p in FIXTURES.glob("*/koerperschaft.yaml"))],
    ids=lambda folder: Path(folder).name,
)
def test_no_layout_warning_in_the_example_or_any_fixture(folder, capsys, tmp_path):
    """…and every page it prints goes to the page images (tests/hilfen/satz.py), for people to look at."""
    code, out, _ = run(capsys, "--data", str(folder), "--out", str(tmp_path / "out"), "--mappen")
    assert code == 0 and warnings(out) == []
    name = Path(folder).name
    for pdf in sorted((tmp_path / "out").rglob("*.pdf")):
        bilder(pdf, f"{name}-{pdf.relative_to(tmp_path / 'out').with_suffix('').as_posix().replace('/', '-')}")


def test_the_check_names_a_heading_and_a_table_column_of_any_template(tmp_path):
    """Without names from the template: a heading is „Überschrift“, a cell is named by its column's head."""
    from weasyprint import HTML

    from vorlagen.render.layout import overflows

    word = "Donaudampfschifffahrtsgesellschaftskapitänsmütze"
    html = (
        f"<html><body style='width: 60mm'><h2 style='hyphens: manual'>{word}</h2>"
        f"<table style='table-layout: fixed; width: 60mm'><thead><tr><th>Zweck</th><th>Betrag</th></tr></thead>"
        f"<tbody><tr><td>{word}</td><td>1 €</td></tr></tbody></table></body></html>"
    )
    found = overflows(HTML(string=html).render())
    assert [message.split(":")[0] for message in found] == ["Überschrift", "Spalte „Zweck“"]


def test_the_mappe_numbers_its_pages_once_and_a_pdf_handed_in_keeps_its_own(tmp_path):
    """Our parts' „Seite 1 von 1“ gives way to the Mappe's number; a PDF handed in is not changed."""
    import datetime as dt
    import io
    import re

    import pypdf

    from vorlagen.core.problems import Where
    from vorlagen.meetings import mappe
    from vorlagen.render.pdf import render_pdf

    templates = ROOT / "templates"
    html = (
        '<html lang="de"><head><title>Teil</title><link rel="stylesheet" href="vorlage.css"></head>'
        '<body><div class="laufkopf">Laufkopf</div><p>Inhalt</p></body></html>'
    )
    pdf = render_pdf(html, templates, [templates], Where("teil"), dt.date(2021, 6, 1))
    merged = mappe.assemble(
        [mappe.Teil(pdf, [(0, "eigen")]), mappe.Teil(pdf, [(0, "eingereicht")], eigen=False)],
        lambda inhalt: pdf,
        "Mappe",
        "Sitzungsmappe ASI 10.06.2021",
    )
    texts = [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(merged)).pages]
    assert [re.findall(r"Seite \d+ von \d+", text) for text in texts] == [
        ["Seite 1 von 3"],
        ["Seite 2 von 3"],
        ["Seite 1 von 1", "Seite 3 von 3"],
    ]


GRANTS = """  - id: zuweisungen
    art: Aufstellung
    titel: Zuweisungen aus dem Fonds
    spalten: [Kommune, Zweck]
    kosten:
      - {betrag: 100000, als: Zuweisung, felder: {Kommune: Alfter, Zweck: Sprachkurse}}
      - {betrag: 0, als: Zuweisung, felder: {Kommune: Bornheim, Zweck: Beratung}}
      - {betrag: 95500, als: Zuweisung, felder: {Kommune: Hennef, Zweck: Beratung}}
"""


@pytest.mark.langsam  # builds whole repositories
def test_a_grant_list_prints_kommune_and_zweck_no_berechnung_and_0_euro_spaced_like_the_others(data, capsys, tmp_path):
    import pypdf

    edit(data / "vorlagen/2021-0123/vorlage.yaml", "finanzierung:\n", "finanzierung:\n" + GRANTS)
    edit(
        data / "vorlagen/2021-0123/erlaeuterungen.md",
        '{{ tabelle("m1-steuerung") }}',
        '{{ tabelle("zuweisungen") }}\n\n{{ tabelle("m1-steuerung") }}',
    )
    freigeben(data)  # the changed print signed again: no ENTWURF, no OParl warning
    code, out, _ = run(capsys, "--data", str(data), "--out", str(tmp_path / "out"))
    assert code == 0 and warnings(out) == []
    pdf = pypdf.PdfReader(tmp_path / "out/vorlagen/2021-0123/2021-0123.pdf")
    text = "\n".join(page.extract_text() for page in pdf.pages)
    start = text.index("Zuweisungen aus dem Fonds\n")
    nb = "\u00a0"  # every amount: digits, one no-break space, €
    assert text[start:].splitlines()[1:6] == [
        "Kommune Zweck Betrag Posten",
        f"Alfter Sprachkurse 100.000{nb}€ Zuweisung",
        f"Bornheim Beratung 0{nb}€ Zuweisung",
        f"Hennef Beratung 95.500{nb}€ Zuweisung",
        f"= {euro(100000 + 0 + 95500)} Summe",
    ]


def test_a_picture_wider_than_its_place_is_named_by_its_alt_text():
    from weasyprint import HTML

    from vorlagen.render.layout import overflows

    svg = "data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' width='340' height='20'></svg>"
    html = f"<html><body style='width: 60mm'><p><img alt='Lageplan' src=\"{svg}\"></p></body></html>"
    over = f"{math.ceil((340 * 25.4 / 96 - 60) * 10) / 10:.1f}".replace(".", ",")  # 340 CSS pixels in 60 mm
    assert overflows(HTML(string=html).render()) == [
        f"Text: Das Bild „Lageplan“ ist {over} mm breiter als sein Platz – verkleinern Sie es (Breite in Pixeln) "
        "oder teilen Sie es auf."
    ]


def test_careless_marks_of_an_own_template_are_ignored_or_shortened():
    """data-zeilen that is no positive number bounds nothing; an endless data-feld is cut in the message."""
    from weasyprint import HTML

    from vorlagen.render.layout import overflows

    words = " ".join(["Wort"] * 30)
    cells = "".join(f"<p data-zeilen='{bad}' style='width: 30mm'>{words}</p>" for bad in ("abc", "0", "-1", "2.5", ""))
    html = (
        f"<html><body>{cells}<p data-feld='{'F' * 500}' style='width: 5mm; hyphens: manual'>Überlänge</p></body></html>"
    )
    found = overflows(HTML(string=html).render())
    assert len(found) == 1 and found[0].startswith("F" * 79 + "…: „Überlänge“ läuft ")


def test_the_check_looks_at_most_at_max_boxen_boxes(monkeypatch):
    """A document of more boxes is checked that far, and no further (the walk is bounded)."""
    from weasyprint import HTML

    from vorlagen.render import layout

    html = (
        "<html><body><p style='width: 5mm; hyphens: manual'>Anfangsüberlänge</p>"
        + "<p>Absatz</p>" * 50
        + "<p style='width: 5mm; hyphens: manual'>Schlussüberlänge</p></body></html>"
    )
    document = HTML(string=html).render()
    assert [m.split("“")[0] for m in layout.overflows(document)] == [
        "Text: „Anfangsüberlänge",
        "Text: „Schlussüberlänge",
    ]
    monkeypatch.setattr(layout, "MAX_BOXEN", 20)
    assert [m.split("“")[0] for m in layout.overflows(document)] == ["Text: „Anfangsüberlänge"]
