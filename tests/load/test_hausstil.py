"""The Hausstil as data: every key changes what is printed, the defaults change nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest

from tests.hilfen import ROOT, composed, edit, freigeben, line_of, problems_of, run
from tests.hilfen.pdf import pdf_text
from vorlagen.compute.project import prepare
from vorlagen.render.document import Composer

V = "vorlagen/2021-0123/vorlage.yaml"
K = "koerperschaft.yaml"


def html_of(data: Path, nummer: str = "2021/0123") -> str:
    """The web HTML of one Vorlage, composed without rendering PDFs."""
    return composed(data, nummer).web_html


def section(html: str, css_class: str) -> str:
    match = re.search(rf'<section class="{css_class}">(.*?)</section>', html, re.S)
    assert match, f"no section {css_class}"
    return match[1]


def hausstil(data: Path, yaml: str) -> None:
    """Appends keys under `hausstil:` of the example's koerperschaft.yaml."""
    edit(data / K, 'hausstil:\n  akzentfarbe: "#00599c"\n', 'hausstil:\n  akzentfarbe: "#00599c"\n' + yaml)


# --- Beratungsfolge -----------------------------------------------------------------------


def without_niederschriften(data: Path) -> None:
    """The example records results in Niederschriften; these tests look at results stated in the Vorlage (and not at
    the Haushalt a decision kept: beschlossen.yaml goes too)."""
    for path in [*data.glob("sitzungen/*/niederschrift.yaml"), *data.glob("vorlagen/*/beschlossen.yaml")]:
        path.unlink()


def test_beratungsfolge_columns_labels_and_heading_come_from_the_hausstil(data):
    without_niederschriften(data)
    hausstil(
        data,
        "  beratungsfolge:\n    ueberschrift: Beratungsreihenfolge\n"
        "    spalten: [gremium, datum, uhrzeit, berichterstattung, ergebnis]\n"
        "    beschriftung: {datum: Termin, uhrzeit: Uhrzeit, ergebnis: Stand}\n",
    )
    edit(
        data / V,
        "{sitzung: ASI-2021-06-10, rolle: Vorberatung}",
        "{sitzung: ASI-2021-06-10, rolle: Vorberatung, ergebnis: geändert beschlossen,\n"
        "     berichterstattung: {name: Frau Berger, funktion: Leitung des KI}}",
    )
    part = section(html_of(data), "beratungsfolge")
    assert "<h2>Beratungsreihenfolge</h2>" in part
    headers = re.findall(r'<th scope="col">(.*?)</th>', part)
    assert headers == ["Gremium", "Termin", "Uhrzeit", "Berichterstattung", "Stand"]
    rows = [re.findall(r"<td>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", part)[1:]]
    assert rows[0] == [
        "Ausschuss für Soziales und Integration",
        "10.06.2021",
        "15:00 Uhr",
        'Frau Berger<br><span class="funktion">Leitung des KI</span>',
        "geändert beschlossen",
    ]
    assert rows[1][3:] == ["", ""]  # the Kreisausschuss step has neither yet
    assert "Zuständigkeit" not in part  # the role column was left out


def test_default_beratungsfolge_shows_date_gremium_and_role(data):
    without_niederschriften(data)
    part = section(html_of(data), "beratungsfolge")
    assert re.findall(r'<th scope="col">(.*?)</th>', part) == ["Datum", "Gremium", "Zuständigkeit"]
    assert "<td>21.06.2021</td><td>Kreisausschuss</td><td>Entscheidung</td>" in part


def test_a_result_stated_in_the_vorlage_gets_the_ergebnis_column_and_leaves_the_sign_off_valid(data):
    """Without any Niederschrift and without an Ergebnis column in the Hausstil, a result stated in the Beratungsfolge
    is printed in a column of its own; results come later and are not signed, so the Kämmerei's sign-off holds."""
    without_niederschriften(data)
    edit(
        data / V,
        "{sitzung: KA-2021-06-21, rolle: Entscheidung}",
        "{sitzung: KA-2021-06-21, rolle: Entscheidung, ergebnis: erledigt}",
    )
    project = prepare(data)
    source = next(s for s in project.facts.vorlagen if s.vorlage.nummer == "2021/0123")
    doc = Composer(project).compose(source)
    part = section(doc.web_html, "beratungsfolge")
    assert re.findall(r'<th scope="col">(.*?)</th>', part) == ["Datum", "Gremium", "Zuständigkeit", "Ergebnis"]
    assert "<td>21.06.2021</td><td>Kreisausschuss</td><td>Entscheidung</td><td>erledigt</td>" in part
    assert "<td>10.06.2021</td><td>Ausschuss für Soziales und Integration</td><td>Vorberatung</td><td></td>" in part
    assert doc.freigabe is not None and [(s.rolle, s.zustand) for s in doc.freigabe.staende] == [("Kämmerei", "gültig")]


def test_beratungsfolge_without_any_rolle_has_no_role_column(data):
    """Bodies (ALLRIS) often state no Zuständigkeit: nothing is invented, the column is left out."""
    without_niederschriften(data)
    edit(data / V, "{sitzung: ASI-2021-06-10, rolle: Vorberatung}", "{sitzung: ASI-2021-06-10}")
    edit(data / V, "{sitzung: KA-2021-06-21, rolle: Entscheidung}", "sitzung: KA-2021-06-21")
    part = section(html_of(data), "beratungsfolge")
    assert re.findall(r'<th scope="col">(.*?)</th>', part) == ["Datum", "Gremium"]
    assert "<td>21.06.2021</td><td>Kreisausschuss</td></tr>" in part and "Entscheidung" not in part


def test_beratungsfolge_with_some_roles_leaves_the_others_empty(data):
    without_niederschriften(data)
    edit(data / V, "{sitzung: ASI-2021-06-10, rolle: Vorberatung}", "{sitzung: ASI-2021-06-10}")
    part = section(html_of(data), "beratungsfolge")
    assert re.findall(r'<th scope="col">(.*?)</th>', part) == ["Datum", "Gremium", "Zuständigkeit"]
    assert "<td>10.06.2021</td><td>Ausschuss für Soziales und Integration</td><td></td>" in part
    assert "<td>21.06.2021</td><td>Kreisausschuss</td><td>Entscheidung</td>" in part


def test_an_unknown_rolle_is_still_an_error_when_one_is_given(capsys, data):
    edit(data / V, "rolle: Vorberatung}", "rolle: Vorberatnug}")
    code, out, err = run(capsys, "check", "--data", str(data))
    assert code == 1 and f"data/{V}:{line_of(data / V, 'Vorberatnug')}: " in err and "„Vorberatnug“" in err


