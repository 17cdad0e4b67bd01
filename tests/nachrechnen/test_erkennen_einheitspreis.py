"""erkennen/einheitspreis.py for itself: a price per unit, a count after „bei“ and the amount they make, in one
sentence, as new users write it. Figures with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import euro, zahl

SAETZE = (  # sentence with {preis}, {anzahl}, {betrag}; price, count, places
    (
        "Hinzu kommen Sachkosten von {preis} je Stelle, bei {anzahl} Stellen also {betrag}.\n",
        Fraction(9_700),
        Fraction(4),
        0,
    ),
    ("Die Kaltmiete beträgt {preis}/m², bei {anzahl} m² also {betrag} im Monat.\n", Fraction(12), Fraction(290), 2),
    (
        "Die Pauschale beträgt {preis} pro Platz, für 96 Plätze ergeben sich {betrag}.\n",
        Fraction("71.25"),
        Fraction(96),
        2,
    ),
)


def _satz(satz: str, preis: Fraction, anzahl: Fraction, stellen: int, betrag: Fraction) -> str:
    return satz.format(
        preis=euro(preis, cent=stellen == 2),
        anzahl=zahl(anzahl, 1 if anzahl % 1 or anzahl == 4 else 0),
        betrag=euro(betrag, cent=stellen == 2),
    )


def test_the_amount_is_the_count_times_the_price_per_unit(tmp_path, capsys):
    for satz, preis, anzahl, stellen in SAETZE:
        (reading,) = erkannt(tmp_path, "einheitspreis", _satz(satz, preis, anzahl, stellen, anzahl * preis))
        assert werte(reading) == ([anzahl, preis], anzahl * preis)
        falsch = _satz(satz, preis, anzahl, stellen, anzahl * preis + 360)
        code, report, _ = check(capsys, write(tmp_path, "e.txt", falsch))
        (fehler,) = by_status(report, "Fehler")
        assert code == 1 and Fraction(fehler["werte"]["nachgerechnet"]) == anzahl * preis


def test_sentences_that_do_not_restate_the_product_are_not_read(tmp_path):
    texte = (
        # no „bei“: the count is something else
        "Sachkosten von 9.700 € je Stelle und 4,0 Stellen in der Verwaltung, dazu 38.800 € für Sachmittel.\n",
        # no word that restates: the amount after the count is another amount
        "Sachkosten von 9.700 € je Stelle, bei 4,0 Stellen fallen weitere 38.800 € an.\n",
        # the price names no unit
        "Sachkosten von 9.700 €, bei 4,0 Stellen also 38.800 €.\n",
    )
    for text in texte:
        assert erkannt(tmp_path, "einheitspreis", text) == [], text
