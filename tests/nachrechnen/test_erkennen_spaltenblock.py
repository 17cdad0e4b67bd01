"""erkennen/spaltenblock.py for itself: a table stored column by column – the labels, then the amounts one a line,
then the explanations, then „Summe“ and its amount – in the shape of i04 of the corpus's Zusatz (a Landkreis's
Deckung of an over-run in its Jugendhilfe). Every expected figure is worked out here with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import zahl

BEITRAEGE = [200_000, 10_000, 100_000, 20_000, 75_000, 100_000, 19_000, 10_000, 75_000, 68_900]  # i04
BEREICHE = ["SG 23 Jugendamt", "SG L1 Sachausgaben", "SG 11 Personal", "SG 13 Wirtschaftsförderung", "SG 14 ÖPNV",
            "SG 20 Schülerbeförderung", "SG 30 Ordnung", "Abt. 7 Gesundheitsamt", "UA 5100 Krankenhausumlage",
            "UA 9141 Deckungsreserve"]  # fmt: skip


def _spalten(summe: Fraction, zwischen: str = "") -> str:
    erlaeuterungen = ["Mehreinnahmen UA 45,46", "Sachausgaben Landratsamt", "Deckungsreserve und Budget"]
    zeilen = ["Bereich", "Deckungsbeitrag", "Erläuterung", *BEREICHE]
    zeilen += [f"{zahl(Fraction(b))} €" for b in BEITRAEGE] + erlaeuterungen + ([zwischen] if zwischen else [])
    zeilen += ["Summe", f"{zahl(summe)} €", "Der Landrat führt aus, die Mehrausgaben gingen auf die Fallzahlen zurück."]
    return "\n\n".join(zeilen) + "\n"


def test_the_total_after_a_column_stored_one_cell_a_line_is_its_sum(tmp_path):
    summe = sum(map(Fraction, BEITRAEGE))
    assert summe == 677_900  # the page's 677.900 €
    (reading,) = erkannt(tmp_path, "spaltenblock", _spalten(summe))
    parts, result = werte(reading)
    assert parts == [Fraction(b) for b in BEITRAEGE] and result == sum(parts)
    assert reading.ergebnis.zeile.nr == 2 * (3 + 10 + 10 + 3 + 1) + 1


def test_a_total_that_misses_is_a_doubt_the_column_may_not_be_all(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "s.txt", _spalten(Fraction(679_700))))
    assert code == 0 and by_status(report, "Fehler") == []
    (zweifel,) = [b for b in by_status(report, "nicht eindeutig") if Fraction(b["werte"]["getippt"]) == 679_700]
    assert Fraction(zweifel["werte"]["nachgerechnet"]) == sum(map(Fraction, BEITRAEGE))
    assert zweifel["hinweis"] == "ob die Spalte darüber alle Teile der Summe nennt, sagt der Text nicht"


def test_what_is_no_such_column_and_total_is_left_alone(tmp_path):
    summe = Fraction(677_900)
    # an amount between the column and „Summe“: the total may be of that one
    assert erkannt(tmp_path, "spaltenblock", _spalten(summe, "Nachtrag: 5.000 €")) == []
    # „Summe“ far below the column, after more lines of words than the column has cells
    assert erkannt(tmp_path, "spaltenblock", _spalten(summe, "\n\n".join(["Text"] * 14))) == []
    # two cells are no column
    text = "Bereich\n\nA\n\nB\n\n200.000 €\n\n10.000 €\n\nSumme\n\n210.000 €\n"
    assert erkannt(tmp_path, "spaltenblock", text) == []
    # the total in another unit than the cells
    assert erkannt(tmp_path, "spaltenblock", _spalten(summe).replace("677.900 €", "677,9 T€")) == []
