"""urteil/eingaben.py for itself: a row product wrong by its figures whose typed result the column's sum confirms –
the slip is among the figures it is worked out of (a kWh typed with a digit missing), so its recomputed value is no
correction: the sum is no Folgefehler. Figures with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, write
from tests.referenz.rechnen import rund, zahl

CENT = Fraction(1, 100)
ZEILEN = [
    ("Rathaus", 86_400, Fraction("0.2874")),
    ("Schule", 124_950, Fraction("0.2874")),
    ("Hort", 31_200, Fraction("0.2874")),
]


def _tabelle(kwh_getippt: dict[int, int], kosten_getippt: dict[int, Fraction], summe: Fraction | None = None) -> str:
    text = "| Liegenschaft | Verbrauch kWh | Preis je kWh | Kosten |\n|---|---|---|---|\n"
    kosten = []
    for i, (name, kwh, preis) in enumerate(ZEILEN):
        betrag = kosten_getippt.get(i, rund(kwh * preis, CENT))
        kosten.append(betrag)
        text += f"| {name} | {zahl(kwh_getippt.get(i, kwh))} | {zahl(preis, 4)} € | {zahl(betrag, 2)} € |\n"
    return text + f"| Summe | | | {zahl(sum(kosten) if summe is None else summe, 2)} € |\n"


def test_a_count_typed_wrong_under_a_sum_that_holds_blames_the_rows_figures(tmp_path, capsys):
    _, kwh, preis = ZEILEN[1]
    code, report, _ = check(capsys, write(tmp_path, "k.md", _tabelle({1: 12_495}, {})))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 4 and Fraction(fehler["werte"]["getippt"]) == rund(kwh * preis, CENT)
    assert fehler["hinweis"] == (
        f"{zahl(rund(kwh * preis, CENT), 2)}\u00a0€ geht in der Summe in Z. 6 auf: falsch ist eher eine der Zahlen, aus "
        "denen es gerechnet ist"
    )
    assert by_status(report, "Folgefehler") == [] and fehler["folgen"] == []


def test_a_product_typed_wrong_that_the_sum_misses_stays_the_slip_of_the_row(tmp_path, capsys):
    # the sum is worked out of the right product: the typed product is wrong, and the sum does not confirm it
    _, kwh, preis = ZEILEN[1]
    richtig = rund(kwh * preis, CENT)
    text = _tabelle({}, {1: richtig + 9}, summe=sum(rund(k * p, CENT) for _, k, p in ZEILEN))
    code, report, _ = check(capsys, write(tmp_path, "p.md", text))
    fehler = by_status(report, "Fehler")
    assert code == 1 and [f["zeile"] for f in fehler] == [4]
    assert Fraction(fehler[0]["werte"]["nachgerechnet"]) == richtig and "geht in der Summe" not in fehler[0]["hinweis"]
