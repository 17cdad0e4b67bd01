"""erkennen/deckungsabsatz.py for itself: the Deckung of an über- or außerplanmäßige Ausgabe in the paragraph after
it – the parts add up to the Ausgabe, a rest is the Ausgabe less the other parts. Every expected figure is worked
out here with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import zahl

AUSGABE = "Der Stadtrat stellt den Betrag von 629.149,86 Euro überplanmäßig zur Verfügung.\n\n"
DECKUNG = (
    "Die Deckung erfolgt in Höhe von 428.483,58 Euro aus Mehreinnahmen bei der Haushaltsstelle 0.4649.1714 und in "
    "Höhe von {b} Euro aus allgemeinen Haushaltsmitteln des Jahres 2017.\n"
)


def test_the_parts_of_the_next_paragraph_add_up_to_the_ausgabe(tmp_path, capsys):
    (reading,) = erkannt(tmp_path, "deckungsabsatz", AUSGABE + DECKUNG.format(b="200.666,28"))
    parts, result = werte(reading)
    assert parts == [Fraction(42848358, 100), Fraction(20066628, 100)]
    assert result == Fraction(62914986, 100) == sum(parts)
    assert reading.sicher
    code, report, _ = check(capsys, write(tmp_path, "v.txt", AUSGABE + DECKUNG.format(b="200.666,28")))
    assert code == 0 and [b["art"] for b in by_status(report, "stimmt")] == ["deckungsabsatz"]


def test_a_part_that_slipped_is_a_slip_at_the_ausgabe(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "v.txt", AUSGABE + DECKUNG.format(b="200.666,82")))
    (fehler,) = by_status(report, "Fehler")
    richtig = Fraction(42848358, 100) + Fraction(20066682, 100)
    assert code == 1 and fehler["zeile"] == 1 and Fraction(fehler["werte"]["getippt"]) == Fraction(62914986, 100)
    assert Fraction(fehler["werte"]["nachgerechnet"]) == richtig == Fraction(62915040, 100)


def test_a_heading_between_and_a_rest_make_the_reading_unsure(tmp_path, capsys):
    text = (
        "Der Rat stimmt der außerplanmäßigen Auszahlung für das Haushaltsjahr 2014 zu:\n\n"
        "Personalaufwendungen und -auszahlungen                     1.528.100,00 €\n\n"
        "Deckungsvorschlag:\n\n"
        "Gedeckt wird zuerst innerhalb der Fachbereiche. Die Fehlbeträge wurden zu 67.200 € aus Personalansätzen "
        "und mit dem Rest ({rest} €) aus dem Gesamthaushalt gedeckt.\n"
    )
    (reading,) = erkannt(tmp_path, "deckungsabsatz", text.format(rest="1.460.900"))
    parts, result = werte(reading)
    assert parts == [Fraction(1528100), Fraction(67200)] and reading.vorzeichen == [1, -1]
    assert result == Fraction(1460900) == parts[0] - parts[1] and not reading.sicher
    code, report, _ = check(capsys, write(tmp_path, "v.txt", text.format(rest="1.460.000")))
    assert code == 0 and by_status(report, "Fehler") == []
    (zweifel,) = by_status(report, "nicht eindeutig")
    assert Fraction(zweifel["werte"]["getippt"]) == Fraction(1460000) and Fraction(1528100) - Fraction(
        67200
    ) == Fraction(1460900)


def test_a_deckung_said_to_be_partial_is_no_slip(tmp_path, capsys):
    text = AUSGABE + (
        "Die Deckung erfolgt teilweise in Höhe von 400.000,00 Euro aus Mehreinnahmen und in Höhe von 100.000,00 Euro "
        "aus der Rücklage.\n"
    )
    code, report, _ = check(capsys, write(tmp_path, "v.txt", text))
    assert code == 0 and by_status(report, "Fehler") == []
    assert Fraction(400000) + Fraction(100000) != Fraction(62914986, 100)


def test_amounts_that_merely_stand_in_two_paragraphs_are_no_deckung(tmp_path, capsys):
    cases = [
        # the paragraph before names two amounts: which one is covered is not said
        "Der Rat beschließt überplanmäßig 50.000 € für die Schule und 20.000 € für die Kita.\n\n"
        "Die Deckung erfolgt in Höhe von 30.000 € aus der Rücklage und in Höhe von 15.000 € aus Mehreinnahmen.\n",
        # not über- or außerplanmäßig: a budget line, a year and a date
        "Im Haushalt 2024 sind für die Straße am 01.03.2024 insgesamt 80.000 € eingeplant.\n\n"
        "Die Deckung erfolgt in Höhe von 30.000 € aus der Rücklage und in Höhe von 15.000 € aus Mehreinnahmen.\n",
        # a long paragraph without figures between: not the Ausgabe's paragraph any more
        "Der Rat stellt 50.000 € überplanmäßig bereit.\n\nDie Verwaltung berichtet ausführlich über den Stand "
        "der Arbeiten an der Schule und an der Kita.\n\n"
        "Die Deckung erfolgt in Höhe von 30.000 € aus der Rücklage und in Höhe von 15.000 € aus Mehreinnahmen.\n",
        # a Deckung paragraph with an amount that is no part of it (a page number and a Haushaltsstelle as well)
        "Der Rat stellt 50.000 € überplanmäßig bereit.\n\n"
        "Die Deckung erfolgt in Höhe von 30.000 € aus 2141.54001 und in Höhe von 15.000 € aus Mehreinnahmen; "
        "der Ansatz beträgt 120.000 € (Seite 12).\n",
    ]
    for text in cases:
        assert erkannt(tmp_path, "deckungsabsatz", text) == [], text
        code, report, _ = check(capsys, write(tmp_path, "v.txt", text))
        assert code == 0 and by_status(report, "Fehler") == [], text
    assert Fraction(30000) + Fraction(15000) != Fraction(50000)


# a paragraph that names the Ausgabe among other amounts, then the Deckung in a paragraph of its own (a helper's
# überplanmäßige Aufwendung for a storm-damaged roof)
STURM_KOSTEN = (Fraction(38_900), Fraction(9_750), Fraction(13_750))
STURM_AUSGABE, STURM_ANSATZ = sum(STURM_KOSTEN), Fraction(185_000)


def _sturm(zweiter_teil: Fraction) -> str:
    return (
        "Es entstehen folgende Kosten:\n\n"
        + "".join(f"- Posten {i}: {zahl(k)} €\n" for i, k in enumerate(STURM_KOSTEN, start=1))
        + f"- Summe: {zahl(STURM_AUSGABE)} €\n\n"
        f"Im Sachkonto 5211 ist ein Ansatz von {zahl(STURM_ANSATZ)} € veranschlagt. Mit der überplanmäßigen Aufwendung von "
        f"{zahl(STURM_AUSGABE)} € erhöht sich der Ansatz auf {zahl(STURM_ANSATZ + STURM_AUSGABE)} €.\n\n"
        f"Die Deckung erfolgt in Höhe von 40.000 € durch Minderaufwendungen im Sachkonto 5241 sowie in Höhe von "
        f"{zahl(zweiter_teil)} € durch Mehrerträge bei der Gewerbesteuer.\n"
    )


def test_the_ausgabe_among_other_amounts_of_its_paragraph(tmp_path, capsys):
    richtig = STURM_AUSGABE - 40_000
    code, report, _ = check(capsys, write(tmp_path, "a.md", _sturm(richtig)))
    assert code == 0 and [b["status"] for b in report["befunde"] if b["art"] == "deckungsabsatz"] == ["stimmt"]
    # 24.200 for 22.400: before, both parts were only „nicht geprüft“; the Ausgabe adds up in the list above, so the
    # slip is one of the parts
    code, report, _ = check(capsys, write(tmp_path, "b.md", _sturm(Fraction(24_200))))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and Fraction(slip["werte"]["nachgerechnet"]) == 40_000 + 24_200
    assert (
        slip["hinweis"].startswith(f"{zahl(STURM_AUSGABE)}\u00a0€ geht in Z. 6 auf")
        and "falsch ist einer der Teile" in slip["hinweis"]
    )
