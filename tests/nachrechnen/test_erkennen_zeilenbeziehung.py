"""erkennen/zeilenbeziehung.py for itself: a row the columns show to be the difference or the sum of two rows above
it (c01 of the corpus's Zusatz, Gemeinde Sülzetal: „Ordentliche Erträge | Ordentliche Aufwendungen | Ordentliches
Ergebnis“ over six years; e05, Hessischer Rechnungshof: „Erlöse“ = „Einnahmen aus Gebühren“ + „Landesmittel“).
Every expected value is worked out here with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, werte, write
from tests.referenz.rechnen import zahl
from vorlagen.nachrechnen.aufbau.dokument import aufbauen
from vorlagen.nachrechnen.erkennen import inzeile, zeilenbeziehung
from vorlagen.nachrechnen.lesen import einheitzeile
from vorlagen.nachrechnen.lesen.datei import read

TSD = 1000  # „17.061 T€“ is 17.061.000 €

ERTRAEGE = [Fraction(v) for v in (17_061, 15_464, 18_479, 28_155, 19_826, 28_291)]
AUFWENDUNGEN = [Fraction(v) for v in (19_166, 20_658, 22_704, 31_722, 23_041, 32_227)]


def _zeile(name: str, values: list[Fraction], einheit: str = " T€") -> str:
    return f"| {name} | " + " | ".join(f"{zahl(v)}{einheit}" for v in values) + " |\n"


def _gelesen(tmp_path, text: str) -> list:
    """The module's readings by itself, with no reading before it (in the pipeline it runs late: a row another form
    explains keeps that reading)."""
    zeilen = einheitzeile.join(read(write(tmp_path, "v.txt", text)))
    dokument = aufbauen(zeilen, [inzeile.recognise(zeile) for zeile in zeilen])
    return zeilenbeziehung.recognise(dokument.zeilen_reihen, ())


def _ergebnis(ergebnis: list[Fraction] | None = None, spalten: int = 6) -> str:
    ergebnis = ergebnis or [e - a for e, a in zip(ERTRAEGE, AUFWENDUNGEN, strict=True)]
    jahre = " | ".join(str(2016 + i) for i in range(spalten))
    return (
        f"|  | {jahre} |\n|---|"
        + "---|" * spalten
        + "\n"
        + _zeile("Zuweisungen vom Land", ERTRAEGE[:spalten])
        + _zeile("Personalkosten", AUFWENDUNGEN[:spalten])
        + _zeile("Verbleibender Betrag", ergebnis[:spalten])
    )


def test_a_row_the_columns_show_to_be_the_difference_of_two_rows_above(tmp_path, capsys):
    readings = _gelesen(tmp_path, _ergebnis())
    assert [werte(r) for r in readings] == [
        ([e * TSD, a * TSD], (e - a) * TSD) for e, a in zip(ERTRAEGE, AUFWENDUNGEN, strict=True)
    ]
    assert all(r.sicher and "„Verbleibender Betrag“ als „Zuweisungen vom Land“ weniger" in r.art for r in readings)
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _ergebnis()))
    assert code == 0 and by_status(report, "Fehler") == [] and by_status(report, "nicht eindeutig") == []


def test_the_one_column_that_misses_is_a_slip_where_four_hold(tmp_path, capsys):
    richtig = [e - a for e, a in zip(ERTRAEGE, AUFWENDUNGEN, strict=True)]
    falsch = [*richtig[:3], -richtig[3], *richtig[4:]]  # −3.567 typed without its minus
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _ergebnis(falsch)))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 5
    assert (Fraction(slip["werte"]["getippt"]), Fraction(slip["werte"]["nachgerechnet"])) == (
        falsch[3] * TSD,
        richtig[3] * TSD,
    )


def test_three_columns_holding_make_the_fourth_a_doubt_only(tmp_path, capsys):
    richtig = [e - a for e, a in zip(ERTRAEGE, AUFWENDUNGEN, strict=True)]
    falsch = [*richtig[:3], richtig[3] + 100]
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _ergebnis(falsch, spalten=4)))
    assert code == 0 and by_status(report, "Fehler") == []
    (zweifel,) = by_status(report, "nicht eindeutig")
    assert Fraction(zweifel["werte"]["nachgerechnet"]) == richtig[3] * TSD


def test_a_sum_row(tmp_path):
    gebuehren = [Fraction(v) for v in (2_698, 2_524, 2_845, 2_689)]
    landesmittel = [Fraction(v) for v in (18_796, 18_710, 18_694, 18_733)]
    erloese = [g + m for g, m in zip(gebuehren, landesmittel, strict=True)]
    text = (
        "|  | 2016 | 2017 | 2018 | Durchschnitt |\n|---|---|---|---|---|\n"
        + _zeile("Einnahmen aus Gebühren etc.", gebuehren, "")
        + _zeile("Landesmittel", landesmittel, "")
        + _zeile("Erlöse", erloese, "")
    )
    readings = _gelesen(tmp_path, text)
    assert [werte(r) for r in readings] == [([g, m], g + m) for g, m in zip(gebuehren, landesmittel, strict=True)]


def test_a_column_in_percent_and_one_that_numbers_the_rows_take_no_part(tmp_path, capsys):
    # a Summe row under two rows: its rate is no sum of the rates above it (a table vorlagen prints), and the
    # numbers of a scheme's rows are no values
    text = (
        "| Nr. | Posten | Alt | Neu | Differenz | Anteil |\n|---|---|---|---|---|---|\n"
        "| 1 | Zeile 0 | 34.526,79 | 7.041,05 | 27.485,74 | 20,393 % |\n"
        "| 2 | Zeile 1 | 25.310,30 | 12.281,35 | 13.028,95 | 48,523 % |\n"
        "| 3 | Summe | 59.837,09 | 19.322,40 | 40.514,69 | 32,292 % |\n"
    )
    assert Fraction(20_393 + 48_523, 1000) != Fraction(32_292, 1000)
    readings = _gelesen(tmp_path, text)
    sums = [werte(r) for r in readings]  # the Summe row, column by column: Alt, Neu, Differenz only
    assert [result for _, result in sums] == [
        Fraction(5_983_709, 100),
        Fraction(1_932_240, 100),
        Fraction(4_051_469, 100),
    ]
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0 and by_status(report, "Fehler") == [] and by_status(report, "nicht eindeutig") == []


def test_a_run_longer_than_the_bound_is_not_read(tmp_path):
    rows = "".join(_zeile(f"Posten {i}", [Fraction(i)] * 4, "") for i in range(1, 11))
    text = _ergebnis(spalten=4) + rows  # 3 + 10 rows of four values each: thirteen, one above the bound
    assert _gelesen(tmp_path, text) == []


def test_a_document_is_read_within_a_bound(tmp_path, monkeypatch):
    # each table: three rows of four columns, the third the sum of the two above – 4 × 3³ looks; a budget of five
    # tables' looks reads five of the twenty and stops
    a, b = [Fraction(100 + j) for j in range(4)], [Fraction(200 + j) for j in range(4)]
    table = (
        _zeile("Gebühren", a, "") + _zeile("Landesmittel", b, "") + _zeile("Erlöse", [x + y for x, y in zip(a, b)], "")
    )
    monkeypatch.setattr(zeilenbeziehung, "_BUDGET", 5 * 4 * 3**3)
    readings = _gelesen(tmp_path, "\n\n\n".join([table] * 20))
    assert len(readings) == 5 * 4 and len({r.ergebnis.zeile.nr for r in readings}) == 5
