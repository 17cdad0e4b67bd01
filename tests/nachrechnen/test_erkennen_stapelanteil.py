"""erkennen/stapelanteil.py for itself: an Amtsumlage as a council information system stores it, one cell per line –
the Umlagegrundlage, the rate and the Umlage each alone on its line. Figures with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import zahl

GRUNDLAGE = Fraction(125104000, 100)  # 1.251.040,00
SATZ = Fraction(48)


def _stapel(
    grundlage: Fraction = GRUNDLAGE, satz: Fraction = SATZ, umlage: Fraction | None = None, kopf: str = ""
) -> str:
    umlage = grundlage * satz / 100 if umlage is None else umlage
    kopf = kopf or "tatsächliche Umlagegrundlage"
    return (
        f"Berechnung der Amtsumlage 2022:\n\n{kopf}\n{zahl(grundlage, 2)}\n{zahl(satz)}%\n{zahl(umlage, 2)}\n"
        f"+ Wahrnehmung übertragener Aufgaben\n36.543,00\n{zahl(grundlage * satz / 100 + 36543, 2)}\n"
    )


def test_the_third_line_is_the_base_times_the_rate(tmp_path, capsys):
    (reading,) = erkannt(tmp_path, "stapelanteil", _stapel())
    assert werte(reading) == ([GRUNDLAGE, SATZ], GRUNDLAGE * SATZ / 100) and reading.sicher
    assert reading.ergebnis.zeile.nr == 6
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _stapel()))
    assert code == 0 and not by_status(report, "Fehler")


def test_a_slip_in_the_share_is_named_where_the_words_name_the_base(tmp_path, capsys):
    typed = GRUNDLAGE * SATZ / 100 + 90  # 600.589,20 for 600.499,20: one digit
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _stapel(umlage=typed)))
    (fehler,) = [b for b in by_status(report, "Fehler") if b["zeile"] == 6]
    assert code == 1 and Fraction(fehler["werte"]["nachgerechnet"]) == GRUNDLAGE * SATZ / 100
    # the same lines under words that name no base: a guess that only confirms
    code, report, _ = check(capsys, write(tmp_path, "b.txt", _stapel(umlage=typed, kopf="Gemeinde Prötzel")))
    assert not [b for b in by_status(report, "Fehler") if b["zeile"] == 6]


def test_a_share_in_full_hundreds_is_rounded(tmp_path, capsys):
    grundlage = Fraction(118195100, 100)  # 1.181.951,00 × 48 % = 567.336,48, typed 567.400,00
    exact = grundlage * SATZ / 100
    typed = Fraction(567400)
    assert typed % 100 == 0 and 0 < typed - exact < 100
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _stapel(grundlage, umlage=typed)))
    (rundung,) = [b for b in report["befunde"] if b["zeile"] == 6]
    assert rundung["status"] == "Rundung" and "in vollen Hundert" in rundung["hinweis"]
    # a hundred and more off is no rounding
    code, report, _ = check(capsys, write(tmp_path, "b.txt", _stapel(grundlage, umlage=Fraction(567500))))
    assert [b["zeile"] for b in by_status(report, "Fehler")][:1] == [6]


def test_what_is_no_share_is_not_read(tmp_path):
    # the base raised by the rate: a change („Ansatz 2024 / 3,5 % / Ansatz 2025“)
    raised = _stapel(satz=Fraction(35, 10), umlage=GRUNDLAGE * Fraction(1035, 1000))
    assert erkannt(tmp_path, "stapelanteil", raised) == []
    lowered = _stapel(satz=Fraction(35, 10), umlage=GRUNDLAGE * Fraction(965, 1000))
    assert erkannt(tmp_path, "stapelanteil", lowered) == []
    # far off: another row's figure
    assert erkannt(tmp_path, "stapelanteil", _stapel(umlage=Fraction(36543))) == []
    # words beside a figure: a line of prose, no cell
    prose = "Umlagegrundlage\n1.251.040,00\nbei 48%\n600.499,20\n"
    assert erkannt(tmp_path, "stapelanteil", prose) == []
    # a rate over a hundred, or a share larger than its base
    assert erkannt(tmp_path, "stapelanteil", "Umlagegrundlage\n1.000,00\n150%\n1.500,00\n") == []
