"""Typed digits are kept (issue 46, point 1): a figure of numbers alone prints at least the decimals its numbers
were typed with – Haan's „0,523 Mio. EUR“ prints „0,523 Mio. €“, not „0,52 Mio. €“ –, zeros at the end included
(„0,520“ keeps three: the spelling is the source's precision), and a `stellen` that would print fewer is an error
at its line naming both spellings, never a silent cut. A figure that reads such figures as printed (`runden:
je_posten`) adds what is printed: 0,523 + 0,416. A computed figure (a product, a quotient, names) prints as its
unit and `stellen` say.

Expected values and prints come from tests/referenz/rechnen.py (exact Fractions, half-up), never from the program.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from tests.hilfen import edit, line_of, problems_of, run
from tests.hilfen.beispielvorlage import VORLAGE, WO, add, figures
from tests.referenz.rechnen import zahl, zahl_frei

NBSP = "\u00a0"
MIO = f"{NBSP}Mio.{NBSP}€"
# Haan, Haushaltsplan: „0,523 Mio. EUR (2016: 0,416 Mio. EUR; 2017: 0,208 Mio. EUR)“
HAAN = {"ansatz-2015": "0,523", "ansatz-2016": "0,416", "ansatz-2017": "0,208"}


def mio(text: str) -> Fraction:
    """A number as a formula types it, in millions of euros, as euros."""
    return Fraction(text.replace(",", ".")) * 1_000_000


def haan(extra: str = "") -> str:
    return "".join(f'  - id: {k}\n    formel: "{v}"\n    einheit: Mio. €\n' for k, v in HAAN.items()) + extra


def test_haans_figures_print_every_digit_typed_and_a_sum_as_printed_adds_them(data):
    add(
        data,
        haan(
            "  - id: zwei-jahre\n    formel: ansatz-2015 + ansatz-2016\n    einheit: Mio. €\n    stellen: 3\n"
            "  - id: zwei-jahre-ohne-stellen\n    formel: ansatz-2015 + ansatz-2016\n    einheit: Mio. €\n"
        ),
    )
    z = figures(data)
    for key, typed in HAAN.items():
        assert z[key] == mio(typed) and z[key].text == zahl(Fraction(typed.replace(",", ".")), 3) + MIO
    summe = mio("0,523") + mio("0,416")
    assert summe == 939_000  # what is printed, added: 0,523 + 0,416 (was 0,52 + 0,42 = 0,94)
    assert z["zwei-jahre"] == summe and z["zwei-jahre"].text == f"0,939{MIO}"
    # a sum prints at least the places of the figures it adds up (issue 57: it printed 0,94, and the text no longer
    # added up) – its value is the sum of the printed parts
    assert z["zwei-jahre-ohne-stellen"] == summe
    assert z["zwei-jahre-ohne-stellen"].text == zahl(Fraction(summe, 1_000_000), 3) + MIO


@pytest.mark.parametrize(
    ("formel", "einheit", "gedruckt"),
    [
        ("0,520", "Mio. €", f"0,520{MIO}"),  # zeros at the end are typed digits: the source's precision
        ("-0,523", "Mio. €", f"\u22120,523{MIO}"),  # negative
        ("0,5 + 0,25", "T€", f"0,75{NBSP}T€"),  # several numbers: the most decimals any of them has
        ("0,523 + 0,4", "Mio. €", f"0,923{MIO}"),
        ("summe(0,5; 0,125)", "Mio. €", f"0,625{MIO}"),
        ("1,25", "Mrd. €", f"1,25{NBSP}Mrd.{NBSP}€"),  # fewer typed than the unit prints: the unit's two
        ("412,5", "T€", f"412,5{NBSP}T€"),
        ("10,125", "%", f"10,125{NBSP}%"),  # % prints the Körperschaft's two places – or more, as typed
        ("10,125 %", "%", f"10,125{NBSP}%"),
        ("12,3456789012", "%", f"12,3456789012{NBSP}%"),  # twelve digits, ten of them after the comma
        ("0,123456789012", "Anzahl", "0,123456789012"),
        ("3,50", "Anzahl", "3,50"),
        ("2,500", "VZÄ", f"2,500{NBSP}VZÄ"),
        ("1234,00", "€", f"1.234,00{NBSP}€"),  # whole-euro rounding, but typed with cents: printed with them
        ("2 * 0,2615", "Mio. €", f"0,52{MIO}"),  # a product is computed, not typed: two places
        ("523000 / 1000000", "Mio. €", f"0,52{MIO}"),
    ],
)
def test_a_typed_figure_prints_at_least_its_typed_decimals(data, formel, einheit, gedruckt):
    add(data, f'  - id: x\n    formel: "{formel}"\n    einheit: "{einheit}"\n')
    assert figures(data)["x"].text == gedruckt


def test_stellen_fewer_than_typed_is_an_error_naming_both_spellings_and_each_fix_keeps_the_value(data):
    add(data, '  - id: x\n    formel: "0,523"\n    einheit: Mio. €\n    stellen: 2\n')
    assert problems_of(data) == [
        f"{WO}:{line_of(data / VORLAGE, 'stellen: 2')}: Zahl „x“: „0,523“ ist mit drei Nachkommastellen getippt, "
        f"„stellen: 2“ druckt es als „0,52{MIO}“ – eine getippte Ziffer ginge ohne ein Wort verloren. Schreiben Sie "
        f"„stellen: 3“ (dann „0,523{MIO}“) oder lassen Sie „stellen“ weg."
    ]
    edit(data / VORLAGE, "stellen: 2", "stellen: 3")  # the first proposal
    assert figures(data)["x"] == mio("0,523") and figures(data)["x"].text == f"0,523{MIO}"
    edit(data / VORLAGE, "    stellen: 3\n", "")  # the second
    assert figures(data)["x"] == mio("0,523") and figures(data)["x"].text == f"0,523{MIO}"


def test_zeros_cut_by_stellen_are_refused_too_and_writing_them_away_is_proposed(data):
    add(data, '  - id: x\n    formel: "0,520 + 0,1"\n    einheit: Mio. €\n    stellen: 2\n')
    assert problems_of(data) == [
        f"{WO}:{line_of(data / VORLAGE, 'stellen: 2')}: Zahl „x“: „0,520“ ist mit drei Nachkommastellen getippt, "
        f"„stellen: 2“ druckt es als „0,52{MIO}“ – eine getippte Ziffer ginge ohne ein Wort verloren. Schreiben Sie "
        f"„stellen: 3“ (dann „0,520{MIO}“) oder lassen Sie „stellen“ weg, oder schreiben Sie „0,52“ (derselbe Wert "
        "ohne die Nullen am Ende)."
    ]
    edit(data / VORLAGE, '"0,520 + 0,1"', '"0,52 + 0,1"')  # the third proposal: the same value
    assert figures(data)["x"] == mio("0,62") and figures(data)["x"].text == f"0,62{MIO}"


@pytest.mark.parametrize(
    ("formel", "einheit", "stellen", "getippt", "gekuerzt", "voll"),
    [
        ("12,345", "%", 1, "drei", f"12,3{NBSP}%", f"12,345{NBSP}%"),
        ("-1,25", "T€", 0, "zwei", f"1{NBSP}T€", f"1,25{NBSP}T€"),  # the number as typed, after its sign
        ("0,123456789012", "Anzahl", 6, "zwölf", "0,123457", "0,123456789012"),
    ],
)
def test_stellen_fewer_than_typed_in_every_unit(data, formel, einheit, stellen, getippt, gekuerzt, voll):
    add(data, f'  - id: x\n    formel: "{formel}"\n    einheit: "{einheit}"\n    stellen: {stellen}\n')
    (problem,) = problems_of(data)
    assert problem == (
        f"{WO}:{line_of(data / VORLAGE, f'stellen: {stellen}')}: Zahl „x“: „{formel.lstrip('-')}“ ist mit {getippt} "
        f"Nachkommastellen getippt, „stellen: {stellen}“ druckt es als „{gekuerzt}“ – eine getippte Ziffer ginge ohne "
        f"ein Wort verloren. Schreiben Sie „stellen: {len(formel.split(',')[1])}“ (dann „{voll}“) oder lassen Sie "
        "„stellen“ weg."
    )


def test_stellen_more_than_typed_prints_more(data):
    add(data, '  - id: x\n    formel: "0,5"\n    einheit: Mio. €\n    stellen: 3\n')
    assert figures(data)["x"].text == f"0,500{MIO}"


def test_erwartet_is_compared_with_what_is_printed_every_typed_digit(data):
    add(data, '  - id: x\n    formel: "0,523"\n    einheit: Mio. €\n    erwartet: "0,52"\n')
    zeile = line_of(data / VORLAGE, 'erwartet: "0,52"')
    assert problems_of(data) == [
        f"{WO}:{zeile}: Zahl „x“: berechnet 0,523{MIO}, erwartet 0,52{MIO} – prüfen "
        "Sie den erwarteten Wert und die Formel."
    ]
    edit(data / VORLAGE, 'erwartet: "0,52"', 'erwartet: "0,523"')
    assert figures(data)["x"] == mio("0,523")


def test_the_herleitung_says_the_figure_prints_as_typed(data, capsys):
    add(data, haan("  - id: s\n    formel: ansatz-2015 + ansatz-2016\n    einheit: Mio. €\n"))
    code, out, _ = run(capsys, "zahlen", "2021/0123", "ansatz-2015", "--data", str(data))
    assert code == 0
    assert "gedruckt mit drei Nachkommastellen, so vielen wie getippt" in out
    code, out, _ = run(capsys, "zahlen", "2021/0123", "s", "--data", str(data))
    assert code == 0
    assert f"  ansatz-2015 (wie gedruckt) = 0,523{MIO}" in out
    # the sum itself is computed: it prints as many places as the figures it adds up
    kopf = out.split("ansatz-2015 (wie gedruckt)")[0]
    assert "so vielen wie getippt" not in kopf
    assert "gedruckt mit drei Nachkommastellen wie die Zahlen, die sie addiert" in kopf


def test_a_text_quotes_the_typed_figure_with_its_digits(data):
    from tests.hilfen import composed

    add(data, haan())
    edit(
        data / "vorlagen/2021-0123/vorbemerkungen.md",
        "\n",
        '\nAnsatz 2015: {{ zahlen["ansatz-2015"] }}, 2016: {{ zahlen["ansatz-2016"] }}.\n',
    )
    text = " ".join(composed(data).text.split()).replace(NBSP, " ")
    assert "Ansatz 2015: 0,523 Mio. €, 2016: 0,416 Mio. €." in text
    assert zahl_frei(Fraction(523, 1000)) == "0,523"  # the reference prints the value alike
