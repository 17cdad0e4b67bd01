"""erkennen/ankuendigung.py for itself: an amount that announces the lines below it as its parts."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import zahl


def test_an_amount_announcing_its_parts(tmp_path):
    text = "Der Jahresgewinn von 750 € wird so verwendet:\nA erhält 150 €\nB erhält 250 €\nC erhält 350 €\n"
    readings = erkannt(tmp_path, "ankuendigung", text)
    (reading,) = readings
    parts, result = werte(reading)
    assert parts == [Fraction(150), Fraction(250), Fraction(350)] and result == Fraction(750) == sum(parts)


AKTIV = [Fraction(960_475_251, 100), Fraction(35_118_800, 100), Fraction(584_723, 100)]
PASSIV = [Fraction(47_261_700, 100), Fraction(36_042_603, 100)]
PASSIV.append(sum(AKTIV) - sum(PASSIV))  # the Verbindlichkeiten: what the Bilanzsumme leaves


def _bilanz(total: Fraction, stop: str = "") -> str:
    """A Jahresabschluss as an Amtsblatt page stores it: each side under its own „davon entfallen … auf“, empty rows
    as „|“, an item without an amount, a „darunter“ row that is part of the row above."""
    aktiv = ["das Anlagevermögen", "das Umlaufvermögen", "die Rechnungsabgrenzungsposten"]
    passiv = ["das Eigenkapital", "die Sonderposten", "die Verbindlichkeiten"]
    lines = [f"| 1.1 | Bilanzsumme — {zahl(total, 2)} | |", "| 1.1.1 | davon entfallen auf der Aktivseite auf | |"]
    for label, value in zip(aktiv, AKTIV, strict=True):
        lines += ["|", f"| - | {label} — {zahl(value, 2)} |"]
        if label == "das Anlagevermögen":
            lines += (
                ["|", "| - | die Anteile an verbundenen Unternehmen |", stop]
                if stop
                else [
                    "|",
                    "| - | die Anteile an verbundenen Unternehmen |",
                ]
            )
        if label == "das Umlaufvermögen":
            lines += ["|", f"| - | darunter den Kassen- und Bankbestand — {zahl(value / 2, 2)} |"]
    lines.append("| 1.1.2 | davon entfallen auf der Passivseite auf | |")
    for label, value in zip(passiv, PASSIV, strict=True):
        lines += ["|", f"| - | {label} — {zahl(value, 2)} |"]
    return "\n".join(line for line in lines if line) + "\n| 1.2 | Jahresgewinn — 28.359,82 | |\n"


def test_each_side_of_a_bilanz_in_rows_a_page_stored_with_empty_bars(capsys, tmp_path):
    assert sum(AKTIV) == sum(PASSIV)
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _bilanz(sum(AKTIV))))
    assert code == 0
    assert [(b["zeile"], b["getippt"], b["status"]) for b in report["befunde"]] == [
        (1, zahl(sum(AKTIV), 2), "stimmt"),
        (1, zahl(sum(AKTIV), 2), "stimmt"),
    ]


def test_a_side_that_does_not_add_up_is_a_slip_though_the_other_confirms_the_total(capsys, tmp_path):
    slipped = AKTIV[2] + 23_249  # one Aktiv row typed 23.249,00 too high
    text = _bilanz(sum(AKTIV)).replace(zahl(AKTIV[2], 2), zahl(slipped, 2))
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 1
    (slip,) = by_status(report, "Fehler")
    assert (slip["zeile"], slip["getippt"], slip["nachgerechnet"]) == (
        1,
        zahl(sum(AKTIV), 2),
        zahl(AKTIV[0] + AKTIV[1] + slipped, 2),
    )
    assert "bestätigt die Summe: falsch ist einer der Teile der Zeilen darunter" in slip["hinweis"]


def test_a_line_of_text_without_an_amount_still_ends_the_side(capsys, tmp_path):
    text = _bilanz(sum(AKTIV), stop="Die weiteren Posten stehen im Anhang.")
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    # the Aktiv side is cut after its first row: one part is no split, the Passiv side alone is read
    assert code == 0
    assert [(b["zeile"], b["status"]) for b in report["befunde"] if b["art"] == "verteilung"] == [(1, "stimmt")]


def test_the_second_side_is_read_to_where_it_gives_the_total_else_it_is_a_doubt(capsys, tmp_path):
    # rows after the Bilanz may follow the second side without a break: its run stops where it gives the total
    text = _bilanz(sum(AKTIV)).replace("| 1.2 | Jahresgewinn", "| - | Jahresgewinn")
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0
    assert [(b["zeile"], b["status"]) for b in report["befunde"] if b["art"] == "verteilung"] == [
        (1, "stimmt"),
        (1, "stimmt"),
    ]
    slipped = PASSIV[1] + 1000  # a Passiv row typed 1.000,00 too high: no run gives the total
    text = _bilanz(sum(AKTIV)).replace(zahl(PASSIV[1], 2), zahl(slipped, 2))
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    # no slip (the end of the side is a guess); the Aktiv side confirms the total, and the Passiv rows are listed
    assert code == 0 and by_status(report, "Fehler") == []
    unchecked = [f["zahl"] for f in report["nicht_geprueft"]]
    assert all(zahl(v, 2) in unchecked for v in (PASSIV[0], slipped, PASSIV[2]))
