"""erkennen/listensumme.py for itself: a total in prose right after a numbered list, each item with its amount – the
sum of the amounts the items end with, or of the amounts each item names after the sentence's noun. Figures with
Fraction; hostile: a total that does not point back, an item without an amount at its end, a sentence of two
amounts."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import zahl

VEREINE = [
    ("SV Germania – Flutlicht", Fraction(42500), 30),
    ("TuS Eintracht – Kunstrasen", Fraction(87500), 40),
    ("TV Jahn – Umkleiden", Fraction(46050), 40),
]
KOSTEN = sum(k for _, k, _ in VEREINE)
ZUSCHUSS = sum(k * s / 100 for _, k, s in VEREINE)


def _liste(
    zuschuss: Fraction = ZUSCHUSS, satz: str = "Insgesamt werden damit Zuschüsse in Höhe von {} € bewilligt."
) -> str:
    items = "".join(
        f"{n}. {name} (zuwendungsfähige Kosten {zahl(k, 2)} €, Fördersatz {s} %): {zahl(k * s / 100, 2)} €\n"
        for n, (name, k, s) in enumerate(VEREINE, 1)
    )
    return (
        "Die Verwaltung schlägt folgende Zuschüsse vor:\n\n"
        + items
        + f"\nDie zuwendungsfähigen Kosten der drei Vorhaben belaufen sich zusammen auf {zahl(KOSTEN, 2)} €. "
        + satz.format(zahl(zuschuss, 2))
        + "\n"
    )


def test_both_totals_of_the_list(tmp_path, capsys):
    readings = erkannt(tmp_path, "listensumme", _liste())
    assert sorted(werte(r)[1] for r in readings) == sorted([KOSTEN, ZUSCHUSS]) and all(r.sicher for r in readings)
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _liste()))
    assert code == 0 and not by_status(report, "Fehler")


def test_a_total_with_an_item_left_out_is_a_slip(tmp_path, capsys):
    falsch = ZUSCHUSS - VEREINE[2][1] * VEREINE[2][2] / 100
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _liste(zuschuss=falsch)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 7 and Fraction(fehler["werte"]["nachgerechnet"]) == ZUSCHUSS


def test_a_total_that_does_not_point_back_only_confirms(tmp_path):
    satz = "Im Haushalt stehen für die Sportförderung insgesamt {} € bereit."
    (zuschuesse,) = [r for r in erkannt(tmp_path, "listensumme", _liste(Fraction(150000), satz)) if not r.sicher]
    assert werte(zuschuesse)[1] == Fraction(150000)


def test_an_item_without_its_amount_at_the_end_ends_the_list(tmp_path):
    text = _liste().replace("): 35.000,00 €\n", "): 35.000,00 € (Vorjahr 20.000,00 €)\n")
    assert erkannt(tmp_path, "listensumme", text) == []


def test_a_sentence_of_two_amounts_is_not_read(tmp_path):
    satz = "Insgesamt werden damit {} € bewilligt, im Vorjahr waren es 61.000,00 €."
    readings = erkannt(tmp_path, "listensumme", _liste(satz=satz))
    assert [werte(r)[1] for r in readings] == [KOSTEN]
