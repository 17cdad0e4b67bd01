"""erkennen/vergleich.py: a column of changes that gives a fall by its minus is compared with its sign – a fall
typed as a rise is a slip (e08 of the corpus's Zusatz: „146,3 | 146,1 | - 0,2 | 0,2 %“ was read by amount and
passed); a column in % the head does not announce is sure where the other rows show it as the rate."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, write
from tests.referenz.rechnen import rund, zahl

# Zuweisungen of a Land to its Kommunen in €, the year before and the year (own figures)
ZEILEN = {
    "Schlüsselzuweisungen": (Fraction(3_938_000), Fraction(4_004_700)),
    "Grunderwerbsteuer": (Fraction(961_800), Fraction(901_900)),
    "Zuweisungen an die Bezirke": (Fraction(706_500), Fraction(712_000)),
    "Unterhaltung der Gemeindestraßen": (Fraction(146_300), Fraction(141_100)),
    "Sonstige": (Fraction(195_800), Fraction(193_900)),
}
HEAD = "| Bereich | 2024 | 2025 | Veränderung 2024/2025 | |\n|---|---|---|---|---|\n"


def _line(name: str) -> int:
    """The line of a row in the text: the head and its line of dashes come first."""
    return 3 + list(ZEILEN).index(name)


def _signed(value: Fraction, places: int, sign: bool = True) -> str:
    """„+ 66.700“, „- 5.200“ as the table types them; without `sign` the bare amount."""
    text = zahl(abs(value), places)
    if not sign or not rund(value, Fraction(1, 10**places)):
        return text
    return ("+ " if value > 0 else "- ") + text


def _rate(alt: Fraction, neu: Fraction) -> Fraction:
    return (neu - alt) / alt * 100


def _table(drop_rate: str = "", drop_difference: str = "", signs: bool = True, rates: dict | None = None) -> str:
    rows = []
    for name, (alt, neu) in ZEILEN.items():
        rate = (rates or {}).get(name, _rate(alt, neu))
        difference = _signed(neu - alt, 0, signs and name != drop_difference)
        rows.append(
            f"| {name} | {zahl(alt)} | {zahl(neu)} | {difference} | {_signed(rate, 1, signs and name != drop_rate)} % |"
        )
    return HEAD + "\n".join(rows) + "\n"


def test_a_fall_typed_as_a_rise_in_a_column_of_signed_rates_is_a_slip(tmp_path, capsys):
    alt, neu = ZEILEN["Unterhaltung der Gemeindestraßen"]
    assert _rate(alt, neu) < 0  # the figures of the test: the row falls
    code, report, _ = check(capsys, write(tmp_path, "t.txt", _table(drop_rate="Unterhaltung der Gemeindestraßen")))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == _line("Unterhaltung der Gemeindestraßen")
    assert fehler["nachgerechnet"] == f"\u2212{zahl(abs(_rate(alt, neu)), 1)}\u00a0%"
    assert "hier steht es gegen die Veränderung" in fehler["hinweis"]
    # typed with its minus, the same table holds in every row
    code, report, _ = check(capsys, write(tmp_path, "t.txt", _table()))
    assert code == 0 and by_status(report, "Fehler") == [] and len(by_status(report, "stimmt")) == 2 * len(ZEILEN)


def test_a_difference_without_its_minus_in_a_signed_column_is_a_slip(tmp_path, capsys):
    alt, neu = ZEILEN["Grunderwerbsteuer"]
    code, report, _ = check(capsys, write(tmp_path, "t.txt", _table(drop_difference="Grunderwerbsteuer")))
    (fehler,) = by_status(report, "Fehler")
    assert (
        code == 1
        and fehler["zeile"] == _line("Grunderwerbsteuer")
        and fehler["nachgerechnet"] == f"\u2212{zahl(alt - neu)}"
    )


def test_a_table_without_signs_is_compared_by_amount(tmp_path, capsys):
    """Falls typed as bare amounts throughout: the column gives no direction, each row holds by its amount."""
    code, report, _ = check(capsys, write(tmp_path, "t.txt", _table(signs=False)))
    assert code == 0 and by_status(report, "Fehler") == [] and len(by_status(report, "stimmt")) == 2 * len(ZEILEN)


def test_columns_in_the_other_order_are_compared_by_amount(tmp_path, capsys):
    """„2025 | 2024 | Veränderung“ with the change from 2024 to 2025: every sign goes against the later column less
    the earlier – the direction the columns run is not the one read, so the rows are compared by amount."""
    rows = [
        f"| {name} | {zahl(neu)} | {zahl(alt)} | {_signed(neu - alt, 0)} | {_signed(_rate(alt, neu), 1)} % |"
        for name, (alt, neu) in ZEILEN.items()
    ]
    text = "| Bereich | 2025 | 2024 | Veränderung 2024/2025 | |\n|---|---|---|---|---|\n" + "\n".join(rows) + "\n"
    code, report, _ = check(capsys, write(tmp_path, "t.txt", text))
    assert code == 0 and by_status(report, "Fehler") == []


def test_an_unannounced_rate_column_the_other_rows_show_is_sure(tmp_path, capsys):
    """The head says „Veränderung“ only; the cells carry %. Four rows hold as rates of the two columns: the fifth,
    off by a point, is a slip – two rows off, the column may be another percentage, and each is a doubt."""
    alt, neu = ZEILEN["Sonstige"]
    off = {"Sonstige": _rate(alt, neu) - 1}
    code, report, _ = check(capsys, write(tmp_path, "t.txt", _table(rates=off)))
    (fehler,) = by_status(report, "Fehler")
    assert (
        code == 1
        and fehler["zeile"] == _line("Sonstige")
        and fehler["nachgerechnet"] == f"\u2212{zahl(abs(_rate(alt, neu)), 1)}\u00a0%"
    )
    alt2, neu2 = ZEILEN["Zuweisungen an die Bezirke"]
    off["Zuweisungen an die Bezirke"] = _rate(alt2, neu2) + 1
    code, report, _ = check(capsys, write(tmp_path, "t.txt", _table(rates=off)))
    assert code == 0 and by_status(report, "Fehler") == []
    assert sorted(b["zeile"] for b in by_status(report, "nicht eindeutig")) == [
        _line("Zuweisungen an die Bezirke"),
        _line("Sonstige"),
    ]


def test_a_difference_within_the_rounding_a_document_names_says_why(tmp_path, capsys):
    """„Rundungsdifferenzen können auftreten“ over a comparison: a difference one off is a rounding, and its reason
    names the document's word (it ended „… im Rahmen der gerundeten Teile, “ with nothing after it: e04)."""
    alt, neu = ZEILEN["Sonstige"]
    table = _table().replace(f"- {zahl(alt - neu)} |", f"- {zahl(alt - neu + 1)} |")
    assert table != _table()
    text = "Rundungsdifferenzen können auftreten.\n\n" + table
    code, report, _ = check(capsys, write(tmp_path, "t.txt", text))
    (rundung,) = by_status(report, "Rundung")
    assert code == 0 and rundung["nachgerechnet"] == f"\u2212{zahl(alt - neu)}"
    assert rundung["hinweis"].endswith(
        "im Rahmen der gerundeten Teile, und das Dokument weist auf Rundungsdifferenzen hin"
    )


