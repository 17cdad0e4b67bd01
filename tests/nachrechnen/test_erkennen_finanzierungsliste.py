"""erkennen/finanzierungsliste.py for itself: the Betriebskosten of a new Kita and their Finanzierung as a list under
them, without a total of its own – the Eigenanteil is the total less the other items, the Landeszuschuss the total
times the rate its label names. Before, a slip in any of them was only „nicht geprüft“ (exit 0). A helper wrote it as
a new user; every expected value is worked out here with Fraction. Hostile: a list under a heading that names
something else with text between (only a doubt), a last item that is no rest, a heading with no total above."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import rund, zahl

PERSONAL, SACH = Fraction(1125, 100) * 64_900, Fraction(5 * 18_400)
GESAMT = PERSONAL + SACH  # 822.125
SATZ = Fraction(41)
LAND = rund(GESAMT * SATZ / 100)  # 337.071
ELTERN = Fraction(98_000)
EIGEN = GESAMT - LAND - ELTERN  # 387.054


def _vorlage(satz: Fraction = SATZ, land: Fraction = LAND, eigen: Fraction = EIGEN, kopf: str = "") -> str:
    kopf = kopf or "Finanzierung der Betriebskosten:"
    return (
        "Die jährlichen Betriebskosten werden so geschätzt:\n\n"
        f"- Personalkosten: {zahl(PERSONAL)} €\n- Sachkosten: {zahl(SACH)} €\n- Betriebskosten gesamt: {zahl(GESAMT)} €\n\n"
        f"{kopf}\n\n- Landeszuschuss nach KiBiz ({zahl(satz)} %): {zahl(land)} €\n"
        f"- Elternbeiträge (geschätzt): {zahl(ELTERN)} €\n- Eigenanteil der Stadt: {zahl(eigen)} €\n"
    )


def test_the_eigenanteil_is_the_rest_and_the_rate_the_share(tmp_path, capsys):
    assert GESAMT == 822_125 and EIGEN == 387_054
    readings = erkannt(tmp_path, "finanzierungsliste", _vorlage())
    assert sorted(werte(r)[1] for r in readings) == sorted([LAND, EIGEN])  # the item from its rate, the rest
    code, report, _ = check(capsys, write(tmp_path, "a.md", _vorlage()))
    assert code == 0 and by_status(report, "Fehler") == []


def test_a_rate_typed_wrong_is_the_slip(tmp_path, capsys):
    # 43 % for 41 %: the item does not round to the rate typed – the rate is named (both stand on line 9)
    code, report, _ = check(capsys, write(tmp_path, "a.md", _vorlage(satz=Fraction(43))))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 9 and Fraction(slip["werte"]["nachgerechnet"]) == SATZ
    assert by_status(report, "Folgefehler") == []


def test_an_amount_typed_wrong_is_the_slip_and_the_rest_holds_once_it_is_corrected(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "a.md", _vorlage(land=LAND + 100)))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 9 and Fraction(slip["werte"]["nachgerechnet"]) == LAND
    (rest,) = [b for b in report["befunde"] if b["zeile"] == 11]
    assert rest["status"] == "stimmt" and rest["hinweis"] == "stimmt, sobald der Fehler in Z. 9 berichtigt ist"


def test_an_eigenanteil_typed_wrong_is_the_slip(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "a.md", _vorlage(eigen=EIGEN + 1_000)))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 11 and Fraction(slip["werte"]["nachgerechnet"]) == EIGEN


# hostile


def test_a_heading_that_names_something_else_with_text_between_is_a_doubt_only(tmp_path, capsys):
    text = _vorlage(
        eigen=EIGEN + 1_000, kopf="Die Stadt plant daneben weitere Schritte.\n\nFinanzierung des Vorhabens:"
    )
    code, report, _ = check(capsys, write(tmp_path, "a.md", text))
    assert code == 0 and by_status(report, "Fehler") == []
    (zweifel,) = by_status(report, "nicht eindeutig")
    assert zweifel["zeile"] == 13 and "welche Summe die Finanzierung deckt" in zweifel["hinweis"]


def test_a_last_item_that_is_no_rest_is_not_read_as_one(tmp_path):
    text = _vorlage().replace("Eigenanteil der Stadt", "Spenden des Fördervereins")
    assert [r for r in erkannt(tmp_path, "finanzierungsliste", text) if r.formel == "summe"] == []


def test_a_heading_without_a_total_above_is_not_read(tmp_path):
    text = "Finanzierung:\n\n- Land: 400.000 €\n- Eigenanteil: 100.000 €\n"
    assert erkannt(tmp_path, "finanzierungsliste", text) == []
