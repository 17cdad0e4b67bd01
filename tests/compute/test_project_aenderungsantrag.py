"""An Änderungsantrag computes its own figures like any Vorlage and reads those of the Vorlage it changes
(„geaendert.zahlen.<id>“, compute/project.py): the Rostock Änderungsantrag 2020/DV/0662-01 pays the following quarters
at 90 % of the first, and its limit („hoechstens: 90“) is checked."""

from __future__ import annotations

from fractions import Fraction

import pytest

from tests.hilfen import FIXTURES, composed, copy_data, edit, line_of, problems_of
from tests.referenz.rechnen import euro, prozent

AA = "vorlagen/2020-DV-0662-01/vorlage.yaml"
DV = "vorlagen/2020-DV-0662/vorlage.yaml"


@pytest.fixture
def rostock(aus_dem_repository):
    return copy_data(FIXTURES / "rostock", aus_dem_repository)


def _zahlen(quartal: Fraction) -> dict[str, Fraction]:
    """The figures of the Änderungsantrag, computed here: the first quarter as in the Vorlage, each following one 90 %
    of it, the year of four quarters, and what it pays less than the Vorlage's four equal quarters."""
    folge = quartal * Fraction(90, 100)
    jahr = quartal + 3 * folge
    return {"folge": folge, "jahr": jahr, "weniger": 4 * quartal - jahr}


def test_the_aenderungsantrag_computes_its_figures_from_its_vorlage(rostock):
    z = _zahlen(Fraction(60000))
    text = composed(rostock, "2020/DV/0662-01").text
    assert (
        f"Im ersten Quartal werden {euro(Fraction(60000))} gezahlt, in jedem folgenden Quartal "
        f"{prozent(Fraction(90, 100))} davon, also {euro(z['folge'])}; im Jahr sind das {euro(z['jahr'])}." in text
    )
    assert f"Gegenüber der Vorlage werden im Jahr {euro(z['weniger'])} weniger gezahlt." in text


def test_a_change_of_the_vorlage_reaches_the_aenderungsantrag(rostock):
    edit(rostock / DV, 'formel: "60000"', 'formel: "70000"')
    edit(rostock / DV, 'erwartet: "240000"', 'erwartet: "280000"')
    z = _zahlen(Fraction(70000))
    text = composed(rostock, "2020/DV/0662-01").text
    assert f"also {euro(z['folge'])}; im Jahr sind das {euro(z['jahr'])}." in text
    assert f"im Jahr {euro(z['weniger'])} weniger gezahlt" in text


def test_hoechstens_holds_the_ninety_percent(rostock):
    edit(rostock / AA, "formel: erstes * 90 %", "formel: erstes * 95 %")
    assert problems_of(rostock) == [
        f"data/{AA}:{line_of(rostock / AA, 'id: anteil')}: Zahl „anteil“: berechnet {prozent(Fraction(95, 100))}, "
        "höchstens 90\u00a0%, Differenz +5 Prozentpunkte – der Wert liegt über seiner Grenze: prüfen Sie die "
        "Eingangswerte und die Grenze."
    ]


def test_geaendert_is_only_the_aenderungsantrags(rostock):
    edit(rostock / "vorlagen/2020-AN-0700/vorlage.yaml", 'formel: "850"', 'formel: "geaendert.zahlen.quartal"')
    problems = problems_of(rostock)
    assert "Zahl „je_bank“: „geaendert“ gibt es nicht." in problems[0], problems
