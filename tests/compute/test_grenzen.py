"""Bounds (issue 46, point 2): `hoechstens` and `mindestens` on a named figure and on a table's values, wherever
`erwartet` is allowed, written like it. A bound that does not hold is an error at its line with both values and the
difference; `vorlagen zahlen` shows the bound, and texts quote it as zahlen["id"].hoechstens.

Rostock's Änderungsantrag: the following quarters at 90 % of Q1 (791.198 €), so that Q1 and two further quarters stay
under the 2019 amount of 2.216.000 €. The conditions of Bescheide and Haushaltssatzungen: „Förderquote höchstens
90 %“, „mindestens 10 % Eigenanteil“. Expected figures come from tests/referenz/rechnen.py, never from the program."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from tests.hilfen import composed, edit, line_of, problems_of, run
from tests.referenz.rechnen import euro, euro_mit_vorzeichen, ganz, prozent, rund, zahl
from vorlagen.compute.project import prepare

NBSP = "\u00a0"
VORLAGE = Path("vorlagen/2021-0123/vorlage.yaml")
TEXT = Path("vorlagen/2021-0123/vorbemerkungen.md")
WO = "data/vorlagen/2021-0123/vorlage.yaml"
Q1 = 791_198  # Rostock: the first quarter
BETRAG_2019 = 2_216_000  # the 2019 amount Q1 and two further quarters stay under
FOLGEQUARTAL = ganz(Fraction(Q1) * Fraction(90, 100))
DREI_QUARTALE = Q1 + 2 * FOLGEQUARTAL


def add(data: Path, yaml: str) -> None:
    edit(data / VORLAGE, "verteilungen:\n", "zahlen:\n" + yaml + "verteilungen:\n")


def table(data: Path, yaml: str) -> None:
    edit(data / VORLAGE, "finanzierung:\n", "finanzierung:\n" + yaml)


def at(data: Path, needle: str) -> str:
    return f"{WO}:{line_of(data / VORLAGE, needle)}"


def figures(data: Path):
    return prepare(data).rechnungen["2021-0123"].zahlen


def rostock(anteil: str = "90 %", grenze: int = BETRAG_2019) -> str:
    return (
        f'  - id: q1\n    titel: Zuschuss im ersten Quartal 2020\n    formel: "{Q1}"\n'
        f"  - id: folgequartal\n    titel: je folgendes Quartal\n    formel: q1 * {anteil}\n"
        f"  - id: drei-quartale\n    titel: Q1 und zwei weitere Quartale\n    formel: q1 + 2 * folgequartal\n"
        f"    hoechstens: {grenze}\n"
    )


def test_rostocks_quarters_stay_under_the_2019_amount(data):
    assert (FOLGEQUARTAL, DREI_QUARTALE) == (712_078, 2_215_354)  # the figures of the Änderungsantrag
    add(data, rostock())
    z = figures(data)
    assert z["folgequartal"] == FOLGEQUARTAL and z["drei-quartale"] == DREI_QUARTALE <= BETRAG_2019
    assert z["drei-quartale"].hoechstens == BETRAG_2019
    assert z["drei-quartale"].hoechstens.text == euro(Fraction(BETRAG_2019))


def test_a_cap_that_does_not_hold_is_an_error_with_both_values_and_the_difference(data):
    add(data, rostock(anteil="95 %"))  # the quarters at 95 % of Q1 would not stay under it
    folgequartal = ganz(Fraction(Q1) * Fraction(95, 100))
    drei = Q1 + 2 * folgequartal
    assert drei > BETRAG_2019
    assert problems_of(data) == [
        f"{at(data, 'hoechstens: 2216000')}: Zahl „drei-quartale“: berechnet {euro(Fraction(drei))}, höchstens "
        f"{euro(Fraction(BETRAG_2019))}, Differenz {euro_mit_vorzeichen(Fraction(drei - BETRAG_2019))} – der Wert "
        "liegt über seiner Grenze: prüfen Sie die Eingangswerte und die Grenze."
    ]


QUOTEN = """  - id: gesamtkosten
    formel: "100000"
  - id: zuwendung
    formel: "{zuwendung}"
  - id: foerderquote
    formel: zuwendung / gesamtkosten
    einheit: "%"
    hoechstens: 90
  - id: eigenanteil-quote
    formel: (gesamtkosten - zuwendung) / gesamtkosten
    einheit: "%"
    mindestens: 10
