"""The two classes of mismatches of the independent recomputation (issue 32, point 7): the year columns of every
Finanzierungsplan add up to its total, rest source or not; a source's share prints the same in the table, in a text
and in a figure – its part of the largest-remainder split of 100 %.

Figures are computed here by hand from the documented rules (tests/referenz holds the same rules for the random
variants of tests/ablauf/test_beweis.py)."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from tests.hilfen import run
from tests.hilfen.beispielvorlage import THIRDS, plan

NBSP = "\u00a0"
TEXT = Path("vorlagen/2021-0123/vorbemerkungen.md")


def test_the_issue_case_a_fehlbedarf_source_takes_the_years_remainders(data):
    t = plan(
        data,
        "      - {id: eigen, als: Eigenmittel, art: Eigenmittel, betrag: 11}\n"
        "      - {id: land, als: Land, art: Zuwendung, fehlbedarf: true}\n",
    ).tabellen["p"]
    # costs 100 € over three equal years: 33⅓ each, the first takes the remaining euro: 34, 33, 33
    assert t.jahre == {2030: 34, 2031: 33, 2032: 33}
    # Eigenmittel 11 €: 3⅔ each → 3, 3, 3 and two euros to the largest remainders (ties: earlier): 4, 4, 3
    assert t.quellen["eigen"].jahre == {2030: 4, 2031: 4, 2032: 3}
    # Land takes each year's costs less the Eigenmittel: 30, 29, 30 (printed before: 30, 30, 29 – 34 + 1 in 2031)
    assert t.quellen["land"].jahre == {2030: 30, 2031: 29, 2032: 30}
    for year, total in t.jahre.items():
        assert sum(q.jahre[year] for q in t.quellen) == total


def test_without_rest_or_fehlbedarf_the_largest_source_takes_the_remainders(data):
    t = plan(
        data,
        "      - {id: bund, als: Bund, art: Zuwendung, betrag: 50}\n"
        "      - {id: land, als: Land, art: Zuwendung, betrag: 25}\n"
        "      - {id: kreis, als: Kreis, art: Eigenmittel, betrag: 25}\n",
    ).tabellen["p"]
    # Land 25 and Kreis 25: 8⅓ each year → 8, 8, 8 and the remaining euro to 2030: 9, 8, 8
    assert t.quellen["land"].jahre == t.quellen["kreis"].jahre == {2030: 9, 2031: 8, 2032: 8}
    # Bund (the largest) takes the rest of each year: 34 − 18, 33 − 16, 33 − 16 (before: 17, 17, 16 – 35 in 2030)
    assert t.quellen["bund"].jahre == {2030: 16, 2031: 17, 2032: 17}


def test_a_carrier_that_would_go_negative_borrows_a_step_from_another_source(data):
    """The worked example of docs/erklaerungen/rundung.md: three cost rows of 1 € over three equal years."""
    t = plan(
        data,
        "      - {id: land, als: Land, art: Zuwendung, betrag: 2}\n"
        "      - {id: bund, als: Bund, art: Zuwendung, betrag: 1}\n"
        "      - {id: rest, als: Kreis, art: Eigenmittel, rest: true}\n",
        kosten="      - {betrag: 1, als: Kosten A}\n      - {betrag: 1, als: Kosten B}\n      - {betrag: 1, als: C}\n",
    ).tabellen["p"]
    # each cost row of 1 € goes to 2030 (first on the tie): costs 3, 0, 0. Land 2 € → 1, 1, 0; Bund 1 € → 1, 0, 0;
    # the rest would be 3 − 2 = 1, 0 − 1 = −1, 0: one step of Land moves from 2031 to 2030 → Land 2, 0, 0
    assert t.jahre == {2030: 3, 2031: 0, 2032: 0}
    assert t.quellen["land"].jahre == {2030: 2, 2031: 0, 2032: 0}
    assert t.quellen["bund"].jahre == {2030: 1, 2031: 0, 2032: 0}
    assert t.quellen["rest"].jahre == {2030: 0, 2031: 0, 2032: 0}


@pytest.mark.langsam  # builds whole repositories
def test_a_share_prints_the_same_in_the_table_a_text_and_a_figure(data, capsys, tmp_path):
    rechnung = plan(
        data,
        THIRDS,
        kosten="      - {betrag: 300000, als: Kosten}\n",
        zahlen='  - id: anteil-kreis\n    formel: finanzierung.p.quellen.c.anteil\n    einheit: "%"\n'
        '    erwartet: "33,34"\n',
    )
    t = rechnung.tabellen["p"]
    # 100 % in three thirds at two places: 33,33 each and 0,01 left, to the rest source (it takes a tie)
    assert [t.anteil(q) for q in t.quellen] == [f"33,33{NBSP}%", f"33,33{NBSP}%", f"33,34{NBSP}%"]
    assert rechnung.zahlen["anteil-kreis"].text == f"33,34{NBSP}%"
    assert t.quellen["c"].anteil == Fraction(1, 3)  # exact for arithmetic
    (data / TEXT).write_text(
        '# V\n\nKreis {{ finanzierung["p"].quellen["c"].anteil | prozent }}, '
        'Land {{ finanzierung["p"].quellen["b"].anteil | prozent }}, '
        'auf eine Stelle {{ finanzierung["p"].quellen["c"].anteil | prozent(1) }} und '
        '{{ finanzierung["p"].quellen["a"].anteil | prozent(1) }}.\n\n{{ tabelle("p") }}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert run(capsys, "--data", str(data), "--out", str(out))[0] == 0
    text = (out / "intern/vorlagen/2021-0123/2021-0123.txt").read_text(encoding="utf-8")
    # the text's shares are the table's (before: 33,33 % for the Kreis in the text, 33,34 % in the table); at one
    # place the split is 33,4 / 33,3 / 33,3 – again the rest source takes the remaining tenth
    assert f"Kreis 33,34{NBSP}%, Land 33,33{NBSP}%, auf eine Stelle 33,4{NBSP}% und 33,3{NBSP}%." in text
