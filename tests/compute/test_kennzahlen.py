"""Named figures (`zahlen` in vorlage.yaml): formulas, units, rounding and its order, erwartet, Herleitung.

Expected values are computed here with Fractions and a half-up rounding written apart from the engine.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from tests.hilfen import RECHENWEGE, copy_data, edit, line_of, problems_of, run
from tests.referenz.rechnen import gerade, rund
from vorlagen.compute.formel import FormelFehler, lesen
from vorlagen.compute.project import prepare

NBSP = "\u00a0"
VORLAGE = Path("vorlagen/2021-0123/vorlage.yaml")
TEXT = Path("vorlagen/2021-0123/vorbemerkungen.md")
# Eigenanteile of seed 000 (section III), the paper's two slips corrected
EIGENANTEILE = {"m1-steuerung": 158644, "m1-assistenz": 10335, "m2-case-management": 258818}


def _gesetzt(composer, table) -> str:
    """A computed table as the template sets it; setting it has no problems."""
    html, problems = composer.tabelle(table)
    assert problems == []
    return str(html)


def add_figures(data: Path, yaml: str) -> None:
    edit(data / VORLAGE, "verteilungen:\n", "zahlen:\n" + yaml + "verteilungen:\n")


def figures(data: Path):
    return prepare(data).rechnungen["2021-0123"].zahlen


SUMME = """  - id: eigenanteile
    titel: Eigenanteile der Module 1 und 2
    formel: finanzierung.m1-steuerung.eigenanteil + finanzierung.m1-assistenz.eigenanteil + finanzierung.m2-case-management.eigenanteil
"""


def test_a_sum_of_table_figures_and_a_fee_as_a_percentage_of_it(data):
    add_figures(
        data,
        SUMME
        + """  - id: pauschale
    formel: eigenanteile * 1,75 %
  - id: in-teur
    formel: eigenanteile
    einheit: T€
  - id: in-mio
    formel: eigenanteile
    einheit: Mio. €
    stellen: 3
""",
    )
    z = figures(data)
    total = sum(EIGENANTEILE.values())
    assert z["eigenanteile"] == total == 427797
    assert z["pauschale"] == rund(Fraction(total) * Fraction(175, 10000)) == 7486  # 7.486,4475 → 7.486
    assert z["pauschale"].text == f"7.486{NBSP}€"
    assert z["in-teur"].text == f"428{NBSP}T€"
    assert z["in-mio"].text == f"0,428{NBSP}Mio.{NBSP}€"


def test_rounding_per_item_or_at_the_end_is_stated_and_differs_by_a_euro(data):
    add_figures(
        data,
        """  - id: drittel-a
    formel: 100 / 3
  - id: drittel-b
    formel: 100 / 3
  - id: je-posten
    formel: drittel-a + drittel-b
  - id: am-ende
    formel: drittel-a + drittel-b
    runden: am_ende
  - id: genau-cent
    formel: 100 / 3
    rundung: cent
""",
    )
    z = figures(data)
    third = Fraction(100, 3)
    assert z["drittel-a"] == rund(third) == 33
    assert z["je-posten"] == 2 * rund(third) == 66  # the printed figures add up
    assert z["am-ende"] == rund(2 * third) == 67  # exact parts, rounded once
    assert z["genau-cent"] == rund(third, Fraction(1, 100))
    assert z["genau-cent"].text == f"33,33{NBSP}€"


def test_a_figure_may_round_a_half_to_the_even_digit_or_cut_as_round_and_int_in_a_text_of_0_2_0_did(data, capsys):
    add_figures(
        data,
        """  - id: halb-gerade
    formel: 13189 / 2
    rundung: euro
    rundungsart: zur_geraden_ziffer
  - id: halb-kaufmaennisch
    formel: 13189 / 2
    rundung: euro
  - id: halb-ungerade
    formel: 13191 / 2
    rundungsart: zur_geraden_ziffer
  - id: cent-gerade
    formel: 1 / 8
    rundung: cent
    rundungsart: zur_geraden_ziffer
  - id: anzahl-gerade
    formel: 5 / 2
    einheit: Anzahl
    stellen: 0
    rundungsart: zur_geraden_ziffer
  - id: doppelt
    formel: halb-gerade * 2
  - id: abgeschnitten
    formel: 506400 / 7
    rundungsart: abschneiden
  - id: abgeschnitten-negativ
    formel: -27 / 10
    einheit: Anzahl
    stellen: 0
    rundungsart: abschneiden