"""


def test_foerderquote_hoechstens_and_eigenanteil_mindestens_hold(data):
    add(data, QUOTEN.format(zuwendung="90000"))
    z = figures(data)
    assert z["foerderquote"] == Fraction(9, 10) and z["eigenanteil-quote"] == Fraction(1, 10)  # on the bound: holds
    assert z["foerderquote"].hoechstens.text == prozent(Fraction(9, 10))
    assert z["eigenanteil-quote"].mindestens.text == prozent(Fraction(1, 10))


def test_a_quota_over_its_cap_and_a_share_under_its_floor_are_errors_in_prozentpunkten(data):
    add(data, QUOTEN.format(zuwendung="90500"))
    quote, rest = Fraction(90500, 100000), Fraction(9500, 100000)
    assert problems_of(data) == [
        f"{at(data, 'hoechstens: 90')}: Zahl „foerderquote“: berechnet {prozent(quote)}, höchstens 90{NBSP}%, "
        "Differenz +0,5 Prozentpunkte – der Wert liegt über seiner Grenze: prüfen Sie die Eingangswerte und die Grenze.",
        f"{at(data, 'mindestens: 10')}: Zahl „eigenanteil-quote“: berechnet {prozent(rest)}, mindestens 10{NBSP}%, "
        "Differenz −0,5 Prozentpunkte – der Wert liegt unter seiner Grenze: prüfen Sie die Eingangswerte und die "
        "Grenze.",
    ]


def test_a_breach_the_print_would_hide_is_shown_exactly(data):
    add(data, QUOTEN.format(zuwendung="90004"))  # 90,004 % prints 90,00 %
    quote = Fraction(90004, 100000)
    assert prozent(quote) == f"90,00{NBSP}%"
    (problem, _) = problems_of(data)
    assert (
        f"Zahl „foerderquote“: berechnet 90,00{NBSP}% (genau 90,004{NBSP}%), höchstens 90{NBSP}%, Differenz +0,004 "
        "Prozentpunkte" in problem
    )


def test_bounds_in_teur_and_mio_are_in_the_figures_unit(data):
    add(
        data,
        '  - id: ansatz\n    formel: "0,523"\n    einheit: Mio. €\n    hoechstens: "0,5"\n    mindestens: "0,4"\n'
        '  - id: rest\n    formel: "1,499"\n    einheit: T€\n    mindestens: "1,5"\n',
    )
    oben, unten = at(data, 'hoechstens: "0,5"'), at(data, 'mindestens: "1,5"')
    assert problems_of(data) == [
        f"{oben}: Zahl „ansatz“: berechnet 0,523{NBSP}Mio.{NBSP}€, höchstens "
        f"0,5{NBSP}Mio.{NBSP}€, Differenz +23.000{NBSP}€ – der Wert liegt über seiner Grenze: prüfen Sie die "
        "Eingangswerte und die Grenze.",
        f"{unten}: Zahl „rest“: berechnet 1,499{NBSP}T€, mindestens 1,5{NBSP}T€, "
        f"Differenz −1{NBSP}€ – der Wert liegt unter seiner Grenze: prüfen Sie die Eingangswerte und die Grenze.",
    ]


@pytest.mark.parametrize(
    ("grenze", "message"),
    [
        (
            '"2.216.000"',
            "„hoechstens“: „2.216.000“ hat Tausenderpunkte, die nicht in eine Zahl einer Formel gehören – schreiben "
            "Sie hoechstens: 2216000.",
        ),
        (
            "2216000.5",
            "„hoechstens“: „2216000.5“ hat einen Dezimalpunkt; Zahlen einer Formel haben ein Dezimalkomma – "
            'schreiben Sie hoechstens: "2216000,5".',
        ),
        (
            "viel",
            "„hoechstens“: „viel“ ist keine Zahl – schreiben Sie Zahlen ohne Tausenderpunkt und mit "
            'Dezimalkomma, z. B. hoechstens: 1000 oder hoechstens: "1,75".',
        ),
    ],
)
def test_a_bound_is_written_like_erwartet(data, grenze, message):
    add(data, rostock().replace("hoechstens: 2216000", f"hoechstens: {grenze}"))
    assert problems_of(data) == [f"{at(data, 'hoechstens: ')}: {message}"]


def test_a_floor_above_the_cap_is_refused(data):
    add(data, rostock() + "    mindestens: 2300000\n")
    assert problems_of(data) == [
        f"{at(data, 'mindestens: 2300000')}: „mindestens: 2.300.000“ ist mehr als „hoechstens: 2.216.000“ – keine "
        "Zahl hält beide Grenzen; prüfen Sie, welche Grenze gemeint ist."
    ]


# --- texts and `vorlagen zahlen` ------------------------------------------------------------------------------


def test_a_text_quotes_the_bound_and_a_bound_that_is_not_there_is_named(data, capsys):
    add(data, rostock())
    edit(
        data / TEXT,
        "\n",
        '\nZusammen {{ zahlen["drei-quartale"] }}, höchstens {{ zahlen["drei-quartale"].hoechstens }}.\n',
    )
    flat = " ".join(composed(data).text.split()).replace(NBSP, " ")
    assert (
        f"Zusammen {euro(Fraction(DREI_QUARTALE))}, höchstens {euro(Fraction(BETRAG_2019))}.".replace(NBSP, " ") in flat
    )
    edit(data / TEXT, 'zahlen["drei-quartale"].hoechstens', 'zahlen["q1"].mindestens')
    code, _, err = run(capsys, "pruefen", "--ohne-satz", "--data", str(data))
    assert code == 1 and "Traceback" not in err
    (problem,) = [z for z in err.splitlines() if z.startswith("data/vorlagen/2021-0123/vorbemerkungen.md:")]
    assert problem.endswith(
        f"„.mindestens“: Diese Zahl ({euro(Fraction(Q1))}) nennt keine Grenze „mindestens“ – tragen Sie sie bei der "
        "Zahl unter „zahlen“ ein (mindestens: …) oder zitieren Sie die Zahl selbst."
    ), problem


def test_vorlagen_zahlen_lists_and_derives_the_bound(data, capsys):
    add(data, rostock())
    code, out, _ = run(capsys, "zahlen", "2021/0123", "--data", str(data))
    assert code == 0
    zeile = next(z for z in out.splitlines() if 'zahlen["drei-quartale"].hoechstens' in z)
    assert zeile.split("}}")[1].strip() == euro(Fraction(BETRAG_2019))
    code, out, _ = run(capsys, "zahlen", "2021/0123", "drei-quartale", "--data", str(data))
    assert code == 0
    assert f"  höchstens: {euro(Fraction(BETRAG_2019))} (geprüft)   [{at(data, 'hoechstens')}]" in out
    code, out, _ = run(capsys, "zahlen", "2021/0123", 'zahlen["drei-quartale"].hoechstens', "--data", str(data))
    assert code == 0
    assert f"angegeben = {euro(Fraction(BETRAG_2019))} (die Zahl: {euro(Fraction(DREI_QUARTALE))}, geprüft)" in out
    assert at(data, "hoechstens") in out


# --- a table's values -----------------------------------------------------------------------------------------

QUARTALE = f"""  - id: quartale
    titel: Zuschüsse 2020
    art: Aufstellung
    kosten:
      - {{betrag: {Q1}, als: 1. Quartal}}
      - {{betrag: {FOLGEQUARTAL}, als: 2. Quartal, hoechstens: {FOLGEQUARTAL}}}
      - {{betrag: {FOLGEQUARTAL}, als: 3. Quartal}}
    hoechstens: {{summe: {BETRAG_2019}}}
