"""Each class of figure an independent recomputation found wrong (issue 21), against exact Fractions by hand."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from tests.hilfen import edit, line_of, problems_of
from tests.referenz.rechnen import ganz, verteilen
from vorlagen.compute.names import NoValue
from vorlagen.compute.project import prepare
from vorlagen.render.document import Composer

NBSP = "\u00a0"
VORLAGE = Path("vorlagen/2021-0123/vorlage.yaml")


def add_tables(data: Path, yaml: str) -> None:
    """Appends tables to the example Vorlage's `finanzierung`."""
    edit(data / VORLAGE, "finanzierung:\n", "finanzierung:\n" + yaml)


def tabellen(data: Path):
    return prepare(data).rechnungen["2021-0123"].tabellen


def test_tagesgenau_splits_the_years_by_what_each_year_is_charged(data):
    add_tables(
        data,
        """  - id: tage
    titel: Tagesgenau über den Jahreswechsel
    zeitraum: {von: 2020-07-15, bis: 2021-03-10}
    tagesgenau: true
    kosten:
      - {anzahl: 1, saetze: [kgst-2020/E11]}
""",
    )
    t = tabellen(data)["tage"]
    # 15.07.–31.12.2020: 170 of 366 days (a leap year); 01.01.–10.03.2021: 69 of 365 days
    days = [
        (dt.date(2020, 12, 31) - dt.date(2020, 7, 15)).days + 1,
        (dt.date(2021, 3, 10) - dt.date(2021, 1, 1)).days + 1,
    ]
    assert days == [170, 69] and calendar.isleap(2020) and not calendar.isleap(2021)
    charged = [Fraction(170, 366), Fraction(69, 365)]
    total = ganz(106540 * sum(charged))
    assert t.gesamtkosten == total
    parts = verteilen(Fraction(total), charged, Fraction(1))
    assert [t.jahre[2020].gesamtkosten, t.jahre[2021].gesamtkosten] == parts
    # by raw day counts (170 : 69) the split would differ: that was the slip
    assert verteilen(Fraction(total), [Fraction(170), Fraction(69)], Fraction(1)) != parts


def test_a_monthly_rate_under_tagesgenau_charges_whole_months_as_months(data):
    (data / "kostensaetze" / "miete.yaml").write_text(
        "titel: Miete\neinheit: Monat\nvzae: 0\nsaetze:\n  Raum: 350\n", encoding="utf-8"
    )
    add_tables(
        data,
        """  - id: miete
    titel: Miete tagesgenau
    art: Aufstellung
    zeitraum: {von: 2024-01-16, bis: 2024-03-31}
    tagesgenau: true
    kosten:
      - {anzahl: 1, saetze: [miete/Raum], als: Raummiete}
""",
    )
    t = tabellen(data)["miete"]
    # 16 of January's 31 days, then February and March whole: 350 × (16/31 + 1 + 1)
    assert t.summe == ganz(350 * (Fraction(16, 31) + 2))
    # a whole month is 350 €, whatever its length
    add_tables(
        data,
        """  - id: januar
    titel: Januar
    art: Aufstellung
    zeitraum: {von: 2024-01-01, bis: 2024-02-29}
    tagesgenau: true
    kosten:
      - {anzahl: 1, saetze: [miete/Raum], als: Raummiete}
""",
    )
    januar = tabellen(data)["januar"]
    assert januar.summe == 700
    assert januar.jahre == {2024: 700}


def test_vzae_of_a_table_is_the_sum_of_its_staff_rows(data):
    add_tables(
        data,
        """  - id: gemischt
    titel: Gemischte Stellen
    zeitraum: {von: 2022-01-01, bis: 2022-12-31}
    kosten:
      - {anzahl: 2, saetze: [kgst-2020/E11]}
      - {anzahl: 1.5, saetze: [kgst-2020/E9a]}
      - {betrag: 5000, als: Ausstattung}
    abzuege:
      - {anzahl: 3.5, saetze: [kim/modul-1/koordination], als: Förderung}
""",
    )
    # the table's Eigenanteil 2022 joins the example's überplanmäßige Bereitstellung (its Haushalt block): the
    # Einsparung's Position and the threshold are raised so that only the VZÄ are the subject here
    edit(data / "haushalt/2022.yaml", "ansatz: 15100000", "ansatz: 16100000")
    edit(data / "vorlagen/2021-0123/beschlossen.yaml", "ansatz: 15100000", "ansatz: 16100000")  # decided on it
    edit(data / "haushalt/2022.yaml", "erheblich: 600000", "erheblich: 1000000")
    t = tabellen(data)["gemischt"]
    assert t.vzae == Fraction(7, 2)
    assert t.ueberschrift.startswith("3,5\u00a0VZÄ Gemischte Stellen")


