"""The Eigenanteil-Übersicht and the Haushalt tables name what defines them when they fit no page, as the other
computed tables do (issue 38): the file and line, the caption, the whole first header row and the millimetres – not
the Vorlage's folder. Real cases of tests/fixtures (Lohne, Mainz) with one Bezeichnung that cannot break."""

from __future__ import annotations

import re
from pathlib import Path

from tests.hilfen import ROOT, composed, copy_data, edit, line_of, run

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
    quelle = f'data-quelle="vorlagen/2021-0123/vorlage.yaml:{line}"'
    tables = re.findall(r'<table class="uebersicht[^"]*"[^>]*>', doc.print_html)
    assert tables and all(quelle in t for t in tables), tables