"""


def test_a_tables_sum_and_row_keep_their_caps(data):
    table(data, QUARTALE)
    assert prepare(data).rechnungen["2021-0123"].tabellen["quartale"].summe == DREI_QUARTALE


def test_a_tables_sum_over_its_cap_and_a_row_over_its_cap_are_errors(data):
    table(
        data,
        QUARTALE.replace(f"summe: {BETRAG_2019}", "summe: 2215000").replace(
            f"hoechstens: {FOLGEQUARTAL}}}", "hoechstens: 700000}"
        ),
    )
    assert problems_of(data) == [
        f"{at(data, 'hoechstens: 700000')}: Berechnung „quartale“, Zeile „2. Quartal“: berechnet "
        f"{euro(Fraction(FOLGEQUARTAL))}, höchstens {euro(Fraction(700000))}, Differenz "
        f"{euro_mit_vorzeichen(Fraction(FOLGEQUARTAL - 700000))} – der Wert liegt über seiner Grenze: prüfen Sie die "
        "Eingangswerte und die Grenze.",
        f"{at(data, 'summe: 2215000')}: Berechnung „quartale“, Summe: berechnet {euro(Fraction(DREI_QUARTALE))}, "
        f"höchstens {euro(Fraction(2215000))}, Differenz {euro_mit_vorzeichen(Fraction(DREI_QUARTALE - 2215000))} – "
        "der Wert liegt über seiner Grenze: prüfen Sie die Eingangswerte und die Grenze.",
    ]


def test_a_bound_of_a_value_the_table_does_not_have_is_refused(data):
    table(data, QUARTALE.replace(f"hoechstens: {{summe: {BETRAG_2019}}}", "mindestens: {eigenanteil: 1000}"))
    (problem,) = problems_of(data)
    assert problem.startswith(
        f"{at(data, 'eigenanteil: 1000')}: Berechnung „quartale“: „eigenanteil“ unter „mindestens“ gibt es in dieser "
        "Tabelle nicht – sie hat "
    ), problem
    assert problem.endswith("; entfernen Sie die Grenze oder prüfen Sie den Namen."), problem


STELLENPLAN = """  - id: stellenplan
    titel: Stellen
    art: Vergleich
    einheit: Stellen
    spalten: [Stellenplan 2024, Stellenplan 2025]
    zeilen:
      - {id: a, als: Verwaltung, werte: [40, 44], hoechstens: {prozent: 10, neu: 44.5}}
