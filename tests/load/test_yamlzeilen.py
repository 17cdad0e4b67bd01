"""How a change lays out what it makes: rows in one line while they fit in 120 characters, the rows of one list alike,
a new row like the rows written before it, a long Betreff folded between – never within – its expressions."""

from __future__ import annotations

from tests.hilfen import DATA
from vorlagen.load.yamlschreiben import YamlDatei, Zeile
from vorlagen.load.yamlzeilen import BREITE

BEISPIEL = (DATA / "vorlagen/2021-0123/vorlage.yaml").read_text(encoding="utf-8")


def _zeilen(text: str, *aenderungen) -> list[str]:
    datei = YamlDatei(text)
    for pfad, wert in aenderungen:
        datei.setzen(pfad, wert)
    return datei.text().splitlines()


def test_a_row_stays_in_one_line_while_it_fits_and_goes_into_lines_of_its_own_after():
    passt = "x" * (BREITE - len("  - {sitzung: , rolle: Entscheidung}"))
    assert (
        _zeilen("beratungsfolge: []\n", (("beratungsfolge", 0), Zeile({"sitzung": passt, "rolle": "Entscheidung"})))[1]
        == f"  - {{sitzung: {passt}, rolle: Entscheidung}}"
    )
    assert len(f"  - {{sitzung: {passt}, rolle: Entscheidung}}") == BREITE
    zu_lang = passt + "x"
    assert _zeilen(
        "beratungsfolge: []\n", (("beratungsfolge", 0), Zeile({"sitzung": zu_lang, "rolle": "Entscheidung"}))
    )[1:] == [f"  - sitzung: {zu_lang}", "    rolle: Entscheidung"]


def test_the_new_rows_of_a_list_are_written_alike():
    kurz, lang = Zeile({"sitzung": "ASI-2021-06-10"}), Zeile({"sitzung": "A" * 120})
    assert _zeilen("beratungsfolge: []\n", (("beratungsfolge", 0), kurz), (("beratungsfolge", 1), lang)) == [
        "beratungsfolge:",
        "  - sitzung: ASI-2021-06-10",
        "  - sitzung: " + "A" * 120,
    ]


def test_a_new_row_takes_the_style_of_the_rows_written_before_it():
    zeilen = _zeilen(BEISPIEL, (("beratungsfolge", 2), {"sitzung": "KT-2021-07-01", "rolle": "Entscheidung"}))
    stelle = zeilen.index("beratungsfolge:")
    assert zeilen[stelle : stelle + 4] == [
        "beratungsfolge:",
        "  - {sitzung: ASI-2021-06-10, rolle: Vorberatung}",
        "  - {sitzung: KA-2021-06-21, rolle: Entscheidung}",
        "  - {sitzung: KT-2021-07-01, rolle: Entscheidung}",
    ]
    block = "zahlen:\n  - id: a\n    formel: b\n"
    assert _zeilen(block, (("zahlen", 1), Zeile({"id": "c", "formel": "d"})))[3:] == ["  - id: c", "    formel: d"]


def test_a_long_betreff_is_folded_between_its_expressions():
    betreff = ("Zuschuss " * 12) + '{{ zahlen["zuschuss"] | eur }} für die Stadtbibliothek'
    zeilen = _zeilen("nummer: x\n", (("betreff",), betreff))
    assert zeilen == [
        "nummer: x",
        "betreff: >-",
        "  " + ("Zuschuss " * 12).strip(),
        '  {{ zahlen["zuschuss"] | eur }} für die Stadtbibliothek',
    ]
    assert _zeilen("nummer: x\n", (("betreff",), "kurz: gesagt"))[1] == 'betreff: "kurz: gesagt"'
