"""erkennen/steuerzeile.py for itself: „Summe netto“, „zzgl. 19 % MwSt.“, „Summe brutto“ at the close of a table –
the tax is the net amount times the rate, the gross amount their sum. Before, the search confirmed both where they
held, and a slip in either was only „nicht geprüft“ (exit 0). Every expected value is worked out here with Fraction;
the hostile cases are a tax under one item of a list, a tax contained in a gross amount, two tax rows on parts, a
tax row without a rate."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import rund, zahl

CENT = Fraction(1, 100)
NETTO = Fraction(12_480) + Fraction(3_215_50, 100) + Fraction(980)  # three items: 16.675,50
SATZ = Fraction(19)
STEUER = rund(NETTO * SATZ / 100, CENT)  # 3.168,345 → 3.168,35
BRUTTO = NETTO + STEUER


def _eur(value: Fraction) -> str:
    return zahl(value, 2) + " €"


def _tabelle(steuer: Fraction = STEUER, brutto: Fraction = BRUTTO, steuerzeile: str = "zzgl. 19 % MwSt.") -> str:
    return (
        "Kostenschätzung für die Sanierung des Spielplatzes:\n\n"
        "| Position | Betrag |\n| --- | --- |\n"
        f"| Spielgeräte | {_eur(Fraction(12_480))} |\n| Fallschutz | {_eur(Fraction(3_215_50, 100))} |\n"
        f"| Einbau | {_eur(Fraction(980))} |\n| Summe netto | {_eur(NETTO)} |\n"
        f"| {steuerzeile} | {_eur(steuer)} |\n| Summe brutto | {_eur(brutto)} |\n"
    )


def test_the_tax_and_the_gross_amount_under_the_net_amount(tmp_path, capsys):
    assert NETTO * SATZ / 100 != STEUER  # rounded to the cent indeed
    readings = erkannt(tmp_path, "steuerzeile", _tabelle())
    assert [werte(r) for r in readings] == [([NETTO, SATZ], STEUER), ([NETTO, STEUER], BRUTTO)]
    assert all(r.sicher for r in readings)
    code, report, _ = check(capsys, write(tmp_path, "a.md", _tabelle()))
    assert code == 0 and by_status(report, "Fehler") == [] and report["nicht_geprueft"] == []


def test_a_slip_in_the_tax_is_a_slip_and_the_gross_amount_holds_once_it_is_corrected(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "a.md", _tabelle(steuer=STEUER + 10)))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 9 and Fraction(slip["werte"]["nachgerechnet"]) == STEUER
    (brutto,) = [b for b in report["befunde"] if b["zeile"] == 10]
    assert brutto["status"] == "stimmt" and brutto["hinweis"] == "stimmt, sobald der Fehler in Z. 9 berichtigt ist"


def test_a_slip_in_the_gross_amount(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "a.md", _tabelle(brutto=BRUTTO - 9)))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 10 and Fraction(slip["werte"]["nachgerechnet"]) == BRUTTO


def test_the_rate_in_brackets_and_the_tax_named_in_words(tmp_path):
    readings = erkannt(tmp_path, "steuerzeile", _tabelle(steuerzeile="Umsatzsteuer (19 %)"))
    assert [werte(r) for r in readings] == [([NETTO, SATZ], STEUER), ([NETTO, STEUER], BRUTTO)]


def test_a_tax_row_without_a_rate_gives_the_gross_amount_only(tmp_path, capsys):
    readings = erkannt(tmp_path, "steuerzeile", _tabelle(steuerzeile="zzgl. MwSt."))
    assert [werte(r) for r in readings] == [([NETTO, STEUER], BRUTTO)]
    code, report, _ = check(capsys, write(tmp_path, "a.md", _tabelle(steuerzeile="zzgl. MwSt.", brutto=BRUTTO + 1)))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 10


# hostile: rows a tax row stands beside that are no net amount, or a tax that is no addition


def test_a_tax_under_one_item_of_a_list_is_not_read(tmp_path):
    text = _tabelle().replace(f"| Summe netto | {_eur(NETTO)} |\n", "")  # the tax is on the three items together
    assert erkannt(tmp_path, "steuerzeile", text) == []


def test_a_tax_contained_in_the_gross_amount_is_not_read(tmp_path, capsys):
    enthalten = rund(BRUTTO * SATZ / (100 + SATZ), CENT)  # the tax in a gross amount: not gross × 19 %
    text = f"| Summe brutto | {_eur(BRUTTO)} |\n| darin enthalten 19 % MwSt. | {_eur(enthalten)} |\n"
    assert erkannt(tmp_path, "steuerzeile", "| Position | Betrag |\n| --- | --- |\n" + text) == []
    code, report, _ = check(capsys, write(tmp_path, "a.md", "| Position | Betrag |\n| --- | --- |\n" + text))
    assert code == 0 and by_status(report, "Fehler") == []


def test_two_tax_rows_on_parts_are_not_read(tmp_path, capsys):
    buecher, moebel = Fraction(600), Fraction(16_075_50, 100)
    assert buecher + moebel == NETTO
    text = (
        f"| Summe netto | {_eur(NETTO)} |\n| zzgl. 7 % MwSt. auf Bücher | {_eur(rund(buecher * 7 / 100, CENT))} |\n"
        f"| zzgl. 19 % MwSt. auf Möbel | {_eur(rund(moebel * 19 / 100, CENT))} |\n"
    )
    assert erkannt(tmp_path, "steuerzeile", text) == []
    code, report, _ = check(capsys, write(tmp_path, "a.md", text))
    assert code == 0 and by_status(report, "Fehler") == []


def test_a_table_typed_with_tabs_and_amounts_without_a_unit(tmp_path, capsys):
    # a Kostenschätzung of a Bauamt: „EP (€) | GP (€)“ over figures with cents, „zzgl. 19 % MwSt.“ in the label cell
    steuer = rund(NETTO * SATZ / 100, CENT)
    text = "Pos.\tLeistung\tGP (€)\n1\tSpielgeräte\t12.480,00\n2\tFallschutz\t3.215,50\n3\tEinbau\t980,00\n"
    text += f"\tSumme netto\t{zahl(NETTO, 2)}\n\tzzgl. 19 % MwSt.\t{zahl(steuer + 9, 2)}\n\tSumme brutto\t{zahl(NETTO + steuer, 2)}\n"
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 6 and Fraction(slip["werte"]["nachgerechnet"]) == steuer
    (brutto,) = [b for b in report["befunde"] if b["zeile"] == 7]
    assert brutto["status"] == "stimmt" and "berichtigt" in brutto["hinweis"]


def test_a_figure_without_a_unit_and_cents_beside_amounts_in_euro_is_not_read(tmp_path):
    text = f"| Summe netto | {_eur(NETTO)} |\n| zzgl. 19 % MwSt. | {zahl(STEUER, 2)} |\n| Summe brutto | {_eur(BRUTTO)} |\n"
    assert erkannt(tmp_path, "steuerzeile", text) == []


def test_a_rate_typed_wrong_beside_a_tax_of_the_right_rate_is_the_slip(tmp_path, capsys):
    # „zzgl. 16 % MwSt.“ over 19 % of the net amount: the amount does not round to 16 % – the rate is named
    code, report, _ = check(capsys, write(tmp_path, "a.md", _tabelle(steuerzeile="zzgl. 16 % MwSt.")))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 9 and Fraction(slip["werte"]["nachgerechnet"]) == SATZ
    assert by_status(report, "Folgefehler") == []