def test_two_gremien_on_one_day_keep_the_stated_order(data):
    sitzung = (data / "sitzungen" / "KA-2021-06-21.yaml").read_text(encoding="utf-8")
    (data / "sitzungen" / "KT-2021-06-21.yaml").write_text(
        sitzung.replace("gremium: KA", "gremium: KT")
        .replace("tagesordnung", "alt_tagesordnung")
        .split("alt_tagesordnung")[0],
        encoding="utf-8",
    )
    edit(
        data / V,
        "  - {sitzung: KA-2021-06-21, rolle: Entscheidung}",
        "  - {sitzung: KA-2021-06-21, rolle: Vorberatung}\n  - {sitzung: KT-2021-06-21, rolle: Entscheidung}",
    )
    (data / "vorlagen" / "2021-0123" / "beschlossen.yaml").unlink()  # no longer decided by the KA
    part = section(html_of(data), "beratungsfolge")
    assert part.index("Kreisausschuss") < part.index("Kreistag")


# --- Kopf ---------------------------------------------------------------------------------


def test_header_fields_order_labels_and_visibility(data):
    hausstil(
        data,
        "  kopf:\n    felder: [federfuehrend, aktenzeichen, nummer]\n"
        "    beschriftung: {federfuehrend: Federführendes Amt, nummer: Drucksache, oeffentlich: öffentliche Sitzung}\n"
        "    verwaltungschef: false\n",
    )
    edit(data / V, "federfuehrend: KI", "federfuehrend: KI\naktenzeichen: 46.1-KIM")
    html = html_of(data)
    kopf = re.search(r'<table class="metadaten">(.*?)</table>', html, re.S)[1]
    labels, values = re.findall(r'<th scope="col">(.*?)</th>', kopf), re.findall(r"<td>(.*?)</td>", kopf)
    assert list(zip(labels, values)) == [
        ("Federführendes Amt", "Kommunales Integrationszentrum"),
        ("Aktenzeichen", "46.1-KIM"),
        ("Drucksache", "2021/0123"),
    ]
    assert "27.05.2021" not in kopf  # the Datum is not among the fields
    assert "<p>öffentliche Sitzung</p>" in html
    assert "<p>Der Landrat</p>" not in html.split("</header>")[0]


def test_header_label_for_non_public_and_empty_aktenzeichen_left_out(data):
    hausstil(
        data, "  kopf:\n    felder: [nummer, aktenzeichen]\n    beschriftung: {nichtoeffentlich: nicht öffentlich}\n"
    )
    html = html_of(data, "2021/0130")
    assert "<p>nicht öffentlich</p>" in html
    assert "Aktenzeichen" not in html  # the Vorlage has none: no empty line in the header


# --- Vorlagenarten, Beschlussvorschlag, Nummer ---------------------------------------------

ARTEN = """  arten:
    Beschlussvorlage: {beschlussvorschlag: pflicht}
    Mitteilungsvorlage: {ueberschrift: Mitteilung, beschlussvorschlag: verboten}
    Dringlichkeitsvorlage: {beschlussvorschlag: pflicht, abschnitte: {dringlichkeit: pflicht}}
    Ergänzungsvorlage: {bezug: Ergänzung, nummer_aus_bezug: true}
  abschnitte:
    - {id: dringlichkeit, ueberschrift: Begründung der Dringlichkeit}
"""


def test_art_heading_comes_from_the_hausstil(data):
    hausstil(data, ARTEN)
    html = html_of(data, "2021/0130")
    assert '<p class="art">Mitteilung</p>' in html and "<title>Mitteilung 2021/0130:" in html


def test_dringlichkeitsvorlage_prints_its_reason_under_the_hausstil_heading(data):
    hausstil(data, ARTEN)
    edit(data / V, "art: Beschlussvorlage", "art: Dringlichkeitsvorlage\ntexte: {dringlichkeit: dringlich.md}")
    (data / "vorlagen/2021-0123/dringlich.md").write_text(
        "Die Frist des Landes endet vor der nächsten Sitzung.\n", encoding="utf-8"
    )
    part = section(html_of(data), "abschnitt abschnitt-dringlichkeit")
    assert "<h2>Begründung der Dringlichkeit</h2>" in part and "Frist des Landes" in part


def test_unknown_name_in_a_texte_file_is_an_error_with_file_and_line(capsys, data):
    """A typo under `texte:` must not print nothing: the same strict names as in the Beschlussvorschlag."""
    hausstil(data, ARTEN)
    edit(data / V, "art: Beschlussvorlage", "art: Dringlichkeitsvorlage\ntexte: {dringlichkeit: dringlich.md}")
    (data / "vorlagen/2021-0123/dringlich.md").write_text(
        "Die Frist endet.\n\nEs fehlen {{ foo }} Euro.\n", encoding="utf-8"
    )
    code, out, err = run(capsys, "check", "--data", str(data))
    assert code == 1 and out == ""
    assert err.splitlines()[0] == (
        "data/vorlagen/2021-0123/dringlich.md:3: {{ foo }}: „foo“ gibt es nicht. Bekannt sind antraege, bescheide, "
        "finanzierung, haushalt, kennzahlen, koerperschaft, querformat, saetze, stellen, tabelle, uebersicht, "
        "verteilung, verteilungen, vorlage, zahlen."
    )
    assert "1 Problem gefunden" in err


def test_ergaenzungsvorlage_numbered_from_its_original_builds(data):
    hausstil(data, ARTEN)
    folder = data / "vorlagen/2021-0123-1"
    folder.mkdir()
    (folder / "text.md").write_text("# Ergänzung\n\nDie Kommunen haben zugestimmt.\n", encoding="utf-8")
    (folder / "vorlage.yaml").write_text(
        'nummer: "2021/0123/1"\nart: Ergänzungsvorlage\noeffentlich: true\ndatum: 2021-06-01\nfederfuehrend: KI\n'
        "betreff: Ergänzung zum KIM\nberatungsfolge:\n  - {sitzung: KA-2021-06-21, rolle: Entscheidung}\n"
        'abschnitte: [text.md]\nbezug: {vorlage: "2021/0123", art: Ergänzung}\n',
        encoding="utf-8",
    )
    html = html_of(data, "2021/0123/1")
    assert "Ergänzung zu Vorlage 2021/0123 vom 27.05.2021" in html
    assert "Beschlussvorschlag" not in html  # optional and none given: nothing printed


def test_nummer_pattern_accepts_fitting_numbers(data):
    hausstil(data, '  nummer: "JJJJ/NNNN"\n')
    assert "2021/0123" in html_of(data)


# --- Datum ---------------------------------------------------------------------------------


@pytest.mark.langsam  # builds whole repositories
def test_datum_may_be_left_out_when_the_hausstil_says_so(data, tmp_path):
    hausstil(data, "  datum_pflicht: false\n")
    edit(data / V, "datum: 2021-05-27\n", "")
    html = html_of(data)
    kopf = re.search(r'<table class="metadaten">(.*?)</table>', html, re.S)[1]
    assert "Datum" not in kopf and "27.05.2021" not in html
    out = tmp_path / "out"
    assert run_build(data, out) == 0
    # the files are dated by the first Sitzung of the Beratungsfolge (10.06.2021): still deterministic
    reader = pypdf.PdfReader(out / "intern/vorlagen/2021-0123/2021-0123.pdf")
    assert reader.metadata["/CreationDate"].startswith("D:20210610")
    assert "Vorlage 2021/0123 vom" not in pdf_text(out / "intern/vorlagen/2021-0123/2021-0123.pdf")


