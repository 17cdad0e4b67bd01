"""Six Vorlagen modelled on real ones of other bodies (issue 21): every printed figure is a fact or a named,
checked figure, and no text computes. Expected figures are worked out here by hand, with Fractions."""

from __future__ import annotations

import re
from fractions import Fraction
from pathlib import Path

import pytest

from tests.hilfen import RECHENWEGE, run
from tests.referenz.rechnen import rund
from vorlagen.compute.project import prepare

NBSP = "\u00a0"
ARITHMETIC = re.compile(r"\{\{[^}]*(\s[-+*/%]\s|\*\*|//|\|\s*(round|sum|int|float|abs)\b)[^}]*\}\}")


@pytest.fixture(scope="module")
def project():
    return prepare(RECHENWEGE)


def text(built_rechenwege: Path, nummer: str) -> str:
    return (built_rechenwege / "vorlagen" / nummer / f"{nummer}.txt").read_text(encoding="utf-8").replace(NBSP, " ")


def test_no_text_of_the_six_computes():
    texts = sorted(RECHENWEGE.glob("vorlagen/*/*.md"))
    assert len(texts) >= 6
    for path in texts:
        assert not ARITHMETIC.search(path.read_text(encoding="utf-8")), path


def test_efre_investment_keeps_its_cents(project, built_rechenwege):
    t = project.rechnungen["2025-0011"].tabellen["plan"]
    kosten = Fraction("2415730.36") + Fraction("18250.00")
    efre = rund(Fraction("2415730.36") * Fraction(60, 100), Fraction(1, 100))  # of the förderfähige costs
    land = rund(Fraction("2415730.36") * Fraction(20, 100), Fraction(1, 100))
    assert (t.gesamtkosten, t.quellen["efre"].betrag, t.quellen["land"].betrag) == (kosten, efre, land)
    assert t.eigenmittel == kosten - efre - land
    assert "Die Investition kostet 2.433.980,36 €." in text(built_rechenwege, "2025-0011")


def test_staedtebau_in_thirds_and_a_fee_on_half_the_grant(project, built_rechenwege):
    t = project.rechnungen["2025-0012"].tabellen["ortskern"]
    third = Fraction(1260000, 3)
    assert [q.betrag for q in t.quellen] == [third, third, third] == [420000] * 3
    assert [t.anteil(q) for q in t.quellen] == [f"33,33{NBSP}%", f"33,33{NBSP}%", f"33,34{NBSP}%"]
    fee = rund(2 * third / 2 * Fraction(175, 10000))
    assert project.rechnungen["2025-0012"].zahlen["gebuehr"] == fee == 7350
    assert "der Sanierungsträger erhält 7.350 €." in text(built_rechenwege, "2025-0012")


def test_stellenplan_comparison(project):
    gesamt = project.rechnungen["2025-0013"].tabellen["stellen"].zeilen["gesamt"]
    assert (gesamt.alt, gesamt.neu) == (Fraction("212.5") + Fraction("498.75"), Fraction(215) + Fraction("507.25"))
    assert gesamt.veraenderung == Fraction(11) / Fraction("711.25")


def test_fund_split_over_the_gemeinden_uses_it_up(project, built_rechenwege):
    t = project.rechnungen["2025-0014"].tabellen["verteilung"]
    pauschale = rund(Fraction(480000) * Fraction(2, 100))
    assert t.zeilen[-1].betrag == pauschale == 9600
    assert t.summe == 141200 + 98600 + 130800 + 99800 + pauschale == t.fonds == 480000
    assert [(g.als, g.summe) for g in t.gruppen] == [("Nord", 239800), ("Süd", 230600)]
    assert "Integrationsfonds (480.000 €)" in text(built_rechenwege, "2025-0014")


def test_two_scenarios_in_thousands(project, built_rechenwege):
    z = project.rechnungen["2025-0015"].zahlen
    assert (z["eigen-75"], z["eigen-50"]) == (
        3480000 - rund(Fraction(3480000) * 75 / 100),
        3480000 - rund(Fraction(3480000) * 50 / 100),
    )
    assert "liegt bei 870 T€ (75 % Förderung) oder 1.740 T€ (50 % Förderung)" in text(
        built_rechenwege, "2025-0015"
    ).replace("\n", " ")


def test_bericht_quotes_a_checked_comparison(project, built_rechenwege):
    zuschuss = project.rechnungen["2025-0016"].tabellen["vollzug"].zeilen["zuschuss"]
    assert (zuschuss.alt, zuschuss.neu) == (28640000 - 9380000, 29912500 - 9465200)
    words = " ".join(text(built_rechenwege, "2025-0016").split())
    # 1.187.300 € over 19.260.000 € = 6,1646 % → 6,16 %
    assert "1.187 T€ über dem Plan (6,16 %)" in words


def test_check_is_clean(capsys):
    code, out, err = run(capsys, "check", "--ohne-satz", "--data", str(RECHENWEGE))
    assert code == 0, err


def test_finanzielle_auswirkungen_print_only_what_the_vorlage_states(built_rechenwege):
    """A Bericht whose only table stands in its text states nothing under Finanzielle Auswirkungen: the section is
    left out, never filled with a sentence the author did not choose."""
    bericht = text(built_rechenwege, "2025-0016")
    assert "Siehe die Berechnungen im Text" not in bericht
    assert "Finanzielle Auswirkungen" not in bericht
    for nummer in ("2025-0011", "2025-0012", "2025-0014", "2025-0015"):
        assert "Siehe die Berechnungen im Text" not in text(built_rechenwege, nummer)