def test_the_example_headings_keep_their_form(data):
    t = tabellen(data)
    assert t["m1-steuerung"].ueberschrift.startswith("3,5\u00a0VZÄ ")
    assert t["m1-assistenz"].ueberschrift.startswith("0,5\u00a0VZÄ ")
    assert t["m3-berechnung-1"].ueberschrift.startswith("3 x 0,75\u00a0VZÄ ")
    assert t["m3-berechnung-1"].vzae == Fraction(9, 4)


def test_vzae_of_a_bescheid_counts_staff_positions_only(data):
    project = prepare(data)
    modul_1 = project.rechnungen["2021-0123"].bescheide["2021-02-22-kim-modul-1"]
    # 3,5 Koordinationsstellen and one unit of the half Assistenz position; Sachkosten, Veranstaltungen and
    # Maßnahmen are no Stellen (all six quantities together would be 11)
    assert modul_1.vzae == Fraction(7, 2) + Fraction(1, 2)


def test_a_bescheid_whose_rates_do_not_say_has_no_vzae(data):
    edit(
        data / "foerderprogramme" / "kim.yaml",
        "Sachausgaben für Veranstaltungen, vzae: 0}",
        "Sachausgaben für Veranstaltungen}",
    )
    modul_1 = prepare(data).rechnungen["2021-0123"].bescheide["2021-02-22-kim-modul-1"]
    with pytest.raises(NoValue) as error:
        modul_1.vzae
    assert error.value.message() == (
        "Der Bescheid „2021-02-22-kim-modul-1“ nennt keine Stellen: bei „kim/modul-1/veranstaltungen“ steht nicht, "
        "wie viele VZÄ eine Einheit ist – tragen Sie beim Satz im Förderprogramm „vzae“ ein (1 je Vollzeitstelle, "
        "0.5 je halbe Stelle, 0 für Sachkosten)."
    )


FINANZIERUNGSPLAN = """  - id: drittel
    titel: Drei Drittel
    art: Finanzierungsplan
    zeitraum: {{von: 2023-01-01, bis: 2025-12-31}}
    kosten:
      - {{betrag: 100000, als: Baukosten}}
    quellen:
{quellen}
"""


def test_shares_that_add_up_to_a_whole_print_as_100_percent(data):
    add_tables(
        data,
        FINANZIERUNGSPLAN.format(
            quellen="""      - {als: Bund, anteil: 1/3}
      - {als: Land, anteil: 1/3}
      - {als: Kreis, anteil: 1/3, rest: true}"""
        ),
    )
    project = prepare(data)
    t = project.rechnungen["2021-0123"].tabellen["drittel"]
    # 33.333 + 33.333 + 33.334: exactly 33,333 % / 33,333 % / 33,334 %; printed to two places they must add up
    printed = [t.anteil(q) for q in t.quellen]
    values = [Decimal(p.replace(NBSP + "%", "").replace(",", ".")) for p in printed]
    assert sum(values) == 100
    assert values == [Decimal("33.33"), Decimal("33.33"), Decimal("33.34")]
    assert "trägt den Rundungsrest" in t.quellen[2].text


def test_a_rest_source_with_a_foerdersatz_says_it_carries_the_remainder(data):
    add_tables(
        data,
        FINANZIERUNGSPLAN.format(
            quellen="""      - {als: Bund, foerdersatz: 33.33}
      - {als: Land, foerdersatz: 33.33}
      - {als: Kreis, foerdersatz: 33.33, rest: true}"""
        ),
    )
    t = tabellen(data)["drittel"]
    assert [q.betrag for q in t.quellen] == [33330, 33330, 33340]
    assert t.quellen[2].text.endswith("trägt den Rundungsrest")