# --- Finanzen ------------------------------------------------------------------------------


def test_no_invented_finanzen_sentence_by_default(data):
    """A Vorlage that says nothing about its finances prints no block: no „Keine.“ the author did not write."""
    html = html_of(data, "2021/0130")
    assert '<section class="finanzen">' not in html and "Finanzielle Auswirkungen" not in html


def test_the_hausstil_may_choose_the_sentence_for_a_vorlage_without_finanzen(data):
    hausstil(data, '  finanzen: {ohne: "Keine."}\n')
    assert "<h2>Finanzielle Auswirkungen</h2>\n<p>Keine.</p>" in html_of(data, "2021/0130")


def test_no_forced_finanzen_section_when_the_hausstil_leaves_it_out(data):
    hausstil(data, "  finanzen: {ohne: ~}\n")
    assert '<section class="finanzen">' not in html_of(data, "2021/0130")
    assert '<section class="finanzen">' in html_of(data)  # tables ask for it


def test_finanzen_heading_and_yes_no_line(data):
    hausstil(
        data,
        "  finanzen: {ueberschrift: Finanzielle Auswirkungen / Haushalt, ja_nein: true, ohne: Es entstehen keine Kosten.}\n",
    )
    with_tables, without = section(html_of(data), "finanzen"), section(html_of(data, "2021/0130"), "finanzen")
    assert "<h2>Finanzielle Auswirkungen / Haushalt</h2>" in with_tables and '<p class="ja-nein">Ja.</p>' in with_tables
    assert '<p class="ja-nein">Nein.</p>' in without and "<p>Es entstehen keine Kosten.</p>" in without


# --- Unterschrift --------------------------------------------------------------------------


def unterschrift(html: str) -> list[str]:
    match = re.search(r'<div class="unterschrift">(.*?)</div>', html, re.S)
    return re.findall(r"<p>(.*?)</p>", match[1]) if match else []


def test_signature_forms(data):
    assert unterschrift(html_of(data)) == ["Der Landrat"]
    assert unterschrift(html_of(data, "2021/0130")) == [
        "Im Auftrag",
        "gez. M. Berger",
        "Leiterin des Kommunalen Integrationszentrums",
    ]
    hausstil(data, "  unterschrift: {form: keine}\n")
    assert unterschrift(html_of(data)) == []
    assert '<div class="unterschrift">' not in html_of(data)


def test_signature_gez_form_and_labels(data):
    hausstil(data, '  unterschrift: {form: gez, gez: "gez.:", im_auftrag: "Im Auftrag:"}\n')
    edit(data / V, "anlagen:", "unterschrift: {name: Dr. Berger}\nanlagen:")
    assert unterschrift(html_of(data)) == ["gez.: Dr. Berger"]
    edit(data / "vorlagen/2021-0130/vorlage.yaml", "  name: M. Berger", "  name: M. Berger\n  im_auftrag: true")
    assert unterschrift(html_of(data, "2021/0130"))[:2] == ["Im Auftrag:", "gez.: M. Berger"]


# --- Schrift, eigenes Stylesheet, überschriebenes vorlage.css ------------------------------


def run_build(data: Path, out: Path) -> int:
    from vorlagen.cli import main

    return main(["--data", str(data), "--out", str(out)])


def fonts(pdf: Path) -> set[str]:
    names = set()
    for page in pypdf.PdfReader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return names


@pytest.mark.langsam  # builds whole repositories
def test_schrift_liberation_serif_is_embedded(data, tmp_path):
    hausstil(data, "  schrift: Liberation Serif\n")
    out = tmp_path / "out"
    assert run_build(data, out) == 0
    assert {
        f for f in fonts(out / "intern/vorlagen/2021-0123/2021-0123.pdf") if f.startswith("Vorlage-Liberation-Serif")
    }
    assert (out / "assets/fonts/LiberationSerif-Regular.ttf").is_file()


def test_default_build_ships_only_the_sans_fonts(built):
    assert sorted(p.name for p in (built / "assets/fonts").glob("*.ttf")) == [
        "LiberationSans-Bold.ttf",
        "LiberationSans-BoldItalic.ttf",
        "LiberationSans-Italic.ttf",
        "LiberationSans-Regular.ttf",
    ]


@pytest.mark.langsam  # builds whole repositories
def test_own_stylesheet_and_overridden_vorlage_css_are_honoured(data, tmp_path):
    (data / "stil").mkdir()
    (data / "stil/eigen.css").write_text('h1::after { content: " (Hausstil)"; }\n', encoding="utf-8")
    hausstil(data, "  stylesheet: stil/eigen.css\n")
    (data / "templates").mkdir()
    css = (ROOT / "templates/vorlage.css").read_text(encoding="utf-8")
    (data / "templates/vorlage.css").write_text(css + 'h1::before { content: "Entwurf: "; }\n', encoding="utf-8")
    out = tmp_path / "out"
    assert run_build(data, out) == 0
    text = pdf_text(out / "intern/vorlagen/2021-0123/2021-0123.pdf")
    assert "Entwurf: Kommunales Integrationsmanagement" in text and "(Hausstil)" in text
    assert (out / "assets/vorlage.css").read_text(encoding="utf-8").endswith('content: "Entwurf: "; }\n')
    assert (out / "assets/hausstil.css").read_bytes() == (data / "stil/eigen.css").read_bytes()
    web = (out / "intern/vorlagen/2021-0123/2021-0123.html").read_text(encoding="utf-8")
    assert '<link rel="stylesheet" href="../../../assets/hausstil.css">' in web  # an ENTWURF, one folder deeper
    assert {f for f in fonts(out / "intern/vorlagen/2021-0123/2021-0123.pdf") if f.startswith("Vorlage-Sans")}


KLIMA = """abschnitte:
    - {id: klimaschutz, ueberschrift: Auswirkungen auf den Klimaschutz, form: klimaschutz}
  arten:
    Beschlussvorlage: {beschlussvorschlag: pflicht, abschnitte: {klimaschutz: pflicht}}
    Mitteilungsvorlage: {beschlussvorschlag: verboten, abschnitte: {klimaschutz: verboten}}"""

