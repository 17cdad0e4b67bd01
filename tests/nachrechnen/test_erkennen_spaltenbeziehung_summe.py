"""erkennen/spaltenbeziehung.py, sums: a column the rows show to be the sum of two columns left of it, with the signs
as typed (e02 of the corpus's Zusatz, Sächsischer Rechnungshof: „Rückgang der Gewerbesteuern … | Summe der
Zuweisungen | Ausgleich der Steuermindereinnahmen“ – the Ausgleich is the Rückgang, typed negative, plus the
Zuweisungen). Every expected value is worked out here with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import zahl

ZEILEN = {  # Rückgang ggü. Vorjahr, Rückgang ggü. Plan, Zuweisungen
    "Summe Kreisfreie Städte": (Fraction(-156_900_382), Fraction(-160_614_017), Fraction(128_986_326)),
    "Chemnitz": (Fraction(-13_535_150), Fraction(-17_054_725), Fraction(15_147_832)),
    "Dresden": (Fraction(-40_728_864), Fraction(-55_915_840), Fraction(37_300_887)),
    "Leipzig": (Fraction(-102_636_368), Fraction(-87_643_452), Fraction(76_537_606)),
    "Stichprobe kreisangehörige Kommunen": (Fraction(-51_388_778), Fraction(-26_357_623), Fraction(48_428_356)),
}


def _tabelle(ausgleich: dict[str, Fraction] | None = None) -> str:
    lines = [
        "| Kommunen | Rückgang ggü. Vorjahr | Rückgang ggü. Plan | Zuweisungen | Ausgleich |",
        "|---|---|---|---|---|",
    ]
    for name, (vorjahr, plan, zuweisung) in ZEILEN.items():
        aus = (ausgleich or {}).get(name, vorjahr + zuweisung)
        lines.append(f"| {name} | {zahl(vorjahr)} | {zahl(plan)} | {zahl(zuweisung)} | {zahl(aus)} |")
    return "\n".join(lines) + "\n"


def test_a_column_the_rows_show_to_be_a_sum_with_signs(tmp_path, capsys):
    readings = erkannt(tmp_path, "spaltenbeziehung", _tabelle())
    assert [werte(r) for r in readings] == [([v, z], v + z) for v, _, z in ZEILEN.values()]
    assert all(r.formel == "saldo" and r.vorzeichen == [1, 1] and not r.betrag for r in readings)
    code, report, _ = check(capsys, write(tmp_path, "t.txt", _tabelle()))
    assert code == 0 and by_status(report, "Fehler") == [] and by_status(report, "nicht eindeutig") == []


def test_a_sum_whose_sign_slipped_is_a_slip_where_four_others_hold(tmp_path, capsys):
    vorjahr, _, zuweisung = ZEILEN["Leipzig"]
    falsch = -(vorjahr + zuweisung)  # 26.098.762 typed without its minus
    code, report, _ = check(capsys, write(tmp_path, "t.txt", _tabelle({"Leipzig": falsch})))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 6
    assert Fraction(slip["werte"]["getippt"]) == falsch
    assert Fraction(slip["werte"]["nachgerechnet"]) == vorjahr + zuweisung


def test_three_rows_are_not_enough_to_call_the_fourth_a_slip(tmp_path, capsys):
    zeilen = dict(list(ZEILEN.items())[:4])
    text = "\n".join(
        f"| {name} | {zahl(v)} | {zahl(p)} | {zahl(z)} | {zahl(v + z + (1000 if name == 'Leipzig' else 0))} |"
        for name, (v, p, z) in zeilen.items()
    )
    code, report, _ = check(capsys, write(tmp_path, "t.txt", text + "\n"))
    assert code == 0 and by_status(report, "Fehler") == []
