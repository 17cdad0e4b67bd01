"""erkennen/strichsumme.py for itself: a text table's sum under a rule of dashes, a row „abzgl. … 10 %“ under it and
the rest under a second rule – the Erschließungsaufwand of a new user's Vorlage. Figures with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import rund, zahl

CENT = Fraction(1, 100)
POSTEN = [("Grunderwerb", Fraction(84_320)), ("Freilegung", Fraction(12_480)), ("Straßenbau", Fraction(486_950))]
POSTEN.append(("Straßenbeleuchtung", Fraction("36817.45")))
RULE = " " * 44 + "-------------\n"


def _aufwand(summe: Fraction | None = None, anteil: Fraction | None = None, rest: Fraction | None = None) -> str:
    gesamt = sum(p for _, p in POSTEN)
    summe = gesamt if summe is None else summe
    anteil = rund(summe / 10, CENT) if anteil is None else anteil
    rest = summe - anteil if rest is None else rest
    text = "".join(f"{name:<40}{zahl(p, 2) + ' €':>20}\n" for name, p in POSTEN) + RULE
    text += f"{'beitragsfähiger Erschließungsaufwand':<40}{zahl(summe, 2) + ' €':>20}\n"
    text += f"{'abzgl. Gemeindeanteil 10 % (§ 129 BauGB)':<40}{zahl(anteil, 2) + ' €':>20}\n" + RULE
    return text + f"{'umlagefähiger Aufwand':<40}{zahl(rest, 2) + ' €':>20}\n"


def test_the_sum_under_the_rule_the_rate_taken_off_and_the_rest(tmp_path):
    gesamt = sum(p for _, p in POSTEN)
    summe, anteil, rest = erkannt(tmp_path, "strichsumme", _aufwand())
    assert werte(summe) == ([p for _, p in POSTEN], gesamt)
    assert werte(anteil) == ([gesamt, Fraction(10)], rund(gesamt / 10, CENT))
    assert werte(rest) == ([gesamt, rund(gesamt / 10, CENT)], gesamt - rund(gesamt / 10, CENT))
    assert rest.vorzeichen == [1, -1]


def test_a_sum_not_updated_and_a_share_of_an_old_sum_are_slips(tmp_path, capsys):
    gesamt = sum(p for _, p in POSTEN)
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _aufwand(summe=gesamt + 45)))
    assert code == 1 and [f["zeile"] for f in by_status(report, "Fehler")] == [6]
    alt = rund((gesamt - 36_817) / 10, CENT)  # 10 % of the sum before the last row came in
    code, report, _ = check(
        capsys, write(tmp_path, "b.txt", _aufwand(anteil=alt, rest=gesamt - rund(gesamt / 10, CENT)))
    )
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 7 and Fraction(fehler["werte"]["nachgerechnet"]) == rund(gesamt / 10, CENT)


def test_no_rule_a_markdown_table_rule_or_a_single_row_is_no_such_sum(tmp_path):
    assert erkannt(tmp_path, "strichsumme", _aufwand().replace(RULE, "\n")) == []
    markdown = "| Posten | Betrag |\n|---|---|\n| A | 100,00 € |\n| B | 200,00 € |\n| Summe | 300,00 € |\n"
    assert erkannt(tmp_path, "strichsumme", markdown) == []
    assert erkannt(tmp_path, "strichsumme", "Kosten\nGrunderwerb  84.320,00 €\n" + RULE + "Summe  84.320,00 €\n") == []


def test_rows_under_a_line_abzueglich_are_taken_off_the_amount_above_it(tmp_path, capsys):
    # a fifth helper's Kita-Defizit (a false alarm of this form's first try: the three rows alone summed)
    personal, sach = Fraction(1_284_600), Fraction(213_454)
    gesamt = personal + sach
    abzuege = [Fraction(187_420), Fraction(402_960), rund(gesamt * Fraction(2, 100), CENT)]
    text = (
        f"Personalkosten\t{zahl(personal, 2)} €\nSachkosten\t{zahl(sach, 2)} €\nGesamtkosten\t{zahl(gesamt, 2)} €\n\n"
    )
    text += "abzüglich\n" + "".join(f"Posten {i}\t{zahl(a, 2)} €\n" for i, a in enumerate(abzuege)) + "-" * 40 + "\n"
    text += f"Defizit 2023\t{zahl(gesamt - sum(abzuege), 2)} €\n"
    code, report, _ = check(capsys, write(tmp_path, "k.txt", text))
    assert code == 0 and not by_status(report, "Fehler")
    (summe,) = [b for b in report["befunde"] if b["art"] == "strichsumme"]
    assert summe["status"] == "stimmt" and Fraction(summe["werte"]["nachgerechnet"]) == gesamt - sum(abzuege)


def test_a_row_that_goes_into_another_row_is_not_summed(tmp_path, capsys):
    # „Leasingrate monatlich … = 544,60 €“ goes into „Leasingraten pro Jahr: 544,60 € x 12 = 6.535,20 €“
    monat = 14 * Fraction("38.90")
    jahr, sw, farbe = 12 * monat, 420_000 * Fraction("0.0062"), 85_000 * Fraction("0.049")
    text = f"Leasingrate monatlich: 14 Geräte x 38,90 €   =   {zahl(monat, 2)} €\n"
    text += f"Leasingraten pro Jahr: {zahl(monat, 2)} € x 12   =   {zahl(jahr, 2)} €\n"
    text += f"Seitenpreis s/w: 420.000 Seiten x 0,0062 €   =   {zahl(sw, 2)} €\n"
    text += f"Seitenpreis Farbe: 85.000 Seiten x 0,049 €   =   {zahl(farbe, 2)} €\n" + "-" * 60 + "\n"
    text += f"jährliche Gesamtkosten netto   =   {zahl(jahr + sw + farbe, 2)} €\n"
    code, report, _ = check(capsys, write(tmp_path, "l.txt", text))
    assert code == 0 and not by_status(report, "Fehler")
    (summe,) = [b for b in report["befunde"] if b["art"] == "strichsumme"]
    assert summe["status"] == "stimmt" and summe["rechnung"].count("+") == 2