CASES = [
    (
        "ergebnis-unbekannt",
        [(V, "rolle: Vorberatung}", "rolle: Vorberatung, ergebnis: beschlossen}")],
        [
            (
                V,
                "ergebnis: beschlossen",
                "„ergebnis“: „beschlossen“ steht nicht in der Liste „hausstil: beratungsergebnisse“ "
                "der Körperschaft – meinten Sie „geändert beschlossen“? Möglich sind: ungeändert beschlossen, geändert "
                "beschlossen, abgelehnt, zur Kenntnis genommen, zurückgestellt, vertagt, zurückgezogen, abgesetzt, erledigt."
                " Für ein eigenes Wort legen Sie die Liste „beratungsergebnisse:“ unter „hausstil:“ in koerperschaft.yaml an – "
                "sie ersetzt die Standardwörter; übernehmen Sie die, die Sie weiter brauchen.",
            )
        ],
    ),
    (
        "berichterstattung-ohne-name",
        [(V, "rolle: Vorberatung}", "rolle: Vorberatung, berichterstattung: {funktion: Leitung}}")],
        [(V, "berichterstattung", "In „berichterstattung“ fehlt der Eintrag „name“ – ergänzen Sie ihn.")],
    ),
    (
        "unbekannter-hausstil-schluessel",
        [(K, "akzentfarbe:", "farbe: rot\n  akzentfarbe:")],
        [
            (
                K,
                "farbe: rot",
                "Unbekannter Schlüssel „farbe“ in „hausstil“ – meinten Sie „akzentfarbe“? Erlaubt sind: akzentfarbe, logo, schrift, stylesheet, kopf, "
                "datum_pflicht, waehrung, nummer, beratungsfolge, arten, abschnitte, finanzen, ueberschriften, mitzeichnung, unterschrift, tabellen, silbentrennung, word, rollen, beratungsergebnisse, abstimmung, enthaltungen, dringlichkeitsentscheidung, "
                "niederschrift_saetze, vorsitz.",
            )
        ],
    ),
    (
        "unbekannte-spalte",
        [(K, "akzentfarbe:", "beratungsfolge: {spalten: [datum, sitzungsort]}\n  akzentfarbe:")],
        [
            (
                K,
                "sitzungsort",
                "„spalten“: „sitzungsort“ ist nicht vorgesehen. Möglich sind: datum, uhrzeit, gremium, "
                "rolle, berichterstattung, ergebnis.",
            )
        ],
    ),
    (
        "unbekannte-art",
        [(V, "art: Beschlussvorlage", "art: Beschlußvorlage")],
        [
            (
                V,
                "art:",
                "„art“: „Beschlußvorlage“ steht nicht in der Liste „hausstil: arten“ der Körperschaft – meinten Sie "
                "„Beschlussvorlage“? Möglich sind: Beschlussvorlage, Mitteilungsvorlage, Berichtsvorlage, Antrag, "
                "Änderungsantrag, Anfrage. Für ein eigenes Wort "
                "legen Sie die Liste „arten:“ unter „hausstil:“ in koerperschaft.yaml an – sie ersetzt die Standardwörter; "
                "übernehmen Sie die, die Sie weiter brauchen.",
            )
        ],
    ),
    (
        "datum-fehlt",
        [(V, "datum: 2021-05-27\n", "")],
        # at the line before which `datum` goes, naming the switch for a date not known yet (issue 57, point 3)
        [
            (
                V,
                "betreff:",
                "In „vorlage.yaml“ fehlt der Eintrag „datum“ – ergänzen Sie ihn vor „betreff“, z. B. „datum: "
                "2021-06-10“. Steht das Datum noch nicht fest, erlaubt „datum_pflicht: false“ unter „hausstil:“ in "
                "koerperschaft.yaml Vorlagen ohne Datum.",
            )
        ],
    ),
    (
        "nummer-passt-nicht-zum-muster",
        [(K, "akzentfarbe:", 'nummer: "JJ/NNNN"\n  akzentfarbe:')],
        [
            (
                V,
                "nummer:",
                "Die Nummer „2021/0123“ passt nicht zum Muster „JJ/NNNN“ des Hausstils – schreiben Sie sie "
                "z. B. als „21/0123“.",
            ),
            (
                "vorlagen/2021-0130/vorlage.yaml",
                "nummer:",
                "Die Nummer „2021/0130“ passt nicht zum Muster „JJ/NNNN“ des "
                "Hausstils – schreiben Sie sie z. B. als „21/0123“.",
            ),
        ],
    ),
    (
        "nummer-muster-ohne-platzhalter",
        [(K, "akzentfarbe:", 'nummer: "Vorlage"\n  akzentfarbe:')],
        [
            (
                K,
                "nummer:",
                "Das Muster „Vorlage“ enthält keinen Platzhalter – schreiben Sie es mit JJJJ (Jahr), N oder "
                "NNNN (Zahl) und R (römische Zahl), z. B. JJJJ/NNNN.",
            )
        ],
    ),
    (
        "pflichtabschnitt-fehlt",
        [
            (K, "akzentfarbe:", ARTEN.strip() + "\n  akzentfarbe:"),
            (V, "art: Beschlussvorlage", "art: Dringlichkeitsvorlage"),
        ],
        [
            (
                V,
                "art:",
                "Der Abschnitt „Begründung der Dringlichkeit“ fehlt – eine Dringlichkeitsvorlage braucht ihn: "
                "ergänzen Sie unter „texte“ die Zeile „dringlichkeit: dringlichkeit.md“ und schreiben Sie die Datei.",
            )
        ],
    ),
    (
        "klimaschutz-fehlt",
        [(K, "akzentfarbe:", KLIMA + "\n  akzentfarbe:")],
        [
            (
                V,
                "art:",
                "Der Abschnitt „Auswirkungen auf den Klimaschutz“ fehlt – eine Beschlussvorlage braucht ihn: "
                "ergänzen Sie „klimaschutz: {auswirkung: nein}“ (oder ja_positiv bzw. ja_negativ mit „begruendung“).",
            )
        ],
    ),
    (
        "klimaschutz-ohne-begruendung",
        [
            (K, "akzentfarbe:", KLIMA + "\n  akzentfarbe:"),
            (V, "anlagen:", "klimaschutz: {auswirkung: ja_negativ}\nanlagen:"),
        ],
        [
            (
                V,
                "ja_negativ}",
                "Bei „ja_negativ“ braucht „klimaschutz“ eine „begruendung“ – beschreiben Sie in einem Satz, "
                "wie die Vorlage auf den Klimaschutz wirkt.",
            )
        ],
    ),
    (
        "verbotener-abschnitt",
        [
            (K, "akzentfarbe:", KLIMA + "\n  akzentfarbe:"),
            (V, "anlagen:", "klimaschutz: {auswirkung: nein}\nanlagen:"),
            ("vorlagen/2021-0130/vorlage.yaml", "abschnitte:", "klimaschutz: {auswirkung: nein}\nabschnitte:"),
        ],
        [
            (
                "vorlagen/2021-0130/vorlage.yaml",
                "klimaschutz",
                "Eine Mitteilungsvorlage hat keinen Abschnitt „Auswirkungen "
                "auf den Klimaschutz“ – entfernen Sie „klimaschutz“.",
            )
        ],
    ),
    (
        "unbekannter-text",
        [(V, "abschnitte:", "texte: {sachverhalt: erlaeuterungen.md}\nabschnitte:")],
        [
            (
                V,
                "sachverhalt",
                "Unbekannter Abschnitt „sachverhalt“ – der Hausstil kennt keine Abschnitte "
                "(koerperschaft.yaml → hausstil: abschnitte).",
            )
        ],
    ),
    (
        "ergaenzung-falsch-nummeriert",
        [
            (K, "akzentfarbe:", ARTEN.strip() + "\n  akzentfarbe:"),
            (
                "vorlagen/2021-0130/vorlage.yaml",
                "art: Mitteilungsvorlage",
                'art: Ergänzungsvorlage\nbezug: {vorlage: "2021/0123", art: Ergänzung}',
            ),
        ],
        [
            (
                "vorlagen/2021-0130/vorlage.yaml",
                "nummer:",
                "Eine Ergänzungsvorlage trägt die Nummer der ursprünglichen "
                "Vorlage mit laufender Zahl – schreiben Sie „2021/0123/1“ (die zweite /2 usw.).",
            )
        ],
    ),
    (
        "ergaenzung-ohne-bezug",
        [
            (K, "akzentfarbe:", ARTEN.strip() + "\n  akzentfarbe:"),
            ("vorlagen/2021-0130/vorlage.yaml", "art: Mitteilungsvorlage", "art: Ergänzungsvorlage"),
        ],
        [
            (
                "vorlagen/2021-0130/vorlage.yaml",
                "art:",
                "Eine Ergänzungsvorlage ist eine Ergänzung – ergänzen Sie „bezug: "
                "{vorlage: …, art: Ergänzung}“ mit der Nummer der ursprünglichen Vorlage.",
            )
        ],
    ),
    (
        "stylesheet-fehlt",
        [(K, "akzentfarbe:", "stylesheet: stil/eigen.css\n  akzentfarbe:")],
        [(K, "stylesheet", "Die CSS-Datei „stil/eigen.css“ gibt es nicht – prüfen Sie den Namen.")],
    ),
    (
        "unterschrift-fehlt",
        [(K, "akzentfarbe:", "unterschrift: {form: im_auftrag}\n  akzentfarbe:")],
        [
            (
                V,
                "nummer:",
                "Der Hausstil lässt Vorlagen von der Sachbearbeitung unterschreiben – ergänzen Sie "
                "„unterschrift: {name: …, funktion: …}“.",
            )
        ],
    ),
    (
        "gleicher-tag-falsche-reihenfolge",
        [
            ("sitzungen/KT-2021-06-21.yaml", None, 'gremium: KT\ndatum: 2021-06-21\nbeginn: "09:00 Uhr"\n'),
            (
                V,
                "  - {sitzung: KA-2021-06-21, rolle: Entscheidung}",
                "  - {sitzung: KA-2021-06-21, rolle: Vorberatung}\n  - {sitzung: KT-2021-06-21, rolle: Entscheidung}",
            ),
        ],
        [
            (
                V,
                "KT-2021-06-21",
                "Am 21.06.2021 beginnt „KT-2021-06-21“ (09:00 Uhr) vor „KA-2021-06-21“ (16:00 Uhr), steht "
                "in der Beratungsfolge aber danach – ordnen Sie die Sitzungen eines Tages nach ihrem Beginn.",
            )
        ],
    ),
    # a sentence with commas in `{…}` without quotes: YAML cuts it into further keys without values
    (
        "satz-mit-komma",
        [
            (
                K,
                "{Kenntnisnahme: Der Bericht wird zur Kenntnis genommen.}",
                "{Kenntnisnahme: Der Bericht wird, wie vorgelegt, zur Kenntnis genommen.}",
            )
        ],
        [
            (
                K,
                "niederschrift_saetze",
                "„Kenntnisnahme“: Der Text ist am Komma abgeschnitten – in „{…}“ trennt das Komma "
                'Einträge. Setzen Sie ihn in Anführungszeichen: Kenntnisnahme: "Der Bericht wird, wie vorgelegt, zur Kenntnis '
                'genommen.".',
            )
        ],
    ),
    (
        "ergebnis-doppelt",
        [(K, "akzentfarbe:", "beratungsergebnisse: [beschlossen, vertagt, beschlossen]\n  akzentfarbe:")],
        [
            (
                K,
                "beratungsergebnisse:",
                "Die Liste „beratungsergebnisse“ nennt „beschlossen“ zweimal – streichen Sie eines der beiden.",
            )
        ],
    ),
    (
        "satz-mit-platzhalter",
        [
            (
                K,
                "{Kenntnisnahme: Der Bericht wird zur Kenntnis genommen.}",
                '{Kenntnisnahme: "Bericht vom {{ sitzung.datum }} zur Kenntnis genommen."}',
            )
        ],
        [
            (
                K,
                "niederschrift_saetze",
                "„niederschrift_saetze“: Der Satz unter „Kenntnisnahme“ ist fester Text – "
                "Platzhalter wie {{ … }} werden hier nicht ausgewertet; schreiben Sie ihn ohne.",
            )
        ],
    ),
    (
        "eigene-kopfdaten-mit-komma",
        [(K, "akzentfarbe:", "kopf: {eigene: {bearbeitung: Verantwortlich, Sachbearbeitung}}\n  akzentfarbe:")],
        [
            (
                K,
                "kopf:",
                "„bearbeitung“: Der Text ist am Komma abgeschnitten – in „{…}“ trennt das Komma Einträge. Setzen "
                'Sie ihn in Anführungszeichen: bearbeitung: "Verantwortlich, Sachbearbeitung".',
            )
        ],
    ),
]


