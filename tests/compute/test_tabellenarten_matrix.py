"""Matrix tables and a Vergleich's own comparison columns (issue 32, point 9): the fixture's figures against an
exact calculation written here, `erwartet` on any cell or sum with its exact message and file:line, and every way a
careless or hostile user can write one wrong."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from tests.hilfen import RECHENWEGE, copy_data, edit, line_of, problems_of, run
from tests.hilfen.nachrechnen import by_status, check, write
from tests.referenz.rechnen import NBSP, euro, prozent
from vorlagen.compute.herleitung.zeilen import Kontext
from vorlagen.compute.project import prepare
from vorlagen.render.raster.vorlage import raster

VORLAGE = Path("vorlagen") / "kitaausbau" / "vorlage.yaml"
WO = "data/vorlagen/kitaausbau/vorlage.yaml"

# the fixture's cells as typed (None: empty); the Gemeinden' 2025 cell is the figure 16 × 4.000 €
ZELLEN = {
    "AWO Kreisverband": [Fraction(148920), Fraction(212500), Fraction(96000)],
    "Caritasverband": [None, Fraction("87250.50"), Fraction(130000)],
    "Kreisangehörige Gemeinden": [Fraction(51080), 16 * Fraction(4000), None],
}
BUDGET = {"Personal": (1840000, 1796350), "Sachaufwand": (412000, 431980), "Transferaufwand": (0, 12500)}


@pytest.fixture
def rw(tmp_path) -> Path:
    return copy_data(RECHENWEGE, tmp_path)


def at(data: Path, needle: str) -> str:
    return f"{WO}:{line_of(data / VORLAGE, needle)}"


def _raster(nummer: str, tabelle: str, data: Path = RECHENWEGE):
    project = prepare(data)
    return next(r for r in raster(Kontext(project.facts), project.rechnungen[nummer]) if r.id == tabelle)


def test_the_matrix_prints_each_cell_and_the_sums_both_ways_as_an_exact_calculation_gives_them():
    def show(value):  # a cell has cents, so every amount of the table prints with cents
        return "–" if value is None else euro(value, True)

    spalten = ["Vorjahre", "2025", "Folgejahre"]
    expected = [["Träger", *spalten, "Summe"]]
    for label, cells in ZELLEN.items():
        expected.append([label, *map(show, cells), show(sum(c for c in cells if c is not None))])
    columns = [sum(row[i] for row in ZELLEN.values() if row[i] is not None) for i in range(3)]
    expected.append(["Summe", *map(show, columns), show(sum(columns))])
    assert _raster("2025-0018", "zuschuesse").gedruckt() == expected
    assert sum(columns) == Fraction("789750.50")


def test_own_comparison_columns_print_what_their_rule_gives(built_rechenwege):
    expected = [["", "Ansatz 2024", "Ausgaben 2024", "Rest", "ausgeschöpft"]]
    for label, (alt, neu) in BUDGET.items():
        rest = euro(Fraction(alt - neu), False)  # vorzeichen: false – a minus, but no plus
        quote = "–" if alt == 0 else prozent(Fraction(neu, alt), 2)
        expected.append([label, euro(Fraction(alt), False), euro(Fraction(neu), False), rest, quote])
    assert _raster("2025-0018", "budget").gedruckt() == expected
    text = (built_rechenwege / "vorlagen" / "2025-0018" / "2025-0018.txt").read_text(encoding="utf-8")
    assert f"blieben 2024 {euro(Fraction(43650), False)} übrig ({prozent(Fraction(1796350, 1840000), 2)}" in text
    assert f"insgesamt {euro(Fraction('789750.50'), True)}, davon {euro(Fraction('363750.50'), True)}" in text


@pytest.mark.parametrize(
    ("old", "new", "was", "berechnet", "erwartet"),
    [
        (
            '{zellen: {"2025": 64000}}',
            '{zellen: {"2025": 64000.01}}',
            "Zeile „Kreisangehörige Gemeinden“, Spalte „2025“",
            "64.000,00",
            "64.000,01",
        ),
        (
            "erwartet: {summe: 457420}",
            "erwartet: {summe: 457240}",
            "Zeile „AWO Kreisverband“, Summe",
            "457.420,00",
            "457.240,00",
        ),
        (
            '{spalten: {"2025": 363750.50}',
            '{spalten: {"2025": 363570.50}',
            "Spalte „2025“, Summe",
            "363.750,50",
            "363.570,50",
        ),
        ("summe: 789750.50}", "summe: 789705.50}", "Summe aller Zellen", "789.750,50", "789.705,50"),
        (
            "erwartet: {summe: 457420}",
            "erwartet: {summe: 457420.004}",
            "Zeile „AWO Kreisverband“, Summe",
            "457.420,00",
            "457.420,004",
        ),
    ],
)
def test_a_wrong_erwartet_on_a_cell_or_sum_is_named_with_its_line_and_both_values(
    rw, old, new, was, berechnet, erwartet
):
    edit(rw / VORLAGE, old, new)
    assert problems_of(rw) == [
        f"{at(rw, new)}: Berechnung „zuschuesse“, {was}: berechnet {berechnet}{NBSP}€, erwartet {erwartet}{NBSP}€ – "
        "prüfen Sie den erwarteten Wert und die Eingangswerte."
    ]


def test_a_wrong_erwartet_on_an_own_comparison_column_is_named(rw):
    edit(rw / VORLAGE, "Rest: 43650, ausgeschöpft: 97.63", "Rest: 43560, ausgeschöpft: 97.6")
    line = at(rw, "Rest: 43560")
    assert problems_of(rw) == [
        f"{line}: Berechnung „budget“, Zeile „Personal“, Rest: berechnet 43.650{NBSP}€, erwartet 43.560{NBSP}€ – "
        "prüfen Sie den erwarteten Wert und die Eingangswerte.",
        f"{line}: Berechnung „budget“, Zeile „Personal“, ausgeschöpft: berechnet 97,63{NBSP}%, erwartet 97,6{NBSP}% "
        "– prüfen Sie den erwarteten Wert und die Eingangswerte.",
    ]


def test_a_vergleich_message_never_shows_two_different_values_alike(rw):
    """A typed value with more places than the table prints is shown with all of them (failed before: both read
    „711,25“). Three places after the point are written with a fourth (711.2540): 711.254 reads two ways."""
    path = rw / "vorlagen" / "stellenplan" / "vorlage.yaml"
    edit(path, "alt: 711.25", "alt: 711.2540")
    assert problems_of(rw) == [
        f"data/vorlagen/stellenplan/vorlage.yaml:{line_of(path, 'alt: 711.2540')}: Berechnung „stellen“, Zeile "
        "„Stellen insgesamt“, Stellenplan 2024: berechnet 711,25, erwartet 711,254 – prüfen Sie den erwarteten Wert "
        "und die Eingangswerte."
    ]


@pytest.mark.parametrize(
    ("old", "new", "line_of_", "message"),
    [
        (
            "Folgejahre: 96000}",
            "Folgejahr: 96000}",
            "Folgejahr: 96000",
            "Zeile „AWO Kreisverband“: Die Spalte „Folgejahr“ steht nicht in „spalten“ (Vorjahre, 2025, Folgejahre) – "
            "ergänzen Sie sie dort oder prüfen Sie die Schreibweise.",
        ),
        (
            'spalten: [Vorjahre, "2025", Folgejahre]',
            'spalten: [Vorjahre, "2025", Folgejahre, "2025"]',
            "spalten: [",
            "Die Spalte „2025“ steht doppelt in „spalten“ – jede Spalte einmal.",
        ),
        (
            'formeln: {"2025": "zahlen-gemeinden-2025"}',
            'formeln: {"2025": "zahlen-gemeinden-2025", Vorjahre: "1"}',
            "formeln:",
            "Zeile „Kreisangehörige Gemeinden“: Die Spalte „Vorjahre“ hat einen Wert unter „zellen“ und eine "
            "Formel unter „formeln“ – streichen Sie eines von beiden.",
        ),
        (
            "        als: Caritasverband\n",
            "        als: Caritasverband\n        werte: [1, 2]\n",
            "werte: [1, 2]",
            "Zeile „Caritasverband“: „werte“ gehört zu einem Vergleich, „zellen“ und „formeln“ zu einer Matrix – eine "
            "Zeile hat nur eines von beiden.",
        ),
        (
            "{id: sach, als: Sachaufwand, werte: [412000, 431980]}",
            "{id: sach, als: Sachaufwand, zellen: {a: 1}}",
            "id: sach",
            "Zeile „Sachaufwand“: „zellen“ und „formeln“ gibt es nur in einer Matrix – ein Vergleich hat "
            "„werte: [alt, neu]“.",
        ),
        (
            'spalten: [Vorjahre, "2025", Folgejahre]',
            'spalten: [Vorjahre, "2025", Folgejahre, Summe]',
            "spalten: [",
            "Eine Spalte heißt „Summe“ wie die Summe jeder Zeile – nennen Sie die Spalte anders oder die Summe mit "
            "„summe_als“.",
        ),
        (
            "{id: transfer, als: Transferaufwand, werte: [0, 12500]}\n",
            "{id: transfer, als: Transferaufwand, werte: [0, 12500]}\n    erwartet: {spalten: {Rest: 1}}\n",
            "erwartet: {spalten: {Rest",
            "Berechnung „budget“: „spalten“ unter „erwartet“ gibt es nur in einer Matrix – entfernen Sie es.",
        ),
        (
            "    zeilenkopf: Träger\n",
            "    zeilenkopf: Träger\n    vergleichsspalten: []\n",
            "vergleichsspalten: []",
            "„vergleichsspalten“ gehört nicht zu einer Berechnung der Art „Matrix“ – entfernen Sie es.",
        ),
        (
            "rechnung: neu / alt}",
            "rechnung: neu / alt - 1}",
            "neu / alt - 1",
            "„rechnung“: „neu / alt - 1“ ist nicht vorgesehen – meinten Sie „neu / alt“? Möglich sind: neu - alt, "
            "alt - neu, (neu - alt) / alt, neu / alt.",
        ),
        (
            "{als: Rest, rechnung",
            "{als: ausgeschöpft, rechnung",
            "vergleichsspalten:",
            "Die Vergleichsspalte „ausgeschöpft“ steht doppelt – geben Sie jeder Spalte einen eigenen Kopf.",
        ),
        (
            "{als: Rest, rechnung",
            "{als: Ansatz 2024, rechnung",
            "vergleichsspalten:",
            "Die Vergleichsspalte „Ansatz 2024“ heißt wie einer der beiden Stände – geben Sie ihr einen eigenen Kopf.",
        ),
        (
            "Rest: 43650,",
            "Reste: 43650,",
            "Reste: 43650",
            "Berechnung „budget“, Zeile „Personal“: Eine Vergleichsspalte „Reste“ gibt es nicht – Vergleichsspalten: "
            "Rest, ausgeschöpft.",
        ),
        (
            "Vorjahre: 148920,",
            "Vorjahre: 148920.125,",
            "Vorjahre: 148920.125",
            "Berechnung „zuschuesse“, Zeile „AWO Kreisverband“, Spalte „Vorjahre“: Ein Betrag hat höchstens zwei "
            "Nachkommastellen (Cent), nicht „148920.125“.",
        ),
        (
            "Vorjahre: 148920,",
            "Vorjahre: 148.920,",
            "Vorjahre: 148.920",
            "„Vorjahre“: „148.920“ lässt sich zweifach lesen: mit Tausenderpunkt als 148920, mit Dezimalpunkt als "
            "148,92; gemeint ist nur eines – schreiben Sie 148920, wenn der Punkt ein Tausenderpunkt ist, oder 148.92, "
            "wenn er ein Dezimalpunkt ist.",
        ),
        (
            '"zahlen-gemeinden-2025"',
            '"zahlen-gemeinden-2025 / 3"',
            "zahlen-gemeinden-2025 / 3",
            f"Berechnung „zuschuesse“, Zeile „Kreisangehörige Gemeinden“, Spalte „2025“: Die Formel ergibt "
            f"21.333,333333{NBSP}€ – Beträge in Euro haben höchstens zwei Nachkommastellen (Cent); runden Sie in einer "
            "Zahl unter „zahlen“ und lesen Sie diese.",
        ),
        (
            "        zellen: {Vorjahre: 51080}\n",
            "",
            "summe: 789750.50}",
            f"Berechnung „zuschuesse“, Summe aller Zellen: berechnet 738.670,50{NBSP}€, erwartet 789.750,50{NBSP}€ – "
            "prüfen Sie den erwarteten Wert und die Eingangswerte.",
        ),
        (
            "erwartet: {summe: 457420}",
            "erwartet: {summe: 457420, alt: 1}",
            "erwartet: {summe: 457420, alt",
            "„alt“ gibt es in einer Matrix nicht – erwartet werden „zellen: {Spalte: Wert}“ und „summe“.",
        ),
        (
            "erwartet: {summe: 457420}",
            "erwartet: {zellen: {Vorjahr: 1}}",
            "Vorjahr: 1",
            "Zeile „AWO Kreisverband“: erwartet für die Spalte „Vorjahr“, die es nicht gibt – Spalten: Vorjahre, 2025, "
            "Folgejahre.",
        ),
        (
            "      - id: caritas\n",
            "      - id: awo\n",
            "    zeilen:",
            "Die Zeile „awo“ steht doppelt – geben Sie jeder Zeile eine eigene „id“.",
        ),
        (
            '{spalten: {"2025": 363750.50}',
            '{spalten: {"2026": 363750.50}',
            '"2026": 363750.50',
            "Erwartet für die Spalte „2026“, die es nicht gibt – Spalten: Vorjahre, 2025, Folgejahre.",
        ),
    ],
)
def test_what_a_matrix_or_comparison_column_cannot_be_is_refused_with_its_line(rw, old, new, line_of_, message):
    edit(rw / VORLAGE, old, new)
    found = problems_of(rw)
    assert found[0] == f"{at(rw, line_of_)}: {message}", found


def test_each_reading_the_message_proposes_builds_to_the_amount_meant(rw):
    edit(rw / VORLAGE, "Vorjahre: 148920,", "Vorjahre: 148.920,")
    message = problems_of(rw)[0]
    assert (
        "schreiben Sie 148920, wenn der Punkt ein Tausenderpunkt ist, oder 148.92, wenn er ein Dezimalpunkt ist"
        in message
    )
    edit(rw / VORLAGE, "Vorjahre: 148.920,", "Vorjahre: 148920,")  # the thousands reading, applied
    assert _raster("2025-0018", "zuschuesse", rw).gedruckt()[1][1] == euro(Fraction(148920), True)
    edit(rw / VORLAGE, "Vorjahre: 148920,", "Vorjahre: 148.92,")  # the decimal reading: 148,92 € + 212.500 € + 96.000 €
    assert f"Summe: berechnet {euro(Fraction(14892, 100) + 212500 + 96000, True)}, erwartet" in problems_of(rw)[0]


STELLEN = """  - id: stellen
    art: Matrix
    einheit: Stellen
    titel: Stellen nach Ämtern
    spalten: [Beamte, Tarif]
    zeilen:
      - {id: a20, als: Kämmerei, zellen: {Beamte: 12.5, Tarif: 30.75}}
      - {id: a61, als: Kreisentwicklung, zellen: {Tarif: 8}}
