"""The round-trip writer of data files: a change touches the changed lines only, in the handbook's style."""

from __future__ import annotations

import difflib

import pytest

from tests.hilfen import DATA, ROOT
from vorlagen.load.yamlschreiben import NichtTreu, Roh, YamlDatei, Zeile, Zitiert

BEISPIEL = (DATA / "vorlagen/2021-0123/vorlage.yaml").read_text(encoding="utf-8")


def _diff(alt: str, neu: str) -> list[str]:
    """The changed lines, as git diff shows them (without the hunk heads)."""
    return [
        line
        for line in difflib.unified_diff(alt.splitlines(), neu.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def _geaendert(aenderung) -> list[str]:
    datei = YamlDatei(BEISPIEL)
    aenderung(datei)
    return _diff(BEISPIEL, datei.text())


def test_every_data_file_of_the_example_and_the_fixtures_is_kept_to_the_byte():
    files = sorted(DATA.rglob("*.yaml")) + sorted((ROOT / "tests/fixtures").rglob("*.yaml"))
    refused = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        try:
            assert YamlDatei(text).text() == text, path
        except NichtTreu:
            refused.append(path.relative_to(ROOT).as_posix())
    assert len(files) > 100
    # `[2,5]`, as 0.3.0 let it be written: `vorlagen aktualisieren` writes it `[2, 5]`; until then the browser refuses
    # the file with its line (test below), rather than rewriting what the user did not change
    assert refused == ["tests/fixtures/fruehere/0.3.0-oberaudorf/data/vorlagen/gr-2021-088/vorlage.yaml"]


def test_a_file_that_would_be_written_otherwise_is_refused_with_its_line():
    with pytest.raises(NichtTreu) as refused:
        YamlDatei("betreff: x\nansatz: null\n", "data/vorlagen/a/vorlage.yaml")
    assert refused.value.args[0] == (
        "data/vorlagen/a/vorlage.yaml lässt sich im Browser nicht ändern, ohne Zeile 2 anders zu schreiben, als sie "
        "steht (eigene Einrückung oder Schreibweise) – ändern Sie diese Datei im Editor."
    )
    with pytest.raises(NichtTreu) as broken:
        YamlDatei("betreff: [x\n", "data/vorlagen/a/vorlage.yaml")
    assert broken.value.args[0].startswith("data/vorlagen/a/vorlage.yaml ist kein gültiges YAML")


def test_a_changed_value_changes_its_line_only():
    assert _geaendert(lambda d: d.setzen(("beratungsfolge", 1, "rolle"), "Vorberatung")) == [
        "-  - {sitzung: KA-2021-06-21, rolle: Entscheidung}",
        "+  - {sitzung: KA-2021-06-21, rolle: Vorberatung}",
    ]
    assert _geaendert(lambda d: d.setzen(("finanzierung", 0, "kosten", 0, "anzahl"), Roh("4.5"))) == [
        "-      - {anzahl: 3.5, saetze: [kgst-2020/E11]}",
        "+      - {anzahl: 4.5, saetze: [kgst-2020/E11]}",
    ]


@pytest.mark.parametrize(
    ("text", "geschrieben"),
    [
        ("Zuschuss für die Stadtbibliothek", "Zuschuss für die Stadtbibliothek"),
        ("Antrag: Neubau", '"Antrag: Neubau"'),
        ("Kosten, Sachmittel", "Kosten, Sachmittel"),  # on a line of its own a comma is plain text
        ("05.06.01", '"05.06.01"'),  # begins like a number: quoted, as the handbook writes Nummern and Konten
        ("32 – Ordnung", '"32 – Ordnung"'),
        ("2021-02-22-kim-modul-1", "2021-02-22-kim-modul-1"),
        ("# kein Kommentar", '"# kein Kommentar"'),
        ("2021", '"2021"'),
        ("true", '"true"'),
        ("~", '"~"'),
        (" vorne frei", '" vorne frei"'),
        ('Zitat "so"', 'Zitat "so"'),
        ("[Klammer]", '"[Klammer]"'),
    ],
)
def test_a_new_text_is_quoted_exactly_where_yaml_would_read_it_otherwise(text, geschrieben):
    assert _geaendert(lambda d: d.setzen(("betreff",), text))[1] == f"+betreff: {geschrieben}"


def test_inside_a_row_of_one_line_a_comma_needs_quotes():
    assert _geaendert(lambda d: d.setzen(("beratungsfolge", 1, "rolle"), "Kosten, Sachmittel")) == [
        "-  - {sitzung: KA-2021-06-21, rolle: Entscheidung}",
        '+  - {sitzung: KA-2021-06-21, rolle: "Kosten, Sachmittel"}',
    ]


def test_a_quoted_value_stays_quoted_and_a_nummer_is_quoted_as_the_handbook_writes_it():
    assert _geaendert(lambda d: d.setzen(("nummer",), "2021/0124"))[1] == '+nummer: "2021/0124"'
    assert (
        _geaendert(lambda d: d.setzen(("finanzielle_auswirkungen", "positionen", 0, "konto"), Zitiert("05")))[1]
        == '+    - konto: "05"'
    )


def test_a_new_key_goes_where_the_handbook_puts_it():
    order = ["nummer", "art", "oeffentlich", "datum", "aktenzeichen", "kopf", "federfuehrend", "betreff"]
    assert _geaendert(lambda d: d.setzen(("aktenzeichen",), "32.1/2021", order)) == ['+aktenzeichen: "32.1/2021"']
    datei = YamlDatei(BEISPIEL)
    datei.setzen(("aktenzeichen",), "32.1/2021", order)
    assert datei.text().splitlines()[3:6] == ["datum: 2021-05-27", 'aktenzeichen: "32.1/2021"', "federfuehrend: KI"]


def test_rows_are_added_in_one_line_and_sections_in_blocks():
    assert _geaendert(
        lambda d: d.setzen(("beratungsfolge", 2), Zeile({"sitzung": "KT-2021-07-01", "rolle": "Entscheidung"}))
    ) == ["+  - {sitzung: KT-2021-07-01, rolle: Entscheidung}"]
    assert _geaendert(
        lambda d: d.setzen(("zahlen", 0), {"id": "pauschale", "formel": "x * 1,75 %", "erwartet": Zitiert("0,5")})
    ) == ["+zahlen:", "+  - id: pauschale", "+    formel: x * 1,75 %", '+    erwartet: "0,5"']
    assert _geaendert(
        lambda d: d.setzen(("finanzielle_auswirkungen", "positionen", 0, "jahre", "2023"), "uebersicht.jahre_max.2023")
    ) == ["+        2023: uebersicht.jahre_max.2023"]


def test_blank_lines_and_comments_after_a_list_stay_after_it():
    assert _geaendert(lambda d: d.setzen(("abschnitte", 2), "sachstand.md")) == ["+  - sachstand.md"]
    assert _geaendert(lambda d: d.entfernen(("abschnitte", 1))) == ["-  - erlaeuterungen.md"]
    assert _geaendert(lambda d: d.setzen(("anlagen", 1), Zeile({"titel": "B", "datei": "anlagen/b.md"}))) == [
        "+  - {titel: B, datei: anlagen/b.md}"
    ]
    assert _geaendert(lambda d: d.entfernen(("verteilungen", 0, "hinweise"))) == [
        "-    hinweise:",
        "-      Troisdorf: eigene Stelle, gesondert berücksichtigt",
    ]
    removed = _geaendert(lambda d: d.entfernen(("finanzierung", 4)))
    assert removed[0] == "-  - id: m3-berechnung-2" and all(line.startswith("-") for line in removed)
    assert len(removed) == 10  # its nine lines and one of the two blank lines around it


def test_a_missing_section_is_made_and_an_absent_key_removed_quietly():
    datei = YamlDatei("betreff: x\nbescheide: []\n")
    datei.setzen(("bescheide", 0), "2021-a")
    datei.entfernen(("gibt", "es", "nicht"))
    assert datei.text() == "betreff: x\nbescheide:\n  - 2021-a\n"