@pytest.mark.parametrize("edits, expected", [pytest.param(e, x, id=i) for i, e, x in CASES])
def test_bad_hausstil_input_gives_exact_messages(capsys, data, edits, expected):
    for file, old, new in edits:
        if old is None:
            (data / file).write_text(new, encoding="utf-8")
        else:
            edit(data / file, old, new)
    code, out, err = run(capsys, "check", "--data", str(data))
    assert code == 1 and out == ""
    lines = sorted(f"data/{file}:{line_of(data / file, needle)}: {message}" for file, needle, message in expected)
    count = len(expected)
    summary = (
        f"{count} {'Problem' if count == 1 else 'Probleme'} gefunden – es wurde nichts geschrieben; "
        "die bisherige Ausgabe ist unverändert."
    )
    assert err == "\n".join(lines) + "\n\n" + summary + "\n"


# --- Stadt Wiesenbrück: a third Körperschaft with a visibly different Hausstil ------------

WB = Path("vorlagen")


def page(out: Path, slug: str) -> str:
    return (out / WB / slug / f"{slug}.html").read_text(encoding="utf-8")


def kopfdaten(html: str) -> list[tuple[str, str]]:
    kopf = re.search(r'<table class="metadaten">(.*?)</table>', html, re.S)[1]
    return list(zip(re.findall(r'<th scope="col">(.*?)</th>', kopf), re.findall(r"<td>(.*?)</td>", kopf)))


