"""Table kinds, units, Anträge and instalments in the invented Kreis Erlenbruch – figures computed by hand."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from tests.hilfen import DATA, ERLENBRUCH, copy_data, edit, run
from tests.referenz.rechnen import verteilen_nach
from vorlagen.compute.project import prepare
from vorlagen.compute.rundung import rundung_of
from vorlagen.compute.zahlen import zahlen
from vorlagen.core.problems import Where
from vorlagen.load.dateien import Text
from vorlagen.render.document import Composer
from vorlagen.render.text import Prose

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def project():
    return prepare(ERLENBRUCH)


@pytest.fixture
def erlenbruch(tmp_path) -> Path:
    return copy_data(ERLENBRUCH, tmp_path)


def plain(text: str) -> str:
    return text.replace(NBSP, " ")


def test_aufstellung_rows_in_the_seed_style_and_their_sum(project):
    t = project.rechnungen["2024-0041"].tabellen["hoechstfoerderung"]
    assert [(plain(z.text), z.betrag) for z in t.zeilen] == [
        ("1,5 x 52.000 €", 78000),  # 1,5 VZÄ × 52.000 € a year, no period: one year
        ("(6 + 3) Tage x 1.012 €", 9108),  # a day rate does not grow with a period
        ("2 Stück x 1.250 €", 2500),
        ("1 x 4.000 € (VA, einmalig)", 4000),
        ("1.500 € – Festbetrag laut Richtlinie", 1500),
    ]
    assert t.summe == 78000 + 9108 + 2500 + 4000 + 1500 == 95108
    assert t.summe_als == "Höchstförderung je Jahr"
    assert t.zeilen["beratertage"].anzahl == 9


def test_bescheid_positions_of_different_kinds_at_one_rate_and_named_instalments(project):
    b = project.rechnungen["2024-0041"].bescheide["2024-02-12-bildungsberatung"]
    # April–December 2024 = 9 months: 52.000 × 9/12 = 39.000 per VZÄ; 350 € a month × 9 = 3.150 per Stelle.
    assert [z.betrag for z in b.zeilen] == [Decimal("1.5") * 39000, 6 * 1012, 3 * 1012, 2 * 3150]
    assert b.zeilen["Beratertage an Schulen"].betrag == 6072
    assert b.betrag == 58500 + 6072 + 3036 + 6300 == 73908
    assert [(r.als, r.betrag, r.bezahlt) for r in b.raten] == [
        ("erste Rate", 24636, True),
        ("zweite Rate", 24636, False),
        ("Schlussrate", 24636, False),
    ]
    assert b.raten["erste Rate"].faellig is None
    assert (b.bezahlt, b.offen) == (24636, 2 * 24636)
    assert b.monate == "April 2024 bis Dezember 2024"


def test_antrag_is_computed_and_checked_like_a_bescheid(project):
    a = project.rechnungen["2024-0041"].antraege["2024-10-15-bildungsberatung-2025"]
    assert a.art == "Antrag"
    assert a.betrag == Decimal("1.5") * 52000 + 9 * 1012 + 2 * 350 * 12 == 95508


def test_antrag_with_a_wrong_amount_is_a_problem(capsys, erlenbruch):
    edit(erlenbruch / "antraege/2024-10-15-bildungsberatung-2025.yaml", "betrag: 95508", "betrag: 95000")
    code, _, err = run(capsys, "check", "--data", str(erlenbruch))
    assert code == 1
    assert (
        f"Antrag „2024-10-15-bildungsberatung-2025“, Betrag (Anzahl × Satz): berechnet 95.508{NBSP}€, "
        f"erwartet 95.000{NBSP}€, Differenz +508{NBSP}€"
    ) in err


def test_finanzierungsplan_with_anteilsfinanzierung_over_three_years(project):
    t = project.rechnungen["2024-0057"].tabellen["radweg"]
    assert (t.gesamtkosten, t.foerderfaehig, t.nicht_foerderfaehig) == (2148000, 2052000, 96000)
    land, kreis = t.quellen
    assert land.betrag == 2052000 * 80 / 100 == 1641600
    assert kreis.betrag == 2148000 - 1641600 == 506400
    assert t.foerderquote == Fraction(4, 5)
    weights = {2025: 15, 2026: 55, 2027: 30}
    costs = {y: sum(verteilen_nach(c, weights)[y] for c in (1840000, 212000, 96000)) for y in weights}
    assert t.jahre == costs == {2025: 322200, 2026: 1181400, 2027: 644400}
    assert land.jahre == verteilen_nach(1641600, weights)
    for year in weights:  # every Haushaltsjahr balances: Kosten = Σ Quellen
        assert land.jahre[year] + kreis.jahre[year] == t.jahre[year]


def test_thirds_add_up_exactly_and_the_named_share_takes_the_remainder(project):
    t = project.rechnungen["2024-0057"].tabellen["mobilstation"]
    assert [q.betrag for q in t.quellen] == [248333, 248333, 248334]  # 745.000 / 3 = 248.333,33…
    assert sum(q.betrag for q in t.quellen) == 745000
    bund, land, stadt = t.quellen
    assert bund.jahre == verteilen_nach(248333, {2025: 40, 2026: 60}) == {2025: 99333, 2026: 149000}
    assert stadt.jahre == {2025: 298000 - 2 * 99333, 2026: 447000 - 2 * 149000}


def test_vergleich_values_difference_percent_and_derived_lines(project):
    stellen = project.rechnungen["2024-0063"].tabellen["stellen"]
    gesamt = stellen.zeilen["gesamt"]
    assert (gesamt.alt, gesamt.neu, gesamt.differenz) == (Decimal("959.5"), Decimal("970.5"), 11)
    assert gesamt.veraenderung == Fraction(11) / Fraction("959.5")
    assert stellen.aenderung(gesamt) == f"+1,15{NBSP}%"  # 11 / 959,5 = 1,1464 %
    netto = project.rechnungen["2024-0063"].tabellen["personalaufwand"].zeilen["netto"]
    assert (netto.alt, netto.neu) == (68450000 - 4120000, 71230000 - 4380000)


def test_eigenanteil_insgesamt_only_where_eigenanteil_tables_exist(project, built):
    composer = Composer(project)
    for source in project.facts.vorlagen:
        assert "Eigenanteil" not in composer.compose(source).web_html
    assert "Eigenanteil insgesamt" in (built / "vorlagen/2021-0123/2021-0123.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "folder, nummer",
    [(ERLENBRUCH, "2024-0041"), (ERLENBRUCH, "2024-0057"), (ERLENBRUCH, "2024-0063"), (DATA, "2021-0123")],
)
def test_every_listed_name_prints_the_listed_value_in_a_text(folder, nummer, tmp_path):
    project = prepare(folder)
    rechnung = project.rechnungen[nummer]
    source = next(s for s in project.facts.vorlagen if s.slug == nummer)
    problems_of_tables: list = []
    names = Composer(project)._names(source, rechnung, set(), problems_of_tables)
    rundung = rundung_of(project.facts)
    zahlformat = project.facts.koerperschaft.zahlformat
    listing = zahlen(rechnung, zahlformat, rundung.quantum, rundung.prozent_stellen)
    assert len(listing) > 10
    prose = Prose(zahlformat)
    for expression, value in listing:
        path = tmp_path / "x.md"
        path.write_text(f"{{{{ {expression} }}}}", encoding="utf-8")
        text = Text.of(path, Where("x.md"), path.read_text(encoding="utf-8"))
        rendered, problems = prose.render(text, names)
        assert (rendered.html, problems) == (f"<p>{value}</p>\n".replace("&", "&amp;"), []), expression
    assert problems_of_tables == []


def test_zahlen_command_lists_rows_instalments_and_percentages(capsys):
    code, out, _ = run(capsys, "zahlen", "2024/0041", "--data", str(ERLENBRUCH))
    assert code == 0
    lines = [" ".join(plain(line).split()) for line in out.splitlines()]
    assert '{{ finanzierung["hoechstfoerderung"].zeilen["beratertage"].betrag | eur }} 9.108 €' in lines
    assert '{{ bescheide["2024-02-12-bildungsberatung"].raten["zweite Rate"].faellig | datum }} 01.07.2024' in lines
    assert '{{ antraege["2024-10-15-bildungsberatung-2025"].betrag | eur }} 95.508 €' in lines
    code, out, err = run(capsys, "zahlen", "2024/0042", "--data", str(ERLENBRUCH))
    assert code == 1 and "Die Vorlage „2024/0042“ gibt es nicht – meinten Sie" in err


def test_fehlbedarfsfinanzierung_fills_the_gap_up_to_its_cap(erlenbruch):
    path = erlenbruch / "vorlagen/2024-0057/vorlage.yaml"
    edit(
        path,
        "      - {id: land, als: Land (Nahmobilitätsförderung), foerdersatz: 80}\n"
        "      - {id: kreis, als: Kreis Erlenbruch, art: Eigenmittel, rest: true}\n",
        "      - {id: kreis, als: Kreis Erlenbruch, art: Eigenmittel, betrag: 500000}\n"
        "      - {id: dritte, als: Stiftung Radverkehr, art: Dritte, festbetrag: 100000}\n"
        "      - {id: land, als: Land, fehlbedarf: true, hoechstbetrag: 1600000}\n",
    )
    edit(
        erlenbruch / "vorlagen/2024-0057/sachverhalt.md",
        '{{ finanzierung["radweg"].quellen["kreis"].jahre[2026] | eur }}',
        "einige",
    )
    t = prepare(erlenbruch).rechnungen["2024-0057"].tabellen["radweg"]
    assert t.quellen["land"].betrag == 2148000 - 500000 - 100000 == 1548000
    assert (t.zuwendung, t.dritte, t.eigenmittel) == (1548000, 100000, 500000)


def test_a_capped_fehlbedarf_leaves_the_plan_unbalanced(capsys, erlenbruch):
    path = erlenbruch / "vorlagen/2024-0057/vorlage.yaml"
    edit(
        path,
        "      - {id: land, als: Land (Nahmobilitätsförderung), foerdersatz: 80}\n"
        "      - {id: kreis, als: Kreis Erlenbruch, art: Eigenmittel, rest: true}\n",
        "      - {id: kreis, als: Kreis Erlenbruch, art: Eigenmittel, betrag: 500000}\n"
        "      - {id: land, als: Land, fehlbedarf: true, hoechstbetrag: 1500000}\n",
    )
    code, _, err = run(capsys, "check", "--data", str(erlenbruch))
    assert code == 1
    assert (
        f"Berechnung „radweg“: Der Finanzierungsplan geht nicht auf: die Quellen ergeben 2.000.000{NBSP}€, "
        f"die Gesamtkosten 2.148.000{NBSP}€, Differenz \u2212148.000{NBSP}€ – ergänzen Sie eine Quelle mit "
        "„rest: true“ oder prüfen Sie die Beträge."
    ) in err


def test_thirds_without_a_remainder_taker_are_a_problem(capsys, erlenbruch):
    edit(erlenbruch / "vorlagen/2024-0057/vorlage.yaml", "anteil: 1/3, rest: true}", "anteil: 1/3}")
    code, _, err = run(capsys, "check", "--data", str(erlenbruch))
    assert code == 1
    assert (
        "Anteile wie 1/3 gehen beim Runden nicht immer auf – setzen Sie bei der Quelle, die den Rundungsrest "
        "trägt, „rest: true“."
    ) in err


def test_implausibly_long_period_and_monthly_rate_without_period(capsys, erlenbruch):
    path = erlenbruch / "vorlagen/2024-0041/vorlage.yaml"
    edit(
        path,
        "    summe_als: Höchstförderung je Jahr\n",
        "    summe_als: Höchstförderung je Jahr\n    zeitraum: {von: 2024-01-01, bis: 2031-12-31}\n",
    )
    code, _, err = run(capsys, "check", "--data", str(erlenbruch))
    assert code == 1
    assert (
        "Der Zeitraum 01.01.2024–31.12.2031 umfasst 96 Monate, mehr als sechs Jahre – prüfen Sie die Jahreszahlen; "
        "ist er so gewollt, setzen Sie „lang: true“."
    ) in err
    copy = copy_data(ERLENBRUCH, erlenbruch.parent / "zwei")
    edit(
        copy / "vorlagen/2024-0041/vorlage.yaml",
        "anzahl: 2, saetze: [bildungsberatung/beratung/ausstattung]",
        "anzahl: 2, saetze: [bildungsberatung/beratung/sachkosten]",
    )
    code, _, err = run(capsys, "check", "--data", str(copy))
    assert code == 1
    assert (
        "Der Satz „bildungsberatung/beratung/sachkosten“ gilt je Monat; die Berechnung „hoechstfoerderung“ braucht "
        "dafür einen „zeitraum“."
    ) in err