"""


def test_a_vergleichs_change_in_percent_keeps_its_cap(data):
    table(data, STELLENPLAN)
    zeile = prepare(data).rechnungen["2021-0123"].tabellen["stellenplan"].zeilen["a"]
    assert zeile.veraenderung == Fraction(1, 10)  # 40 → 44: 10 %, on the cap


def test_a_vergleich_over_its_cap(data):
    table(data, STELLENPLAN.replace("werte: [40, 44]", "werte: [40, 44.25]").replace("neu: 44.5", "neu: 44"))
    aenderung = (Fraction(4425, 100) - 40) / 40 * 100
    assert aenderung == Fraction(85, 8)  # 10,625 %
    assert problems_of(data) == [
        f"{at(data, 'hoechstens: {prozent')}: Berechnung „stellenplan“, Zeile „Verwaltung“, Stellenplan 2025: "
        f"berechnet {zahl(Fraction(4425, 100), 2)}, höchstens 44,00, Differenz +0,25 – der Wert liegt über seiner "
        "Grenze: prüfen Sie die Eingangswerte und die Grenze.",
        f"{at(data, 'hoechstens: {prozent')}: Berechnung „stellenplan“, Zeile „Verwaltung“, Veränderung in %: "
        f"berechnet 10,625{NBSP}%, höchstens 10{NBSP}%, Differenz +0,625 Prozentpunkte – der Wert liegt über seiner "
        "Grenze: prüfen Sie die Eingangswerte und die Grenze.",
    ]


TRAEGER = """  - id: traeger
    titel: Defizite
    art: Matrix
    spalten: [Vorjahre, "2015", Folgejahre]
    zeilen:
      - {id: kg, als: Private Kindergruppe, zellen: {"2015": 50000, Folgejahre: 134000}, hoechstens: {summe: 180000}}
      - {id: ev, als: Ev. Kirchengemeinde, zellen: {Vorjahre: 122320, "2015": 88920, Folgejahre: 166552}}
    mindestens: {spalten: {"2015": 150000}}