def test_wiesenbrueck_header_and_beratungsreihenfolge(built_wiesenbrueck):
    html = page(built_wiesenbrueck, "231-2024")
    assert kopfdaten(html) == [
        ("Federführendes Amt", "Amt für Stadtentwicklung und Mobilität"),
        ("Az.", "61.3-RAD"),
        ("Drucksache", "231/2024"),
        ("Stand", "26.02.2024"),
    ]
    assert "<p>öffentliche Sitzung</p>" in html and "Der Bürgermeister" not in html
    part = section(html, "beratungsfolge")
    assert "<h2>Beratungsreihenfolge</h2>" in part
    assert re.findall(r'<th scope="col">(.*?)</th>', part) == [
        "Termin",
        "Beginn",
        "Gremium",
        "Beratung",
        "Berichterstattung",
        "Status",
    ]
    rows = [re.findall(r"<td>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", part)[1:]]
    # two Gremien on 12.03.2024, in the stated order (and by their start)
    assert [r[:3] for r in rows] == [
        ["12.03.2024", "17:00 Uhr", "Ausschuss für Umwelt, Klima und Mobilität"],
        ["12.03.2024", "18:30 Uhr", "Haupt- und Finanzausschuss"],
        ["21.03.2024", "17:00 Uhr", "Rat der Stadt"],
    ]
    assert rows[0][4].startswith("Herr Brandt<br>") and [r[5] for r in rows] == [
        "ungeändert beschlossen",
        "geändert beschlossen",
        "",
    ]


def test_wiesenbrueck_sections_klimaschutz_finances_and_no_signature(built_wiesenbrueck):
    html = page(built_wiesenbrueck, "231-2024")
    headings = re.findall(r"<h2>(.*?)</h2>", html)
    assert headings == [
        "Beratungsreihenfolge",
        "Beschlussvorschlag",
        "Sachverhalt",
        "Rechtsgrundlage",
        "Auswirkungen auf den Klimaschutz",
        "Finanzielle Auswirkungen",
    ]
    klima = section(html, "abschnitt abschnitt-klimaschutz")
    assert "Auswirkung: <strong>ja, positiv</strong>" in klima and "Rad und Bahn" in klima
    assert '<p class="ja-nein">Ja.</p>' in html and "54.750\xa0€" in section(html, "finanzen")
    assert 'class="unterschrift"' not in html


def test_wiesenbrueck_mitteilung_without_datum_and_without_finances(built_wiesenbrueck):
    html = page(built_wiesenbrueck, "232-2024")
    assert "<title>Mitteilung 232/2024: Kommunale Wärmeplanung – Sachstand</title>" in html
    assert [label for label, _ in kopfdaten(html)] == ["Federführendes Amt", "Drucksache"]
    assert "Beschlussvorschlag" not in html and '<section class="finanzen">' not in html
    pdf = built_wiesenbrueck / WB / "232-2024" / "232-2024.pdf"
    assert pypdf.PdfReader(pdf).metadata["/CreationDate"].startswith("D:20240312")  # its Sitzung's day


def test_wiesenbrueck_ergaenzung_and_dringlichkeit(built_wiesenbrueck):
    ergaenzung = page(built_wiesenbrueck, "231-2024-1")
    assert "Ergänzung zu Vorlage 231/2024 vom 26.02.2024" in ergaenzung
    assert "Auswirkung: <strong>nein</strong>" in ergaenzung
    dringlich = page(built_wiesenbrueck, "240-2024")
    assert re.findall(r"<h2>(.*?)</h2>", dringlich)[2:] == [
        "Begründung der Dringlichkeit",
        "Sachverhalt",
        "Auswirkungen auf den Klimaschutz",
        "Personelle Auswirkungen",
    ]


def test_wiesenbrueck_pdf_is_set_in_liberation_serif(built_wiesenbrueck):
    used = fonts(built_wiesenbrueck / WB / "231-2024" / "231-2024.pdf")
    assert used and all(f.startswith("Vorlage-Liberation-Serif") for f in used)
    assert "Kosten insgesamt" in pdf_text(built_wiesenbrueck / WB / "231-2024" / "231-2024.pdf")


# --- Word lists of the body (issue 22) ------------------------------------------------------


def test_a_bodys_own_roles_and_results_replace_the_standard_words(data):
    """A body that writes „Beschlussfassung“ and „Erledigt“ needs no invented word: its lists are in the Hausstil,
    and a word from the standard list it replaced is then unknown – named with the line of the body's list."""
    without_niederschriften(data)
    hausstil(
        data,
        "  rollen: {Vorberatung: {}, Beschlussfassung: {entscheidet: true}, Kenntnisnahme: {}}\n"
        "  beratungsergebnisse: [Erledigt, vertagt]\n"
        "  beratungsfolge: {spalten: [datum, gremium, rolle, ergebnis]}\n",
    )
    edit(data / V, "rolle: Entscheidung}", "rolle: Beschlussfassung, ergebnis: Erledigt}")
    part = section(html_of(data), "beratungsfolge")
    assert "<td>Beschlussfassung</td>" in part and "<td>Erledigt</td>" in part
    edit(
        data / "vorlagen/2021-0130/vorlage.yaml", "rolle: Kenntnisnahme}", "rolle: Entscheidung, ergebnis: erledigt}", 2
    )
    liste = line_of(data / K, "rollen:")
    ergebnisse = line_of(data / K, "beratungsergebnisse:")
    vorlage = "data/vorlagen/2021-0130/vorlage.yaml"
    assert problems_of(data) == [
        f"{vorlage}:8: „ergebnis“: „erledigt“ steht nicht in der Liste „hausstil: beratungsergebnisse“ der "
        f"Körperschaft – meinten Sie „Erledigt“? Möglich sind: Erledigt, vertagt. Ein eigenes Wort ergänzen Sie in "
        f"der Liste (data/koerperschaft.yaml, Zeile {ergebnisse}).",
        f"{vorlage}:8: „rolle“: „Entscheidung“ steht nicht in der Liste „hausstil: rollen“ der Körperschaft – "
        f"möglich sind: Vorberatung, Beschlussfassung, Kenntnisnahme. Ein eigenes Wort ergänzen Sie in der Liste "
        f"(data/koerperschaft.yaml, Zeile {liste}).",
        f"{vorlage}:9: „ergebnis“: „erledigt“ steht nicht in der Liste „hausstil: beratungsergebnisse“ der "
        f"Körperschaft – meinten Sie „Erledigt“? Möglich sind: Erledigt, vertagt. Ein eigenes Wort ergänzen Sie in "
        f"der Liste (data/koerperschaft.yaml, Zeile {ergebnisse}).",
        f"{vorlage}:9: „rolle“: „Entscheidung“ steht nicht in der Liste „hausstil: rollen“ der Körperschaft – "
        f"möglich sind: Vorberatung, Beschlussfassung, Kenntnisnahme. Ein eigenes Wort ergänzen Sie in der Liste "
        f"(data/koerperschaft.yaml, Zeile {liste}).",
    ]


