"""The twenty-seventh round's false alarms of fresh set 11 and a share of a base named by its noun, each as a paper of
its own shape. Figures with Fraction, apart from the engine."""

from __future__ import annotations

from fractions import Fraction

import pytest

from tests.hilfen.nachrechnen import by_status, check, check_paper, papers, write
from tests.referenz.rechnen import rund, zahl

CENT = Fraction(1, 100)


def _signed(value: Fraction) -> str:
    return ("+" if value > 0 else "") + zahl(value, 0)


def _nachtrag(saldo_change: Fraction | None = None) -> str:
    """A Nachtragssatzung's § 1 in a pipe table with rows that name its parts („im Finanzhaushalt“), the Auszahlungen
    for Investitionen falling more than the Einzahlungen."""
    rows = [
        ("Gesamtbetrag der ordentlichen Erträge", Fraction(24615200), Fraction(382700)),
        ("Gesamtbetrag der ordentlichen Aufwendungen", Fraction(25104900), Fraction(611300)),
    ]
    fin = [
        ("Gesamtbetrag der Einzahlungen aus Investitionstätigkeit", Fraction(3742000), Fraction(-415000)),
        ("Gesamtbetrag der Auszahlungen aus Investitionstätigkeit", Fraction(6218400), Fraction(-730500)),
    ]

    def row(label: str, old: Fraction, change: Fraction) -> str:
        return f"| {label} | {zahl(old, 0)} | {_signed(change)} | {zahl(old + change, 0)} |\n"

    (_, e_old, e_chg), (_, a_old, a_chg) = rows
    (_, ei_old, ei_chg), (_, ai_old, ai_chg) = fin
    change = ei_chg - ai_chg if saldo_change is None else saldo_change
    return (
        "### § 1\n\nDer Haushaltsplan wird wie folgt geändert:\n\n"
        "| | bisher | Veränderung | neu |\n|---|---:|---:|---:|\n"
        "| **im Ergebnishaushalt** | | | |\n"
        + "".join(row(*r) for r in rows)
        + row("Betrag des veranschlagten ordentlichen Ergebnisses", e_old - a_old, e_chg - a_chg)
        + "| **im Finanzhaushalt** | | | |\n"
        + "".join(row(*r) for r in fin)
        + f"| Saldo der Ein- und Auszahlungen aus Investitionstätigkeit | {zahl(ei_old - ai_old, 0)} | "
        f"{_signed(change)} | {zahl(ei_old - ai_old + ei_chg - ai_chg, 0)} |\n"
    )


def test_the_change_of_a_saldo_under_a_row_that_names_a_part_of_the_table(tmp_path, capsys):
    # −415.000 − (−730.500) = +315.500; read against the amounts it was −1.145.500 (a false alarm)
    assert Fraction(-415000) - Fraction(-730500) == Fraction(315500)
    code, report, _ = check(capsys, write(tmp_path, "a.md", _nachtrag()))
    assert code == 0 and not by_status(report, "Fehler")
    saldo = [b for b in by_status(report, "stimmt") if b["zeile"] == 14]
    assert any("Veränderung" in b["erkannt"] for b in saldo), saldo
    code, report, _ = check(capsys, write(tmp_path, "b.md", _nachtrag(Fraction(351500))))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 14 and Fraction(fehler["werte"]["nachgerechnet"]) == Fraction(315500)


def test_a_row_that_leaves_the_change_column_empty_has_no_difference(tmp_path, capsys):
    mess, satz = Fraction(41382_17, 100), Fraction(312)
    neu, alt = rund(mess * satz / 100, CENT), Fraction(118640)
    b_mess, b_satz = Fraction(412806_55, 100), Fraction(598)
    text = (
        "| Steuerart | Messbeträge (€) | Hebesatz (%) | Aufkommen 2025 (€) | Aufkommen 2024 (€) | Veränderung (€) |\n"
        "|---|---:|---:|---:|---:|---:|\n"
        f"| Grundsteuer A | {zahl(mess, 2)} | {zahl(satz, 0)} | {zahl(neu, 2)} | {zahl(alt, 2)} | "
        f"{_signed(neu - alt)[0]}{zahl(neu - alt, 2)} |\n"
        f"| Grundsteuer B Wohnen | {zahl(b_mess, 2)} | {zahl(b_satz, 0)} | {zahl(rund(b_mess * b_satz / 100, CENT), 2)} "
        "| | |\n"
    )
    code, report, _ = check(capsys, write(tmp_path, "a.md", text))
    assert code == 0 and not by_status(report, "Fehler")
    assert [b["zeile"] for b in by_status(report, "stimmt") if "Veränderung" in b["erkannt"]] == [3]


