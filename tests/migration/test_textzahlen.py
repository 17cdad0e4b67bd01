"""A computing text expression of 0.2.0 becomes named figures that print what it printed (issue 43, findings of
users' repositories): `round(-2)`, `abs`, `sum(attribute=…)`, `int`, `round(n)` of a plain number, a typed number
made once per Vorlage, a Bescheid's Stellen read after its rates say them, and a Niederschrift's text.

The figures are those of tests/fixtures/fruehere/fd72533-erlenbruch (Radweg: costs 1.840.000 € + 212.000 € +
96.000 €, Grunderwerb not eligible, Land 80 %; Mobilstation 745.000 € in thirds); each expected value is computed
here from those facts with exact fractions."""

from __future__ import annotations

import shutil
from fractions import Fraction
from pathlib import Path

from tests.hilfen import ROOT
from tests.referenz.rechnen import euro, gerade, rund, zahl
from vorlagen.compute.project import prepare
from vorlagen.migration.umschreibregeln import umschreiben

ERLENBRUCH = ROOT / "tests" / "fixtures" / "fruehere" / "fd72533-erlenbruch" / "data"
RADWEG = Fraction(1840000 + 212000 + 96000)
FOERDERFAEHIG = Fraction(1840000 + 212000)
EIGENMITTEL = RADWEG - rund(FOERDERFAEHIG * Fraction(80, 100))
MOBIL_ZUWENDUNG = 2 * rund(Fraction(745000, 3))  # Bund and Land a third each; the Stadt takes the rest


def kopie(tmp_path: Path, text: str) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ERLENBRUCH, data)
    (data / "vorlagen" / "2024-0057" / "beschlussvorschlag.md").write_text(text, encoding="utf-8")
    return data


def gedruckt(data: Path) -> dict[str, str]:
    """Each named figure of 2024/0057 as printed."""
    z = prepare(data).rechnungen["2024-0057"].zahlen
    return {k: z[k].text for k in z}


def zitiert(data: Path) -> list[str]:
    """The names the rewritten Beschlussvorschlag quotes, in order."""
    import re

    text = (data / "vorlagen" / "2024-0057" / "beschlussvorschlag.md").read_text(encoding="utf-8")
    return re.findall(r'\{\{ zahlen\["([^"]+)"\] \}\}', text)


def test_the_fixture_prints_the_figures_this_test_computes(tmp_path):
    data = kopie(tmp_path, "Nichts.\n")
    tabellen = prepare(data).rechnungen["2024-0057"].tabellen
    assert (tabellen["radweg"].gesamtkosten, tabellen["radweg"].eigenmittel) == (RADWEG, EIGENMITTEL)
    assert tabellen["mobilstation"].zuwendung == MOBIL_ZUWENDUNG


def test_round_to_hundreds_abs_sum_and_int_print_what_jinja_printed(tmp_path):
    data = kopie(
        tmp_path,
        'Rund {{ (finanzierung["radweg"].gesamtkosten * 33 / 100) | round(-2) | eur }}.\n'
        'Abstand {{ (finanzierung["mobilstation"].zuwendung - finanzierung["radweg"].eigenmittel) | abs | eur }}.\n'
        'Betrag {{ finanzierung["radweg"].eigenmittel | abs | eur_cent }}.\n'
        'Summe {{ finanzierung["radweg"].zeilen | sum(attribute="betrag") | eur }}.\n'
        'Ganz {{ (finanzierung["radweg"].eigenmittel / 7) | int | eur }}.\n'
        'Tausend {{ (finanzierung["radweg"].eigenmittel / 1000) | round(1) | zahl }}.\n',
    )
    q = umschreiben(data)
    assert q.offen == []
    werte = gedruckt(data)
    assert [werte[name] for name in zitiert(data)] == [
        euro(gerade(RADWEG * 33 / 100 / 100) * 100),  # Jinja's round(-2): 708.840 → 708.800
        euro(abs(MOBIL_ZUWENDUNG - EIGENMITTEL)),
        euro(EIGENMITTEL, cent=True),
        euro(RADWEG),
        euro(Fraction(int(EIGENMITTEL / 7))),  # int() cuts: 72.342,857… → 72.342
        zahl(gerade(EIGENMITTEL / 1000, Fraction(1, 10)), 1),
    ]