def test_a_rate_that_holds_only_with_the_other_base_is_a_slip(tmp_path, capsys):
    """The base of the rates is decided for the table, not for a row: c09 of the corpus's Zusatz typed „-104 | -3,4“
    under 3.180 and 3.076 – −3,27 % of 3.180 (the base of every other row), and 3,38 % of 3.076. The row read with the
    other base passed as „stimmt“."""
    alt, neu = ZEILEN["Grunderwerbsteuer"]
    andere_basis = rund((neu - alt) / neu * 100, Fraction(1, 10))
    richtig = rund(_rate(alt, neu), Fraction(1, 10))
    assert (andere_basis, richtig) == (Fraction(-66, 10), Fraction(-62, 10))  # of 901.900 and of 961.800
    code, report, _ = check(capsys, write(tmp_path, "t.txt", _table(rates={"Grunderwerbsteuer": andere_basis})))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == _line("Grunderwerbsteuer")
    assert (Fraction(fehler["werte"]["getippt"]), Fraction(fehler["werte"]["nachgerechnet"])) == (andere_basis, richtig)


def test_a_table_whose_rates_all_take_the_later_column_as_base_is_read_so(tmp_path, capsys):
    raten = {name: (neu - alt) / neu * 100 for name, (alt, neu) in ZEILEN.items()}
    code, report, _ = check(capsys, write(tmp_path, "t.txt", _table(rates=raten)))
    assert code == 0 and by_status(report, "Fehler") == [] and by_status(report, "nicht eindeutig") == []
    gelesen = [b for b in report["befunde"] if b["erkannt"].startswith("Spalte „%“")]
    assert len(gelesen) == len(ZEILEN) and {b["status"] for b in gelesen} == {"stimmt"}


