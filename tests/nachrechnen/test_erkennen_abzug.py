"""erkennen/abzug.py (read with the sentences of fliesstext.py): an amount less another said in words – „zieht man
… von B ab, bleiben … C“. The figures are those of i06 of the corpus's Zusatz (Kümmersbruck, Vereinszuschuss),
worked out with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, write
from tests.referenz.rechnen import euro

KOSTEN, EIGENLEISTUNG = Fraction(10000), Fraction(1500)


def _satz(rest: Fraction) -> str:
    return (
        "Im Finanzierungsplan stehen Gesamtkosten von 10 000 Euro; zieht man die geplanten Eigenleistungen von 1500 "
        f"Euro ab, bleiben förderfähige Kosten von {int(rest)} Euro.\n"
    )


def test_what_is_left_after_taking_off(tmp_path, capsys):
    assert KOSTEN - EIGENLEISTUNG == 8500
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _satz(KOSTEN - EIGENLEISTUNG)))
    assert code == 0 and [b["art"] for b in by_status(report, "stimmt")] == ["differenz"]


def test_a_slip_in_what_is_left_is_a_slip(tmp_path, capsys):
    getippt = KOSTEN - EIGENLEISTUNG + 100
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _satz(getippt)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and (fehler["getippt"], fehler["nachgerechnet"]) == (euro(getippt), euro(KOSTEN - EIGENLEISTUNG))


def test_another_figure_between_reads_nothing(tmp_path, capsys):
    text = _satz(KOSTEN - EIGENLEISTUNG + 100).replace("die geplanten", "die für 2019 geplanten")
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0 and by_status(report, "Fehler") == []