""",
    )
    z = figures(data)
    assert z["halb-gerade"] == gerade(Fraction(13189, 2)) == 6594
    assert z["halb-kaufmaennisch"] == rund(Fraction(13189, 2)) == 6595
    assert z["halb-ungerade"] == gerade(Fraction(13191, 2)) == rund(Fraction(13191, 2)) == 6596
    assert z["cent-gerade"] == gerade(Fraction(1, 8), Fraction(1, 100)) == Fraction(12, 100)
    assert z["anzahl-gerade"] == gerade(Fraction(5, 2)) == 2
    assert z["anzahl-gerade"].text == "2"
    assert z["doppelt"] == 2 * gerade(Fraction(13189, 2))  # read as printed (je_posten)
    assert z["abgeschnitten"] == int(Fraction(506400, 7)) == 72342  # int() cuts toward zero (72.342,857…)
    assert z["abgeschnitten-negativ"] == int(Fraction(-27, 10)) == -2
    code, out, err = run(capsys, "zahlen", "2021/0123", "halb-gerade", "--data", str(data))
    assert code == 0, err
    assert out.replace(NBSP, " ").splitlines()[2:] == [
        "  Einheit: €; Rundung: auf ganze Euro, eine 5 zur geraden Ziffer; gelesene Zahlen dieser Vorlage gerundet, "
        "wie gedruckt (je Posten)",
        "  gerundet auf ganze Euro (eine 5 zur geraden Ziffer) = 6.594,5 € → 6.594 €",
    ]


@pytest.mark.parametrize(
    ("zeilen", "message"),
    [
        (
            "    rundung: keine\n",
            "„rundungsart“ sagt, wie diese Zahl rundet, aber sie rundet nicht – nennen Sie „rundung: euro“ oder "
            "„rundung: cent“ oder streichen Sie „rundungsart“.",
        ),
        (
            "    einheit: Anzahl\n",
            "„rundungsart“ sagt, wie diese Zahl rundet, aber sie rundet nicht – nennen Sie die Nachkommastellen, auf "
            "die sie rundet („stellen: 0“ für ganze Zahlen), oder streichen Sie „rundungsart“.",
        ),
        (
            "",
            "„rundungsart“: „halb“ ist nicht vorgesehen. Möglich sind: kaufmaennisch, zur_geraden_ziffer, abschneiden.",
        ),
    ],
)
def test_a_rundungsart_that_rounds_nothing_or_is_unknown_is_an_error_at_its_line(data, zeilen, message):
    art = "halb" if not zeilen else "zur_geraden_ziffer"
    add_figures(data, f"  - id: x\n    formel: 5 / 2\n{zeilen}    rundungsart: {art}\n")
    where = f"data/{VORLAGE.as_posix()}:{line_of(data / VORLAGE, 'rundungsart:')}"
    assert problems_of(data) == [f"{where}: {message}"]


def test_units_other_than_money_are_not_rounded_until_printed(data):
    add_figures(
        data,
        """  - id: stellen
    formel: finanzierung.m1-steuerung.vzae + finanzierung.m2-case-management.vzae
    einheit: VZÄ
  - id: quote
    formel: finanzierung.m1-steuerung.abzuege / finanzierung.m1-steuerung.gesamtkosten
    einheit: "%"
    erwartet: "60,73"
