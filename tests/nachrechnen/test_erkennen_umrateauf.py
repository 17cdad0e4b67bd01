"""erkennen/umrateauf.py for itself: a change stated with its rate in parentheses and the new level („erhöhten sich
um 211.072,87 € (3,32 %) auf 6.557.303,21 €“). The figures are those of ab01 of the corpus's Zusatz (Eigenbetrieb
Abwasserbeseitigung Schwäbisch Hall, Jahresabschluss 2009); rates worked out here with Fraction."""

from __future__ import annotations

from fractions import Fraction

import pytest

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import euro, prozent, rund

UM, NEU = Fraction(21_107_287, 100), Fraction(655_730_321, 100)
RATE_STEIGEND = UM / (NEU - UM)  # 3,3259… %: of the level before the rise
RATE_FALLEND = UM / (NEU + UM)  # of the level before a fall


def _satz(rate: str, verb: str = "erhöhten sich", neu: Fraction = NEU) -> str:
    return f"Die Erlöse im Jahr 2009 {verb} gegenüber dem Vorjahr um {euro(UM, cent=True)} ({rate}) auf {euro(neu, cent=True)}.\n"


def test_the_rate_of_a_rise_is_of_the_level_before_it(tmp_path, capsys):
    (reading,) = erkannt(tmp_path, "inzeile", _satz(prozent(RATE_STEIGEND)))
    assert werte(reading) == ([UM, NEU, UM], rund(RATE_STEIGEND * 100, Fraction(1, 100)))
    assert reading.sicher and reading.vorzeichen == [1, 1, -1]
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _satz(prozent(RATE_STEIGEND))))
    assert code == 0 and [(b["art"], b["status"]) for b in report["befunde"]] == [("veraenderung_rate", "stimmt")]


def test_a_wrong_rate_is_a_slip_with_its_arithmetic(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _satz(prozent(RATE_STEIGEND + Fraction(1, 100)))))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and (fehler["getippt"], fehler["nachgerechnet"]) == (
        prozent(RATE_STEIGEND + Fraction(1, 100)),
        prozent(RATE_STEIGEND),
    )
    assert fehler["rechnung"].startswith(f"{euro(UM, cent=True)} / ({euro(NEU, cent=True)} − {euro(UM, cent=True)})")


def test_a_rate_cut_off_instead_of_rounded_is_named_a_rounding(tmp_path, capsys):
    # ab01's own: 3,3259… % typed 3,32 % – the handbook's rule for a truncated result: „Rundung“, not FEHLER
    cut = Fraction(int(RATE_STEIGEND * 10_000), 10_000)
    assert prozent(cut) != prozent(RATE_STEIGEND)
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _satz(prozent(cut))))
    (befund,) = report["befunde"]
    assert code == 0 and (befund["status"], befund["getippt"]) == ("Rundung", prozent(cut))


def test_the_rate_of_a_fall_is_of_the_level_before_it(tmp_path, capsys):
    for verb, rate, code_expected in (
        ("verringerten sich", RATE_FALLEND, 0),
        ("verringerten sich", RATE_STEIGEND, 1),  # the rate of a rise under a verb of a fall
    ):
        code, report, _ = check(capsys, write(tmp_path, "a.txt", _satz(prozent(rate), verb)))
        assert code == code_expected
        assert [b["nachgerechnet"] for b in report["befunde"]] == [prozent(RATE_FALLEND)]


def test_rate_first_and_the_amount_in_parentheses(tmp_path, capsys):
    text = f"Die Aufwendungen stiegen um {prozent(RATE_STEIGEND)} ({euro(UM, cent=True)}) auf {euro(NEU, cent=True)}.\n"
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0 and [(b["art"], b["status"]) for b in report["befunde"]] == [("veraenderung_rate", "stimmt")]


def test_a_rate_of_the_new_level_holds_as_a_reading_that_is_not_sure(tmp_path):
    (reading,) = erkannt(tmp_path, "inzeile", _satz(prozent(UM / NEU)))
    assert not reading.sicher and reading.haelt() and werte(reading)[0] == [UM, NEU]