def test_the_standard_lists_hold_the_usual_words_of_all_laender(data):
    without_niederschriften(data)
    edit(data / V, "rolle: Vorberatung}", "rolle: Anhörung, ergebnis: abgesetzt}")
    edit(data / V, "rolle: Entscheidung}", "rolle: Beratung, ergebnis: erledigt}")
    folge = section(html_of(data), "beratungsfolge")  # no problem: the words are in the standard lists
    assert all(word in folge for word in ("Anhörung", "abgesetzt", "Beratung", "erledigt")), folge


@pytest.mark.langsam  # builds whole repositories
def test_a_role_that_decides_is_authoritative_in_oparl(data, tmp_path):
    import json

    hausstil(data, "  rollen: {Vorberatung: {}, Beschlussfassung: {entscheidet: true}, Kenntnisnahme: {}}\n")
    edit(data / V, "rolle: Entscheidung}", "rolle: Beschlussfassung}")
    freigeben(data)  # the Beratungsfolge prints another role: signed again, else OParl leaves the ENTWURF out
    assert run_build(data, tmp_path / "out") == 0
    objects = [json.loads(p.read_text(encoding="utf-8")) for p in (tmp_path / "out").rglob("*.json")]
    consultations = [o for o in _walk(objects) if o.get("type", "").endswith("/Consultation") and "role" in o]
    roles = {c["role"]: c["authoritative"] for c in consultations}
    assert roles.get("Beschlussfassung") is True and roles.get("Vorberatung") is False