""",
    )
    z = figures(data)
    assert z["stellen"] == Fraction(21, 2)
    assert z["stellen"].text == f"10,5{NBSP}VZÄ"
    # KIM-Förderung 245.319 € of Gesamtkosten 403.963 € (seed 000, Modul 1)
    assert z["quote"] == Fraction(245319, 403963)
    assert z["quote"].text == f"60,73{NBSP}%"


@pytest.mark.langsam  # builds whole repositories
def test_a_text_quotes_a_figure_in_its_unit_and_with_thousands(data, capsys, tmp_path):
    add_figures(data, SUMME)
    (data / TEXT).write_text(
        '# Vorbemerkungen\n\nZusammen {{ zahlen["eigenanteile"] }}, rund '
        '{{ zahlen["eigenanteile"] | teur }} oder {{ zahlen.eigenanteile | mio(1) }}.\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    code, _, err = run(capsys, "--data", str(data), "--out", str(out))
    assert code == 0, err
    text = (out / "intern/vorlagen/2021-0123/2021-0123.txt").read_text(encoding="utf-8").replace(NBSP, " ")
    assert "Zusammen 427.797 €, rund 428 T€ oder 0,4 Mio. €." in text


def test_erwartet_that_does_not_match_names_both_values(data):
    add_figures(data, SUMME + "    erwartet: 427779\n")
    line = line_of(data / VORLAGE, "erwartet: 427779")
    assert problems_of(data) == [
        f"data/vorlagen/2021-0123/vorlage.yaml:{line}: Zahl „eigenanteile“: berechnet 427.797{NBSP}€, erwartet "
        f"427.779{NBSP}€ – prüfen Sie den erwarteten Wert und die Formel."
    ]


@pytest.mark.parametrize(
    "formel, message",
    [
        (
            "finanzierung.m1-steuerung.eigenanteil + finanzierung.m1-steuerung.vzae",
            "„finanzierung.m1-steuerung.eigenanteil + finanzierung.m1-steuerung.vzae“ verbindet € und VZÄ – addieren und "
            "abziehen lassen sich nur Werte derselben Einheit.",
        ),
        (
            "finanzierung.m1-steuerung.eigenantel",
            "„eigenantel“ gibt es nicht in „Tabelle“ – meinten Sie „eigenanteil“? Vorhanden: abzuege, alternative, anzahl_zeilen, art, "
            "berechnung, eigenanteil, gesamtkosten, id, jahre, monate, periode, quantum, titel, ueberschrift, vzae, zeilen, "
            "zeitraum.",
        ),
        (
            "eigenanteile-x",
            "„eigenanteile-x“ gibt es nicht – meinten Sie „eigenanteile“? Formeln lesen andere Zahlen "
            "dieser Vorlage (Abschnitt „zahlen“) und antraege, bescheide, finanzierung, kennzahlen, uebersicht, "
            "verteilungen.",
        ),
        (
            "finanzierung.m1-steuerung",
            "„finanzierung.m1-steuerung“ ist keine einzelne Zahl – wählen Sie einen Wert, "
            "z. B. „finanzierung.m1-steuerung.betrag“.",
        ),
        (
            "1.000 * 2",
            "„1.000“ lässt sich zweifach lesen: mit Tausenderpunkt als 1000, mit Dezimalpunkt als 1,000; gemeint ist "
            "nur eines – schreiben Sie 1000 oder 1,000.",  # issue 32: never a hint of another magnitude alone
        ),
        (
            "summe(1, 2)",
            "„,“ an Stelle 8: Argumente einer Funktion trennen Sie mit „;“, z. B. summe(a; b); eine "
            "Dezimalzahl schreiben Sie ohne Leerzeichen: 1,75.",
        ),
        (
            "summe(eigenanteile,eigenanteile)",
            "„,“ an Stelle 19: Argumente einer Funktion trennen Sie mit „;“, z. B. "
            "summe(a; b); eine Dezimalzahl schreiben Sie ohne Leerzeichen: 1,75.",
        ),
        ("runden(eigenanteile; 2)", "Die Funktion „runden“ gibt es nicht – es gibt summe, min, max."),
        ("eigenanteile / 0", "„eigenanteile / 0“ teilt durch null (0 ist 0)."),
        (
            "eigenanteile eigenanteile",
            "„eigenanteile“ an Stelle 14 steht hier zu viel – zwischen zwei Namen fehlt ein Rechenzeichen.",
        ),
        ("(eigenanteile", "Die Formel endet zu früh – es fehlt ein Wert oder eine schließende Klammer."),
        (
            "eigenanteile * 2 %  €",
            "Das Zeichen „€“ (Stelle 21) gehört nicht in eine Formel – erlaubt sind Zahlen, Namen, "
            "+ - * / % ( ) und „;“ zwischen Argumenten.",
        ),
    ],
)
def test_a_formula_that_cannot_be_computed_is_a_german_problem_at_its_line(data, formel, message):
    add_figures(data, SUMME + f'  - id: kaputt\n    formel: "{formel}"\n')
    line = line_of(data / VORLAGE, f'formel: "{formel}"')
    assert problems_of(data) == [f"data/vorlagen/2021-0123/vorlage.yaml:{line}: Zahl „kaputt“: {message}"]


PROZENT = """  - id: regale
    formel: 9000
  - id: quote
    formel: 50
    einheit: "%"
    erwartet: 50
  - id: quote-mit-zeichen
    formel: 50 %
    einheit: "%"
    erwartet: 50
  - id: drittel
    formel: 100 / 3
    einheit: "%"
    erwartet: "33,33"
  - id: klein
    formel: "0,5"
    einheit: "%"
  - id: satz
    formel: 1,75 %
    einheit: "%"
  - id: doppelt
    formel: 2 * 1,75 %
    einheit: "%"
  - id: summe-prozent
    formel: 50 % + 10 %
    einheit: "%"
  - id: anteil
    formel: regale * quote
  - id: anteil-drittel
    formel: regale * drittel
  - id: anteil-klein
    formel: regale * klein
    rundung: cent
  - id: typisiert
    formel: 1000 * 50 %
