"""erkennen/schluesseltabelle.py for itself: a Schulverband's Umlage distributed by Einwohner in a table with a Summe
row – each amount is the column's total times the row's Einwohner over all Einwohner. Before, the amounts were read
only as the column's sum, so a row typed 100 € off made the Summe the slip. Every expected value is worked out here
with Fraction; the hostile cases are columns that are no distribution (last year's amounts), a key column that does
not add up, two rows off, a share rounded the other way."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import rund, zahl

EINWOHNER = {"Stadt Bergheim": 14_212, "Gemeinde Talhausen": 6_873, "Gemeinde Lindenau": 3_962, "Gemeinde Au": 2_152}
BEDARF = Fraction(864_000)
ALLE = sum(EINWOHNER.values())


def _umlage() -> dict[str, Fraction]:
    return {g: rund(BEDARF * e / ALLE) for g, e in EINWOHNER.items()}


def _tabelle(umlage: dict[str, Fraction], summe: Fraction = BEDARF, spalte: dict[str, Fraction] | None = None) -> str:
    kopf = "| Mitgliedsgemeinde | Einwohner | Umlage 2025 in € |" + (" Umlage 2024 in € |" if spalte else "")
    text = kopf + "\n|---|---|---|" + ("---|" if spalte else "") + "\n"
    for g, e in EINWOHNER.items():
        text += (
            f"| {g} | {zahl(Fraction(e))} | {zahl(umlage[g])} |" + (f" {zahl(spalte[g])} |" if spalte else "") + "\n"
        )
    vorjahr = f" {zahl(sum(spalte.values()))} |" if spalte else ""
    return text + f"| Summe | {zahl(Fraction(ALLE))} | {zahl(summe)} |{vorjahr}\n"


def test_each_amount_is_the_total_distributed_by_the_keys(tmp_path, capsys):
    umlage = _umlage()
    assert sum(umlage.values()) == BEDARF  # the shares add up as rounded
    readings = erkannt(tmp_path, "schluesseltabelle", _tabelle(umlage))
    assert [werte(r) for r in readings] == [
        ([BEDARF, Fraction(e), Fraction(ALLE)], umlage[g]) for g, e in EINWOHNER.items()
    ]
    code, report, _ = check(capsys, write(tmp_path, "a.md", _tabelle(umlage)))
    assert code == 0 and by_status(report, "Fehler") == []


def test_a_row_off_by_100_is_the_slip_and_the_column_total_holds_once_it_is_corrected(tmp_path, capsys):
    umlage = _umlage()
    falsch = {**umlage, "Gemeinde Talhausen": umlage["Gemeinde Talhausen"] + 100}
    code, report, _ = check(capsys, write(tmp_path, "a.md", _tabelle(falsch)))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 4 and Fraction(slip["werte"]["nachgerechnet"]) == umlage["Gemeinde Talhausen"]
    (summe,) = [
        b
        for b in report["befunde"]
        if b["zeile"] == 7
        and b["art"] != "schluesseltabelle"
        and "2025" not in b["art"]
        and b["getippt"].startswith("864")
    ]
    assert summe["status"] == "stimmt" and summe["hinweis"] == "stimmt, sobald der Fehler in Z. 4 berichtigt ist"
    assert by_status(report, "Folgefehler") == []


def test_a_share_rounded_the_other_way_is_a_doubt(tmp_path, capsys):
    # with 2.158 Einwohner in Au the rounded shares make 864.001 €: the Verband rounds Bergheim's share down
    einwohner = {**EINWOHNER, "Gemeinde Au": 2_158}
    alle = sum(einwohner.values())
    umlage = {g: rund(BEDARF * e / alle) for g, e in einwohner.items()}
    assert sum(umlage.values()) == BEDARF + 1
    umlage["Stadt Bergheim"] -= 1
    text = "| Gemeinde | Einwohner | Umlage in € |\n|---|---|---|\n"
    text += "".join(f"| {g} | {zahl(Fraction(e))} | {zahl(umlage[g])} |\n" for g, e in einwohner.items())
    text += f"| Summe | {zahl(Fraction(alle))} | {zahl(BEDARF)} |\n"
    code, report, _ = check(capsys, write(tmp_path, "a.md", text))
    (zweifel,) = by_status(report, "nicht eindeutig")
    assert code == 0 and zweifel["zeile"] == 3 and "andersherum gerundet" in zweifel["hinweis"]


# hostile: columns that are no distribution


def test_last_years_amounts_beside_the_keys_are_no_distribution(tmp_path):
    vorjahr = {g: Fraction(200_000 + 1_000 * i) for i, g in enumerate(EINWOHNER)}
    readings = erkannt(tmp_path, "schluesseltabelle", _tabelle(_umlage(), spalte=vorjahr))
    assert {r.ergebnis.zahl.wert for r in readings} == set(_umlage().values())  # only the 2025 column


def test_a_key_column_that_does_not_add_up_is_no_key(tmp_path):
    text = _tabelle(_umlage()).replace(
        f"| Summe | {zahl(Fraction(ALLE))} |", f"| Summe | {zahl(Fraction(ALLE + 10))} |"
    )
    assert erkannt(tmp_path, "schluesseltabelle", text) == []


def test_two_rows_off_are_not_read(tmp_path):
    umlage = _umlage()
    falsch = {
        **umlage,
        "Gemeinde Talhausen": umlage["Gemeinde Talhausen"] + 100,
        "Gemeinde Au": umlage["Gemeinde Au"] - 50,
    }
    assert erkannt(tmp_path, "schluesseltabelle", _tabelle(falsch)) == []


def test_three_rows_and_a_column_total_that_misses_by_the_same_make_the_doubt_a_slip(tmp_path, capsys):
    # three Gemeinden: two rows that hold leave the third a doubt – but the column's total misses by the very 100 €
    # the row misses its share by, and holds with the row's share (urteil/kreuzung.py): the row is the slip
    einwohner = dict(list(EINWOHNER.items())[:3])
    alle = sum(einwohner.values())
    umlage = {g: rund(BEDARF * e / alle) for g, e in einwohner.items()}
    assert sum(umlage.values()) == BEDARF
    text = "| Gemeinde | Einwohner | Umlage in € |\n|---|---|---|\n"
    text += "".join(
        f"| {g} | {zahl(Fraction(e))} | {zahl(umlage[g] + (100 if g == 'Gemeinde Talhausen' else 0))} |\n"
        for g, e in einwohner.items()
    )
    text += f"| Summe | {zahl(Fraction(alle))} | {zahl(BEDARF)} |\n"
    code, report, _ = check(capsys, write(tmp_path, "a.md", text))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 4 and Fraction(slip["werte"]["nachgerechnet"]) == umlage["Gemeinde Talhausen"]
    assert slip["hinweis"] == "die Summe in Z. 6 geht mit dem berichtigten Wert auf"
    assert by_status(report, "nicht eindeutig") == [] and by_status(report, "Folgefehler") == []


def test_a_column_of_shares_two_columns_right_of_its_amounts(tmp_path, capsys):
    # a Teilhaushalt: 2024 | 2025 | Veränderung | Anteil in % (of 2025) – the share column is not beside its amounts
    zeilen = {
        "Personal": (Fraction(3_412_600), Fraction(3_598_200)),
        "Sach": (Fraction(1_208_400), Fraction(1_164_900)),
    }
    zeilen["Transfer"] = (Fraction(9_874_300), Fraction(10_412_750))
    summe = sum(neu for _, neu in zeilen.values())
    text = "| Aufwand | 2024 | 2025 | Veränderung | Anteil in % |\n|---|---|---|---|---|\n"
    anteile = {n: rund(neu / summe * 100, Fraction(1, 10)) for n, (_, neu) in zeilen.items()}
    assert sum(anteile.values()) == 100
    for n, (alt, neu) in zeilen.items():
        text += f"| {n} | {zahl(alt)} | {zahl(neu)} | {zahl(neu - alt)} | {zahl(anteile[n], 1)} |\n"
    alt_summe = sum(alt for alt, _ in zeilen.values())
    text += f"| Summe | {zahl(alt_summe)} | {zahl(summe)} | {zahl(summe - alt_summe)} | 100,0 |\n"
    readings = erkannt(tmp_path, "schluesseltabelle", text)
    assert [werte(r) for r in readings] == [([neu, summe], anteile[n]) for n, (_, neu) in zeilen.items()]
    falsch = text.replace(f"| {zahl(anteile['Sach'], 1)} |", f"| {zahl(anteile['Sach'] + 1, 1)} |")
    # three rows, two that hold: the third a doubt at its line (the Summe row's 100,0 is read by no sum here)
    code, report, _ = check(capsys, write(tmp_path, "a.md", falsch))
    (zweifel,) = by_status(report, "nicht eindeutig")
    assert code == 0 and zweifel["zeile"] == 4 and Fraction(zweifel["werte"]["nachgerechnet"]) == anteile["Sach"]
