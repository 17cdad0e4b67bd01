"""erkennen/anteilsatz.py for itself: „Der Eigenanteil entspricht 47,0 % der Gesamtkosten.“ under a Kostenschätzung
and a Finanzierungsplan that name both amounts – the rate is the one in percent of the other. Before, the rate was
only „nicht geprüft“. Figures worked out here with Fraction; hostile: a noun that names two amounts, a whole of
another year, a sentence that names its amounts itself."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import rund, zahl

GESAMT, ZUWENDUNG = Fraction(1_187_640), Fraction(630_000)
EIGEN = GESAMT - ZUWENDUNG
QUOTE = rund(EIGEN / GESAMT * 100, Fraction(1, 10))


def _vorlage(satz: str, quote: Fraction = QUOTE) -> str:
    return (
        f"| Kostengruppe | Betrag |\n|---|---|\n| Bauwerk | {zahl(GESAMT)} € |\n| **Gesamtkosten** | **{zahl(GESAMT)} €** |\n\n"
        f"| Finanzierung | Betrag |\n|---|---|\n| Zuwendung Land | {zahl(ZUWENDUNG)} € |\n"
        f"| Eigenanteil Stadt | {zahl(EIGEN)} € |\n\n" + satz.format(zahl(quote, 1)) + "\n"
    )


SATZ = "Der Eigenanteil entspricht {} % der Gesamtkosten."


def test_the_rate_of_two_named_amounts(tmp_path, capsys):
    (reading,) = erkannt(tmp_path, "anteilsatz", _vorlage(SATZ))
    assert werte(reading) == ([EIGEN, GESAMT], QUOTE)
    code, report, _ = check(capsys, write(tmp_path, "a.md", _vorlage(SATZ, QUOTE + 2)))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and Fraction(slip["werte"]["nachgerechnet"]) == QUOTE


def test_a_noun_that_names_two_amounts_leaves_it_open(tmp_path):
    text = _vorlage(SATZ).replace("| Bauwerk |", "| Gesamtkosten Vorentwurf |")
    text = text.replace(f"| Gesamtkosten Vorentwurf | {zahl(GESAMT)} € |", "| Gesamtkosten Vorentwurf | 1.000.000 € |")
    assert erkannt(tmp_path, "anteilsatz", text) == []


def test_a_whole_of_another_year_is_not_read(tmp_path):
    assert (
        erkannt(tmp_path, "anteilsatz", _vorlage("Der Eigenanteil entspricht {} % der Gesamtkosten des Vorjahres."))
        == []
    )


def test_a_sentence_with_its_own_amounts_is_left_to_the_rates_beside_them(tmp_path):
    satz = "Der Eigenanteil entspricht {} % der Gesamtkosten von 1.000.000 €."
    assert erkannt(tmp_path, "anteilsatz", _vorlage(satz)) == []


def test_an_amount_of_a_later_sentence_of_the_paragraph_is_none_of_its_own(tmp_path, capsys):
    """„… der Gesamtkosten. Je Platz entstehen Kosten von 29.691 €.“: the amount stands in another sentence of the
    paragraph; the rate is still read (before, any amount in the line left it „nicht geprüft“)."""
    je_platz = zahl(GESAMT / 40)
    satz = SATZ + f" Je Platz entstehen Kosten von {je_platz} €."
    (reading,) = erkannt(tmp_path, "anteilsatz", _vorlage(satz))
    assert werte(reading) == ([EIGEN, GESAMT], QUOTE)
    falsch = _vorlage(satz, quote=QUOTE + 5)
    code, report, _ = check(capsys, write(tmp_path, "a.md", falsch))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and Fraction(fehler["werte"]["nachgerechnet"]) == QUOTE
