"""erkennen/zaehlliste.py for itself: a count that announces the list of its parts, in the shape of s03 of the
corpus's Zusatz (a Gemeinde's Vollzeitstellen by Bereich, as the press printed them). Every expected figure is worked
out here with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write

TEILE = [127, 190, 15, 53, 35, 19, 37]  # the seven Bereiche of s03
BEREICHE = [
    "im Rathaus",
    "in Kindertagesstätten (pädagogisches Personal)",
    "in Schulen (pädagogisches Personal)",
    "weitere Personen in den Schulen und Kindertagesstätten",
    "im Baubetriebshof",
    "in der Sozialstation",
    "in weiteren Einrichtungen (Jugendhäuser, Bibliothek)",
]


def _liste(gesamt: int, ankuendigung: str = "Diese verteilen sich auf die folgenden Bereiche:") -> str:
    items = "\n".join(f".  {teil} {bereich}" for teil, bereich in zip(TEILE, BEREICHE))
    return (
        "Die Gemeinde plant mit 31,1 Millionen Euro Personalkosten.\n\n"
        f"Derzeit sind {gesamt} Vollzeitstellen in der Gemeinde besetzt. {ankuendigung}\n\n{items}\n\n"
        "Früher waren es rund 400 Mitarbeiter.\n"
    )


def test_the_count_is_the_sum_of_its_list():
    assert sum(map(Fraction, TEILE)) == 476  # the page's 476 Vollzeitstellen


def test_an_announced_list_of_counts_adds_up_to_its_count(tmp_path):
    (reading,) = erkannt(tmp_path, "zaehlliste", _liste(476))
    parts, result = werte(reading)
    assert parts == [Fraction(t) for t in TEILE] and result == sum(parts) == 476
    assert reading.ergebnis.zeile.nr == 3 and [f.zeile.nr for f in reading.teile] == list(range(5, 12))


def test_a_list_said_to_be_complete_that_misses_its_count_is_a_slip(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "s.txt", _liste(467)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 3
    assert Fraction(fehler["werte"]["nachgerechnet"]) == sum(map(Fraction, TEILE))


def test_a_list_merely_announced_that_misses_is_only_a_doubt(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "s.txt", _liste(480, "Darunter sind die folgenden Bereiche:")))
    assert code == 0 and by_status(report, "Fehler") == []
    (zweifel,) = by_status(report, "nicht eindeutig")
    assert zweifel["hinweis"] == "ob die Liste darunter alle Teile nennt, sagt der Text nicht"


def test_lists_of_another_shape_are_no_such_sum(tmp_path):
    # two counts in the announcing line: which one the list splits is not known
    text = _liste(476).replace("Derzeit sind", "Von 480 Stellen sind derzeit")
    assert erkannt(tmp_path, "zaehlliste", text) == []
    # the count names no heads („476 Euro“ is an amount, ankuendigung.py reads those)
    assert erkannt(tmp_path, "zaehlliste", _liste(476).replace("476 Vollzeitstellen", "476 Euro")) == []
    # items opening with a year, or with an amount in euros, are no counts of the list
    for item in (".  2024 rund 127 im Rathaus", ".  127 € im Rathaus"):
        text = _liste(476).replace(".  127 im Rathaus", item)
        assert erkannt(tmp_path, "zaehlliste", text) == []


def test_items_numbered_one_two_three_are_no_counts(tmp_path):
    text = "Die 3 Stellen verteilen sich auf die folgenden Ämter:\n1 Hauptamt\n2 Bauamt\n3 Kämmerei\n"
    assert erkannt(tmp_path, "zaehlliste", text) == []
