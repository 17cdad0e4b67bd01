"""Rows by name only (issue 32, point 2): a row is read by its id or label in texts and formulas alike, whatever the
name looks like ("1" included); a position is never taken silently.

The amounts are typed here; what a row holds is read off its own line, never pasted from the program's output."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from tests.hilfen import edit, line_of, problems_of
from tests.referenz.rechnen import ganz
from vorlagen.compute.formel import lesen
from vorlagen.compute.project import prepare

VORLAGE = Path("vorlagen/2021-0123/vorlage.yaml")
WO = "data/vorlagen/2021-0123/vorlage.yaml"
# an Aufstellung whose rows are named "1" … "9", as in the repository of the issue; row "n" holds n × 10.000 €,
# listed in the order 9, 1, 2, … 8 so that no name is its own position
BETRAG = {str(n): n * 10_000 for n in range(1, 10)}
ORDER = ["9", "1", "2", "3", "4", "5", "6", "7", "8"]
NUMMERN = "  - id: posten\n    art: Aufstellung\n    titel: Posten\n    kosten:\n" + "".join(
    f'      - {{id: "{n}", betrag: {BETRAG[n]}, als: Posten {n}}}\n' for n in ORDER
)


def add(data: Path, figures: str, tables: str = "") -> None:
    edit(data / VORLAGE, "verteilungen:\n", tables + "zahlen:\n" + figures + "verteilungen:\n")


def figures(data: Path):
    return prepare(data).rechnungen["2021-0123"].zahlen


def test_a_row_named_1_is_the_row_named_1_not_the_second_row(data):
    add(
        data,
        "  - id: punkt\n    formel: finanzierung.posten.zeilen.1.betrag\n"
        '  - id: klammer\n    formel: finanzierung["posten"].zeilen["1"].betrag + finanzierung.posten.zeilen.2.betrag\n'
        "  - id: neun\n    formel: finanzierung.posten.zeilen[9].betrag\n",
        NUMMERN,
    )
    z = figures(data)
    assert z["punkt"] == BETRAG["1"] == 10_000  # by position it was row "1" of the list: 10.000 € only by chance
    assert z["klammer"] == BETRAG["1"] + BETRAG["2"] == 30_000  # position 1 and 2 would be 10.000 + 20.000 as well …
    assert z["neun"] == BETRAG["9"] == 90_000  # … but position 9 does not exist: the name is read


def test_the_issue_case_names_one_to_nine_in_another_order(data):
    order = ["2", "1", "4", "3", "6", "5", "8", "7", "9"]  # second row by position is „1“, second by name „2“
    tables = "  - id: m1-plan\n    art: Aufstellung\n    titel: Plan\n    kosten:\n" + "".join(
        f'      - {{id: "{n}", betrag: {BETRAG[n]}, als: Posten {n}}}\n' for n in order
    )
    add(data, "  - id: eins\n    formel: finanzierung.m1-plan.zeilen.2.betrag\n", tables)
    assert figures(data)["eins"] == BETRAG["2"] == 20_000  # by position: row „1“, 10.000 €


def test_a_position_is_refused_with_the_name_that_reads_the_same_row(data):
    add(data, "  - id: foerderung\n    formel: finanzierung.m1-steuerung.zeilen.1.betrag\n")
    proposal = "finanzierung.m1-steuerung.zeilen.KIM-Förderung.betrag"
    assert problems_of(data) == [
        f"{WO}:{line_of(data / VORLAGE, 'zeilen.1.betrag')}: Zahl „foerderung“: „1“ gibt es nicht in den Zeilen dieser "
        "Tabelle. Vorhanden: Gesamtkosten, KIM-Förderung. Zeilen heißen nach ihrer id oder Bezeichnung, nicht nach "
        f"ihrer Stelle: die Zeile an Stelle 1 (gezählt ab 0) lesen Sie mit „{proposal}“."
    ]
    # the proposal parses and reads what the position read before: the second row, the KIM-Förderung of Modul 1,
    # 3,5 × (55.000 + 9.700 €) × 13/12 per unit first: 70.091 € × 3,5 = 245.318,5 → 245.319 € (seed 000)
    lesen(proposal)
    edit(data / VORLAGE, "zeilen.1.betrag", proposal.removeprefix("finanzierung.m1-steuerung."))
    assert figures(data)["foerderung"] == 245_319


def test_a_name_that_is_one_rows_id_and_anothers_label_is_ambiguous(data):
    tables = (
        "  - id: zwei\n    art: Aufstellung\n    titel: Zwei\n    kosten:\n"
        '      - {id: "Miete", betrag: 100, als: Nebenkosten}\n'
        '      - {id: "nk", betrag: 200, als: Miete}\n'
    )
    add(data, "  - id: m\n    formel: finanzierung.zwei.zeilen.Miete.betrag\n", tables)
    assert problems_of(data) == [
        f"{WO}:{line_of(data / VORLAGE, 'zeilen.Miete')}: Zahl „m“: „Miete“ nennt mehrere Zeilen dieser Tabelle "
        "(„Miete“, „nk“) als id oder Bezeichnung – geben Sie jeder Zeile eine eigene „id“, die keine andere Zeile "
        "als id oder Bezeichnung trägt."
    ]


def test_lists_without_names_are_not_read_by_position(data):
    add(data, "  - id: s\n    formel: finanzierung.m1-steuerung.zeilen.Gesamtkosten.saetze.0.betrag\n")
    assert problems_of(data) == [
        f"{WO}:{line_of(data / VORLAGE, 'saetze.0')}: Zahl „s“: „finanzierung.m1-steuerung.zeilen.Gesamtkosten.saetze“ "
        "ist eine Liste ohne Namen – Formeln lesen nur Einträge mit Namen (Zeilen, Quellen, Raten) und nie nach "
        "ihrer Stelle."
    ]


def test_a_formula_reads_names_as_a_text_writes_them(data):
    add(
        data,
        "  - id: sk\n"
        '    formel: finanzierung["m2-case-management"].zeilen["SK in Kommunen"].betrag\n'
        '  - id: doppelt\n    formel: zahlen["sk"] * 2\n',
    )
    z = figures(data)
    # SK in Kommunen (kostensaetze/kommunen.yaml): 6.250 € a year for 13 months, per unit first, 7 Stellen
    per_unit = ganz(Fraction(6250 * 13, 12))  # 6.770,83 → 6.771 €
    assert z["sk"] == 7 * per_unit == 47_397
    assert z["doppelt"] == 2 * 47_397


def test_a_bracket_that_is_no_name_says_how_to_write_one():
    import pytest

    from vorlagen.compute.formel import FormelFehler

    with pytest.raises(FormelFehler) as error:
        lesen("finanzierung.plan.zeilen[„Land“].betrag")
    assert str(error.value) == (
        "„[“ an Stelle 25: In eckigen Klammern steht ein Name in geraden Anführungszeichen, z. B. "
        'zeilen["Gesamtkosten"], oder eine Jahreszahl, z. B. jahre[2022].'
    )
