"""erkennen/spaltensatz.py for itself: an Amtsumlage per Gemeinde as a council information system stores the table,
one cell per line, the Hebesatz in the sentence above it – each Umlage is its Umlagegrundlage times the rate. Figures
with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import rund, zahl

SATZ = Fraction(3640, 100)  # 36,40 %
GRUNDLAGEN = [2_814_330, 1_206_745, 934_118, 612_904, 1_488_260]


def _umlage(grundlage: int) -> Fraction:
    return rund(grundlage * SATZ / 100)


def _tabelle(
    slip: int = 0, satz: str = "Der Hebesatz soll 36,40 % betragen.", zeilen: int = 5, gesamt: bool = True
) -> str:
    text = (
        f"{satz}\nDaraus ergibt sich für die Gemeinden:\n\nGemeinde\nUmlagegrundlagen 2025 in €\nAmtsumlage 2025 in €\n"
    )
    grundlagen = GRUNDLAGEN[:zeilen]
    for i, g in enumerate(grundlagen):
        text += f"Gemeinde {i + 1}\n{zahl(Fraction(g))}\n{zahl(_umlage(g) + (slip if i == 2 else 0))}\n"
    if gesamt:
        text += f"Amt gesamt\n{zahl(Fraction(sum(grundlagen)))}\n{zahl(sum(_umlage(g) for g in grundlagen))}\n"
    return text


def test_each_umlage_is_its_grundlage_times_the_rate_named_above(tmp_path, capsys):
    readings = erkannt(tmp_path, "spaltensatz", _tabelle())
    assert [werte(r) for r in readings] == [([Fraction(g), SATZ], _umlage(g)) for g in GRUNDLAGEN]
    assert all(r.sicher for r in readings)
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _tabelle()))
    assert code == 0 and not by_status(report, "Fehler")


def test_a_slipped_umlage_is_a_slip_where_four_rows_hold(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _tabelle(slip=9_000, gesamt=False)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and Fraction(fehler["werte"]["nachgerechnet"]) == _umlage(GRUNDLAGEN[2])
    # with three rows holding only: „nicht eindeutig“
    code, report, _ = check(capsys, write(tmp_path, "b.txt", _tabelle(slip=9_000, zeilen=4, gesamt=False)))
    assert code == 0 and [b["hinweis"] for b in by_status(report, "nicht eindeutig")] == [
        "die Spalte ist aus zu wenigen Zeilen erschlossen"
    ]


def test_without_a_rate_named_as_one_nothing_is_read(tmp_path):
    assert erkannt(tmp_path, "spaltensatz", _tabelle(satz="Die Steigerung beträgt 36,40 % gegenüber 2015.")) == []
    assert erkannt(tmp_path, "spaltensatz", _tabelle(satz="Der Hebesatz soll 35,40 % betragen.")) == []


def test_a_row_that_names_a_rule_of_its_own_is_no_slip(tmp_path, capsys):
    text = _tabelle(slip=9_000, gesamt=False).replace("Gemeinde 3\n", "Gemeinde 3 (Höchstbetrag)\n")
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0 and len(by_status(report, "nicht eindeutig")) == 1


def test_a_head_that_names_the_tax_rate_gives_the_tax_column(tmp_path, capsys):
    """„Angebotssumme netto (€) | USt 19 % (€) | Angebotssumme brutto (€)“ (a Preisspiegel, set 8 of issue 60): the
    tax column is the netto column times the rate its head names."""
    netto = [Fraction(n, 100) for n in (23195000, 24411872, 26248015, 27010000, 28800050)]
    ust = [rund(n * 19 / 100, Fraction(1, 100)) for n in netto]

    def papier(slip: Fraction = Fraction(0)) -> str:
        text = "Bieter\nAngebotssumme netto (€)\nUSt 19 % (€)\nAngebotssumme brutto (€)\n"
        for i, (n, u) in enumerate(zip(netto, ust, strict=True)):
            typed = u + (slip if i == 1 else 0)
            text += f"Bieter {'ABCDE'[i]}\n{zahl(n, 2)}\n{zahl(typed, 2)}\n{zahl(n + typed, 2)}\n"
        return text

    readings = erkannt(tmp_path, "spaltensatz", papier())
    assert [werte(r) for r in readings] == [([n, Fraction(19)], u) for n, u in zip(netto, ust, strict=True)]
    code, report, _ = check(capsys, write(tmp_path, "a.txt", papier(slip=Fraction(90))))
    assert code == 1 and [b["zeile"] for b in by_status(report, "Fehler") if b["art"] == "spaltensatz"] == [11]
