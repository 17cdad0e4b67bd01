"""Limits instead of tracebacks (issue 32, point 5): huge numbers and long or deep formulas end in an exact German
message at the formula's line, never in decimal.InvalidOperation or RecursionError."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from tests.hilfen import edit, line_of, problems_of, run
from vorlagen.compute.formel import FormelFehler, lesen

VORLAGE = Path("vorlagen/2021-0123/vorlage.yaml")


def add_figures(data: Path, yaml: str) -> None:
    edit(data / VORLAGE, "verteilungen:\n", "zahlen:\n" + yaml + "verteilungen:\n")


def failing(data: Path, capsys) -> list[str]:
    """The problems of the data, as printed; `vorlagen pruefen` ends with exit code 1 and no traceback."""
    code, out, err = run(capsys, "--data", str(data), "pruefen")
    assert code == 1 and "Traceback" not in out + err
    return problems_of(data)


def test_a_literal_with_more_than_twelve_digits_is_refused(data, capsys):
    add_figures(data, '  - id: riesig\n    formel: "10000000000000000000000000000000"\n')
    line = line_of(data / VORLAGE, 'formel: "1000000000000')
    assert (
        f"data/vorlagen/2021-0123/vorlage.yaml:{line}: Zahl „riesig“: „10000000000000000000000000000000“ ist "
        "unplausibel groß – Zahlen haben hier höchstens zwölf Stellen vor dem Komma; prüfen Sie den Wert."
    ) in failing(data, capsys)


def test_twelve_digits_are_still_a_number():
    assert lesen("999999999999,99").wert == Fraction(99999999999999, 100)
    with pytest.raises(FormelFehler, match="höchstens zwölf Stellen"):
        lesen("1000000000000")
    assert lesen("000000000000001").text == "000000000000001"  # leading zeros are no digits of the value


def test_a_result_too_large_to_print_is_refused_not_a_decimal_error(data, capsys):
    add_figures(
        data,
        '  - id: gross\n    formel: "999999999999 * 999999999999 * 999999999999"\n'
        "  - id: tabelle\n    formel: finanzierung.m1-steuerung.eigenanteil * 100000000000\n",
    )
    found = failing(data, capsys)
    message = "Das Ergebnis hat mehr als zwölf Stellen vor dem Komma (in €) – so große Zahlen druckt keine Vorlage; prüfen Sie die Formel."
    assert (
        f"data/vorlagen/2021-0123/vorlage.yaml:{line_of(data / VORLAGE, '999999999999 *')}: Zahl „gross“: {message}"
        in found
    )
    assert (
        f"data/vorlagen/2021-0123/vorlage.yaml:{line_of(data / VORLAGE, '* 100000000000')}: Zahl „tabelle“: {message}"
        in found
    )


def test_a_formula_of_340_terms_is_refused_not_a_recursion_error(data, capsys):
    add_figures(data, f'  - id: lang\n    formel: "{" + ".join(["1"] * 340)}"\n')
    line = line_of(data / VORLAGE, "1 + 1 + 1")
    assert (
        f"data/vorlagen/2021-0123/vorlage.yaml:{line}: Zahl „lang“: Die Formel hat mehr als 100 Rechenschritte "
        "hintereinander – fassen Sie viele Summanden mit summe(a; b; …) zusammen oder teilen Sie die Formel in "
        "mehrere Zahlen auf."
    ) in failing(data, capsys)


def test_the_proposed_summe_computes_the_same_and_the_limit_itself_computes(data):
    from vorlagen.compute.project import prepare

    add_figures(
        data,
        f'  - id: summe-340\n    formel: "summe({"; ".join(["1"] * 340)})"\n'
        f'  - id: an-der-grenze\n    formel: "{" + ".join(["1 %"] * 100)}"\n    einheit: "%"\n',
    )
    z = prepare(data).rechnungen["2021-0123"].zahlen
    assert z["summe-340"] == 340  # what the 340 terms add up to
    assert z["an-der-grenze"] == 1  # 100 × 1 %


def test_deep_brackets_are_refused():
    with pytest.raises(FormelFehler, match="tiefer als 40 Ebenen geschachtelt"):
        lesen("(" * 41 + "1" + ")" * 41)
    with pytest.raises(FormelFehler, match="mehr als 2.000 Zeichen"):
        lesen("1" + " " * 2000)