def test_a_table_with_the_new_year_first_compares_its_changes_with_their_sign(tmp_path, capsys):
    """„Stellen 2026 | Stellen 2025 | Veränderung“ – the earlier column less the later. Its changes were compared by
    amount, so a rise typed with a minus read „stimmt“; now the sign the column shows in the other rows counts."""
    stellen = {"A 11": (Fraction(55, 10), Fraction(5)), "EG 11": (Fraction(8), Fraction(7))}
    stellen |= {"EG 9c": (Fraction(125, 10), Fraction(13)), "EG 8": (Fraction(20), Fraction(21))}
    stellen |= {"EG 6": (Fraction(4), Fraction(3))}

    def tabelle(falsch: str = "") -> str:
        zeilen = []
        for name, (neu, alt) in stellen.items():
            veraenderung = -(neu - alt) if name == falsch else neu - alt
            zeilen.append(f"| {name} | {zahl(neu, 1)} | {zahl(alt, 1)} | {zahl(veraenderung, 1)} |")
        return "| Gruppe | Stellen 2026 | Stellen 2025 | Veränderung |\n|---|---|---|---|\n" + "\n".join(zeilen) + "\n"

    code, report, _ = check(capsys, write(tmp_path, "t.txt", tabelle()))
    assert code == 0 and by_status(report, "Fehler") == [] and len(by_status(report, "stimmt")) == len(stellen)
    code, report, _ = check(capsys, write(tmp_path, "f.txt", tabelle(falsch="EG 11")))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 4 and Fraction(fehler["werte"]["nachgerechnet"]) == 1


# a Teilhaushalt typed with tabs, its column of differences without any minus (written as a new user would)
TEILHAUSHALT = {
    "Personalaufwendungen": (Fraction(3_412_600), Fraction(3_598_200)),
    "Sachaufwendungen": (Fraction(1_208_400), Fraction(1_164_900)),
    "Transferaufwendungen": (Fraction(9_874_300), Fraction(10_412_750)),
}


def _teilhaushalt(sign_of_fall: bool) -> str:
    text = "Aufwandsart\tAnsatz 2024\tAnsatz 2025\tDifferenz\n"
    for name, (alt, neu) in TEILHAUSHALT.items():
        change = neu - alt
        typed = zahl(change) if sign_of_fall else zahl(abs(change))
        text += f"{name}\t{zahl(alt)}\t{zahl(neu)}\t{typed}\n"
    alt, neu = (sum(v[i] for v in TEILHAUSHALT.values()) for i in (0, 1))
    return text + f"Summe\t{zahl(alt)}\t{zahl(neu)}\t{zahl(neu - alt)}\n"


