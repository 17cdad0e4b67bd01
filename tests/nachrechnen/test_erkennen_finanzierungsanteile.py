"""erkennen/finanzierungsanteile.py for itself: a total and its parts, each with its share in percent („Gesamtausgaben:
524.075 €“, „Bundesmittel 90%: 471.675 €“ – aa01 of the corpus's Zusatz)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import euro, rund, zahl

GESAMT = Fraction(240_000)
TEILE = {"Fördermittel": Fraction(75), "Eigenanteil": Fraction(25)}  # rates in %


def _anteil(rate: Fraction) -> Fraction:
    return GESAMT * rate / 100


SHAPES = {
    "colon": "Gesamtkosten: {g}\n" + "".join(f"{name} {{{name}_r}}: {{{name}}}\n" for name in TEILE),
    "bracket": "Gesamtkosten: {g}\n" + "".join(f"{name} ({{{name}_r}}): {{{name}}}\n" for name in TEILE),
    "pipe": "| Gesamtkosten | | {g} |\n" + "".join(f"| {name} | {{{name}_r}} | {{{name}}} |\n" for name in TEILE),
    "plain": "Gesamtkosten {g}\n" + "".join(f"{name} {{{name}_r}} {{{name}}}\n" for name in TEILE),
    "total below": "".join(f"| {name} | {{{name}_r}} | {{{name}}} |\n" for name in TEILE) + "| Summe | 100 % | {g} |\n",
}


def _text(shape: str, gesamt: Fraction = GESAMT, betrag: dict | None = None, rate: dict | None = None) -> str:
    figures = {"g": euro(gesamt)}
    for name, r in TEILE.items():
        figures[name] = euro((betrag or {}).get(name, _anteil(r)))
        figures[f"{name}_r"] = f"{zahl((rate or {}).get(name, r))} %"
    return "Finanzierungsplan\n\n" + SHAPES[shape].format(**figures)


@pytest.mark.parametrize("shape", SHAPES)
def test_a_plan_that_holds_in_each_shape(tmp_path, capsys, shape):
    readings = erkannt(tmp_path, "finanzierungsanteile", _text(shape))
    shares = sorted(werte(r)[1] for r in readings if r.typ == "finanzierungsplan_anteil")
    assert shares == sorted(_anteil(r) for r in TEILE.values())
    sums = [r for r in readings if r.typ == "finanzierungsplan_summe"]
    if shape == "total below":
        assert sums == []  # „Summe | 100 % | …“ is the column's sum, read by the recogniser of sum rows before
    else:
        (summe,) = sums
        parts, result = werte(summe)
        assert result == GESAMT == sum(parts) and sorted(parts) == shares
    code, report, _ = check(capsys, write(tmp_path, "t.txt", _text(shape)))
    assert code == 0 and len(by_status(report, "stimmt")) == 3


@pytest.mark.parametrize("shape", SHAPES)
def test_an_amount_that_misses_its_rate_is_the_one_slip(tmp_path, capsys, shape):
    typed = _anteil(TEILE["Fördermittel"]) - 10_000
    code, report, _ = check(capsys, write(tmp_path, "t.txt", _text(shape, betrag={"Fördermittel": typed})))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["getippt"] == euro(typed) and fehler["nachgerechnet"] == euro(GESAMT * 75 / 100)


def test_a_rate_that_misses_where_the_amounts_add_up_is_a_slip_of_the_rate(tmp_path, capsys):
    # 70 % and 25 % make 95 %: the parts may not be all of it – no plan is read, no slip claimed
    code, report, _ = check(capsys, write(tmp_path, "t.txt", _text("plain", rate={"Fördermittel": Fraction(70)})))
    assert code == 0 and by_status(report, "Fehler") == []
    # 70 % and 30 %: a plan whose amounts add up – both rates miss their amounts' shares
    code, report, _ = check(
        capsys,
        write(tmp_path, "t.txt", _text("plain", rate={"Fördermittel": Fraction(70), "Eigenanteil": Fraction(30)})),
    )
    fehler = by_status(report, "Fehler")
    assert code == 1 and sorted(b["nachgerechnet"] for b in fehler) == sorted(
        f"{zahl(r)}\u00a0%" for r in TEILE.values()
    )


def test_a_total_that_misses_while_every_part_is_its_share_of_the_others_is_the_slip(tmp_path, capsys):
    typed = GESAMT + 10_000
    text = _text("colon", gesamt=typed, betrag={n: _anteil(r) for n, r in TEILE.items()})
    code, report, _ = check(capsys, write(tmp_path, "t.txt", text))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["getippt"] == euro(typed) and fehler["nachgerechnet"] == euro(GESAMT)


def test_rates_a_plan_rounds_hold_as_the_share_the_amount_gives(tmp_path, capsys):
    """aa01: 90 % of 524.075 € are 471.667,50 €, typed 471.675 € – 90,0014 %, the rate rounded: no slip."""
    gesamt, bund, eigen = Fraction(524_075), Fraction(471_675), Fraction(52_400)
    assert bund + eigen == gesamt and rund(bund / gesamt * 100) == 90 and gesamt * 90 / 100 != bund
    text = f"Gesamtausgaben: {euro(gesamt)}\nBundesmittel 90%: {euro(bund)}\nEigenanteil 10%: {euro(eigen)}\n"
    code, report, _ = check(capsys, write(tmp_path, "t.txt", text))
    assert code == 0 and len(by_status(report, "stimmt")) == 3 and by_status(report, "Fehler") == []


@pytest.mark.parametrize(
    "text",
    [
        # rates that are no shares: Hebesätze beside amounts
        "Steueraufkommen gesamt 1.500.000 €\nGrundsteuer A 350 % 200.000 €\nGewerbesteuer 380 % 1.300.000 €\n",
        # a change, signed
        "Gesamtkosten 240.000 €\nPersonal -25 % 60.000 €\nSachkosten 125 % 180.000 €\n",
        # the line above names no total
        "Zuschuss des Landes 240.000 €\nFördermittel 75 % 180.000 €\nEigenanteil 25 % 60.000 €\n",
        # a line of the parts with a third figure (a year)
        "Gesamtkosten 240.000 €\nFördermittel 2026 75 % 180.000 €\nEigenanteil 25 % 60.000 €\n",
        # one part only
        "Gesamtkosten 240.000 €\nFördermittel 100 % 240.000 €\n",
    ],
)
def test_what_is_no_plan_is_not_read(tmp_path, text):
    assert erkannt(tmp_path, "finanzierungsanteile", text) == []


def test_a_run_longer_than_the_bound_is_not_read(tmp_path):
    """Thirteen parts of 1/13 each: beyond the twelve a plan is read with – no reading, and no long look."""
    part = rund(GESAMT / 13)
    rate = Fraction(100, 13)
    lines = "".join(f"Teil {i} {zahl(rate, 2)} % {euro(part)}\n" for i in range(13))
    assert erkannt(tmp_path, "finanzierungsanteile", f"Gesamtkosten {euro(GESAMT)}\n{lines}") == []
