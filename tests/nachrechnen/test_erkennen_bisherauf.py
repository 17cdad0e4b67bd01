"""erkennen/bisherauf.py for itself: a Nachtragssatzung's change in one sentence, the old amount first, in the shape
of k14 of the corpus's Zusatz (a Thuringian Gemeinde's first Nachtragshaushaltssatzung 2024). Every expected figure
is worked out here with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import zahl

BISHER, WENIGER, MEHR = Fraction(3_420_000), Fraction(460_000), Fraction(110_000)


def _satz(neu: Fraction, mitte: str = "sie werden um -{w} € vermindert / {m} € -erhöht und") -> str:
    mitte = mitte.format(w=zahl(WENIGER, 2), m=zahl(MEHR, 2))
    return (
        "§ 3\nDie Verpflichtungsermächtigungen lagen bisher bei "
        f"{zahl(BISHER, 2)} €, {mitte} auf {zahl(neu, 2)} € neu festgesetzt.\n§ 4\n"
    )


def test_the_new_amount_is_the_old_less_what_is_lowered_plus_what_is_raised(tmp_path):
    neu = BISHER - WENIGER + MEHR
    assert neu == 3_070_000  # the page's 3.070.000,00 €
    (reading,) = erkannt(tmp_path, "bisherauf", _satz(neu))
    assert werte(reading) == ([BISHER, -WENIGER, MEHR], neu) and reading.vorzeichen == [1, -1, 1]
    assert reading.sicher and reading.ergebnis.zeile.nr == 2


def test_a_new_amount_that_misses_is_a_slip(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "n.txt", _satz(Fraction(3_170_000))))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 2 and Fraction(fehler["werte"]["nachgerechnet"]) == BISHER - WENIGER + MEHR


def test_sentences_of_another_shape_read_nothing(tmp_path):
    neu = BISHER - WENIGER + MEHR
    for mitte in (
        "sie werden um -{w} € und {m} € geändert und",  # no verb after the amounts: which way is not said
        "sie werden um -{w} € vermindert, daneben stehen {m} € bereit, und",  # an amount without its verb between
        "sie werden weder vermindert noch erhöht und",  # no change at all
    ):
        assert erkannt(tmp_path, "bisherauf", _satz(neu, mitte)) == [], mitte
    # the new amount must be set („festgesetzt“), not merely mentioned after „auf“
    text = _satz(neu).replace("neu festgesetzt", "verwiesen; das Nähere regelt die Anlage")
    assert erkannt(tmp_path, "bisherauf", text) == []


def test_the_old_amount_as_the_bisherige_festsetzung(tmp_path):
    # q02 of the Zusatz: „Ausgehend von der bisherigen Festsetzung in Höhe von …“
    alt, weniger, mehr = Fraction(4_524_530), Fraction(2_595_500), Fraction(877_000)
    neu = alt - weniger + mehr
    assert neu == 2_806_030  # the page's 2.806.030,00 €
    text = (
        f"Ausgehend von der bisherigen Festsetzung in Höhe von {zahl(alt, 2)} € wird der Gesamtbetrag der "
        f"Verpflichtungsermächtigungen um -{zahl(weniger, 2)} € vermindert sowie um {zahl(mehr, 2)} € erhöht und so "
        f"auf {zahl(neu, 2)} € neu festgesetzt.\n"
    )
    (reading,) = erkannt(tmp_path, "bisherauf", text)
    assert werte(reading) == ([alt, -weniger, mehr], neu)
