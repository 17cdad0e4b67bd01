"""The rate of a change right after its new amount (erkennen/fliesstext.py): „steigen von 4.512.300 € auf 4.800.000 €
(+6,4 %)“, „…, das sind 6,4 %“, „…, ein Minus von 12,0 %“, and after a change written with all three figures („von …
um … auf …, das sind …“) – the rate of the earlier amount, signed where a sign is typed (a rise written „−6,4 %“ is a
slip). Figures computed here with Fractions."""

from __future__ import annotations

from fractions import Fraction

import pytest

from tests.hilfen.nachrechnen import by_status, check, write
from tests.referenz.rechnen import euro, rund, zahl

ALT, NEU = Fraction(4_512_300), Fraction(4_800_000)
RATE = rund((NEU - ALT) / ALT * 100, Fraction(1, 10))


@pytest.mark.parametrize(
    "satz",
    [
        f"Die Personalaufwendungen steigen von {euro(ALT)} auf {euro(NEU)} (+{zahl(RATE, 1)} %).",
        f"Die Personalaufwendungen steigen von {euro(ALT)} auf {euro(NEU)} ({zahl(RATE, 1)} %).",
        f"Die Personalaufwendungen steigen von {euro(ALT)} auf {euro(NEU)}, das sind {zahl(RATE, 1)} %.",
        f"Die Personalaufwendungen steigen von {euro(ALT)} auf {euro(NEU)}, ein Plus von {zahl(RATE, 1)} %.",
        f"Die Personalaufwendungen steigen von {euro(ALT)} um {euro(NEU - ALT)} auf {euro(NEU)}, das sind "
        f"{zahl(RATE, 1)} %.",
    ],
)
def test_the_rate_after_the_new_amount(tmp_path, capsys, satz):
    assert Fraction(64, 10) == RATE
    code, report, _ = check(capsys, write(tmp_path, "a.txt", satz + "\n"))
    raten = [b for b in report["befunde"] if b["art"] == "veraenderung_prozent"]
    assert code == 0 and [(b["status"], Fraction(b["werte"]["getippt"])) for b in raten] == [("stimmt", RATE)]
    assert report["nicht_geprueft"] == []


def test_a_rise_written_with_a_minus_is_a_slip(tmp_path, capsys):
    satz = f"Die Personalaufwendungen steigen von {euro(ALT)} auf {euro(NEU)} (−{zahl(RATE, 1)} %).\n"
    code, report, _ = check(capsys, write(tmp_path, "a.txt", satz))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and Fraction(slip["werte"]["nachgerechnet"]) == RATE


def test_a_rate_that_misses_is_a_slip_and_a_fall_named_in_words_is_compared_by_amount(tmp_path, capsys):
    falsch = RATE + 1
    satz = f"Die Personalaufwendungen steigen von {euro(ALT)} auf {euro(NEU)} (+{zahl(falsch, 1)} %).\n"
    code, report, _ = check(capsys, write(tmp_path, "a.txt", satz))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and (Fraction(slip["werte"]["getippt"]), Fraction(slip["werte"]["nachgerechnet"])) == (
        falsch,
        RATE,
    )
    alt, neu = Fraction(2_345_000), Fraction(2_063_600)
    minus = rund((alt - neu) / alt * 100, Fraction(1, 10))
    satz = f"Die Zuweisungen sinken von {euro(alt)} auf {euro(neu)}, ein Minus von {zahl(minus, 1)} %.\n"
    code, report, _ = check(capsys, write(tmp_path, "b.txt", satz))
    assert code == 0 and by_status(report, "Fehler") == [] and len(by_status(report, "stimmt")) == 1


@pytest.mark.parametrize(
    "rest", ["(Hebesatz 35,5 %)", "bei einem Umlagesatz von 35,5 %", "; die Förderquote: 80 %", "(Zinssatz rund 2,5 %)"]
)
def test_a_percentage_the_words_name_another_rate_is_no_rate_of_the_change(tmp_path, capsys, rest):
    # before, „steigt von … auf … (Hebesatz 35,5 %)“ was a FEHLER: the one percentage of a sentence that names a
    # change was taken as its rate (prozentsaetze._change_in_percent)
    satz = f"Die Umlage steigt von {euro(ALT)} auf {euro(NEU)} {rest}.\n"
    code, report, _ = check(capsys, write(tmp_path, "a.txt", satz))
    assert code == 0 and [b for b in report["befunde"] if b["art"] == "veraenderung_prozent"] == []


# „auf …, das sind … oder … % mehr“: the change and its rate after the new amount, the old amount in another paragraph
# (a helper's Energiekosten: 1.284.000 € in 2023, 1.519.900 € in 2025)
ALT_2023, NEU_2025 = Fraction(1_284_000), Fraction(1_519_900)


@pytest.mark.parametrize(("wort", "alt", "neu"), [("mehr", ALT_2023, NEU_2025), ("weniger", NEU_2025, ALT_2023)])
def test_the_change_and_its_rate_after_the_new_amount(tmp_path, capsys, wort, alt, neu):
    change = abs(neu - alt)
    rate = rund(change / alt * 100, Fraction(1, 10))
    satz = f"Die Energiekosten {'steigen' if wort == 'mehr' else 'sinken'} damit auf {euro(neu)}, das sind {euro(change)} oder"
    code, report, _ = check(capsys, write(tmp_path, "a.txt", f"{satz} {zahl(rate, 1)} % {wort} als im Vorjahr.\n"))
    (stimmt,) = [b for b in report["befunde"] if b["art"] == "veraenderung_prozent"]
    assert code == 0 and stimmt["status"] == "stimmt" and Fraction(stimmt["werte"]["nachgerechnet"]) == rate
    # 14,8 for 18,4: two digits swapped – before, only „nicht geprüft“
    falsch = Fraction(int(str(int(rate * 10))[::-1]), 10)
    assert falsch != rate
    code, report, _ = check(capsys, write(tmp_path, "b.txt", f"{satz} {zahl(falsch, 1)} % {wort} als im Vorjahr.\n"))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and Fraction(slip["werte"]["nachgerechnet"]) == rate


def test_a_rate_without_a_direction_after_the_change_is_not_read_so(tmp_path, capsys):
    # „oder 18,4 % der Gesamtkosten“: a share of something else, no rate of change
    satz = f"Die Energiekosten steigen auf {euro(NEU_2025)}, das sind {euro(Fraction(235_900))} oder 15,5 % der Gesamtkosten.\n"
    code, report, _ = check(capsys, write(tmp_path, "a.txt", satz))
    assert code == 0 and [b for b in report["befunde"] if b["art"] == "veraenderung_prozent"] == []


def test_the_rate_after_von_bisher_auf(tmp_path, capsys):
    from tests.referenz.rechnen import prozent

    alt, neu = Fraction(512), Fraction(568)
    satz = "Die Gebühr für ein Reihengrab steigt damit von bisher {} auf {}, das ist eine Erhöhung um {}.\n"
    code, report, _ = check(
        capsys,
        write(
            tmp_path, "g.txt", satz.format(euro(alt, cent=True), euro(neu, cent=True), prozent((neu - alt) / alt, 1))
        ),
    )
    assert code == 0 and [b["status"] for b in report["befunde"]] == ["stimmt"]
    falsch = satz.format(euro(alt, cent=True), euro(neu, cent=True), prozent((neu - alt) / neu, 1))  # of the new fee
    code, report, _ = check(capsys, write(tmp_path, "g.txt", falsch))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["nachgerechnet"] == prozent((neu - alt) / alt, 1)
