"""A literal means its unit (issue 32, point 1): a number in a formula is in the figure's `einheit`, `erwartet` is
read the same way and written the same way (decimal comma), Mrd. € exists, a figure that is not zero never prints
as zero, and cents typed into a formula are never rounded away. Every fix a message proposes is applied here and
must give the same value.

Expected values are written apart from the engine: exact Fractions and a half-up rounding of this file."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from tests.hilfen import edit, line_of, problems_of, run
from tests.referenz.rechnen import rund, zahl
from vorlagen.compute.formel import FormelFehler, lesen
from vorlagen.compute.project import prepare

NBSP = "\u00a0"
VORLAGE = Path("vorlagen/2021-0123/vorlage.yaml")
TEXT = Path("vorlagen/2021-0123/vorbemerkungen.md")
WO = "data/vorlagen/2021-0123/vorlage.yaml"
EIGENANTEIL = 158_644  # Modul 1, seed 000


def add(data: Path, yaml: str) -> None:
    edit(data / VORLAGE, "verteilungen:\n", "zahlen:\n" + yaml + "verteilungen:\n")


def figures(data: Path):
    return prepare(data).rechnungen["2021-0123"].zahlen


def at(data: Path, needle: str) -> str:
    return f"{WO}:{line_of(data / VORLAGE, needle)}"


# --- a literal is in the figure's unit ----------------------------------------------------------------------


def test_a_literal_in_mio_and_teur_is_that_many_millions_and_thousands(data):
    add(
        data,
        '  - id: ansatz\n    formel: "0,523"\n    einheit: Mio. €\n'
        '  - id: rest\n    formel: "412,5"\n    einheit: T€\n'
        "  - id: summe\n    formel: ansatz + rest\n    einheit: Mio. €\n    runden: am_ende\n"
        '  - id: mrd\n    formel: "1,25"\n    einheit: Mrd. €\n'
        "  - id: in-euro\n    formel: ansatz\n    runden: am_ende\n",
    )
    z = figures(data)
    # was 0,00 Mio. € (0,523 €); each typed digit prints (issue 46)
    assert z["ansatz"] == 523_000 and z["ansatz"].text == f"0,523{NBSP}Mio.{NBSP}€"
    assert z["rest"] == 412_500 and z["rest"].text == f"412,5{NBSP}T€"  # was 0 T€ (412,50 €)
    # was 0,00 Mio. €; at least the three places of „0,523 Mio. €“ it adds up (issue 57), 0,9355 half-up
    assert z["summe"] == 935_500 and z["summe"].text == zahl(Fraction(935_500, 10**6), 3) + f"{NBSP}Mio.{NBSP}€"
    assert z["mrd"] == 1_250_000_000 and z["mrd"].text == f"1,25{NBSP}Mrd.{NBSP}€"
    assert z["in-euro"].text == f"523.000{NBSP}€"


@pytest.mark.langsam  # builds whole repositories
def test_mrd_is_a_unit_of_aufstellungen_and_a_filter(data, capsys, tmp_path):
    edit(
        data / VORLAGE,
        "finanzierung:\n",
        "finanzierung:\n  - id: land\n    art: Aufstellung\n    titel: Landesmittel\n    anzeige: Mrd. €\n"
        "    kosten:\n      - {betrag: 1250000000, als: Schulbau}\n      - {betrag: 2340000000, als: Kitas}\n",
    )
    (data / TEXT).write_text(
        '# V\n\n{{ tabelle("land") }}\n\nZusammen {{ finanzierung["land"].summe | mrd }}.\n', encoding="utf-8"
    )
    out = tmp_path / "out"
    assert run(capsys, "--data", str(data), "--out", str(out))[0] == 0
    text = (out / "intern/vorlagen/2021-0123/2021-0123.txt").read_text(encoding="utf-8")
    assert f"Zusammen 3,59{NBSP}Mrd.{NBSP}€." in text  # 1,25 + 2,34 Mrd. €
    assert "in Mrd. €" in text and "1,25" in text and "2,34" in text


def test_a_formula_literal_in_euros_of_an_earlier_version_is_named_by_erwartet(data):
    add(data, '  - id: alt\n    formel: "523000"\n    einheit: Mio. €\n    erwartet: "0,52"\n')
    wo = at(data, 'erwartet: "0,52"')
    assert problems_of(data) == [
        f"{wo}: Zahl „alt“: berechnet 523.000{NBSP}Mio.{NBSP}€, erwartet "
        f"0,52{NBSP}Mio.{NBSP}€ – die Zahlen einer Formel stehen in der Einheit der Zahl (frühere Fassungen lasen sie "
        f"in Euro): für 0,52{NBSP}Mio.{NBSP}€ schreiben Sie „523000 / 1000000“ (ein Betrag in Euro, gedruckt in der "
        "Einheit der Zahl; eine getippte Zahl allein druckt jede Ziffer, die sie hat)."
    ]
    edit(data / VORLAGE, 'formel: "523000"', 'formel: "523000 / 1000000"')  # the proposal, applied
    alt = figures(data)["alt"]
    assert alt == 523_000 and alt.text == f"0,52{NBSP}Mio.{NBSP}€"  # what „523000“ meant in euros, as it printed


# --- erwartet is written like the formula ---------------------------------------------------------------------


def test_erwartet_takes_the_decimal_comma_of_formulas(data):
    add(
        data,
        '  - id: quote\n    formel: "1,75"\n    einheit: "%"\n    erwartet: "1,75"\n'
        '  - id: stellen\n    formel: "528,266"\n    einheit: Stellen\n    erwartet: 528,266\n'
        '  - id: mio\n    formel: "0,523"\n    einheit: Mio. €\n    erwartet: "0,523"\n',
    )
    z = figures(data)
    assert z["quote"] == Fraction(175, 10000)
    assert z["stellen"] == Fraction(528266, 1000) and z["stellen"].text == f"528,266{NBSP}Stellen"


@pytest.mark.parametrize(
    ("erwartet", "message", "fixes"),
    [
        (
            "12.5",
            "„erwartet“: „12.5“ hat einen Dezimalpunkt; Zahlen einer Formel haben ein Dezimalkomma – schreiben Sie "
            'erwartet: "12,5".',
            ['"12,5"'],
        ),
        (
            "528.266",
            "„erwartet“: „528.266“ lässt sich zweifach lesen: mit Tausenderpunkt als 528266, mit Dezimalpunkt als "
            '528,266; gemeint ist nur eines – schreiben Sie erwartet: 528266 oder erwartet: "528,266".',
            ["528266", '"528,266"'],
        ),
        (
            '"12.500.000"',
            "„erwartet“: „12.500.000“ hat Tausenderpunkte, die nicht in eine Zahl einer Formel gehören – schreiben Sie "
            "erwartet: 12500000.",
            ["12500000"],
        ),
        (
            '"1.000,5"',
            "„erwartet“: „1.000,5“ hat Tausenderpunkte, die nicht in eine Zahl einer Formel gehören – schreiben Sie "
            'erwartet: "1000,5".',
            ['"1000,5"'],
        ),
    ],
)
def test_erwartet_in_another_notation_is_refused_with_a_fix_of_the_same_value(data, erwartet, message, fixes):
    add(data, f"  - id: x\n    formel: 3 * 4\n    einheit: Anzahl\n    erwartet: {erwartet}\n")
    assert problems_of(data) == [f"{at(data, 'erwartet: ' + erwartet)}: {message}"]
    text = erwartet.strip('"')
    readings = {Fraction(text.replace(".", "").replace(",", "."))}  # points as thousands marks (German)
    if text.count(".") == 1 and "," not in text:
        readings.add(Fraction(text))  # the point as a decimal point (YAML)
    for fix in fixes:  # each proposal is a number a formula takes, of the value of one reading
        number = fix.strip('"')
        assert (
            lesen(number).wert == Fraction(number.replace(",", ".")) and Fraction(number.replace(",", ".")) in readings
        )


def test_erwartet_proposals_build(data):
    add(
        data,
        "  - id: stellen\n    formel: 528266 / 1000\n    einheit: Stellen\n    erwartet: 528.266\n",
    )
    assert "lässt sich zweifach lesen" in problems_of(data)[0]
    edit(data / VORLAGE, "erwartet: 528.266", 'erwartet: "528,266"')  # the reading the figure has
    assert figures(data)["stellen"] == Fraction(528266, 1000)


def test_a_formula_never_proposes_a_number_of_another_magnitude():
    with pytest.raises(FormelFehler) as error:
        lesen("528.266")
    assert str(error.value) == (
        "„528.266“ lässt sich zweifach lesen: mit Tausenderpunkt als 528266, mit Dezimalpunkt als 528,266; gemeint "
        "ist nur eines – schreiben Sie 528266 oder 528,266."
    )  # before: „schreiben Sie 528266“ – a thousand times 528,266 Stellen
    assert lesen("528266").wert == 528266 and lesen("528,266").wert == Fraction(528266, 1000)


# --- a figure that is not zero never prints as zero -------------------------------------------------------------


def test_a_figure_that_is_not_zero_never_prints_as_zero(data):
    e = "finanzierung.m1-steuerung.eigenanteil"
    add(
        data,
        f"  - id: klein\n    formel: {e} / 400\n    einheit: T€\n"
        f"  - id: cent\n    formel: {e} / 1000000\n"
        f"  - id: minus\n    formel: -{e} / 400000\n    einheit: T€\n    rundung: cent\n"
        f'  - id: quote\n    formel: {e} / {e} / 1000000\n    einheit: "%"\n',
    )
    found = problems_of(data)
    klein = Fraction(EIGENANTEIL, 400)  # 396,61 €: 0,4 T€, 397 €
    assert found == [
        f"{at(data, f'formel: {e} / 400')}: Zahl „klein“: Die Zahl ist 396,61{NBSP}€ und würde als „0{NBSP}T€“ "
        f"gedruckt – eine Zahl, die nicht null ist, druckt nie als null; zeigen Sie sie mit „stellen: 1“ "
        f"(0,4{NBSP}T€) oder mit „einheit: €“ (397{NBSP}€).",
        f"{at(data, f'formel: {e} / 1000000')}: Zahl „cent“: Die Zahl ist 0,158644{NBSP}€ und würde als "
        f"„0{NBSP}€“ gedruckt – eine Zahl, die nicht null ist, druckt nie als null; zeigen Sie sie mit "
        f"„rundung: cent“ (0,16{NBSP}€).",
        f"{at(data, f'formel: -{e}')}: Zahl „minus“: Die Zahl ist −0,39661{NBSP}€ und würde als „0{NBSP}T€“ "
        f"gedruckt – eine Zahl, die nicht null ist, druckt nie als null; zeigen Sie sie mit „stellen: 4“ "
        f"(−0,0004{NBSP}T€) oder mit „einheit: €“ (−0,40{NBSP}€).",
        f"{at(data, f'formel: {e} / {e}')}: Zahl „quote“: Die Zahl ist 0,0001{NBSP}% und würde als "
        f"„0,00{NBSP}%“ gedruckt – eine Zahl, die nicht null ist, druckt nie als null; zeigen Sie sie mit "
        f"„stellen: 4“ (0,0001{NBSP}%).",
    ]
    assert rund(klein / 1000, Fraction(1, 10)) == Fraction(4, 10) and rund(klein) == 397


def test_each_way_a_zero_message_proposes_prints_the_figure(data):
    e = "finanzierung.m1-steuerung.eigenanteil"
    add(
        data,
        f"  - id: klein\n    formel: {e} / 400\n    einheit: T€\n    stellen: 1\n"
        f"  - id: klein-euro\n    formel: {e} / 400\n"
        f"  - id: cent\n    formel: {e} / 1000000\n    rundung: cent\n"
        f"  - id: minus\n    formel: -{e} / 400000\n    einheit: T€\n    rundung: cent\n    stellen: 4\n"
        f"  - id: minus-euro\n    formel: -{e} / 400000\n    rundung: cent\n",
    )
    z = figures(data)
    assert z["klein"].text == f"0,4{NBSP}T€" and z["klein"] == rund(Fraction(EIGENANTEIL, 400))
    assert z["klein-euro"].text == f"397{NBSP}€"
    assert z["cent"].text == f"0,16{NBSP}€" and z["cent"] == Fraction(16, 100)
    assert z["minus"].text == f"−0,0004{NBSP}T€" and z["minus"] == Fraction(-40, 100)
    assert z["minus-euro"].text == f"−0,40{NBSP}€"


def test_a_text_filter_never_prints_a_figure_that_is_not_zero_as_zero(data, capsys):
    e = 'finanzierung["m1-steuerung"].eigenanteil'
    (data / TEXT).write_text(
        f"# V\n\n{{{{ {e} | mrd }}}}\n\n{{{{ {e} | teur(1) }}}} und {{{{ {e} | mio(3) }}}}\n", encoding="utf-8"
    )
    code, _, err = run(capsys, "pruefen", "--data", str(data))
    assert code == 1
    assert err.splitlines()[0] == (
        f"data/vorlagen/2021-0123/vorbemerkungen.md:3: {{{{ {e} | mrd }}}}: „| mrd“ druckt „0,00{NBSP}Mrd.{NBSP}€“, "
        f"der Wert ist aber 158.644{NBSP}€ – eine Zahl, die nicht null ist, druckt nie als null; zeigen Sie ihn mit "
        f"„| mrd(4)“ (0,0002{NBSP}Mrd.{NBSP}€)."
    )
    assert len([line for line in err.splitlines() if "vorbemerkungen.md" in line]) == 1  # teur(1), mio(3) print it


def test_an_aufstellung_row_never_prints_as_zero(data):
    edit(
        data / VORLAGE,
        "finanzierung:\n",
        "finanzierung:\n  - id: posten\n    art: Aufstellung\n    titel: Posten\n    anzeige: Mio. €\n"
        "    kosten:\n      - {betrag: 2500000, als: Bau}\n      - {betrag: 400, als: Porto}\n",
    )
    assert problems_of(data) == [
        f"{at(data, 'als: Porto')}: Berechnung „posten“: Die Zeile „Porto“ (400{NBSP}€) würde in Mio. € als „0,00“ "
        "gedruckt – eine Zahl, die nicht null ist, druckt nie als null; zeigen Sie die Aufstellung mit „anzeige: €“."
    ]
    edit(data / VORLAGE, "anzeige: Mio. €", "anzeige: €")
    assert [z.betrag for z in prepare(data).rechnungen["2021-0123"].tabellen["posten"].zeilen] == [2_500_000, 400]


# --- cents typed into a formula are never rounded away ---------------------------------------------------------


def test_cents_of_a_formula_literal_are_never_rounded_away(data):
    add(
        data,
        '  - id: honorar\n    formel: "2957,5"\n'
        '  - id: summe\n    formel: "1000 + 2957,5"\n'
        '  - id: anteil\n    formel: "(125000 + 95500) * 1,75 %"\n'  # a computed share: rounded as documented
        '  - id: teur\n    formel: "0,0005"\n    einheit: T€\n',
    )
    message = (
        "hat Cent ({}{NBSP}€), gerechnet wird aber auf ganze Euro – die Cent gingen verloren. Schreiben Sie "
        "„rundung: cent“ an die Zahl, dann rechnet sie auf den Cent genau; oder prüfen Sie den Betrag."
    )
    wo = [at(data, needle) for needle in ('formel: "2957,5"', 'formel: "1000 + 2957,5"', 'formel: "0,0005"')]
    assert problems_of(data) == [
        f"{wo[0]}: Zahl „honorar“: „2957,5“ " + message.format("2.957,50", NBSP=NBSP),
        f"{wo[1]}: Zahl „summe“: „2957,5“ " + message.format("2.957,50", NBSP=NBSP),
        f"{wo[2]}: Zahl „teur“: „0,0005“ " + message.format("0,50", NBSP=NBSP),
    ]
    for figure in ("honorar", "summe", "teur"):  # the fix the message proposes
        edit(data / VORLAGE, f"  - id: {figure}\n", f"  - id: {figure}\n    rundung: cent\n")
    # 0,50 € in T€ would print 0 T€ now: that message proposes „stellen: 4“ (shown in the zero tests above)
    edit(data / VORLAGE, "    einheit: T€\n", "    einheit: T€\n    stellen: 4\n")
    z = figures(data)
    assert z["honorar"] == Fraction(295750, 100) and z["honorar"].text == f"2.957,50{NBSP}€"
    assert z["summe"] == Fraction(395750, 100)
    assert z["teur"] == Fraction(1, 2)  # 0,0005 T€ = 0,50 €
    assert z["anteil"] == rund(Fraction(220500) * Fraction(175, 10000))  # 3.858,75 → 3.859 €
