"""urteil/bestaetigt.py: a Finanzierungsplan whose Summe fails although the same total adds up in the Kostenschätzung
above it, and whose Zuwendung the text confirms as 60 % of the zuwendungsfähige Kosten – the Eigenanteil is the one
part left, the slip. Before, the confirmed Summe was named the slip. A helper found it writing as a new user; the
figures are worked out here with Fraction. Hostile: a total no other reading confirms, two parts open."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, write
from tests.referenz.rechnen import zahl

KOSTEN = {"KG 300 Baukonstruktionen": Fraction(684_230), "KG 400 Technische Anlagen": Fraction(318_745)}
KOSTEN["KG 700 Baunebenkosten"] = Fraction(184_665)
GESAMT = sum(KOSTEN.values())
FAEHIG, QUOTE = Fraction(1_050_000), Fraction(60, 100)
ZUWENDUNG = FAEHIG * QUOTE
EIGENANTEIL = GESAMT - ZUWENDUNG


def _vorlage(eigenanteil: Fraction, kosten: bool = True, zuwendung: Fraction = ZUWENDUNG) -> str:
    text = ""
    if kosten:
        text += "| Kostengruppe | Betrag |\n|---|---:|\n" + "".join(
            f"| {k} | {zahl(v)} € |\n" for k, v in KOSTEN.items()
        )
        text += f"| **Gesamtkosten** | **{zahl(GESAMT)} €** |\n\n"
    text += f"Zuwendungsfähig sind {zahl(FAEHIG)} €. Das Land fördert 60 % der zuwendungsfähigen Kosten, das sind "
    text += f"{zahl(FAEHIG * QUOTE)} €.\n\n| Finanzierung | Betrag |\n|---|---:|\n"
    text += f"| Zuwendung Land | {zahl(zuwendung)} € |\n| Eigenanteil Stadt | {zahl(eigenanteil)} € |\n"
    return text + f"| **Summe** | **{zahl(GESAMT)} €** |\n"


def test_the_one_part_no_reading_confirms_is_the_slip(tmp_path, capsys):
    assert EIGENANTEIL == 557_640
    code, report, _ = check(capsys, write(tmp_path, "ok.md", _vorlage(EIGENANTEIL)))
    assert code == 0 and by_status(report, "Fehler") == []
    code, report, _ = check(capsys, write(tmp_path, "a.md", _vorlage(EIGENANTEIL + 18_000)))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["art"] == "teilfehler" and slip["zeile"] == 13
    assert (Fraction(slip["werte"]["getippt"]), Fraction(slip["werte"]["nachgerechnet"])) == (
        EIGENANTEIL + 18_000,
        EIGENANTEIL,
    )
    (summe,) = [b for b in report["befunde"] if b["zeile"] == 14]
    assert summe["status"] == "stimmt" and summe["hinweis"] == "stimmt, sobald der Fehler in Z. 13 berichtigt ist"


def test_a_total_no_other_reading_confirms_stays_the_slip(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "a.md", _vorlage(EIGENANTEIL + 18_000, kosten=False)))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["art"] != "teilfehler" and Fraction(slip["werte"]["getippt"]) == GESAMT


def test_two_parts_open_leave_the_total_the_slip(tmp_path, capsys):
    # the Zuwendung typed 630.500 in the table: no reading confirms it there, nor its value elsewhere
    text = _vorlage(EIGENANTEIL + 18_000, zuwendung=ZUWENDUNG + 500)
    code, report, _ = check(capsys, write(tmp_path, "a.md", text))
    assert code == 1 and [b for b in report["befunde"] if b["art"] == "teilfehler"] == []