def test_an_amount_worked_out_of_a_rate_after_a_change_from_to_is_no_difference(tmp_path, capsys):
    vorher, entnahme = Fraction(1204615_80, 100), Fraction(352930)
    ausgaben = Fraction(9412385_16, 100)
    mindest = rund(ausgaben * 2 / 100, CENT)
    text = (
        f"Der Verwaltungshaushalt schließt mit Ausgaben von {zahl(ausgaben, 2)} € ab.\n\n"
        f"Durch die Entnahme verringert sich die Rücklage von {zahl(vorher, 2)} € auf "
        f"{zahl(vorher - entnahme, 2)} €. Die Mindestrücklage von 2 % der Ausgaben des Verwaltungshaushaltes beträgt "
        f"{zahl(mindest, 2)} € und wird eingehalten.\n"
    )
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0 and not by_status(report, "Fehler") and not by_status(report, "nicht eindeutig")


def _beteiligung(typed: Fraction) -> str:
    return (
        "Die Gesamtkosten betragen 448.000 €. Die Zuwendung beträgt 315.112,50 €.\n"
        "Der verbleibende Eigenanteil der Gemeinde liegt bei 132.887,50 €.\n"
        f"Der Landkreis hat zugesagt, sich mit 10 % am Eigenanteil zu beteiligen; das wären {zahl(typed, 2)} €.\n"
    )