def test_anteil_column_honours_prozent_stellen(data):
    edit(data / "koerperschaft.yaml", "name:", "prozent_stellen: 3\nname:")
    add_tables(
        data,
        FINANZIERUNGSPLAN.format(
            quellen="""      - {als: Bund, foerdersatz: 12.3456}
      - {als: Kreis, art: Eigenmittel, rest: true}"""
        ),
    )
    project = prepare(data)
    t = project.rechnungen["2021-0123"].tabellen["drittel"]
    assert t.quellen[0].betrag == ganz(Fraction(100000) * Fraction("12.3456") / 100) == 12346
    assert t.anteil(t.quellen[0]) == f"12,346{NBSP}%"
    html, problems = Composer(project).tabelle(t)  # the macro returns its Markup and its problems
    assert problems == []
    assert f"100,000{NBSP}%" in html and f"12,346{NBSP}%" in html and f"87,654{NBSP}%" in html


def test_full_funding_leaves_no_year_of_the_rest_negative(data):
    add_tables(
        data,
        """  - id: voll
    titel: Voll gefördert
    art: Finanzierungsplan
    haushaltsjahre: {"2024": 1, "2025": 1, "2026": 1}
    kosten:
      - {betrag: 100, als: Kosten A}
      - {betrag: 100, als: Kosten B}
    quellen:
      - {als: Bund, anteil: 1/2}
      - {als: Land, anteil: 1/2}
      - {als: Kreis, art: Eigenmittel, rest: true}
""",
    )
    t = tabellen(data)["voll"]
    kreis = t.quellen["Kreis"]
    assert kreis.betrag == 0
    assert all(v >= 0 for v in kreis.jahre.values()), kreis.jahre
    for year in (2024, 2025, 2026):
        assert sum(q.jahre[year] for q in t.quellen) == t.jahre[year]
    for q in t.quellen:
        assert sum(q.jahre.values()) == q.betrag


def test_a_vergleich_in_euros_with_cents_keeps_its_cents_and_adds_up(data):
    add_tables(
        data,
        """  - id: cent
    titel: Ansätze
    art: Vergleich
    spalten: [Plan 2024, Plan 2025]
    zeilen:
      - {id: a, als: Personal, werte: [1000.40, 1000.60]}
      - {id: b, als: Sachmittel, werte: [500.40, 500.20]}
      - {id: s, als: Summe, plus: [a, b]}
""",
    )
    t = tabellen(data)["cent"]
    assert [t.wert(z.alt) for z in t.zeilen] == [f"1.000,40{NBSP}€", f"500,40{NBSP}€", f"1.500,80{NBSP}€"]
    assert t.differenz(t.zeilen["s"]) == f"−0,00{NBSP}€".replace("−", "±")  # 1.500,80 → 1.500,80


@pytest.mark.parametrize(
    "yaml_line, key",
    [
        ("      - {betrag: 2415730.36, als: Baukosten}", "betrag"),
    ],
)
def test_an_amount_with_cents_is_never_rounded_away(data, yaml_line, key):
    add_tables(
        data,
        f"""  - id: efre
    titel: EFRE-Investition
    art: Aufstellung
    kosten:
{yaml_line}
""",
    )
    line = (data / VORLAGE).read_text(encoding="utf-8").splitlines().index(yaml_line) + 1
    assert problems_of(data) == [
        f"data/vorlagen/2021-0123/vorlage.yaml:{line}: Berechnung „efre“: „{key}“ hat Cent (2.415.730,36{NBSP}€), "
        "gerechnet wird aber auf ganze Euro – die Cent gingen verloren. Schreiben Sie „rundung: cent“ in die "
        "Berechnung (oder in koerperschaft.yaml), dann rechnet sie auf den Cent genau; oder prüfen Sie den Betrag."
    ]


def test_a_table_with_rundung_cent_keeps_the_cents(data):
    add_tables(
        data,
        """  - id: efre
    titel: EFRE-Investition
    art: Aufstellung
    rundung: cent
    kosten:
      - {betrag: 2415730.36, als: Baukosten}
      - {betrag: 0.64, als: Porto}
""",
    )
    t = tabellen(data)["efre"]
    assert t.summe == Decimal("2415731.00")
    assert t.zeilen[0].betrag == Decimal("2415730.36")


