"""erkennen/verteilung.py for itself: a named fund and the grants one per line below it."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import euro


def test_a_fund_split_on_the_lines_below(tmp_path):
    text = (
        "Das Budget des Kulturfonds von 90.000,- € wird wie folgt vergeben:\n"
        "- Stadtteilfest Nord: 25.000,- €\n- Jazzfestival: 40.000,- €\n- Lesereihe: 25.000,- €\n"
    )
    (reading,) = erkannt(tmp_path, "verteilung", text)
    parts, result = werte(reading)
    assert parts == [Fraction(25000), Fraction(40000), Fraction(25000)] and result == Fraction(90000) == sum(parts)


# a RIS page of an apl. Ausgabe (j15): the Mittel in one sentence, the next splits them by a pronoun, the
# Haushaltsstellen below one cell per line – name, blank line, amount
STELLEN = [Fraction(8_000), Fraction(1_000), Fraction(500), Fraction(1_500), Fraction(9_000), Fraction(10_000)]


def _haushaltsstellen(gesamt: Fraction, teile: list[Fraction], satz: str = "Sie verteilen sich") -> str:
    namen = ["Wahlhelfer", "Mieten für Wahllokale", "Versicherung", "Sachkosten", "Bürobedarf", "Porto"]
    liste = "".join(
        f"„0.0521.{4090 + i} – {name}“\n\n{euro(t, zeichen='EUR')}\n\n"
        for i, (name, t) in enumerate(zip(namen, teile, strict=True))
    )
    return (
        "Für den Bürgerentscheid bewilligt der Stadtrat nach Art. 66 Abs. 1 der Gemeindeordnung außerplanmäßige "
        f"Ausgabemittel von {euro(gesamt, zeichen='EUR')}. {satz} auf diese Haushaltsstellen:\n\n\n" + liste
    )


def test_the_next_sentence_splits_the_fund_by_a_pronoun_into_the_list_below_one_cell_per_line(tmp_path, capsys):
    gesamt = sum(STELLEN)
    (reading,) = erkannt(tmp_path, "verteilung", _haushaltsstellen(gesamt, STELLEN))
    parts, result = werte(reading)
    assert parts == STELLEN and result == gesamt == Fraction(30_000) and reading.sicher
    # one Haushaltsstelle typed 1.000 EUR too high: the split no longer uses up the fund – a slip, with its arithmetic
    falsch = [*STELLEN[:3], STELLEN[3] + 1_000, *STELLEN[4:]]
    code, report, _ = check(capsys, write(tmp_path, "r.txt", _haushaltsstellen(gesamt, falsch)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 1 and Fraction(fehler["werte"]["nachgerechnet"]) == sum(falsch)
    assert fehler["rechnung"] == " + ".join(euro(t) for t in falsch)


def test_a_next_sentence_that_names_something_else_splits_nothing(tmp_path):
    text = _haushaltsstellen(sum(STELLEN), STELLEN, satz="Die Kosten der Wahl verteilen sich")
    assert erkannt(tmp_path, "verteilung", text) == []
