"""erkennen/aufzaehlung.py for itself: a total stated right after an enumeration of its parts is the sum of every
part – a total that some of the parts give (one left out) is a slip, not a sum of others. Figures with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import zahl

GAESTE = [Fraction(2140), Fraction(1865), Fraction(2407)]
KOSTEN = [Fraction(4820000, 100), Fraction(31280000, 100), Fraction(9640000, 100)]


def _gaeste(total: Fraction, words: str = "insgesamt also", noun: str = "Gäste") -> str:
    hotels, pensionen, wohnungen = (zahl(g, 0) for g in GAESTE)
    return (
        "Mitteilungen des Bürgermeisters\n"
        "\n"
        f"Die Gäste im Juli verteilten sich auf {hotels} Gäste in Hotels, {pensionen} in Pensionen und {wohnungen} in "
        f"Ferienwohnungen, {words} {zahl(total, 0)} {noun}.\n"
    )


def test_the_total_after_an_enumeration_is_the_sum_of_every_part(tmp_path, capsys):
    (reading,) = erkannt(tmp_path, "aufzaehlung", _gaeste(sum(GAESTE)))
    assert werte(reading) == (GAESTE, sum(GAESTE)) and reading.sicher
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _gaeste(sum(GAESTE))))
    assert code == 0 and [b["zeile"] for b in by_status(report, "stimmt")] == [3]


def test_a_total_with_a_part_left_out_is_a_slip_not_the_sum_of_the_others(tmp_path, capsys):
    ohne = GAESTE[0] + GAESTE[2]  # the search among amounts confirmed this as 2.140 + 2.407 before
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _gaeste(ohne)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 3 and not by_status(report, "stimmt")
    assert Fraction(fehler["werte"]["nachgerechnet"]) == sum(GAESTE)


def test_amounts_in_euros_and_the_total_in_the_next_sentence(tmp_path, capsys):
    spielplatz, seebruecke, radweg = (zahl(k, 0) for k in KOSTEN)

    def papier(total: Fraction) -> str:
        return (
            f"Abgeschlossen sind der Spielplatz mit {spielplatz} €, die Seebrücke mit {seebruecke} € und der Radweg "
            f"mit {radweg} €.\nZusammen wurden {zahl(total, 0)} € verbaut.\n"
        )

    (reading,) = erkannt(tmp_path, "aufzaehlung", papier(sum(KOSTEN)))
    assert werte(reading) == (KOSTEN, sum(KOSTEN)) and reading.sicher
    code, report, _ = check(capsys, write(tmp_path, "a.txt", papier(KOSTEN[0] + KOSTEN[1])))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 2 and Fraction(fehler["werte"]["nachgerechnet"]) == sum(KOSTEN)


def test_a_total_that_may_take_in_an_amount_before_the_enumeration_is_a_guess(tmp_path, capsys):
    # „Zusammen …“ after a paragraph whose first sentence names another loss: it may take that in as well
    verlust, a, b, c = Fraction(96100), Fraction(23300), Fraction(37400), Fraction(45800)
    text = (
        f"Für das Bürgerhaus bleibt ein Jahresverlust von {zahl(verlust, 0)} Euro. Das Gemeinschaftshaus kostet im "
        f"Unterhalt {zahl(a, 0)} Euro, die Mehrzweckhalle {zahl(b, 0)} Euro und die Sporthalle {zahl(c, 0)} Euro. "
        f"Zusammen ist damit ein Jahresverlust von {zahl(verlust + a + b + c, 0)} Euro eingeplant.\n"
    )
    (reading,) = erkannt(tmp_path, "aufzaehlung", text)
    assert not reading.sicher and not reading.grund
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0 and not by_status(report, "Fehler") and not by_status(report, "nicht eindeutig")


def test_a_sentence_that_leaves_room_for_more_parts_is_a_doubt(tmp_path, capsys):
    for words in ("u. a.", "darunter"):
        text = _gaeste(GAESTE[0] + GAESTE[2]).replace("verteilten sich auf", f"verteilten sich {words} auf")
        code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
        (zweifel,) = by_status(report, "nicht eindeutig")
        assert code == 0 and zweifel["zeile"] == 3 and not by_status(report, "Fehler")
    text = _gaeste(sum(GAESTE) + 100).replace("Gäste.", "Gäste einschließlich der Campingplätze.")
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0 and [z["zeile"] for z in by_status(report, "nicht eindeutig")] == [3]


def test_what_is_no_enumeration_of_parts_is_not_read(tmp_path):
    cases = [
        # ordinals of a date, no parts
        "Die Sitzungen fanden am 3., 10. und 17. März statt, insgesamt 3 Termine.",
        # years
        "Die Mittel stehen in den Jahren 2024, 2025 und 2026 bereit, insgesamt 3 Jahre.",
        # a rate per piece between the figures
        "Beschafft werden 12 Tische je 250 € und 40 Stühle, insgesamt 52 Möbelstücke.",
        # parts of several units
        "Es entfallen 12.000 € auf die Planung, 8 % auf die Nebenkosten und 30.000 € auf den Bau, insgesamt 42.000 €.",
        # one part only
        "Die Kosten für den Bau betragen 30.000 €, insgesamt 45.000 € mit der Planung.",
        # a part split with „davon“
        "Es fallen 12.000 € an, davon 5.000 € für die Planung und 7.000 € für den Bau, insgesamt 12.000 €.",
    ]
    for satz in cases:
        assert erkannt(tmp_path, "aufzaehlung", f"Sachstand\n\n{satz}\n") == [], satz


def test_a_total_marked_as_rounded_holds_rounded_as_typed_and_is_a_rounding_otherwise(tmp_path, capsys):
    text = (
        "Die Änderungen umfassen rund 8,35 Millionen Euro im Verwaltungshaushalt und 5,36 Millionen Euro im "
        "Vermögenshaushalt. Zusammen rund {summe} Millionen Euro sind 2,1 Prozent des Haushalts.\n"
    )
    exact = Fraction(835, 100) + Fraction(536, 100)  # 13,71: one decimal as typed gives 13,7
    assert exact == Fraction(1371, 100)
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text.format(summe="13,7")))
    assert code == 0 and [(b["art"], b["status"]) for b in report["befunde"]] == [("aufzaehlung", "stimmt")]
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text.format(summe="13,8")))
    assert code == 0 and [(b["art"], b["status"]) for b in report["befunde"]] == [("aufzaehlung", "Rundung")]


def test_a_total_that_names_another_noun_than_its_parts(tmp_path, capsys):
    # „… Gäste …, insgesamt 4.547 Ankünfte“: a doubt where some of the parts give the total (one left out) …
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _gaeste(GAESTE[0] + GAESTE[2], noun="Ankünfte")))
    (zweifel,) = by_status(report, "nicht eindeutig")
    assert code == 0 and zweifel["zeile"] == 3 and Fraction(zweifel["werte"]["nachgerechnet"]) == sum(GAESTE)
    assert not by_status(report, "stimmt")
    # … else a guess: a total of other things („3,5 VZÄ …, insgesamt sind es 9 Personen“) proves nothing
    vzae = [Fraction(7, 2), Fraction(2), Fraction(3, 2)]
    text = (
        f"Die neuen Stellen verteilen sich auf {zahl(vzae[0], 1)} VZÄ in der Kämmerei, {zahl(vzae[1], 1)} VZÄ im "
        f"Bauamt und {zahl(vzae[2], 1)} VZÄ im Ordnungsamt; insgesamt sind es 9 Personen.\n"
    )
    assert sum(vzae) != 9 and all(a + b != 9 for a in vzae for b in vzae)
    code, report, _ = check(capsys, write(tmp_path, "b.txt", text))
    assert code == 0 and report["befunde"] == []


def test_counts_of_different_things_or_after_a_name_are_no_parts(tmp_path):
    cases = [
        "Die Gemeinde unterhält 3 Kindergärten, 2 Grundschulen und 1 Mittelschule, insgesamt 6 Einrichtungen.",
        "Betroffen sind die Anwesen Hauptstraße 12, Hauptstraße 14 und Kirchgasse 3, insgesamt 29 Anschlüsse.",
        "Die drei Ortsteile erhalten je 15.000 €, die Kernstadt 40.000 € und der Beirat 5.000 €, zusammen 60.000 €.",
    ]
    for satz in cases:
        assert erkannt(tmp_path, "aufzaehlung", f"Sachstand\n\n{satz}\n") == [], satz
