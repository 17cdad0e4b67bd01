"""erkennen/verdopplung.py for itself: „die 10.000 € auf 20.000 € zu verdoppeln“ – the second amount is twice (or,
halved, half) the first; a pair that does not fit is „nicht eindeutig“, never a slip. Every expected figure is worked
out here with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write


def test_a_doubling_after_the_pair(tmp_path):
    text = "Die Gremien hatten bestätigt, die 10.000 € auf 20.000 € zu verdoppeln.\n"
    (reading,) = erkannt(tmp_path, "verdopplung", text)
    parts, result = werte(reading)
    assert parts == [Fraction(10000)] and result == Fraction(20000) == 2 * parts[0]


def test_a_doubling_and_a_halving_before_the_pair(tmp_path):
    text = (
        "Die Verdopplung der Mittel von 12.500,50 € auf 25.001,00 € ist beschlossen. "
        "Der Zuschuss wird halbiert von 8.000 € auf 4.000 €.\n"
    )
    verdoppelt, halbiert = erkannt(tmp_path, "verdopplung", text)
    assert werte(verdoppelt) == ([Fraction(1250050, 100)], Fraction(2500100, 100))
    assert Fraction(2500100, 100) == 2 * Fraction(1250050, 100)
    assert werte(halbiert) == ([Fraction(8000)], Fraction(4000)) and Fraction(4000) == Fraction(8000) / 2


def test_a_pair_that_is_no_double_is_unsure_not_a_slip(tmp_path, capsys):
    code, report, _ = check(
        capsys, write(tmp_path, "v.txt", "Der Rat hat beschlossen, die 10.000 € auf 25.000 € zu verdoppeln.\n")
    )
    assert code == 0 and by_status(report, "Fehler") == []
    (zweifel,) = by_status(report, "nicht eindeutig")
    assert Fraction(zweifel["werte"]["getippt"]) == Fraction(25000) and 2 * Fraction(10000) == Fraction(20000)


def test_no_doubling_where_the_words_do_not_say_it(tmp_path, capsys):
    cases = [
        "Die Mittel wurden mehr als verdoppelt, von 10.000 € auf 25.000 €.\n",  # a hedge
        "Der Ansatz steigt von 10.000 € auf 20.000 €.\n",  # no doubling word
        "Die Zahl der Kinder hat sich verdoppelt. Der Ansatz steigt von 10.000 € auf 25.000 €.\n",  # another sentence
        "Die Fallzahlen von 2019 auf 2023 verdoppelten sich; die Kosten lagen 2023 bei 10.000 € und 25.000 €.\n",
        "Verdopplung: Seite 12, Haushaltsstelle 2141.54001, 10.000 € und 30.000 € stehen nur zusammen.\n",
    ]
    for text in cases:
        assert erkannt(tmp_path, "verdopplung", text) == [], text
        code, report, _ = check(capsys, write(tmp_path, "v.txt", text))
        assert code == 0 and by_status(report, "Fehler") == [], text