def test_a_bescheid_amount_with_cents_under_euro_rounding_is_a_problem(data):
    edit(data / "bescheide" / "2021-02-03-kim-modul-2.yaml", "betrag: 605000", "betrag: 605000.50")
    found = problems_of(data)
    assert any("Bescheid „2021-02-03-kim-modul-2“: „betrag“ hat Cent (605.000,50" in p for p in found), found


def test_twelve_haushaltsjahre_are_laid_out_in_tables_that_fit(data):
    add_tables(
        data,
        """  - id: lang
    titel: Zwölf Jahre
    art: Finanzierungsplan
    haushaltsjahre: {"2025": 1, "2026": 1, "2027": 1, "2028": 1, "2029": 1, "2030": 1,
                     "2031": 1, "2032": 1, "2033": 1, "2034": 1, "2035": 1, "2036": 1}
    kosten:
      - {betrag: 1200000, als: Kosten}
    quellen:
      - {als: Land, foerdersatz: 80}
      - {als: Kreis, art: Eigenmittel, rest: true}
""",
    )
    project = prepare(data)
    html = str(Composer(project).tabelle(project.rechnungen["2021-0123"].tabellen["lang"]))
    tables = re.findall(r"<table.*?</table>", html, re.S)
    assert len(tables) == 3  # the amounts, then 2025–2030 and 2031–2036
    for table in tables:
        head = re.search(r"<thead>.*?</thead>", table, re.S)[0]
        assert head.count("<th scope") <= 1 + 6
    assert "(2025–2030)" in tables[1] and "(2031–2036)" in tables[2]


@pytest.mark.langsam  # builds whole repositories
def test_a_text_prints_percentages_with_the_places_the_koerperschaft_sets(data, capsys, tmp_path):
    from tests.hilfen import run

    edit(data / "koerperschaft.yaml", "name:", "prozent_stellen: 3\nname:")
    (data / "vorlagen/2021-0123/vorbemerkungen.md").write_text(
        '# V\n\nQuote {{ stellen["kim-nrw-2024-01"]["baustein-2"].quote | prozent }}, gekürzt '
        '{{ stellen["kim-nrw-2024-01"]["baustein-2"].quote | prozent(1) }}.\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    code, _, err = run(capsys, "--data", str(data), "--out", str(out))
    assert code == 0, err
    # 551,5 of 713 = 77,3492… %: three places as the Körperschaft says, one where the text says so
    exact = Fraction("551.5") / 713 * 100
    assert ganz(exact * 1000) == 77349 and ganz(exact * 10) == 773
    text = (out / "intern/vorlagen/2021-0123/2021-0123.txt").read_text(encoding="utf-8").replace(NBSP, " ")
    assert "Quote 77,349 %, gekürzt 77,3 %." in text


def test_a_table_that_fits_no_page_fails_the_build_with_its_name(data, capsys, tmp_path):
    """Ten columns of unbreakable words fit neither upright nor landscape, not even in the smallest table font."""
    from tests.hilfen import run

    spalten = [f"Spalte{i}Überschriftlang" for i in range(10)]
    felder = ", ".join(f"{s}: Inhaltohneumbruchmöglichkeit{i}" for i, s in enumerate(spalten))
    add_tables(
        data,
        f"""  - id: breit
    titel: Viel zu breite Aufstellung
    art: Aufstellung
    spalten: [{", ".join(spalten)}]
    kosten:
      - {{betrag: 1000, als: Posten, felder: {{{felder}}}}}
""",
    )
    (data / "vorlagen/2021-0123/vorbemerkungen.md").write_text('# V\n\n{{ tabelle("breit") }}\n', encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run(capsys, "--data", str(data), "--out", str(out))
    assert code == 1
    wo = f"data/{VORLAGE.as_posix()}:{line_of(data / VORLAGE, '- id: breit')}"  # the line of its definition
    kopf = " | ".join([*spalten, "Betrag", "Posten"])
    assert re.search(
        rf"^{re.escape(wo)}: Die Tabelle „Viel zu breite Aufstellung“ mit den Spalten „{kopf}“ ist auch im Querformat "
        r"und in der kleinsten Tabellenschrift \(7 pt\) \d+,\d mm zu breit für die Seite – kürzen Sie Spaltenköpfe und "
        r"Texte, nehmen Sie weniger Spalten oder teilen Sie die Tabelle\.$",
        err,
        re.M,
    ), err
    assert not out.exists()  # nothing half-written