zahlen:
"""


def test_a_figure_reads_a_matrix_in_its_unit_and_never_an_empty_cell(rw):
    """A Matrix in Stellen is read in VZÄ (failed before: its sum was read as an amount in euros)."""
    edit(rw / VORLAGE, "zahlen:\n", STELLEN)
    edit(
        rw / VORLAGE,
        "zahlen:\n",
        'zahlen:\n  - {id: vzae, titel: Stellen, formel: finanzierung.stellen.summe, einheit: VZÄ, erwartet: "51,25"}\n',
    )
    rechnung = prepare(rw).rechnungen["2025-0018"]
    assert rechnung.zahlen["vzae"] == Fraction("12.5") + Fraction("30.75") + 8
    edit(rw / VORLAGE, "formel: finanzierung.stellen.summe,", "formel: finanzierung.stellen.zeilen.a61.werte.Beamte,")
    assert problems_of(rw) == [
        f"{at(rw, 'id: vzae')}: Zahl „vzae“: „finanzierung.stellen.zeilen.a61.werte.Beamte“ ist eine leere Zelle – "
        "tragen Sie dort einen Wert ein (auch 0) oder lesen Sie eine andere Zelle."
    ]


def test_zahlen_derives_a_matrix_cell_and_a_sum_with_the_lines_they_come_from(capsys):
    code, out, _ = run(capsys, "--data", str(RECHENWEGE), "zahlen", "2025/0018", "zuschuesse", "Summe", "2025")
    assert code == 0
    wo = "rechenwege/vorlagen/kitaausbau/vorlage.yaml"
    assert out.splitlines()[0] == f"zuschuesse / Summe / 2025 = 363.750,50{NBSP}€"
    assert (
        f"Regel: Summe der Spalte „2025“ = 212.500,00{NBSP}€ + 87.250,50{NBSP}€ + 64.000,00{NBSP}€ = "
        f"363.750,50{NBSP}€" in out
    )
    assert (
        f"Formel der Spalte „2025“: zahlen-gemeinden-2025   [{wo}:{line_of(RECHENWEGE / VORLAGE, 'formeln:')}]" in out
    )
    code, out, _ = run(
        capsys,
        "--data",
        str(RECHENWEGE),
        "zahlen",
        "2025/0018",
        'finanzierung["budget"].zeilen["personal"].spalten["Rest"]',
    )
    assert code == 0
    assert f"Regel: alt − neu = 1.840.000{NBSP}€ − 1.796.350{NBSP}€ = 43.650{NBSP}€" in out


def test_nachrechnen_reads_a_dash_alone_in_its_cell_as_an_empty_cell(capsys, tmp_path):
    """„–“ in a cell of its own is no minus of the next cell's figure (failed before: the column read
    148.920 € − 87.250,50 € + 51.080 €)."""
    html = (
        "<table><tr><th>Träger</th><th>Vorjahre</th><th>2025</th></tr>"
        "<tr><td>AWO</td><td>148.920 €</td><td>212.500 €</td></tr>"
        "<tr><td>Caritas</td><td>–</td><td>87.250 €</td></tr>"
        "<tr><td>Gemeinden</td><td>51.080 €</td><td>–</td></tr>"
        "<tr><td><b>Summe</b></td><td><b>200.000 €</b></td><td><b>299.750 €</b></td></tr></table>"
    )
    _, report, _ = check(capsys, write(tmp_path, "matrix.html", html))
    assert len(by_status(report, "stimmt")) == 2 and not by_status(report, "Fehler"), report