"""


def test_a_matrix_row_sum_and_column_sum_keep_their_bounds(data):
    table(data, TRAEGER)
    assert problems_of(data) == [
        f"{at(data, 'hoechstens: {summe: 180000}')}: Berechnung „traeger“, Zeile „Private Kindergruppe“, Summe: "
        f"berechnet {euro(Fraction(184000))}, höchstens {euro(Fraction(180000))}, Differenz "
        f"{euro_mit_vorzeichen(Fraction(4000))} – der Wert liegt über seiner Grenze: prüfen Sie die Eingangswerte und "
        "die Grenze.",
        f"{at(data, 'mindestens: {spalten')}: Berechnung „traeger“, Spalte „2015“, Summe: berechnet "
        f"{euro(Fraction(50000 + 88920))}, mindestens {euro(Fraction(150000))}, Differenz "
        f"{euro_mit_vorzeichen(Fraction(50000 + 88920 - 150000))} – der Wert liegt unter seiner Grenze: prüfen Sie die "
        "Eingangswerte und die Grenze.",
    ]


# Issue 61, point 9: „Bund 90 %“ of 160.190,81 € is 144.171,729 €, on the cent 144.171,73 € – 90,0000006 % of the
# base, over „hoechstens: 90“ on the quota. The Bescheid means the amount: at most 90 % of the base, rounded as it
# rounds. By hand: 160.190,81 × 9/10 = 144.171,729 → kaufmännisch on the cent 144.171,73.
CENT = Fraction(1, 100)
BASIS = Fraction(16019081, 100)
BUND = Fraction(14417173, 100)
ANTEIL = """  - id: ausgaben
    formel: "160190,81"
    rundung: cent
  - id: bund
    formel: "{bund}"
    rundung: cent
    hoechstens_anteil: {{prozent: 90, von: ausgaben}}
"""


def test_a_cap_rounded_to_the_cent_as_the_bescheid_means_it_holds(data):
    assert BASIS * Fraction(9, 10) == Fraction(144171729, 1000) < BUND  # over the exact rate …
    assert Fraction(9, 10) < BUND / BASIS  # … and so over „hoechstens: 90“ on the quota
    add(data, ANTEIL.format(bund="144171,73"))
    z = figures(data)
    assert z["bund"] == BUND and z["ausgaben"] == BASIS  # no problem: the cap as rounded holds


def test_a_cent_over_the_rounded_cap_is_an_error_that_names_the_rounding(data):
    add(data, ANTEIL.format(bund="144171,74"))
    assert problems_of(data) == [
        f"{at(data, 'hoechstens_anteil')}: Zahl „bund“: berechnet {euro(Fraction(14417174, 100), cent=True)}, "
        f"höchstens 90{NBSP}% von „ausgaben“ ({euro(BASIS, cent=True)}) = {euro(rund(BASIS * Fraction(9, 10), CENT), cent=True)}, "
        f"auf Cent gerundet, Differenz {euro_mit_vorzeichen(Fraction(1, 100), cent=True)} – der "
        "Wert liegt über seiner Grenze: prüfen Sie die Eingangswerte und die Grenze."
    ]


def test_a_rate_of_a_figure_that_is_not_there_is_an_error_that_says_what_to_name(data):
    add(data, ANTEIL.format(bund="144171,73").replace("von: ausgaben", "von: ausgabe"))
    assert problems_of(data) == [
        f"{at(data, 'hoechstens_anteil')}: Zahl „bund“: „von: ausgabe“ nennt keinen Betrag dieser Zahlen – nennen "
        "Sie die id einer Zahl in Euro, von der der Satz genommen wird, und geben Sie auch dieser Zahl eine Einheit "
        "in Euro."
    ]