"""


def test_a_number_typed_into_a_percent_figure_is_in_prozent(data):
    add_figures(data, PROZENT)
    z = figures(data)  # no problem: every erwartet matches
    assert z["quote"] == z["quote-mit-zeichen"] == Fraction(50, 100)
    # typed, a percentage prints as it was typed (issue 57: „90 %“ printed „90,00 %“); computed, as the house says
    assert z["quote"].text == z["quote-mit-zeichen"].text == f"50{NBSP}%"
    assert z["drittel"] == Fraction(100, 3) / 100
    assert z["drittel"].text == f"33,33{NBSP}%"
    assert z["klein"] == Fraction(5, 10) / 100 and z["klein"].text == f"0,5{NBSP}%"
    assert z["satz"] == Fraction(175, 100) / 100 and z["satz"].text == f"1,75{NBSP}%"
    assert z["doppelt"] == 2 * Fraction(175, 10000) and z["doppelt"].text == f"3,50{NBSP}%"
    assert z["summe-prozent"] == Fraction(60, 100)
    # a % figure in a product is its fraction: 9.000 € × 50 % = 4.500 €, not 450.000 €
    assert z["anteil"] == 9000 * Fraction(1, 2) == 4500 and z["anteil"].text == f"4.500{NBSP}€"
    assert z["anteil-drittel"] == rund(9000 * Fraction(1, 3)) == 3000
    assert z["anteil-klein"] == 9000 * Fraction(5, 1000) == 45 and z["anteil-klein"].text == f"45,00{NBSP}€"
    assert z["typisiert"] == 1000 * Fraction(1, 2) == 500  # a typed amount times a percentage stays an amount


def test_erwartet_of_a_percent_figure_names_the_rule_when_off_by_a_hundred(data):
    add_figures(
        data,
        """  - id: quote
    formel: "0,5"
    einheit: "%"
    erwartet: 50
  - id: andere
    formel: 50
    einheit: "%"
    erwartet: 40
  - id: achtel
    formel: "0,125"
    einheit: "%"
    erwartet: "12,5"
  - id: viel
    formel: 50
    einheit: "%"
    erwartet: 5000
""",
    )
    first = line_of(data / VORLAGE, "erwartet: 50")
    second = line_of(data / VORLAGE, "erwartet: 40")
    third = line_of(data / VORLAGE, 'erwartet: "12,5"')
    fourth = line_of(data / VORLAGE, "erwartet: 5000")
    assert problems_of(data) == [
        f"data/vorlagen/2021-0123/vorlage.yaml:{first}: Zahl „quote“: berechnet 0,5{NBSP}%, erwartet 50{NBSP}% – "
        f'eine Formel nur aus Zahlen ist bei „einheit: "%"“ in Prozent: für 50{NBSP}% schreiben Sie „50“ oder „50 %“.',
        f"data/vorlagen/2021-0123/vorlage.yaml:{second}: Zahl „andere“: berechnet 50{NBSP}%, erwartet 40{NBSP}% – "
        "prüfen Sie den erwarteten Wert und die Formel.",
        # typed figures print with their typed decimals (0,125 % with three, 50 % with none); 12,5 % was meant
        f"data/vorlagen/2021-0123/vorlage.yaml:{third}: Zahl „achtel“: berechnet 0,125{NBSP}%, erwartet 12,5{NBSP}% – "
        f'eine Formel nur aus Zahlen ist bei „einheit: "%"“ in Prozent: für 12,5{NBSP}% schreiben Sie „12,5“ oder '
        "„12,5 %“.",
        f"data/vorlagen/2021-0123/vorlage.yaml:{fourth}: Zahl „viel“: berechnet 50{NBSP}%, erwartet 5.000{NBSP}% – "
        f'eine Formel nur aus Zahlen ist bei „einheit: "%"“ in Prozent: für 5.000{NBSP}% schreiben Sie „5000“ oder '
        "„5000 %“.",
    ]


@pytest.mark.parametrize(
    "zahl, message",
    [
        (
            'formel: "50 %"',
            "Die Formel ergibt einen Prozentsatz (50 %), die Zahl ist aber in „€“ angegeben – ein "
            'Prozentsatz braucht „einheit: "%"“, ein Anteil an einem Betrag eine Formel wie „betrag * 50 %“.',
        ),
        (
            'formel: "50 % + 10 %"\n    einheit: T€',
            "Die Formel ergibt einen Prozentsatz (50 % + 10 %), die Zahl ist aber in „T€“ angegeben – ein Prozentsatz "
            'braucht „einheit: "%"“, ein Anteil an einem Betrag eine Formel wie „betrag * (50 % + 10 %)“.',
        ),
        (
            'formel: "-2 %"\n    einheit: VZÄ',
            "Die Formel ergibt einen Prozentsatz (-2 %), die Zahl ist aber in „VZÄ“ angegeben – ein Prozentsatz braucht "
            '„einheit: "%"“, ein Anteil an einem Betrag eine Formel wie „betrag * (-2 %)“.',
        ),
        (
            'formel: "50 % + 10"\n    einheit: "%"',
            "„50 % + 10“ verbindet Zahlen mit und ohne „%“ – in einer Zahl in „%“ schreiben Sie alle Prozentsätze gleich, "
            "z. B. „50 % + 10 %“ oder „50 + 10“.",
        ),
        (
            'formel: "summe(2 * 5 %; 1)"\n    einheit: "%"',
            "„summe(2 * 5 %; 1)“ verbindet Zahlen mit und ohne „%“ – in einer Zahl in „%“ schreiben Sie alle Prozentsätze "
            "gleich, z. B. „50 % + 10 %“ oder „50 + 10“.",
        ),
        (
            "formel: 0.005",
            "„0.005“ hat einen Dezimalpunkt; Zahlen einer Formel haben ein Dezimalkomma – schreiben Sie 0,005.",
        ),
        (
            "formel: 1.5 * 2",
            "„1.5“ hat einen Dezimalpunkt; Zahlen einer Formel haben ein Dezimalkomma – schreiben Sie 1,5.",
        ),
        (
            'formel: "1.000,5"',
            "„1.000,5“ hat Tausenderpunkte, die nicht in eine Zahl einer Formel gehören – schreiben Sie 1000,5.",
        ),
        (
            "formel: 12.500.000",
            "„12.500.000“ hat Tausenderpunkte, die nicht in eine Zahl einer Formel gehören – schreiben Sie 12500000.",
        ),
        (
            'formel: "1.2.3"',
            "„1.2.3“ ist keine Zahl – schreiben Sie Zahlen ohne Tausenderpunkt und mit Dezimalkomma, "
            "z. B. 1000 oder 1,75.",
        ),
    ],
)
def test_a_typed_figure_that_is_not_what_its_unit_says(data, zahl, message):
    add_figures(data, f"  - id: kaputt\n    {zahl}\n")
    line = line_of(data / VORLAGE, zahl.split("\n")[0])
    assert problems_of(data) == [f"data/vorlagen/2021-0123/vorlage.yaml:{line}: Zahl „kaputt“: {message}"]


FONDS_VORLAGE = Path("vorlagen/fonds/vorlage.yaml")


@pytest.mark.parametrize(
    "old, new, message",
    [
        (
            "{formel: pauschale, als: Verwaltungspauschale",
            '{formel: "2 %", als: Verwaltungspauschale',
            "Berechnung „verteilung“, Zeile „Verwaltungspauschale“: „2 %“ ist ein Prozentsatz, die Tabelle zeigt € – ein "
            "Anteil an einem Betrag braucht eine Formel wie „betrag * 2 %“.",
        ),
        (
            "fonds: kennzahlen.integrationsfonds-2025.volumen",
            'fonds: "50 % + 10 %"',
            "Berechnung „verteilung“, Fonds: „50 % + 10 %“ ist ein Prozentsatz, die Tabelle zeigt € – ein Anteil an einem Betrag "
            "braucht eine Formel wie „betrag * (50 % + 10 %)“.",
        ),
    ],
)
def test_a_percentage_alone_in_a_table_of_euros(tmp_path, old, new, message):
    data = copy_data(RECHENWEGE, tmp_path)
    edit(data / FONDS_VORLAGE, old, new)
    line = line_of(data / FONDS_VORLAGE, new)
    assert problems_of(data) == [f"data/{FONDS_VORLAGE}:{line}: {message}"]


def test_figures_that_read_each_other_in_a_circle(data):
    add_figures(
        data,
        """  - id: a
    formel: b + 1
  - id: b
    formel: c * 2
  - id: c
    formel: a - 1
