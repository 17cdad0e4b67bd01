"""lesen/unlesbar.py and the report: an amount typed in English notation („37,085.971 EUR“, „1,234,567 €“) is read
as no figure – which amount is meant is a guess – but named with its line, so that no amount is neither checked
nor listed (issue 60, point 4). German notations are never named."""

from __future__ import annotations

import pytest

from tests.hilfen import run
from tests.hilfen.nachrechnen import check, write

SATZUNG = (
    "| einen Gesamtbetrag der laufenden Einzahlungen von | 37,085.971 EUR |\n"
    "| einen Gesamtbetrag der laufenden Auszahlungen von | 41.618.507 EUR |\n"
    "| einen jahresbezogenen Saldo der laufenden Ein- und Auszahlungen von | -4.532.536 EUR |\n"
    "Der Kreditrahmen steigt von bisher 5,834.400 Mio. EUR auf 1,234,567 €.\n"
)
KOPF = (
    "Nicht als Zahl lesbar (Komma und Punkt wie im Englischen gesetzt – schreiben Sie den Betrag deutsch: Tausender "
    "mit Punkt, Nachkommastellen nach dem Komma):"
)


def test_an_amount_in_english_notation_is_named_with_its_line_and_counted(tmp_path, capsys):
    path = write(tmp_path, "s.txt", SATZUNG)
    code, out, _ = run(capsys, "nachrechnen", str(path))
    assert code == 0
    lines = out.splitlines()
    at = lines.index(KOPF)
    assert lines[at + 1 : at + 4] == ["  Z. 1: 37,085.971", "  Z. 4: 5,834.400", "  Z. 4: 1,234,567"]
    assert lines[-1].endswith("Zahlen nicht geprüft, 3 Zahlen nicht lesbar.")
    code, report, _ = check(capsys, path)
    assert report["nicht_lesbare_zahlen"] == [
        {"seite": None, "zeile": 1, "text": "37,085.971"},
        {"seite": None, "zeile": 4, "text": "5,834.400"},
        {"seite": None, "zeile": 4, "text": "1,234,567"},
    ]
    assert report["zusammenfassung"]["nicht_lesbar"] == 3
    # the unreadable amount is no part of a calculation: the Saldo below it is not claimed either way
    assert [b for b in report["befunde"] if b["zeile"] == 3] == []


@pytest.mark.parametrize(
    "zeile",
    [
        "Erträge 37.085.971 EUR, Zinsen 1.234,56 €, Quote 1,500 und 12,5 %",
        "am 27.11.2026 um 10.30 Uhr, Gliederung 1.2.3, Punkt 2,5. und 3,25.",
        "Kennzahl 1,234; Anteil 0,125.",
    ],
)
def test_german_notations_are_never_named(tmp_path, capsys, zeile):
    code, report, _ = check(capsys, write(tmp_path, "d.txt", zeile + "\n"))
    assert code == 0 and report["nicht_lesbare_zahlen"] == [] and report["zusammenfassung"]["nicht_lesbar"] == 0


def test_a_document_without_such_amounts_says_nothing_of_them(tmp_path, capsys):
    code, out, _ = run(capsys, "nachrechnen", str(write(tmp_path, "g.txt", "Summe 1.000 € + 2.000 € = 3.000 €\n")))
    assert code == 0 and "lesbar" not in out and out.splitlines()[-1].endswith("0 Zahlen nicht geprüft.")
