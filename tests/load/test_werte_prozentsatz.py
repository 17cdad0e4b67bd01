"""Percentage keys are read one way (issue 57, point 2): `foerdersatz: 0.8` was taken as 0,8 % where a clerk who
thinks in fractions meant 80 % – a number between 0 and 1 without „%“ is refused naming both readings and how to
write each, and every spelling it proposes reads as the value it names; „80 %“, „80%“ and „80“ are all 80 %
(„80 %“ was refused as „keine Zahl“). Amounts by hand: 80 % of 100.000 € förderfähige Kosten = 80.000 €."""

from __future__ import annotations

from fractions import Fraction

import pytest

from tests.hilfen import edit, line_of, problems_of
from tests.hilfen.beispielvorlage import VORLAGE, plan
from vorlagen.compute.project import prepare

KOSTEN = "      - {betrag: 100000, als: Kosten}\n"
WO = "data/vorlagen/2021-0123/vorlage.yaml"


def quelle(satz: str) -> str:
    return f"      - {{id: bund, als: Bund, art: Zuwendung, foerdersatz: {satz}}}\n      - {{id: rest, als: Kreis, art: Eigenmittel, rest: true}}\n"


@pytest.mark.parametrize("satz", ["80", "80 %", "80%", '"80 %"', "80.0"])
def test_a_percentage_is_read_as_people_write_it(data, satz):
    t = plan(data, quelle(satz), kosten=KOSTEN).tabellen["p"]
    assert t.quellen["bund"].betrag == Fraction(80, 100) * 100000 == 80000


def test_a_foerdersatz_below_one_is_refused_naming_both_readings_and_each_spelling_reads_as_it_says(data):
    edit(
        data / VORLAGE,
        "finanzierung:\n",
        "finanzierung:\n  - id: p\n    art: Finanzierungsplan\n    titel: Probe\n"
        f"    kosten:\n{KOSTEN}    quellen:\n{quelle('0.8')}",
    )
    zeile = line_of(data / VORLAGE, "foerdersatz: 0.8")
    assert problems_of(data) == [
        f"{WO}:{zeile}: „foerdersatz: 0.8“ lässt sich zweifach lesen: als 0,8 % oder als Anteil 0,8 = 80 % – "
        "„foerdersatz“ steht in Prozent. Schreiben Sie „foerdersatz: 80“ oder „foerdersatz: 80 %“ für 80 %, "
        "„foerdersatz: 0.8 %“ für 0,8 %."
    ]
    for geschrieben, betrag in (("80", 80000), ("80 %", 80000), ("0.8 %", Fraction(8, 1000) * 100000)):
        text = (data / VORLAGE).read_text(encoding="utf-8")
        satz = text.split("foerdersatz: ", 1)[1].split("}", 1)[0]
        edit(data / VORLAGE, f"foerdersatz: {satz}}}", f"foerdersatz: {geschrieben}}}")
        assert prepare(data).rechnungen["2021-0123"].tabellen["p"].quellen["bund"].betrag == betrag


def test_a_change_in_percent_below_one_is_asked_about_too(data):
    edit(
        data / VORLAGE,
        "finanzierung:\n",
        "finanzierung:\n  - id: v\n    art: Vergleich\n    titel: Probe\n    spalten: [2021, 2022]\n"
        "    zeilen:\n      - {als: Stellen, werte: [100, 150], erwartet: {prozent: 0.5}}\n",
    )
    zeile = line_of(data / VORLAGE, "prozent: 0.5")
    assert problems_of(data)[0] == (
        f"{WO}:{zeile}: „prozent: 0.5“ lässt sich zweifach lesen: als 0,5 % oder als Anteil 0,5 = 50 % – „prozent“ "
        "steht in Prozent. Schreiben Sie „prozent: 50“ oder „prozent: 50 %“ für 50 %, „prozent: 0.5 %“ für 0,5 %."
    )
    edit(data / VORLAGE, "prozent: 0.5}", "prozent: 50 %}")  # the proposal: 150 is 50 % more than 100
    assert prepare(data).rechnungen["2021-0123"].tabellen["v"].zeilen[0].veraenderung == Fraction(50, 100)