""",
    )
    found = problems_of(data)
    assert len(found) == 1
    assert found[0].endswith(
        "Zahl „a“: Die Zahlen lesen sich im Kreis: a → b → c → a – eine davon muss aus Fakten kommen."
    )


def test_a_figure_whose_unit_does_not_match_its_formula(data):
    add_figures(data, SUMME + "  - id: stellen\n    formel: eigenanteile\n    einheit: VZÄ\n")
    assert problems_of(data)[0].endswith(
        "Zahl „stellen“: Die Formel ergibt €, die Zahl ist aber in „VZÄ“ angegeben – prüfen Sie „einheit“ oder die "
        "Formel."
    )


def test_herleitung_names_formula_sources_and_rounding(data, capsys):
    add_figures(data, SUMME + "  - id: pauschale\n    titel: Pauschale\n    formel: eigenanteile * 1,75 %\n")
    code, out, err = run(capsys, "zahlen", "2021/0123", "pauschale", "--data", str(data))
    assert code == 0, err
    line = line_of(data / VORLAGE, "formel: eigenanteile * 1,75 %")
    first = line_of(data / VORLAGE, "formel: finanzierung.m1-steuerung.eigenanteil")
    assert out.replace(NBSP, " ").splitlines() == [
        "pauschale (Pauschale) = 7.486 €",
        f"  Formel: eigenanteile * 1,75 %   [data/vorlagen/2021-0123/vorlage.yaml:{line}]",
        "  Einheit: €; Rundung: auf ganze Euro (wie die Körperschaft); gelesene Zahlen dieser Vorlage gerundet, wie "
        "gedruckt (je Posten)",
        f"  eigenanteile (wie gedruckt) = 427.797 €   [data/vorlagen/2021-0123/vorlage.yaml:{first}]",
        "  gerundet auf ganze Euro (kaufmännisch) = 7.486,4475 € → 7.486 €",
    ]
    code, out, err = run(capsys, "zahlen", "2021/0123", "pauschal", "--data", str(data))
    assert code == 1
    assert err.strip() == (
        "Die Zahl „pauschal“ gibt es in Vorlage 2021/0123 nicht – meinten Sie „pauschale“? "
        "Vorhanden: eigenanteile, pauschale."
    )


def test_the_listing_offers_each_figure_ready_to_paste(data, capsys):
    add_figures(data, SUMME)
    code, out, _ = run(capsys, "zahlen", "2021/0123", "--data", str(data))
    assert code == 0
    line = next(x for x in out.splitlines() if "zahlen[" in x)
    assert line.split()[:3] == ["{{", 'zahlen["eigenanteile"]', "}}"]
    assert line.replace(NBSP, " ").endswith("427.797 €")


def test_formulas_are_bounded():
    with pytest.raises(FormelFehler):
        lesen("a + " * 1000 + "a")
    with pytest.raises(FormelFehler) as error:
        lesen("(" * 60 + "a" + ")" * 60)
    assert "tiefer als 40 Ebenen" in str(error.value)


VERGLEICH = """  - id: plan
    art: Vergleich
    titel: Eigenanteile nach Modulen
    spalten: [Modul 1, Modul 2]
    zeilen:
      - {{id: steuerung, als: Eigenanteil, aus: [finanzierung.m1-steuerung.eigenanteil, finanzierung.m2-case-management.eigenanteil]}}
      - {{id: summe, als: Summe der Module, aus: [eigenanteile, eigenanteile]}}
      - id: stellen
        als: Stellen
        werte: [959.5, 970.5]
        erwartet: {erwartet}
