"""The twenty-eighth round's false alarms: an adversary's right papers (tests/nachrechnen/fehlalarme_runde28/, their
figures worked out with Fraction by the adversary's own script) against the forms of this round and older ones – a
row under „Nachrichtlich: …“ read as the total of the table above, „Veränderung … in %“ as a difference, a rate of
what is left („noch 17,3 % des Ansatzes offen“) or of a named thing's Ansatz („des Ansatzes der
Versorgungsaufwendungen“) read as the share of the amount before, „5,8 Mio. € und Nachzahlungen von 1,15 Mio. €“ as
„x von y“, and rate rows („Gebühr je m³“, „Kostendeckungsgrad in %“) summed across the year columns; a second
adversary's (a20_*) against this round's own forms – a weighted rate or a maximum in a total row, sentences after a
list that name what is left, an average, a change against the Vorjahr or a sum with another amount, a „davon“ item;
and right papers that raised doubts (zweifel_runde28/): a summary in T€ under a table in €, heads that say the
direction of their change themselves („Veränderung 2024 gegenüber 2025“, „Abweichung (Ist − Plan)“). And every
figure of a table row in cells that no calculation reads is listed „nicht geprüft“ (must 4 of issue 60): a table
of Grundsteuer yields whose one slip leaves no column shown was printed with „0 Zahlen nicht geprüft“."""

from __future__ import annotations

import pytest

from tests.hilfen.nachrechnen import by_status, check, check_paper, papers, write

FALL = papers("fehlalarme_runde28")


@pytest.mark.parametrize("path", FALL, ids=lambda p: p.stem)
def test_a_right_paper_of_the_adversary_ends_without_a_slip(tmp_path, capsys, path):
    code, report = check_paper(capsys, tmp_path, path)
    assert code == 0 and not by_status(report, "Fehler")


ZWEIFEL = papers("zweifel_runde28")


@pytest.mark.parametrize("path", ZWEIFEL, ids=lambda p: p.stem)
def test_a_right_paper_of_the_adversary_raises_no_doubt(tmp_path, capsys, path):
    code, report = check_paper(capsys, tmp_path, path)
    assert code == 0 and not by_status(report, "Fehler") and not by_status(report, "nicht eindeutig")


def test_every_figure_of_a_row_in_cells_that_no_calculation_reads_is_listed(tmp_path, capsys):
    """Two Grundsteuer rows whose yields do not both hold show no column: nothing is read, and every figure of the
    rows is listed – not „0 Zahlen nicht geprüft“. The year of the head is none."""
    text = (
        "Steuerart\tMessbetrag 2025\tHebesatz (%)\tAufkommen\n"
        "Grundsteuer A\t18.400\t320\t58.880\n"
        "Grundsteuer B\t412.300\t495\t1.892.457\n"
    )
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    listed = [o["zahl"] for o in report["nicht_geprueft"]]
    assert code == 0 and listed == ["18.400", "320", "58.880", "412.300", "495", "1.892.457"]