def _walk(value):
    """Every JSON object inside `value`."""
    if isinstance(value, dict):
        yield value
        for inner in value.values():
            yield from _walk(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _walk(inner)


def test_a_bodys_klimacheck_prints_its_own_sentences(data):
    hausstil(
        data,
        "  abschnitte:\n"
        "    - id: klima\n"
        "      ueberschrift: Klimacheck\n"
        "      form: klimaschutz\n"
        "      vorsatz: ~\n"
        "      antworten:\n"
        "        keine: {text: Es sind keine wesentlichen Auswirkungen auf das Klima zu erwarten.}\n"
        "        wesentlich: {text: Die Vorlage wirkt wesentlich auf das Klima., begruendung: true}\n",
    )
    edit(data / V, "art: Beschlussvorlage", "art: Beschlussvorlage\nklimaschutz: {auswirkung: keine}")
    part = section(html_of(data), "abschnitt abschnitt-klima")
    assert '<p class="klimaschutz">Es sind keine wesentlichen Auswirkungen auf das Klima zu erwarten.</p>' in part
    edit(data / V, "auswirkung: keine", "auswirkung: wesentlich")
    line = line_of(data / V, "klimaschutz:")
    assert problems_of(data) == [
        f"data/{V}:{line}: Bei „wesentlich“ braucht „klimaschutz“ eine „begruendung“ – "
        "beschreiben Sie in einem Satz, wie die Vorlage auf den Klimaschutz wirkt."
    ]
    edit(data / V, "auswirkung: wesentlich", "auswirkung: nein")
    assert problems_of(data) == [
        f"data/{V}:{line}: „auswirkung“: „nein“ steht nicht in der Liste „hausstil: "
        "abschnitte“ der Körperschaft – meinten Sie „keine“? Möglich sind: keine, wesentlich. "
        "Ein eigenes Wort ergänzen Sie in der Liste (data/koerperschaft.yaml, Zeile "
        f"{line_of(data / K, 'abschnitte:')})."
    ]


@pytest.mark.langsam  # builds whole repositories
def test_the_vorsitz_signs_with_the_bodys_title(data, tmp_path):
    hausstil(data, "  vorsitz: Vorsitzende\n")
    edit(
        data / K,
        "{id: KA, name: Kreisausschuss, frist_tage: 10}",
        "{id: KA, name: Kreisausschuss, frist_tage: 10, vorsitz: Landrat}",
    )
    assert run_build(data, tmp_path / "out") == 0
    ka = (tmp_path / "out/sitzungen/KA-2021-06-21/niederschrift.html").read_text(encoding="utf-8")
    asi = (tmp_path / "out/sitzungen/ASI-2021-06-10/niederschrift.html").read_text(encoding="utf-8")
    assert '<p class="rolle">Landrat</p>' in ka and '<p class="rolle">Vorsitzende</p>' in asi
    assert '<p class="rolle">Vorsitz</p>' not in ka + asi


# --- Header fields of the body (issue 22) ---------------------------------------------------

EIGENE = (
    "  kopf:\n    felder: [nummer, datum, bearbeitung, federfuehrend, dezernat]\n"
    "    eigene: {bearbeitung: Bearbeitung / Verantwortlich, dezernat: Dezernat}\n"
)


def test_a_bodys_own_header_fields_print_in_its_order(data):
    """„Bearbeitung / Verantwortlich: <Name>“ has its own place instead of going into the Aktenzeichen."""
    hausstil(data, EIGENE)
    edit(data / V, "art: Beschlussvorlage", "art: Beschlussvorlage\nkopf: {bearbeitung: Frau Muster, dezernat: II}")
    kopf = "".join(re.findall(r'<table class="metadaten[^"]*">(.*?)</table>', html_of(data), re.S))  # may wrap
    labels = re.findall(r"<th scope[^>]*>(.*?)</th>", kopf)
    assert labels == ["Vorlage-Nr.", "Datum", "Bearbeitung / Verantwortlich", "Federführend", "Dezernat"]
    assert "Frau Muster" in kopf and ">II<" in kopf
    html_of(data, "2021/0130")  # the other Vorlage fills none: its header leaves them out, no problem


def test_a_filled_header_field_missing_from_kopf_felder_is_named(data):
    """Not dropped without a word: the message names kopf.felder and its line."""
    hausstil(data, EIGENE.replace("federfuehrend, dezernat]", "federfuehrend]"))
    edit(data / V, "art: Beschlussvorlage", "art: Beschlussvorlage\nkopf: {bearbeitung: Frau Muster, dezernat: II}")
    felder = line_of(data / K, "felder:")
    problems = problems_of(data)
    assert len(problems) == 1 and problems[0].startswith(f"data/{V}:{line_of(data / V, 'kopf:')}: ")
    assert problems[0].endswith(
        "„kopf“: „dezernat“ wird nicht gedruckt – es fehlt in der Liste „hausstil: kopf: "
        f"felder“ (data/koerperschaft.yaml, Zeile {felder}); nehmen Sie es dort auf oder entfernen "
        "Sie den Eintrag."
    )


def test_header_fields_must_be_the_bodys_and_required_ones_present(data):
    hausstil(data, EIGENE)
    hausstil(
        data,
        "  arten:\n    Beschlussvorlage: {beschlussvorschlag: pflicht, kopf: {bearbeitung: pflicht}}\n"
        "    Mitteilungsvorlage: {beschlussvorschlag: verboten}\n    Berichtsvorlage: {}\n",
    )
    edit(data / V, "art: Beschlussvorlage", "art: Beschlussvorlage\nkopf: {bearbeiter: Frau Muster}")
    eigene = line_of(data / K, "eigene:")
    assert problems_of(data) == [
        f"data/{V}:2: Eine Beschlussvorlage braucht im Kopf „bearbeitung“ – ergänzen Sie „kopf: {{bearbeitung: …}}“.",
        f"data/{V}:3: „kopf“: „bearbeiter“ steht nicht in der Liste „hausstil: kopf: eigene“ der Körperschaft – "
        "meinten Sie „bearbeitung“? Möglich sind: bearbeitung, dezernat. Ein eigenes Wort ergänzen Sie in der Liste "
        f"(data/koerperschaft.yaml, Zeile {eigene}).",
    ]


def test_a_header_field_the_body_has_not_defined_is_named(data):
    hausstil(data, "  kopf: {felder: [nummer, sachbearbeitung]}\n")
    line = line_of(data / K, "felder:")
    assert problems_of(data) == [
        f"data/{K}:{line}: „felder“: „sachbearbeitung“ ist kein Kopfdatum. Möglich sind: nummer, datum, "
        "federfuehrend, aktenzeichen; eigene legen Sie unter „eigene“ an, z. B. eigene: {bearbeitung: Bearbeitung}."
    ]


# --- Dringlichkeitsentscheidung (issue 22) --------------------------------------------------


def test_a_dringlichkeitsentscheidung_states_when_and_by_whom(data):
    edit(
        data / V,
        "art: Beschlussvorlage",
        "art: Beschlussvorlage\ndringlichkeitsentscheidung: {datum: 2021-05-20, "
        "durch: den Landrat und ein Mitglied des Kreistags, grundlage: § 50 Abs. 3 KrO NRW}",
    )
    assert (
        '<p class="dringlichkeitsentscheidung">Dringlichkeitsentscheidung vom 20.05.2021, getroffen durch den '
        "Landrat und ein Mitglied des Kreistags (§\u00a050 Abs. 3 KrO NRW)</p>"  # § keeps its number (issue 38)
    ) in html_of(data)


def test_the_bodys_word_for_a_dringlichkeitsentscheidung_and_no_date_where_none_is_stated(data):
    hausstil(data, "  dringlichkeitsentscheidung: Eilentscheidung\n")
    edit(
        data / V,
        "art: Beschlussvorlage",
        "art: Beschlussvorlage\ndringlichkeitsentscheidung: {durch: die Landrätin, grundlage: § 89 NKomVG}",
    )
    html = html_of(data)
    assert (
        '<p class="dringlichkeitsentscheidung">Eilentscheidung, getroffen durch die Landrätin (§\u00a089 NKomVG)</p>'
    ) in html and "Dringlichkeitsentscheidung" not in html


def test_an_empty_word_for_the_dringlichkeitsentscheidung_is_refused(data):
    hausstil(data, '  dringlichkeitsentscheidung: " "\n')
    line = line_of(data / K, "dringlichkeitsentscheidung:")
    assert problems_of(data) == [
        f"data/{K}:{line}: „dringlichkeitsentscheidung“ ist leer – schreiben Sie das Wort "
        "der Körperschaft, z. B. Eilentscheidung, oder lassen Sie die Zeile weg."
    ]


def test_a_dringlichkeitsentscheidung_cannot_postdate_its_vorlage_or_its_sitzung(data):
    edit(
        data / V,
        "art: Beschlussvorlage",
        "art: Beschlussvorlage\ndringlichkeitsentscheidung: {datum: 2021-05-30, durch: den Landrat}",
    )
    line = line_of(data / V, "dringlichkeitsentscheidung:")
    assert problems_of(data) == [
        f"data/{V}:{line}: Die Dringlichkeitsentscheidung vom 30.05.2021 liegt nach dem Datum "
        "der Vorlage (27.05.2021) – die Vorlage legt eine getroffene Entscheidung vor; prüfen "
        "Sie beide Daten."
    ]
    hausstil(data, "  datum_pflicht: false\n")
    edit(data / V, "datum: 2021-05-27\n", "")
    edit(data / V, "datum: 2021-05-30", "datum: 2021-06-15")
    line = line_of(data / V, "dringlichkeitsentscheidung:")
    assert problems_of(data) == [
        f"data/{V}:{line}: Die Dringlichkeitsentscheidung vom 15.06.2021 liegt nach der "
        "Sitzung ASI-2021-06-10 (10.06.2021), in der sie beraten werden soll – prüfen Sie das "
        "Datum und die Beratungsfolge."
    ]


@pytest.mark.parametrize(
    "stil, vorlage, expected",
    [
        (
            "  rollen: {}\n",
            None,
            "Die Liste „rollen“ ist leer – tragen Sie die Wörter ein, die Ihre Körperschaft verwendet.",
        ),
        (
            '  beratungsergebnisse: [vertagt, " "]\n',
            None,
            "Die Liste „beratungsergebnisse“ enthält ein leeres Wort – entfernen Sie es.",
        ),
        (
            "  kopf: {eigene: {nummer: Drucksache}}\n",
            None,
            "„nummer“ ist schon ein Kopfdatum von vorlagen – wählen Sie für das eigene eine andere Kennung; die "
            "Beschriftung ändern Sie unter „beschriftung“.",
        ),
        (
            "",
            "kopf: {bearbeitung: Frau Muster}",
            "„kopf“: „bearbeitung“ – der Hausstil hat keine eigenen Kopfdaten; legen Sie sie in koerperschaft.yaml unter "
            "„hausstil: kopf: eigene“ an, z. B. eigene: {bearbeitung: Bearbeitung}.",
        ),
        (
            "  kopf: {eigene: {dezernat: Dezernat}}\n  arten:\n    Beschlussvorlage: {beschlussvorschlag: pflicht, kopf: "
            "{dezernat: verboten}}\n    Mitteilungsvorlage: {beschlussvorschlag: verboten}\n    Berichtsvorlage: {}\n",
            "kopf: {dezernat: II}",
            "Eine Beschlussvorlage hat im Kopf kein „dezernat“ – entfernen Sie den Eintrag.",
        ),
    ],
    ids=["rollen-leer", "leeres-wort", "eigenes-feld-wie-standard", "kopf-ohne-eigene", "kopf-verboten"],
)
def test_careless_word_lists_and_header_fields_give_exact_messages(data, stil, vorlage, expected):
    if stil:
        hausstil(data, stil)
    if vorlage:
        edit(data / V, "art: Beschlussvorlage", f"art: Beschlussvorlage\n{vorlage}")
    problems = problems_of(data)
    assert len(problems) == 1 and problems[0].split(": ", 1)[1] == expected, problems
