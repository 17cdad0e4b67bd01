"""As printed means as printed (issue 32, point 3): with `runden: je_posten` every figure enters a sum as it is
shown – in T€, Mio. €, with `rundung: keine`, in % – so that a reader adding the printed parts gets the printed
total; `runden: am_ende` adds the exact values.

Expected values come from this file's own half-up rounding of exact Fractions."""

from __future__ import annotations

import random
from fractions import Fraction
from pathlib import Path

from tests.hilfen import edit, run
from tests.referenz.rechnen import rund
from vorlagen.compute.project import prepare

NBSP = "\u00a0"
VORLAGE = Path("vorlagen/2021-0123/vorlage.yaml")


def figures(data: Path, yaml: str):
    edit(data / VORLAGE, "verteilungen:\n", "zahlen:\n" + yaml + "verteilungen:\n")
    return prepare(data).rechnungen["2021-0123"].zahlen


def test_the_issue_case_three_times_1499_euros_in_teur(data):
    z = figures(
        data,
        '  - id: b\n    formel: "1499"\n'
        "  - id: t\n    formel: b\n    einheit: T€\n"
        "  - id: je-posten\n    formel: t + t + t\n    einheit: T€\n"
        "  - id: am-ende\n    formel: t + t + t\n    einheit: T€\n    runden: am_ende\n",
    )
    assert z["t"] == 1499 and z["t"].text == f"1{NBSP}T€"
    assert z["je-posten"] == 3 * 1000 and z["je-posten"].text == f"3{NBSP}T€"  # 1 + 1 + 1: was 4 T€
    assert z["am-ende"] == 3 * 1499 and z["am-ende"].text == f"4{NBSP}T€"  # exact: 4.497 € → 4 T€


def test_mio_keine_and_percent_enter_as_printed(data):
    z = figures(
        data,
        '  - id: b\n    formel: "444900"\n'
        "  - id: m\n    formel: b\n    einheit: Mio. €\n"
        "  - id: mm\n    formel: m + m\n    einheit: Mio. €\n"
        "  - id: k\n    formel: 100 / 3\n    rundung: keine\n"
        "  - id: kkk\n    formel: k + k + k\n    rundung: keine\n"
        "  - id: kkk-genau\n    formel: k + k + k\n    rundung: keine\n    runden: am_ende\n"
        '  - id: q\n    formel: 100 / 3\n    einheit: "%"\n'
        '  - id: betrag\n    formel: "90000"\n'
        "  - id: anteil\n    formel: betrag * q\n"
        "  - id: anteil-genau\n    formel: betrag * q\n    runden: am_ende\n",
    )
    assert z["m"].text == f"0,44{NBSP}Mio.{NBSP}€"
    assert z["mm"] == 2 * 440_000 and z["mm"].text == f"0,88{NBSP}Mio.{NBSP}€"  # exact 889.800 € would be 0,89
    assert z["k"].text == f"33,33{NBSP}€"
    assert z["kkk"] == Fraction(9999, 100) and z["kkk"].text == f"99,99{NBSP}€"
    assert z["kkk-genau"] == 100
    assert z["q"].text == f"33,33{NBSP}%"
    assert z["anteil"] == rund(90000 * Fraction(3333, 10000)) == 29_997  # 90.000 € × 33,33 %
    assert z["anteil-genau"] == 30_000


def test_the_herleitung_says_a_figure_was_read_as_printed(data, capsys):
    edit(
        data / VORLAGE,
        "verteilungen:\n",
        'zahlen:\n  - id: b\n    formel: "1499"\n  - id: t\n    formel: b\n    einheit: T€\n'
        "  - id: s\n    formel: t + t\n    einheit: T€\n"
        "verteilungen:\n",
    )
    code, out, _ = run(capsys, "zahlen", "2021/0123", "s", "--data", str(data))
    assert code == 0
    assert f"  t (wie gedruckt) = 1{NBSP}T€" in out.splitlines()[3]


def test_printed_parts_add_up_to_the_printed_total(data):
    """Random parts in T€ and in Mio. €: the printed numbers of the parts add up to the printed total."""
    rng = random.Random(32)
    yaml, cases = "", []
    for case in range(12):
        unit, places = rng.choice([("T€", 0), ("Mio. €", 2)])
        parts = [rng.randint(1, 9_999_999) for _ in range(rng.randint(2, 6))]
        names = [f"p{case}-{i}" for i in range(len(parts))]
        for name, amount in zip(names, parts, strict=True):
            yaml += f'  - id: {name}\n    formel: "{amount}"\n    einheit: €\n'
            yaml += f"  - id: {name}-u\n    formel: {name}\n    einheit: {unit}\n"
        yaml += f"  - id: s{case}\n    formel: {' + '.join(n + '-u' for n in names)}\n    einheit: {unit}\n"
        cases.append((unit, places, names, parts))
    z = figures(data, yaml)
    for case, (unit, places, names, parts) in enumerate(cases):
        scale = Fraction(1000 if unit == "T€" else 1_000_000)
        step = Fraction(1, 10**places)
        shown = [rund(Fraction(p) / scale, step) for p in parts]  # what the reader sees
        number = lambda text: Fraction(text.split(NBSP)[0].replace(".", "").replace(",", "."))  # noqa: E731
        assert [number(z[n + "-u"].text) for n in names] == shown
        assert number(z[f"s{case}"].text) == sum(shown), (case, parts)