def test_a_fall_without_its_minus_whose_total_counts_it_as_a_fall_is_a_doubt(tmp_path, capsys):
    changes = [neu - alt for alt, neu in TEILHAUSHALT.values()]
    net = sum(changes)
    assert changes[1] < 0 and net != sum(abs(c) for c in changes)  # the total is the net, not the sum of amounts
    code, report, _ = check(capsys, write(tmp_path, "ok.txt", _teilhaushalt(sign_of_fall=True)))
    assert code == 0 and by_status(report, "Fehler") == [] and by_status(report, "nicht eindeutig") == []
    # before, „43.500“ for 1.208.400 → 1.164.900 read „stimmt“ by amount, and the column sum that fails without the
    # minus was set aside because the total row's difference holds
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _teilhaushalt(sign_of_fall=False)))
    (zweifel,) = by_status(report, "nicht eindeutig")
    assert code == 0 and zweifel["zeile"] == 3 and Fraction(zweifel["werte"]["nachgerechnet"]) == changes[1]
    assert "ihre Summenzeile zählt diese Zeile als Abnahme" in zweifel["hinweis"]


def test_a_column_of_amounts_without_a_total_row_stays_compared_by_amount(tmp_path, capsys):
    text = "".join(_teilhaushalt(sign_of_fall=False).splitlines(keepends=True)[:-1])
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0 and by_status(report, "nicht eindeutig") == [] and by_status(report, "Fehler") == []


# false alarms a helper found writing tables as a new user would: a column in % after the change that is the row's
# share of the total, and a column after the change („davon befristet“) that equals it in two of three rows


def _anteile(kopf_prozent: str) -> tuple[str, list[tuple[Fraction, Fraction]]]:
    neu_summe = sum(neu for _, neu in TEILHAUSHALT.values())
    text = f"| Aufwandsart | Ansatz 2024 € | Ansatz 2025 € | Veränderung € | {kopf_prozent} |\n|---|---|---|---|---|\n"
    for name, (alt, neu) in TEILHAUSHALT.items():
        text += f"| {name} | {zahl(alt)} | {zahl(neu)} | {_signed(neu - alt, 0)} | {zahl(neu / neu_summe * 100, 1)} |\n"
    return text, [(alt, neu) for alt, neu in TEILHAUSHALT.values()]


def test_a_column_of_shares_after_the_change_is_no_rate_of_change(tmp_path, capsys):
    for kopf in ("Anteil in %", "Anteil 2025 am Gesamt in %", "% des Gesamtbetrags"):
        text, rows = _anteile(kopf)
        assert all(rund((neu - alt) / alt * 100, Fraction(1, 10)) != rund(neu, Fraction(1, 10)) for alt, neu in rows)
        code, report, _ = check(capsys, write(tmp_path, "a.md", text))
        assert code == 0 and by_status(report, "Fehler") == [], kopf
        assert [b for b in report["befunde"] if b["art"] == "vergleich_prozent"] == []


def test_a_column_after_the_change_is_not_read_as_the_change(tmp_path, capsys):
    stellen = [
        (Fraction(1850, 100), Fraction(21), Fraction(150, 100)),
        (Fraction(6), Fraction(650, 100), Fraction(1, 2)),
    ]
    stellen.append((Fraction(2), Fraction(2), Fraction(0)))
    text = "| Sachgebiet | Stellen 2024 | Stellen 2025 | Veränderung | davon befristet |\n|---|---|---|---|---|\n"
    text += "".join(
        f"| S{i} | {zahl(a, 2)} | {zahl(n, 2)} | {zahl(n - a, 2)} | {zahl(b, 2)} |\n"
        for i, (a, n, b) in enumerate(stellen)
    )
    assert stellen[1][1] - stellen[1][0] == stellen[1][2]  # the column after equals the change in two rows
    code, report, _ = check(capsys, write(tmp_path, "a.md", text))
    assert code == 0 and by_status(report, "Fehler") == [] and by_status(report, "Folgefehler") == []
    assert [b for b in report["befunde"] if b["art"] == "vergleich_differenz" and b["zeile"] == 3] == []