def test_a_rate_of_a_base_named_by_its_noun_gives_the_amount_after_it(tmp_path, capsys):
    eigenanteil = Fraction(448000) - Fraction(31511250, 100)
    assert eigenanteil == Fraction(13288750, 100)
    richtig = rund(eigenanteil * 10 / 100, CENT)
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _beteiligung(richtig)))
    assert code == 0 and [b["zeile"] for b in by_status(report, "stimmt") if b["art"] == "prozentbezug"] == [3]
    # 10 % of the Gesamtkosten: the search among amounts confirmed it before, the words name the Eigenanteil
    code, report, _ = check(capsys, write(tmp_path, "b.txt", _beteiligung(Fraction(448000) * 10 / 100)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 3 and Fraction(fehler["werte"]["nachgerechnet"]) == richtig


B_ALT, B_NEU, A_ALT, A_NEU = Fraction(1284650), Fraction(1288168), Fraction(96215), Fraction(96584)


def _grundsteuer(change: Fraction) -> str:
    neu, alt = B_NEU + A_NEU, B_ALT + A_ALT
    return (
        "Grundsteuer B\n"
        f"Aufkommen 2024: {zahl(B_ALT, 0)} €\n"
        f"Aufkommen 2025 voraussichtlich: {zahl(B_NEU, 0)} €\n\n"
        "Grundsteuer A\n"
        f"Aufkommen 2024: {zahl(A_ALT, 0)} €\n"
        f"Aufkommen 2025 voraussichtlich: {zahl(A_NEU, 0)} €\n\n"
        f"Zusammen ergibt sich ein Grundsteueraufkommen von {zahl(neu, 0)} € gegenüber {zahl(alt, 0)} € im Jahr "
        f"2024, also eine Veränderung um {zahl(change, 0)} €.\n"
    )


def test_a_change_against_the_amount_compared_with_and_no_relation_the_slip_made(tmp_path, capsys):
    neu, alt = B_NEU + A_NEU, B_ALT + A_ALT
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _grundsteuer(neu - alt)))
    assert code == 0 and [b["art"] for b in by_status(report, "stimmt") if b["zeile"] == 9].count("differenz") == 1
    # the change typed as the new total less only the old Grundsteuer B: the search confirmed it before, and once it
    # is a slip, the search's „1.384.752 − 100.102 = 1.284.650“ is a relation the slip made – no Folgefehler
    falsch = neu - B_ALT
    code, report, _ = check(capsys, write(tmp_path, "b.txt", _grundsteuer(falsch)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 9 and Fraction(fehler["werte"]["nachgerechnet"]) == neu - alt
    assert not by_status(report, "Folgefehler") and not fehler["folgen"]


# right papers an adversary wrote against this round's forms (/tmp/angriff16, 114 right papers, each figure worked out
# with Fraction by its generator) on which `nachrechnen` said „Fehler“ before the mends: counts of different things
# („3 Kindergärten, 2 Grundschulen und 1 Mittelschule. Insgesamt … 812 Kinder“: a06, r01, a56, r10, a50), house
# numbers (a13, r03), an amount „je“ piece first (a17, r02: 3 × 15.000 + 40.000 + 5.000), a rate of a part of what its
# noun names (b14, r06: „80 % der Gesamtkosten ohne Umsatzsteuer“; b31, r07: „… am Eigenanteil für die
# Flutlichtanlage“) and a bounded rate (b25, r05, r08: „10 % der Gesamtkosten, höchstens jedoch 50.000 €“) – the last
# five by readings older than this round; a second adversary (/tmp/angriff17, 107 right papers): the share left
# after a rate read as its part (B09, B30, B31: „30 % der Baukosten; der Eigenanteil beträgt also 287.000 €“), two
# rates or a rate of the rest (B35, B36), a rate marked „rund“, „ca.“, „knapp“ (B05, B32, B33: 131.000 of 437.800 €),
# the gross amount „Zuzüglich 19 % Umsatzsteuer ergeben sich …“ read as the tax (B28, older), an enumeration whose
# first part has a bracket after it (C09, C27, C28); and four of the first adversary's papers that became false alarms
# while its doubts were mended: a Zwischensumme among the parts (a19), „zusammen gut 72.000 €“ (a27), parts per month
# and a total per year (a35), prices „zu“ a piece (a48); and five older ones of the round before's third adversary
# (/tmp/angriff15: a15_e03 … a15_e10): a row „Ergebnis der laufenden Verwaltungstätigkeit“ under the ordentliche
# Ergebnis and the Finanzergebnis (a scheme that names its last total so) was read as Erträge less Aufwendungen; a
# third adversary against davonanteil (/tmp/angriff18, 46 right papers): the amount after the rate of another time
# („Der Betrag des Vorjahres lag bei …“, „Der jährliche Betrag …“ of a monthly base: a18_…)
FALL = papers("fehlalarme_runde27")


@pytest.mark.parametrize("path", FALL, ids=lambda p: p.stem)
def test_a_right_paper_of_the_adversary_ends_without_a_slip(tmp_path, capsys, path):
    code, report = check_paper(capsys, tmp_path, path)
    assert code == 0 and not by_status(report, "Fehler")


def test_the_amount_after_a_rate_of_a_named_base_is_its_result_not_its_part(tmp_path, capsys):
    kosten, satz = Fraction(410000), Fraction(30)

    def papier(betrag: Fraction) -> str:
        return (
            f"Die Baukosten betragen {zahl(kosten, 0)} €. Der Freistaat fördert {zahl(satz, 0)} % der Baukosten, "
            f"also {zahl(betrag, 0)} €.\n"
        )

    code, report, _ = check(capsys, write(tmp_path, "a.txt", papier(kosten * satz / 100)))
    assert code == 0 and [b["zeile"] for b in by_status(report, "stimmt")] == [1]
    # 123.400 € for 123.000 €: read as its rate, 123.400 / 410.000 = 30,1 % rounds to the typed 30 % (a „stimmt“)
    falsch = kosten * satz / 100 + 400
    assert round(falsch / kosten * 100) == satz
    code, report, _ = check(capsys, write(tmp_path, "b.txt", papier(falsch)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and Fraction(fehler["werte"]["nachgerechnet"]) == kosten * satz / 100


# right papers of the first adversary on which the older list reading („genannte Beträge und ihre genannte Summe“,
# erkennen/teilbetraege.py) said „nicht eindeutig“: the total named first among its parts (a03), „abzüglich“ (a39), a
# percentage added (a44), an amount in brackets after „davon“ (a64) – the sentence says these are no plain sum
ZWEIFEL = papers("zweifel_runde27")


@pytest.mark.parametrize("path", ZWEIFEL, ids=lambda p: p.stem)
def test_a_right_paper_whose_sentence_says_it_is_no_plain_sum_raises_no_doubt(tmp_path, capsys, path):
    code, report = check_paper(capsys, tmp_path, path)
    assert code == 0 and not by_status(report, "Fehler") and not by_status(report, "nicht eindeutig")


def test_a_change_against_the_amount_named_before_as_bisher(tmp_path, capsys):
    neu, bisher = Fraction(221035), Fraction(781948)

    def papier(change: Fraction) -> str:
        return (
            f"Im Finanzhaushalt ergibt sich nun ein Finanzmittelfehlbetrag von {zahl(neu, 0)} €, bisher waren es "
            f"{zahl(bisher, 0)} €; das ist ebenfalls eine Verbesserung um {zahl(change, 0)} €.\n"
        )

    code, report, _ = check(capsys, write(tmp_path, "a.txt", papier(bisher - neu)))
    assert code == 0 and [b["art"] for b in by_status(report, "stimmt")] == ["differenz"]
    code, report, _ = check(capsys, write(tmp_path, "b.txt", papier(bisher - neu + 18)))  # two digits swapped
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and Fraction(fehler["werte"]["nachgerechnet"]) == bisher - neu
