"""A minus after the figure, as accounting programs print it („1.521.320.098,94- EUR“, ab03 of the corpus's Zusatz:
the Jahresabschluss 2015 of the Stadt Leipzig). Before, the figure was read positive and without its unit – a sign
dropped without a word."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from tests.hilfen.nachrechnen import check, write
from tests.referenz.rechnen import euro
from vorlagen.nachrechnen.lesen.zahlenlesen import figures


@pytest.mark.parametrize(
    ("line", "values", "units"),
    [
        ("Aufwendungen 1.521.320.098,94- EUR Überschuss", ["-1521320098.94"], ["€"]),
        ("Aufwendungen 53.741.649,08-€", ["-53741649.08"], ["€"]),
        ("Saldo\t92.238.545,39-\t12,00", ["-92238545.39", "12.00"], ["", ""]),
        ("(davon 45,10-)", ["-45.10"], [""]),
        ("Ergebnis 7,5-", ["-7.5"], [""]),
        # no minus of the figure before it
        ("zwischen 2,5-3,0 %", ["2.5", "3.0"], ["", "%"]),
        ("2,5- bis 3-fach", ["2.5", "3"], ["", ""]),
        ("1,5- und 2-Zimmer-Wohnungen", ["1.5", "2"], ["", ""]),
        ("die Jahre 2021-2022", ["2021", "2022"], ["", ""]),
        ("Pauschal 1.000,- EUR", ["1000"], ["€"]),
        ("Seite 12- ", ["12"], [""]),  # no decimals: no amount of an accounting program
        ("-5,00- €", ["-5.00"], [""]),  # a minus before it counts once
    ],
)
def test_a_minus_after_the_figure(line, values, units):
    found = figures(line)
    assert [z.wert for z in found] == [Decimal(v) for v in values]
    assert [z.einheit for z in found] == units


def _ergebnis(ueberschuss: Fraction) -> str:
    ertraege, aufwendungen = Fraction(152_981_175_691, 100), Fraction(152_132_009_894, 100)
    aufwand = euro(aufwendungen, cent=True, zeichen="EUR").replace("\u00a0EUR", "-\u00a0EUR")  # „…,94- EUR“
    return (
        f"Ergebnisrechnung: Summe der ordentlichen Erträge {euro(ertraege, cent=True, zeichen='EUR')} Summe der "
        f"ordentlichen Aufwendungen {aufwand} "
        f"Überschuss im ordentlichen Jahresergebnis {euro(ueberschuss, cent=True, zeichen='EUR')}\n"
    )


def test_the_surplus_of_amounts_typed_with_a_trailing_minus(capsys, tmp_path):
    ueberschuss = Fraction(152_981_175_691 - 152_132_009_894, 100)
    assert ueberschuss == Fraction(849_165_797, 100)  # the seed's 8.491.657,97 EUR
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _ergebnis(ueberschuss)))
    assert code == 0
    assert [(b["getippt"], b["status"]) for b in report["befunde"]] == [(euro(ueberschuss, cent=True), "stimmt")]
    assert report["nicht_geprueft"] == []


def test_an_unchecked_figure_is_listed_with_its_sign_and_unit(capsys, tmp_path):
    text = "Zahlungsmittelsaldo aus Investitionstätigkeit 92.238.545,39- EUR\n"
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0 and [x["zahl"] for x in report["nicht_geprueft"]] == [
        "−" + euro(Fraction(9_223_854_539, 100), cent=True)
    ]
