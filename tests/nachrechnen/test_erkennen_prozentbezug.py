"""erkennen/prozentbezug.py for itself: a percentage of a base the text names elsewhere by its noun („Sie entsprechen
67,5 Prozent der Gesamtaufwendungen.“ … „Gesamtaufwendungen in Höhe von 388,26 Millionen Euro“). Every expected
figure is worked out here with Fraction; the press release is h09 of the corpus's Zusatz, re-worded."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import euro, prozent, rund, zahl

TEIL, BASIS = Fraction(26204, 100), Fraction(38826, 100)  # Millionen Euro


def _prozent(teil: Fraction, basis: Fraction) -> str:
    """teil / basis in percent, rounded half up to one decimal, written the German way."""
    return zahl(teil / basis * 100, 1)


def _presse(satz: str, prozent: str, basis: str = "388,26") -> str:
    return (
        "Den größten Posten im Ergebnisplan bilden die Leistungen der Sozial- und Jugendhilfe mit 262,04 Millionen "
        f"Euro. {satz.format(p=prozent)}\n"
        "\n"
        f"391,65 Millionen Euro Gesamterträgen stehen Gesamtaufwendungen in Höhe von {basis} Millionen Euro "
        "gegenüber.\n"
    )


SIE = "Sie entsprechen {p} Prozent der Gesamtaufwendungen."


def test_a_share_of_a_base_named_a_paragraph_on(tmp_path):
    right = _prozent(TEIL, BASIS)
    assert right == "67,5"
    (reading,) = erkannt(tmp_path, "prozentbezug", _presse(SIE, right))
    parts, result = werte(reading)
    assert parts == [TEIL * 10**6, BASIS * 10**6] and result == Fraction(675, 10)
    assert reading.sicher and reading.ergebnis.zeile.nr == 1 and reading.teile[1].zeile.nr == 3


def test_a_slipped_share_after_a_pronoun_is_a_slip(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "p.txt", _presse(SIE, "67,6")))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["art"] == "prozentbezug" and fehler["zeile"] == 1
    assert fehler["nachgerechnet"].startswith(_prozent(TEIL, BASIS))
    assert fehler["erkannt"].startswith("Anteil an „Gesamtaufwendungen“ (Z. 3)")


def test_without_a_pronoun_the_part_from_the_sentence_before_is_only_a_guess(tmp_path, capsys):
    satz = "Am Ende entfallen {p} Prozent der Gesamtaufwendungen auf diesen Bereich."
    (reading,) = erkannt(tmp_path, "prozentbezug", _presse(satz, "67,6"))
    assert not reading.sicher
    code, report, _ = check(capsys, write(tmp_path, "p.txt", _presse(satz, "67,6")))
    assert code == 0 and by_status(report, "Fehler") == []


def test_a_share_named_with_anteil_am(tmp_path):
    text = (
        "Die Kreisumlage ergibt einen Ertrag von 111,93 Millionen Euro. Am Gesamtertrag des Kreises hat sie einen "
        "Anteil von 28,6 Prozent.\n"
        "391,65 Millionen Euro Gesamterträgen stehen Gesamtaufwendungen von 388,26 Millionen Euro gegenüber.\n"
    )
    assert _prozent(Fraction(11193, 100), Fraction(39165, 100)) == "28,6"
    (reading,) = erkannt(tmp_path, "prozentbezug", text)
    parts, result = werte(reading)
    assert parts == [Fraction(11193, 100) * 10**6, Fraction(39165, 100) * 10**6] and result == Fraction(286, 10)


def test_a_noun_named_with_two_amounts_gives_no_base(tmp_path):
    text = _presse(SIE, "67,6") + "Im Vorjahr lagen die Gesamtaufwendungen bei 370,12 Millionen Euro.\n"
    assert erkannt(tmp_path, "prozentbezug", text) == []


def test_a_rounded_base_makes_the_reading_a_guess(tmp_path):
    text = _presse(SIE, "67,6", basis="rund 388,26")
    (reading,) = erkannt(tmp_path, "prozentbezug", text)
    assert not reading.sicher


def test_a_part_before_the_rate_and_the_base_named_right_after_it_in_one_sentence(tmp_path, capsys):
    # a new user's Kita-Defizit: the deficit in percent of the Aufwendungen named in the same sentence
    defizit, aufwendungen = Fraction(658_838), Fraction(1_380_468)
    satz = "Das Defizit von {} entspricht {} der Aufwendungen von {} und ist aus Haushaltsmitteln zu decken.\n"
    richtig = satz.format(euro(defizit), prozent(defizit / aufwendungen, 1), euro(aufwendungen))
    (reading,) = erkannt(tmp_path, "prozentbezug", richtig)
    assert werte(reading) == ([defizit, aufwendungen], rund(defizit / aufwendungen * 100, Fraction(1, 10)))
    assert reading.sicher
    falsch = satz.format(
        euro(defizit), prozent(defizit / (aufwendungen - defizit), 1), euro(aufwendungen)
    )  # of the Erträge
    code, report, _ = check(capsys, write(tmp_path, "d.txt", falsch))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["nachgerechnet"] == prozent(defizit / aufwendungen, 1)