"""


def test_a_vergleich_reads_computed_figures_and_checks_any_cell(data):
    add_figures(data, SUMME)
    edit(
        data / VORLAGE,
        "finanzierung:\n",
        "finanzierung:\n" + VERGLEICH.format(erwartet="{alt: 959.5, neu: 970.5, differenz: 11, prozent: 1.15}"),
    )
    t = prepare(data).rechnungen["2021-0123"].tabellen["plan"]
    steuerung = t.zeilen["steuerung"]
    assert (steuerung.alt, steuerung.neu) == (EIGENANTEILE["m1-steuerung"], EIGENANTEILE["m2-case-management"])
    assert steuerung.differenz == 258818 - 158644
    assert t.zeilen["summe"].alt == sum(EIGENANTEILE.values())
    assert not steuerung.abgeleitet


def test_a_typed_slip_in_a_vergleich_is_caught(data):
    # the paper printed 12 and 1,25 % for 959,5 → 970,5 (11; 11 / 959,5 = 1,1464 % → 1,15 %)
    add_figures(data, SUMME)
    edit(
        data / VORLAGE,
        "finanzierung:\n",
        "finanzierung:\n" + VERGLEICH.format(erwartet="{differenz: 12, prozent: 1.25}"),
    )
    line = line_of(data / VORLAGE, "erwartet: {differenz: 12")
    assert problems_of(data) == [
        f"data/vorlagen/2021-0123/vorlage.yaml:{line}: Berechnung „plan“, Zeile „Stellen“, Veränderung in %: "
        f"berechnet +1,15{NBSP}%, erwartet 1,25{NBSP}% – prüfen Sie den erwarteten Wert.",
        f"data/vorlagen/2021-0123/vorlage.yaml:{line}: Berechnung „plan“, Zeile „Stellen“, Veränderung: berechnet "
        f"11,00{NBSP}€, erwartet 12,00{NBSP}€ – prüfen Sie den erwarteten Wert und die Eingangswerte.",
    ]


def test_a_vergleich_line_whose_formula_has_the_wrong_unit(data):
    add_figures(data, SUMME)
    edit(
        data / VORLAGE,
        "finanzierung:\n",
        "finanzierung:\n"
        + VERGLEICH.format(erwartet="{alt: 959.5}").replace(
            "aus: [eigenanteile, eigenanteile]", "aus: [eigenanteile, finanzierung.m1-steuerung.vzae]"
        ),
    )
    line = line_of(data / VORLAGE, "id: summe")
    assert problems_of(data) == [
        f"data/vorlagen/2021-0123/vorlage.yaml:{line}: Berechnung „plan“, Zeile „Summe der Module“: "
        "„finanzierung.m1-steuerung.vzae“ ergibt VZÄ, die Tabelle zeigt € – prüfen Sie die Formel oder „einheit“ "
        "der Tabelle."
    ]


FONDS = """  - id: zuweisungen
    art: Aufstellung
    titel: Zuweisungen aus dem Fonds
    spalten: [Kommune, Zweck]
    anzeige: {anzeige}
    fonds: "{fonds}"
    fonds_als: Kreisfonds Integration 2025
    ausschoepfen: true
    kosten:
      - {{betrag: 125000, als: Zuweisung, felder: {{Kommune: Alfter, Zweck: Sprachkurse}}, gruppe: Linksrheinisch}}
      - {{betrag: 95500, als: Zuweisung, felder: {{Kommune: Bornheim, Zweck: Beratung}}, gruppe: Linksrheinisch}}
      - {{betrag: 210000, als: Zuweisung, felder: {{Kommune: Hennef, Zweck: Beratung}}, gruppe: Rechtsrheinisch}}
      - {{formel: pauschale, als: Verwaltungspauschale, felder: {{Kommune: Kreis}}}}