def test_the_rewritten_figures_say_how_they_round(tmp_path):
    data = kopie(
        tmp_path,
        'A {{ (finanzierung["radweg"].gesamtkosten * 33 / 100) | round(-2) | eur }}.\n'
        'B {{ (finanzierung["radweg"].eigenmittel / 7) | int | eur }}.\n'
        'C {{ (finanzierung["mobilstation"].zuwendung - finanzierung["radweg"].eigenmittel) | abs | eur }}.\n',
    )
    umschreiben(data)
    yaml = (data / "vorlagen" / "2024-0057" / "vorlage.yaml").read_text(encoding="utf-8")
    assert (
        "  - id: radweg-gesamtkosten-mal-33-durch-100-gerundet\n"
        '    formel: "(finanzierung.radweg.gesamtkosten * 33 / 100) / 100"\n'
        '    einheit: "€"\n'
        "    rundung: euro\n"
        "    rundungsart: zur_geraden_ziffer\n"
        "    runden: am_ende\n"
        "  - id: radweg-gesamtkosten-mal-33-durch-100\n"
        '    formel: "radweg-gesamtkosten-mal-33-durch-100-gerundet * 100"\n'
        '    einheit: "€"\n'
        "    rundung: euro\n"
        "    runden: je_posten\n"
        "  - id: radweg-eigenmittel-durch-7\n"
        '    formel: "finanzierung.radweg.eigenmittel / 7"\n'
        '    einheit: "€"\n'
        "    rundung: euro\n"
        "    rundungsart: abschneiden\n"
        "    runden: am_ende\n"
        "  - id: mobilstation-zuwendung-minus-radweg-eigenmittel\n"
        '    formel: "max(finanzierung.mobilstation.zuwendung - finanzierung.radweg.eigenmittel; '
        'finanzierung.radweg.eigenmittel - finanzierung.mobilstation.zuwendung)"\n'
    ) in yaml


def test_a_typed_number_is_one_figure_per_vorlage_and_the_same_computation_one_figure(tmp_path):
    data = kopie(
        tmp_path,
        'A {{ (finanzierung["radweg"].eigenmittel - 1000) | eur }}.\n'
        'B {{ (finanzierung["radweg"].zuwendung - 1000) | eur }}.\n'
        'C {{ (finanzierung["radweg"].eigenmittel - 1000) | eur }}.\n',
    )
    umschreiben(data)
    yaml = (data / "vorlagen" / "2024-0057" / "vorlage.yaml").read_text(encoding="utf-8")
    assert yaml.count('formel: "1000"') == 1
    assert zitiert(data) == [
        "radweg-eigenmittel-minus-1000",
        "radweg-zuwendung-minus-1000",
        "radweg-eigenmittel-minus-1000",
    ]
    werte = gedruckt(data)
    assert werte["radweg-eigenmittel-minus-1000"] == euro(EIGENMITTEL - 1000)


def test_a_bescheid_s_stellen_read_in_a_computation_get_their_vzae_first(tmp_path):
    """The rule for the rates runs before the texts: `betrag / vzae` then reads the Stellen as 0.2.0 counted."""
    data = kopie(tmp_path, "Nichts.\n")
    text = data / "vorlagen" / "2024-0063" / "sachverhalt.md"
    bescheid = 'bescheide["2024-02-12-bildungsberatung"]'
    text.write_text(f"Je Stelle {{{{ ({bescheid}.betrag / {bescheid}.vzae) | eur }}}}.\n", encoding="utf-8")
    vorlage = data / "vorlagen" / "2024-0063" / "vorlage.yaml"
    vorlage.write_text(
        vorlage.read_text(encoding="utf-8") + "bescheide: [2024-02-12-bildungsberatung]\n", encoding="utf-8"
    )
    q = umschreiben(data)
    assert q.offen == []
    # 1,5 + 6 + 3 + 2 units, each counted as one Stelle by 0.2.0 (tests/fixtures/…/bescheide/…bildungsberatung.yaml)
    stellen = Fraction(15, 10) + 6 + 3 + 2
    z = prepare(data).rechnungen["2024-0063"].zahlen
    quoted = text.read_text(encoding="utf-8").split('zahlen["')[1].split('"')[0]
    assert z[quoted] == rund(Fraction(73908) / stellen)


def test_a_niederschrift_text_that_computes_quotes_a_figure_of_its_top_s_vorlage(tmp_path):
    data = kopie(tmp_path, "Nichts.\n")
    folder = data / "sitzungen" / "KT-2024-11-28"
    folder.mkdir()
    (folder / "top-6.md").write_text(
        'Der Kreis trägt {{ (finanzierung["radweg"].eigenmittel - 1000) | eur }}.\n', encoding="utf-8"
    )
    (folder / "niederschrift.yaml").write_text(
        'beginn: "15:00 Uhr"\nende: "16:00 Uhr"\nvorsitz: Frau Landrätin\n'
        "anwesend:\n  mitglieder:\n    - {name: Frau Landrätin, funktion: Vorsitzende}\n"
        'punkte:\n  - {top: "6", text: top-6.md}\n',
        encoding="utf-8",
    )
    q = umschreiben(data)
    assert q.offen == []
    assert (folder / "top-6.md").read_text(encoding="utf-8") == (
        'Der Kreis trägt {{ zahlen["radweg-eigenmittel-minus-1000"] }}.\n'
    )
    assert "id: radweg-eigenmittel-minus-1000" in (data / "vorlagen" / "2024-0057" / "vorlage.yaml").read_text(
        encoding="utf-8"
    )
