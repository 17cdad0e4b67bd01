"""Sums and shares stated in words (issue 60; `prosa.py`): a total split with „davon … und …“, amounts joined by
„plus“ with their total, „das sind … % der Gesamtkosten“ – guesses: a sum that holds is confirmed, one that does not
proves nothing (no slip, no „nicht eindeutig“) –, a change „um … %-Punkte von … auf …“ (a slip when it does not hold)
and „1/3 von …“ („nicht eindeutig“ when it does not). Figures computed here with Fractions."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from tests.hilfen.nachrechnen import check, write
from tests.referenz.rechnen import euro, zahl

NBSP = "\u00a0"


def _found(report: dict) -> list[tuple[str, Fraction, str]]:
    return [(b["art"], Fraction(Decimal(b["werte"]["getippt"])), b["status"]) for b in report["befunde"]]


def _no_slip_nor_doubt(code: int, report: dict) -> None:
    assert code == 0
    assert all(b["status"] == "stimmt" for b in report["befunde"])


# „davon … und …“ ------------------------------------------------------------------------------------------------

YEARS = [Fraction(400_000), Fraction(400_000), Fraction(45_000)]
VMH, VWH = sum(YEARS, Fraction(0)), Fraction(425_000)


def _davon(total_in_mio: Fraction) -> str:
    return (
        f"Zusammen sind das Mehrkosten von {zahl(total_in_mio, 2)} Mio. €, davon {euro(VMH)} im Vermögenshaushalt "
        f"(2021 und 2022 je {euro(YEARS[0])}, 2023 {euro(YEARS[2])}) und {euro(VWH)} im Verwaltungshaushalt.\n"
    )


def test_a_total_split_with_davon_adds_up(capsys, tmp_path):
    total = (VMH + VWH) / 1_000_000  # 1,27 Mio. €
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _davon(total)))
    assert code == 0
    assert ("davon_summe", VMH + VWH, "stimmt") in _found(report)


def test_a_davon_split_that_does_not_add_up_is_no_slip(capsys, tmp_path):
    # „davon“ may leave parts unnamed: 1,30 Mio. € against 845.000 € + 425.000 € is no proof of a slip – a doubt
    # (test_nachrechnen_davon.py: parts that fall short; parts that exceed their whole are a slip)
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _davon(Fraction(130, 100))))
    assert code == 0 and not [b for b in report["befunde"] if b["status"] == "Fehler"]
    assert {b["status"] for b in report["befunde"] if b["art"] == "davon_summe"} == {"nicht eindeutig"}


def test_a_davon_after_a_participle_with_years_naming_the_parts(capsys, tmp_path):
    # a Haushaltssatzung's Verpflichtungsermächtigungen split by year; x07 of the corpus's Zusatz („um 97.863 €
    # gewachsen, davon um 14.943 € … und um 82.920 €“)
    erste, zweite = Fraction(800_000), Fraction(400_000)
    for teile in (
        f"davon entfallen auf 2025 {euro(erste)} und auf 2026 {euro(zweite)}",
        f"davon {euro(erste)} für 2025 und {euro(zweite)} für 2026",
    ):
        text = (
            f"Der Gesamtbetrag der Verpflichtungsermächtigungen wird auf {euro(erste + zweite)} festgesetzt, {teile}.\n"
        )
        code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
        assert code == 0 and _found(report) == [("davon_summe", erste + zweite, "stimmt")]
    # a figure between the total and „davon“ is no participle: nothing is split
    text = f"Der Ansatz beträgt {euro(erste + zweite)} und 2024 {euro(erste)}, davon {euro(zweite)} für Bau und {euro(zweite)} für Planung.\n"
    code, report, _ = check(capsys, write(tmp_path, "b.txt", text))
    assert code == 0 and ("davon_summe", erste + zweite, "stimmt") not in _found(report)


# „… plus …“ ------------------------------------------------------------------------------------------------------

PLAN, NACHZAHLUNG = Fraction(612_000), Fraction(4_250)


def test_a_total_before_a_colon_and_its_parts_joined_by_plus(capsys, tmp_path):
    text = (
        f"Im Nachtrag war die Umlage mit {euro(PLAN + NACHZAHLUNG)} geplant: dem Jahresansatz von {euro(PLAN)} "
        f"plus rund {euro(NACHZAHLUNG)} Nachzahlung für das Vorjahr.\n"
    )
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0
    assert _found(report) == [("plus_summe", PLAN + NACHZAHLUNG, "stimmt")]


def test_amounts_joined_by_plus_and_minus_and_their_total_after_zusammen(capsys, tmp_path):
    a, b, c = Fraction("18250.40"), Fraction("1312.75"), Fraction("500.10")
    text = (
        f"Die Kosten betragen {euro(a, cent=True)} zuzüglich {euro(b, cent=True)} Nebenkosten abzüglich "
        f"{euro(c, cent=True)} Skonto, zusammen also {euro(a + b - c, cent=True)}.\n"
    )
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0
    assert _found(report) == [("plus_summe", a + b - c, "stimmt")]


def test_plus_without_a_total_word_is_no_calculation(capsys, tmp_path):
    # three amounts, the third of which merely follows: no colon before, no „zusammen“ after
    text = "Die Stadt zahlt 5.000 € plus 2.000 € Nebenkosten an den Verein, der im Jahr 9.000 € erhält.\n"
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0 and report["befunde"] == []


def test_a_plus_sum_that_does_not_add_up_is_no_slip(capsys, tmp_path):
    text = f"Geplant waren {euro(PLAN + NACHZAHLUNG + 1000)}: der Ansatz von {euro(PLAN)} plus {euro(NACHZAHLUNG)}.\n"
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    _no_slip_nor_doubt(code, report)
    assert report["befunde"] == []


# „das sind … % der Gesamtkosten“ -------------------------------------------------------------------------------

GESAMT, FOERDERUNG = Fraction("812400.00"), Fraction("609300.00")  # 609.300 / 812.400 = 3/4 exactly


def _share(percent: str, noun: str = "Gesamtkosten") -> str:
    return (
        f"Beantragt waren förderfähige Gesamtkosten von {euro(GESAMT, cent=True)}. Der Bescheid bewilligt "
        f"{euro(FOERDERUNG, cent=True)} Fördermittel, das sind {percent}{NBSP}% der {noun}.\n"
    )


def test_a_share_of_an_amount_named_before(capsys, tmp_path):
    assert Fraction(3, 4) == FOERDERUNG / GESAMT
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _share(zahl(FOERDERUNG / GESAMT * 100, 0))))
    assert code == 0
    assert ("anteil_prozent", Fraction(75), "stimmt") in _found(report)


def test_a_share_of_a_noun_the_text_names_no_amount_for_is_not_read(capsys, tmp_path):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _share("75", noun="Baukosten")))
    assert code == 0 and "anteil_prozent" not in [b["art"] for b in report["befunde"]]


def test_a_share_that_does_not_hold_is_no_slip(capsys, tmp_path):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _share("80")))
    _no_slip_nor_doubt(code, report)
    assert "anteil_prozent" not in [b["art"] for b in report["befunde"]]


# „um … %-Punkte von … auf …“ -----------------------------------------------------------------------------------

VORHER, NACHHER = Fraction("31.42"), Fraction("31.77")


def _points(change: Fraction, aside: str = "", punkte: str = "%-Punkte") -> str:
    return (
        f"Der Umlagesatz steigt gegenüber dem Vorjahr um {zahl(change, 2)}{punkte} von {zahl(VORHER, 2)}%{aside} "
        f"auf {zahl(NACHHER, 2)}%.\n"
    )


def test_a_change_in_percentage_points(capsys, tmp_path):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _points(NACHHER - VORHER)))
    assert code == 0
    assert _found(report) == [("von_auf_um", NACHHER - VORHER, "stimmt")]


def test_a_wrong_change_in_percentage_points_is_a_slip(capsys, tmp_path):
    wrong = NACHHER - VORHER - Fraction(1, 10)
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _points(wrong)))
    assert code == 1
    assert [(b["status"], Fraction(Decimal(b["werte"]["nachgerechnet"]))) for b in report["befunde"]] == [
        ("Fehler", NACHHER - VORHER)
    ]


def test_a_rate_qualified_in_brackets_is_only_not_eindeutig(capsys, tmp_path):
    wrong = NACHHER - VORHER + Fraction(2, 100)
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _points(wrong, aside=" (ohne Ausschüttung)")))
    assert code == 0
    assert [b["status"] for b in report["befunde"]] == ["nicht eindeutig"]


def test_a_change_in_percent_without_points_is_not_read(capsys, tmp_path):
    # „um 0,35 %“ may be relative (31,42 % × 1,0035) or in points: the sentence does not say
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _points(NACHHER - VORHER, punkte=" %")))
    assert code == 0 and report["befunde"] == []


# „1/3 von …“ ------------------------------------------------------------------------------------------------------

BASIS = Fraction("12360.00")


def test_a_fraction_of_an_amount_with_its_result_in_brackets(capsys, tmp_path):
    third = BASIS / 3
    text = (
        f"Somit wären {euro(third)} (1/3 von {euro(BASIS, cent=True)} ({euro(third, cent=True)})) als Zuschuss "
        "zu gewähren.\n"
    )
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0
    assert sorted(_found(report)) == [("bruchteil", third, "stimmt"), ("bruchteil", third, "stimmt")]


def test_a_wrong_fraction_is_only_not_eindeutig(capsys, tmp_path):
    quarter = BASIS / 4
    text = f"Der Zuschuss beträgt 1/4 von {euro(BASIS, cent=True)} ({euro(quarter - 90, cent=True)}).\n"
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0
    assert [(b["status"], Fraction(Decimal(b["werte"]["nachgerechnet"]))) for b in report["befunde"]] == [
        ("nicht eindeutig", quarter)
    ]


def test_fractions_without_a_result_are_not_read(capsys, tmp_path):
    text = f"Es tragen 2/3 von {euro(BASIS)} (Bund und Land) und 1/3 von {euro(BASIS)} (Stadt am 02.05.2024).\n"
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0 and report["befunde"] == []


# „… bestehen aus“ and bullets ---------------------------------------------------------------------------------

JUGEND, LOHN, BAU = Fraction("7.5"), Fraction("2.0"), Fraction("1.5")


def _made_of(total: Fraction, first_word: str = "") -> str:
    return (
        f"Die für 2026 geplanten {zahl(total, 1)} Mehrstellen bestehen aus\n"
        f"• {first_word}{zahl(JUGEND, 1)} Mehrstellen in der Abteilung Jugend nach dem Gutachten,\n"
        f"• {zahl(LOHN, 1)} Mehrstellen in der Lohnstelle und\n"
        f"• {zahl(BAU, 1)} Mehrstellen im Bauamt.\n"
    )


def test_a_figure_made_of_the_bullets_below_it(capsys, tmp_path):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _made_of(JUGEND + LOHN + BAU)))
    assert code == 0
    assert _found(report) == [("aufzaehlung_summe", JUGEND + LOHN + BAU, "stimmt")]


def test_bullets_that_do_not_add_up_are_only_not_eindeutig(capsys, tmp_path):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _made_of(JUGEND + LOHN + BAU + 1)))
    assert code == 0
    assert [b["status"] for b in report["befunde"]] == ["nicht eindeutig"]


def test_bullets_that_do_not_open_with_their_figure_are_not_read(capsys, tmp_path):
    # „• davon 7,5 …“: the figure is not what the bullet is, the list may say something else
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _made_of(JUGEND + LOHN + BAU + 1, first_word="davon ")))
    assert code == 0 and report["befunde"] == []


# „… hinzu und … fallen weg, netto …“, „steigt damit von … auf …“ -----------------------------------------------

NEU, WEG, STAND = Fraction("9.5"), Fraction("2.5"), Fraction("512.5")


def _netto(net: Fraction, level: Fraction, damit: str = "damit ") -> str:
    return (
        f"Im Stellenplan 2026 kommen {zahl(NEU, 1)} Mehrstellen hinzu und {zahl(WEG, 1)} Stellen fallen weg, netto "
        f"also ein Plus von {zahl(net, 1)} Planstellen. Die Zahl der Planstellen steigt {damit}von {zahl(STAND, 1)} "
        f"auf {zahl(level, 1)}.\n"
    )


def test_added_less_dropped_and_the_level_it_changes(capsys, tmp_path):
    net = NEU - WEG
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _netto(net, STAND + net)))
    assert code == 0
    assert sorted(_found(report)) == [("saldo_netto", net, "stimmt"), ("stand_netto", STAND + net, "stimmt")]


def test_a_net_change_that_does_not_hold_is_no_slip(capsys, tmp_path):
    net = NEU - WEG
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _netto(net + 1, STAND + net)))
    _no_slip_nor_doubt(code, report)
    assert [b["art"] for b in report["befunde"]] == []


def test_a_level_without_damit_is_not_tied_to_the_change_before(capsys, tmp_path):
    net = NEU - WEG
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _netto(net, STAND + net, damit="im Vorjahr ")))
    assert code == 0
    assert [b["art"] for b in report["befunde"]] == ["saldo_netto"]