"""


def fonds_table(data: Path, anzeige: str = "€", fonds: str = "438000"):
    add_figures(data, "  - id: pauschale\n    formel: (125000 + 95500 + 210000) * 1,75 %\n")
    edit(data / VORLAGE, "finanzierung:\n", "finanzierung:\n" + FONDS.format(anzeige=anzeige, fonds=fonds))


def test_a_grant_list_with_free_columns_groups_and_a_fund_it_uses_up(data):
    fonds_table(data, fonds=str(125000 + 95500 + 210000 + 7534))
    project = prepare(data)
    t = project.rechnungen["2021-0123"].tabellen["zuweisungen"]
    pauschale = rund(Fraction(430500) * Fraction(175, 10000))  # 7.533,75 → 7.534
    assert [z.betrag for z in t.zeilen] == [125000, 95500, 210000, pauschale]
    assert [(g.als, g.summe) for g in t.gruppen] == [("Linksrheinisch", 220500), ("Rechtsrheinisch", 210000)]
    assert t.summe == 430500 + pauschale and t.rest == 0
    from vorlagen.render.document import Composer

    html = _gesetzt(Composer(project), t).replace(NBSP, " ")
    assert '<th scope="col">Kommune</th><th scope="col">Zweck</th>' in html
    assert "Berechnung" not in html  # no column that only repeats each amount
    assert "Zwischensumme Linksrheinisch" in html and "220.500 €" in html
    assert "Kreisfonds Integration 2025" in html


def test_a_fund_that_is_not_used_up_names_the_rest(data):
    fonds_table(data, fonds="450000")
    line = line_of(data / VORLAGE, 'fonds: "450000"')
    rest = 450000 - 430500 - 7534
    assert problems_of(data) == [
        f"data/vorlagen/2021-0123/vorlage.yaml:{line}: Berechnung „zuweisungen“: Die Zeilen ergeben 438.034{NBSP}€, "
        f"der Fonds 450.000{NBSP}€ – es bleiben {rest // 1000}.{rest % 1000:03d}{NBSP}€. Verteilen Sie den Rest oder "
        "streichen Sie „ausschoepfen: true“."
    ]


def test_thousands_display_states_the_unit_once_and_adds_up(data):
    fonds_table(data, anzeige="T€", fonds="438034")
    project = prepare(data)
    t = project.rechnungen["2021-0123"].tabellen["zuweisungen"]
    rows, total = t.gezeigt()
    # 125,0 + 95,5 + 210,0 + 7,534 = 438,034 T€ → 438; rows by largest remainder so that they add up to 438
    assert total == "438"
    assert sum(int(r.replace(".", "")) for r in rows) == 438
    exact = [Fraction(125000, 1000), Fraction(95500, 1000), Fraction(210000, 1000), Fraction(7534, 1000)]
    assert all(abs(int(r) - e) < 1 for r, e in zip(rows, exact))
    from vorlagen.render.document import Composer

    assert "Betrag in T€" in _gesetzt(Composer(project), t)


@pytest.mark.langsam  # builds whole repositories
def test_shared_figures_of_a_fund_are_read_by_any_vorlage(data, capsys, tmp_path):
    (data / "kennzahlen").mkdir()
    (data / "kennzahlen" / "fonds-2025.yaml").write_text(
        "titel: Kreisfonds Integration 2025\nquelle: Haushaltssatzung 2025\nzahlen:\n"
        "  - id: volumen\n    formel: 500000\n  - id: je-kommune\n    formel: volumen / 19\n    rundung: cent\n",
        encoding="utf-8",
    )
    add_figures(
        data,
        "  - id: anteil-m1\n    formel: finanzierung.m1-steuerung.eigenanteil / kennzahlen.fonds-2025.volumen\n"
        '    einheit: "%"\n',
    )
    (data / TEXT).write_text(
        '# V\n\nJe Kommune {{ kennzahlen["fonds-2025"]["je-kommune"] }}, das sind {{ zahlen["anteil-m1"] }}.\n',
        encoding="utf-8",
    )
    z = figures(data)
    assert z["anteil-m1"] == Fraction(158644, 500000)
    out = tmp_path / "out"
    code, _, err = run(capsys, "--data", str(data), "--out", str(out))
    assert code == 0, err
    text = (out / "intern/vorlagen/2021-0123/2021-0123.txt").read_text(encoding="utf-8").replace(NBSP, " ")
    # 500.000 / 19 = 26.315,789… → 26.315,79 €; 158.644 / 500.000 = 31,7288 % → 31,73 %
    assert "Je Kommune 26.315,79 €, das sind 31,73 %." in text
    # a changed shared figure rebuilds the Vorlage that reads it
    edit(data / "kennzahlen" / "fonds-2025.yaml", "formel: 500000", "formel: 400000")
    code, _, err = run(capsys, "--data", str(data), "--out", str(out))
    text = (out / "intern/vorlagen/2021-0123/2021-0123.txt").read_text(encoding="utf-8").replace(NBSP, " ")
    assert "Je Kommune 21.052,63 €, das sind 39,66 %." in text  # 400.000 / 19; 158.644 / 400.000 = 39,661 %


def test_the_same_plan_under_two_rates_side_by_side(data):
    edit(
        data / VORLAGE,
        "finanzierung:\n",
        """finanzierung:
  - id: radweg
    titel: Radweg an der Kreisstraße
    art: Finanzierungsplan
    kosten:
      - {betrag: 1843750, als: Baukosten}
      - {betrag: 56250, als: Planung, foerderfaehig: false}
    quellen:
      - {id: land, als: Land, foerdersatz: 75}
      - {als: Kreis, art: Eigenmittel, rest: true}
    szenarien:
      - name: Förderung 75 %
        quellen: {}
      - name: Förderung 50 %
        quellen: {land: {foerdersatz: 50}}