@pytest.mark.parametrize(
    "text",
    [
        # no verb, or verbs of both directions: the direction is not said
        f"Die Erlöse lagen um {euro(UM, cent=True)} ({prozent(RATE_STEIGEND)}) auf {euro(NEU, cent=True)}.\n",
        f"Die Erlöse erhöhten sich, die Kosten sanken, um {euro(UM, cent=True)} (5,00 %) auf {euro(NEU, cent=True)}.\n",
        # more in the parentheses than the rate
        f"Die Erlöse erhöhten sich um {euro(UM, cent=True)} (5,00 % der Umsätze) auf {euro(NEU, cent=True)}.\n",
        # a rise to a level below the change: no level before it
        f"Das Ergebnis erhöhte sich um {euro(NEU, cent=True)} (5,00 %) auf {euro(UM, cent=True)}.\n",
        # the rate of nothing
        f"Die Erlöse erhöhten sich um {euro(UM, cent=True)} (0,00 %) auf {euro(NEU, cent=True)}.\n",
    ],
)
def test_what_says_no_such_change_is_not_read(tmp_path, text):
    assert [r for r in erkannt(tmp_path, "inzeile", text) if r.typ == "veraenderung_rate"] == []


def test_a_verb_of_the_next_clause_does_not_count(tmp_path):
    text = _satz(prozent(RATE_STEIGEND)).rstrip(".\n") + ", die Abwassermenge verringerte sich um 4.627 m³.\n"
    (reading,) = [r for r in erkannt(tmp_path, "inzeile", text) if r.typ == "veraenderung_rate"]
    assert reading.vorzeichen == [1, 1, -1]


# a new user's sentences: the rate after „bzw.“, and the rate with both levels („um 5,5 % von … auf …“)
ALT, SCHRITT = Fraction(695_112), Fraction(38_232)


def test_the_rate_after_bzw_is_of_the_level_before_the_rise(tmp_path, capsys):
    rate = SCHRITT / ALT  # 5,50… %
    satz = "Die Personalkosten sind gegenüber dem Vorjahr um {} bzw. {} auf {} gestiegen.\n"
    richtig = satz.format(euro(SCHRITT), prozent(rate, 1), euro(ALT + SCHRITT))
    (reading,) = erkannt(tmp_path, "inzeile", richtig)
    assert werte(reading) == ([SCHRITT, ALT + SCHRITT, SCHRITT], rund(rate * 100, Fraction(1, 10)))
    falsch = satz.format(euro(SCHRITT), prozent(rate + Fraction(3, 1000), 1), euro(ALT + SCHRITT))
    code, report, _ = check(capsys, write(tmp_path, "b.txt", falsch))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["nachgerechnet"] == prozent(rate, 1)


def test_the_rate_with_both_levels_and_a_verb_of_their_direction(tmp_path, capsys):
    rate = SCHRITT / ALT
    satz = "Die Kosten {} sich um {} von {} auf {}.\n"
    richtig = satz.format("erhöhen", prozent(rate, 1), euro(ALT), euro(ALT + SCHRITT))
    (reading,) = erkannt(tmp_path, "inzeile", richtig)
    assert reading.formel == "steigerung" and werte(reading) == (
        [ALT, ALT + SCHRITT],
        rund(rate * 100, Fraction(1, 10)),
    )
    neu_falsch = ALT + SCHRITT + 40_000  # a digit typed wrong in the new level
    code, report, _ = check(
        capsys, write(tmp_path, "c.txt", satz.format("erhöhen", prozent(rate, 1), euro(ALT), euro(neu_falsch)))
    )
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["nachgerechnet"] == prozent((neu_falsch - ALT) / ALT, 1)
    # a verb against the levels' direction („sinken … von 695.112 € auf 733.344 €“), or none: not read
    for verb in ("verringern", "ändern"):
        assert erkannt(tmp_path, "inzeile", satz.format(verb, prozent(rate, 1), euro(ALT), euro(ALT + SCHRITT))) == []
