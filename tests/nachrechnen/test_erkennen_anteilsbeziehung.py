"""A place in percent that the table shows to be the share of one place in another (spaltenbeziehung.py, and
zeilenbeziehung.py turned on its side): a row „Anteil | 60,6 % | 57,6 % | 52,6 %“ under „Ergebnis“ and „Landesmittel“
(e05 of the corpus's Zusatz, Hessischer Rechnungshof), a column „Anteil“ right of „Plan“ and „Ist“. Read only into a
place typed in percent in every row, from two places of amounts; three places at least hold, one at most misses
(a slip where four hold, a doubt where three). Every expected value is worked out here with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, write
from tests.referenz.rechnen import rund, zahl

ERGEBNIS = [Fraction(v) for v in (31_032, 32_472, 35_564, 33_023, 29_870)]
LANDESMITTEL = [Fraction(v) for v in (18_796, 18_710, 18_694, 18_733, 17_402)]
ZEHNTEL = Fraction(1, 10)


def _anteile(teile: list[Fraction], ganze: list[Fraction]) -> list[Fraction]:
    return [rund(t / g * 100, ZEHNTEL) for t, g in zip(teile, ganze, strict=True)]


def _prozent(value: Fraction) -> str:
    return f"{zahl(value, 1)} %"


def _zeilen(anteile: list[Fraction], spalten: int = 5) -> str:
    jahre = " | ".join(str(2016 + i) for i in range(spalten))
    return (
        f"|  | {jahre} |\n|---|"
        + "---|" * spalten
        + "\n"
        + "| Ergebnis | "
        + " | ".join(zahl(v) for v in ERGEBNIS[:spalten])
        + " |\n"
        + "| Landesmittel | "
        + " | ".join(zahl(v) for v in LANDESMITTEL[:spalten])
        + " |\n"
        + "| Anteil | "
        + " | ".join(_prozent(v) for v in anteile[:spalten])
        + " |\n"
    )


def test_a_row_in_percent_the_columns_show_to_be_a_share_of_two_rows_above(tmp_path, capsys):
    anteile = _anteile(LANDESMITTEL, ERGEBNIS)
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _zeilen(anteile)))
    gelesen = [b for b in report["befunde"] if b["zeile"] == 5]
    assert code == 0 and len(gelesen) == 5 and {b["status"] for b in gelesen} == {"stimmt"}
    assert [Fraction(b["werte"]["getippt"]) for b in gelesen] == anteile
    assert all("„Anteil“ als Anteil von „Landesmittel“ an „Ergebnis“ in Prozent" in b["erkannt"] for b in gelesen)


def test_a_share_typed_wrong_is_a_slip_where_four_columns_hold(tmp_path, capsys):
    richtig = _anteile(LANDESMITTEL, ERGEBNIS)
    falsch = [*richtig[:2], richtig[2] + 5, *richtig[3:]]  # 57,6 % typed for 52,6 %
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _zeilen(falsch)))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 5
    assert (Fraction(slip["werte"]["getippt"]), Fraction(slip["werte"]["nachgerechnet"])) == (falsch[2], richtig[2])


def test_one_step_of_the_rounding_off_is_a_doubt_not_a_slip(tmp_path, capsys):
    richtig = _anteile(LANDESMITTEL, ERGEBNIS)
    falsch = [*richtig[:2], richtig[2] + ZEHNTEL, *richtig[3:]]
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _zeilen(falsch)))
    assert code == 0 and by_status(report, "Fehler") == []
    (zweifel,) = by_status(report, "nicht eindeutig")
    assert Fraction(zweifel["werte"]["nachgerechnet"]) == richtig[2]


def test_three_columns_holding_make_the_fourth_a_doubt_only(tmp_path, capsys):
    richtig = _anteile(LANDESMITTEL, ERGEBNIS)
    falsch = [*richtig[:3], richtig[3] + 5]
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _zeilen(falsch, spalten=4)))
    assert code == 0 and by_status(report, "Fehler") == []
    (zweifel,) = by_status(report, "nicht eindeutig")
    assert Fraction(zweifel["werte"]["nachgerechnet"]) == richtig[3]


def test_a_row_of_rates_that_are_no_shares_is_not_read(tmp_path, capsys):
    saetze = [Fraction(v) for v in (19, 7, 19, 7, 19)]  # tax rates beside the amounts: no relation
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _zeilen(saetze)))
    assert code == 0 and [b for b in report["befunde"] if b["zeile"] == 5] == []
    assert {o["zahl"] for o in report["nicht_geprueft"] if o["zeile"] == 5} == {
        _prozent(s).replace(" ", "\u00a0") for s in saetze
    }


def test_a_column_of_rates_beside_the_amounts_still_takes_no_part(tmp_path, capsys):
    # a column in percent in rows of amounts (a Summe row's rate is no sum of the rates above it): the rows are
    # not turned with it, and no row in percent is read from it
    teile = [Fraction(v) for v in (1_200, 3_400, 5_600)]
    gesamt = sum(teile)
    zeilen = "".join(
        f"| {name} | {zahl(t)} | {zahl(2 * t)} | {zahl(3 * t)} | {_prozent(rund(t / gesamt * 100, ZEHNTEL))} |\n"
        for name, t in zip(("A", "B", "C"), teile, strict=True)
    )
    summe = f"| Summe | {zahl(gesamt)} | {zahl(2 * gesamt)} | {zahl(3 * gesamt)} | 100,0 % |\n"
    code, report, _ = check(
        capsys, write(tmp_path, "a.txt", "|  | 2020 | 2021 | 2022 | Anteil |\n|---|---|---|---|---|\n" + zeilen + summe)
    )
    assert code == 0 and by_status(report, "Fehler") == [] and by_status(report, "nicht eindeutig") == []
    assert not any("Anteil von" in b["erkannt"] for b in report["befunde"])


PLAN = [Fraction(v) for v in (250_000, 1_480_000, 96_500, 412_000, 78_250)]
IST = [Fraction(v) for v in (231_418, 1_502_377, 61_090, 399_804, 80_013)]


def _spalten(anteile: list[Fraction], zeilen: int = 5) -> str:
    return "| Produkt | Plan | Ist | Ist in % des Plans |\n|---|---|---|---|\n" + "".join(
        f"| Produkt {i + 1} | {zahl(p)} € | {zahl(s)} € | {_prozent(a)} |\n"
        for i, (p, s, a) in enumerate(zip(PLAN[:zeilen], IST[:zeilen], anteile[:zeilen], strict=True))
    )


def test_a_column_in_percent_the_rows_show_to_be_a_share_of_two_columns_left_of_it(tmp_path, capsys):
    anteile = _anteile(IST, PLAN)
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _spalten(anteile)))
    gelesen = [b for b in report["befunde"] if "Anteil von Spalte 2 an Spalte 1" in b["erkannt"]]
    assert code == 0 and [Fraction(b["werte"]["getippt"]) for b in gelesen] == anteile
    assert {b["status"] for b in gelesen} == {"stimmt"}


def test_a_share_column_typed_wrong_is_a_slip(tmp_path, capsys):
    richtig = _anteile(IST, PLAN)
    falsch = [*richtig[:4], richtig[4] - 10]  # 92,3 % typed for 102,3 %
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _spalten(falsch)))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 7
    assert (Fraction(slip["werte"]["getippt"]), Fraction(slip["werte"]["nachgerechnet"])) == (falsch[4], richtig[4])


def test_a_column_with_a_negative_percentage_is_no_share(tmp_path, capsys):
    anteile = _anteile(IST, PLAN)
    negativ = [*anteile[:4], -anteile[4]]
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _spalten(negativ)))
    assert code == 0 and not any("Anteil von" in b["erkannt"] for b in report["befunde"])