""",
    )
    project = prepare(data)
    t = project.rechnungen["2021-0123"].tabellen["radweg"]
    plans = list(t.szenarien.values())
    # 75 % and 50 % of the förderfähige 1.843.750 €; the Kreis carries the rest of 1.900.000 €
    assert [p.quellen["land"].betrag for p in plans] == [rund(Fraction(1843750) * Fraction(3, 4)), 921875]
    assert [p.quellen["Kreis"].betrag for p in plans] == [1900000 - 1382813, 1900000 - 921875]
    assert t.quellen["land"].betrag == 1382813  # the table itself is the first scenario
    from vorlagen.render.document import Composer

    html = _gesetzt(Composer(project), t).replace(NBSP, " ")
    assert "Förderung 75 %" in html and "Förderung 50 %" in html and "921.875 €" in html and "1.382.813 €" in html


def test_a_scenario_that_names_an_unknown_source(data):
    edit(
        data / VORLAGE,
        "finanzierung:\n",
        """finanzierung:
  - id: radweg
    titel: Radweg
    art: Finanzierungsplan
    kosten:
      - {betrag: 100000, als: Baukosten}
    quellen:
      - {id: land, als: Land, foerdersatz: 75}
      - {als: Kreis, art: Eigenmittel, rest: true}
    szenarien:
      - name: Förderung 50 %
        quellen: {lnd: {foerdersatz: 50}}
""",
    )
    line = line_of(data / VORLAGE, "quellen: {lnd:")
    assert problems_of(data) == [
        f"data/vorlagen/2021-0123/vorlage.yaml:{line}: Szenario „Förderung 50 %“: Die Quelle „lnd“ gibt es nicht – "
        "meinten Sie „land“? Quellen: Land, Kreis."
    ]


def test_a_figure_cannot_read_a_table_that_reads_figures(data):
    add_figures(data, SUMME + "  - id: zurueck\n    formel: finanzierung.plan.zeilen.summe.alt\n")
    edit(data / VORLAGE, "finanzierung:\n", "finanzierung:\n" + VERGLEICH.format(erwartet="{alt: 959.5}"))
    line = line_of(data / VORLAGE, "formel: finanzierung.plan.zeilen.summe.alt")
    assert problems_of(data) == [
        f"data/vorlagen/2021-0123/vorlage.yaml:{line}: Zahl „zurueck“: Die Berechnung „plan“ liest selbst Zahlen (mit "
        "„aus“, „formel“ oder „fonds“) und wird deshalb nach ihnen berechnet – eine Zahl kann sie nicht lesen; "
        "rechnen Sie mit den Werten, aus denen sie entsteht."
    ]


def test_a_named_figure_is_made_whole_and_a_copy_keeps_its_print():
    import copy
    import pickle

    from vorlagen.compute.zahlwert import Groesse

    wert = Groesse(Fraction(1234567, 100), "12.345,67 €", "€")
    for kopie in (copy.copy(wert), copy.deepcopy(wert), pickle.loads(pickle.dumps(wert))):
        assert type(kopie) is Groesse and kopie == Fraction(1234567, 100)
        assert (kopie.text, kopie.einheit) == ("12.345,67 €", "€")