def _aufkommen(change_a: str | None = None, order: tuple[str, str] = ("2025", "2024")) -> str:
    """A pipe table of two rows with a change, the later year first: too few rows to show the signs by themselves."""
    rows = [
        ("Grundsteuer A", Fraction(12911237, 100), Fraction(11864000, 100)),
        ("Grundsteuer B", Fraction(388483207, 100), Fraction(390211540, 100)),
    ]
    head = (
        f"| Steuerart | Aufkommen {order[0]} (€) | Aufkommen {order[1]} (€) | Veränderung (€) |\n|---|---:|---:|---:|\n"
    )
    text = head
    for k, (name, new, old) in enumerate(rows):
        first, second = (new, old) if order[0] > order[1] else (old, new)
        change = new - old
        typed = change_a if (k == 0 and change_a is not None) else ("+" if change > 0 else "") + zahl(change, 2)
        text += f"| {name} | {zahl(first, 2)} | {zahl(second, 2)} | {typed} |\n"
    return text


def test_a_rise_typed_with_a_minus_against_the_years_is_a_doubt(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "a.md", _aufkommen()))
    assert code == 0 and not by_status(report, "nicht eindeutig") and not by_status(report, "Fehler")
    falsch = "-" + zahl(Fraction(12911237 - 11864000, 100), 2)
    code, report, _ = check(capsys, write(tmp_path, "a.md", _aufkommen(change_a=falsch)))
    (zweifel,) = by_status(report, "nicht eindeutig")
    assert code == 0 and zweifel["zeile"] == 3
    assert Fraction(zweifel["werte"]["nachgerechnet"]) == Fraction(12911237 - 11864000, 100)


def test_the_earlier_year_first_turns_the_direction(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "a.md", _aufkommen(order=("2024", "2025"))))
    assert code == 0 and not by_status(report, "nicht eindeutig") and not by_status(report, "Fehler")


# an Investitionsplanung in T€ as a text file aligns it (set 12's paper 16, Berlin): the new costs by year beside the
# old and the new total, the column of differences types each rise with its plus and no row with a minus but the
# fall – typed as „+275“ by slip
PLANUNG = {  # GK bisher, and the new costs 2024, 2025, 2026 ff.
    "1 Grundschule am Fließ": (Fraction(18_450), (Fraction(2_300), Fraction(6_850), Fraction(10_120))),
    "2 Kita Wiesengrund": (Fraction(7_820), (Fraction(1_150), Fraction(4_400), Fraction(2_915))),
    "3 Sporthalle Uferweg": (Fraction(3_960), (Fraction(2_480), Fraction(1_205), Fraction(0))),
    "4 Grünzug Spreebogen": (Fraction(2_740), (Fraction(420), Fraction(1_380), Fraction(1_115))),
    "6 Jugendclub Tiefer Graben": (Fraction(4_230), (Fraction(310), Fraction(1_960), Fraction(2_290))),
}


def _planung(typed_fall: str) -> str:
    text = "Maßnahme                          GK bisher       2024       2025   2026 ff.     GK neu  Differenz\n"
    for name, (alt, jahre) in PLANUNG.items():
        neu = sum(jahre)
        d = neu - alt
        cell = typed_fall if d < 0 else "+" + zahl(d, 0)
        cells = [zahl(v, 0) for v in (alt, *jahre, neu)] + [cell]
        text += name.ljust(32) + "".join(c.rjust(11) for c in cells) + "\n"
    return text


def test_a_fall_typed_with_a_plus_in_a_column_that_types_its_rises_with_one_is_a_slip(tmp_path, capsys):
    # before, only a minus showed a column's signs: „+275“ for a fall of 275 was compared by its amount, a doubt
    alt, jahre = PLANUNG["3 Sporthalle Uferweg"]
    fall = alt - sum(jahre)
    code, report, _ = check(capsys, write(tmp_path, "r.txt", _planung("-" + zahl(fall, 0))))
    assert code == 0 and by_status(report, "Fehler") == []
    code, report, _ = check(capsys, write(tmp_path, "f.txt", _planung("+" + zahl(fall, 0))))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 4 and Fraction(slip["werte"]["nachgerechnet"]) == -fall
