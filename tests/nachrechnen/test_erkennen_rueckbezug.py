"""erkennen/rueckbezug.py for itself: a calculation with figures of the sentences before."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import euro, zahl


def test_parts_named_after_the_total_of_the_sentence_before(tmp_path):
    text = (
        "Die Maßnahme kostet insgesamt 700.000 €.\n"
        "Davon entfallen auf A 200.000 €, auf B 300.000 € und auf C 200.000 €.\n"
    )
    readings = erkannt(tmp_path, "rueckbezug", text)
    parts, result = werte(readings[0])
    assert parts == [Fraction(200000), Fraction(300000), Fraction(200000)] and result == Fraction(700000) == sum(parts)


AUSSTATTUNG, KOSTENSTELLE = Fraction(270_000), Fraction(119_000)  # f12 of the corpus's Zusatz (Leipzig), in one line


def _davon(verb: str, foerdermittel: Fraction) -> str:
    return (
        f"Die Mittel für die Ausstattung steigen um {zahl(AUSSTATTUNG)} EUR. Davon {verb} {zahl(KOSTENSTELLE)} EUR "
        f"aus der Kostenstelle 1098700000 und {zahl(foerdermittel)} EUR aus den erwarteten Fördermitteln.\n"
    )


def test_a_davon_with_another_verb_splits_the_amount_before(tmp_path, capsys):
    """„Davon kommen … aus … und … aus …“, „Davon stammen …“: the same split as „Davon entfallen auf …“."""
    rest = AUSSTATTUNG - KOSTENSTELLE
    for verb in ("kommen", "stammen"):
        (reading,) = erkannt(tmp_path, "rueckbezug", _davon(verb, rest))
        parts, total = werte(reading)
        assert parts == [KOSTENSTELLE, rest] and total == AUSSTATTUNG == sum(parts) and reading.sicher
    code, report, _ = check(capsys, write(tmp_path, "d.txt", _davon("kommen", rest - 10_000)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["nachgerechnet"] == euro(AUSSTATTUNG - 10_000)
    # one amount after „Davon kommen“: no split (the rest of it may follow in another sentence)
    text = (
        f"Die Mittel steigen um {zahl(AUSSTATTUNG)} EUR. Davon kommen {zahl(KOSTENSTELLE)} EUR aus der Kostenstelle.\n"
    )
    assert [r for r in erkannt(tmp_path, "rueckbezug", text) if r.typ == "verteilung"] == []


BEIRAETE = (
    "Am meisten bekommt der Beirat Gröpelingen, der nun über ein Budget von 100.703 Euro verfügt. Nach der "
    "Aufstockung werden an alle Beiräte zusammen 1.322.400 Euro verteilt. Davon entfallen auf den Beirat Burglesum "
    "73.478 Euro (vorher 61.231 Euro), auf den Beirat Vegesack 82.236 Euro (vorher 68.530 Euro) und auf den Beirat "
    "Blumenthal 78.313 Euro (vorher 65.261 Euro).\n"
)


def test_a_davon_naming_some_shares_only_is_no_slip_and_bracketed_amounts_are_no_parts(tmp_path, capsys):
    """Three of 22 Beiräte (i12 of the corpus's Zusatz): the shares fall short of the total by more than the largest of them – a guess, not a slip;
    the earlier amounts in brackets beside them are no shares. Nor does „Budget von 100.703 Euro“ of the first
    sentence become a fund that the verb of the second sentence splits (erkennen/verteilung.py)."""
    (reading,) = erkannt(tmp_path, "rueckbezug", BEIRAETE)
    parts, total = werte(reading)
    assert parts == [Fraction(73478), Fraction(82236), Fraction(78313)] and total == Fraction(1322400)
    assert total - sum(parts) > max(parts) and not reading.sicher
    code, report, _ = check(capsys, write(tmp_path, "b.txt", BEIRAETE))
    assert code == 0 and by_status(report, "Fehler") == []
    assert erkannt(tmp_path, "verteilung", BEIRAETE) == []


UEBERSCHUSS, TILGUNG = Fraction(361400), Fraction(230600)  # i03 of the corpus's Zusatz (Lindhorst)


def _rest(rest: Fraction) -> str:
    return (
        f"Der Finanzhaushalt schließt mit einem Überschuss von {zahl(UEBERSCHUSS)} Euro. Davon sind {zahl(TILGUNG)} "
        f"Euro für die Tilgung von Krediten vorgesehen. Die restlichen {zahl(rest)} Euro fließen in Investitionen.\n"
    )


def test_the_rest_after_a_davon_is_the_amount_before_less_the_share(tmp_path, capsys):
    (reading,) = erkannt(tmp_path, "rueckbezug", _rest(UEBERSCHUSS - TILGUNG))
    assert werte(reading) == ([UEBERSCHUSS, TILGUNG], UEBERSCHUSS - TILGUNG) and reading.sicher
    getippt = UEBERSCHUSS - TILGUNG + 100
    code, report, _ = check(capsys, write(tmp_path, "r.txt", _rest(getippt)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and (fehler["getippt"], fehler["nachgerechnet"]) == (euro(getippt), euro(UEBERSCHUSS - TILGUNG))


def test_what_is_left_of_two_amounts_above_is_only_confirmed(tmp_path, capsys):
    """i13 (Schenkenzell): „Verrechnet man beides, bleibt ein Finanzierungsmittelbedarf von …“ – which two amounts
    are meant, the search finds; a miss says nothing."""
    ueberschuss, bedarf = Fraction(18610281, 100), Fraction(96545146, 100)
    text = (
        f"Die Ergebnisrechnung bringt einen Zahlungsmittelüberschuss von {zahl(ueberschuss, 2)} €. Aus der "
        f"Investitionstätigkeit ergibt sich ein Finanzierungsmittelbedarf von {zahl(bedarf, 2)} €. Verrechnet man "
        "beides, bleibt ein Finanzierungsmittelbedarf von {} €.\n"
    )
    (reading,) = erkannt(tmp_path, "rueckbezug", text.format(zahl(bedarf - ueberschuss, 2)))
    assert werte(reading) == ([bedarf, ueberschuss], bedarf - ueberschuss) and not reading.sicher
    code, report, _ = check(capsys, write(tmp_path, "b.txt", text.format(zahl(bedarf - ueberschuss + 1, 2))))
    assert code == 0 and by_status(report, "Fehler") == []
