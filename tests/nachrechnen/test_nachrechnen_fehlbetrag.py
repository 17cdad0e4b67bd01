"""The Jahresfehlbetrag of a Haushaltssatzung as real papers state it (issue 60): an amount without a sign under
the Erträge and Aufwendungen, often below an empty „Jahresüberschuss“ row, in a Nachtrag whose rows name their
cells, and with labels a page broke at a hyphen („Jahresfehl- betrag“). Figures computed here with Fractions."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, write
from tests.referenz.rechnen import euro, zahl

ERTRAEGE, AUFWENDUNGEN = Fraction(5_272_600), Fraction(5_962_400)
FEHLBETRAG = AUFWENDUNGEN - ERTRAEGE


def _rows(fehlbetrag: Fraction, ueberschuss: str | None = None) -> str:
    middle = f"| Jahresüberschuss | {ueberschuss} |\n" if ueberschuss is not None else ""
    return (
        f"| Gesamtbetrag der Erträge | {euro(ERTRAEGE)} |\n"
        f"| Gesamtbetrag der Aufwendungen | {euro(AUFWENDUNGEN)} |\n"
        + middle
        + f"| Jahresfehlbetrag | {euro(fehlbetrag)} |\n"
    )


def _saldo(report: dict) -> list[tuple]:
    return [(b["zeile"], b["getippt"], b["status"]) for b in report["befunde"] if b["art"] == "saldo"]


def test_a_fehlbetrag_typed_as_an_amount_is_the_aufwendungen_less_the_ertraege(capsys, tmp_path):
    assert FEHLBETRAG > 0
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _rows(FEHLBETRAG)))
    assert code == 0  # before, the row was read as Erträge less Aufwendungen: −689.800 €, a false FEHLER
    assert _saldo(report) == [(3, euro(FEHLBETRAG), "stimmt")]


def test_a_fehlbetrag_under_an_empty_or_zero_jahresueberschuss_row_is_read(capsys, tmp_path):
    for empty in ("€", euro(Fraction(0)), "-"):
        code, report, _ = check(capsys, write(tmp_path, "a.txt", _rows(FEHLBETRAG, empty)))
        assert code == 0, empty
        assert _saldo(report) == [(4, euro(FEHLBETRAG), "stimmt")], empty


def test_a_wrong_fehlbetrag_under_an_empty_jahresueberschuss_row_is_a_slip(capsys, tmp_path):
    typed = FEHLBETRAG + 1000
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _rows(typed, "€")))
    assert code == 1
    assert [(b["zeile"], b["getippt"], b["nachgerechnet"]) for b in by_status(report, "Fehler")] == [
        (4, euro(typed), euro(FEHLBETRAG))
    ]


def test_a_fehlbetrag_under_a_filled_jahresueberschuss_row_or_of_a_surplus_is_not_read(capsys, tmp_path):
    filled = _rows(FEHLBETRAG, euro(Fraction(1000)))
    surplus = (
        f"| Gesamtbetrag der Erträge | {euro(AUFWENDUNGEN)} |\n"
        f"| Gesamtbetrag der Aufwendungen | {euro(ERTRAEGE)} |\n"
        f"| Jahresfehlbetrag | {euro(FEHLBETRAG)} |\n"
    )
    for text in (filled, surplus):
        code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
        assert code == 0 and [b for b in report["befunde"] if b["zeile"] == text.count("\n")] == [], text


def test_labels_a_page_broke_at_a_hyphen_are_read_as_one_word(capsys, tmp_path):
    ueberschuss = Fraction(71)
    ertraege = Fraction(13_567_589)
    text = (
        f"| der Gesamt- betrag der Erträge auf | {euro(ertraege)} |\n"
        f"| der Gesamt- betrag der Aufwendungen auf | {euro(ertraege - ueberschuss)} |\n"
        f"| Jahresüber- schuss/ Jahresfehl- betrag | {euro(ueberschuss)} |\n"
        f"| die Einzahlungen aus Investitions- tätigkeit auf | {euro(Fraction(1_079_000))} |\n"
        f"| die Auszahlungen aus Investitions- tätigkeit auf | {euro(Fraction(3_658_800))} |\n"
        f"| Saldo der Ein- und Auszahlungen aus Investitions- tätigkeit | {euro(Fraction(-2_579_800))} |\n"
    )
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0
    assert _saldo(report) == [(3, euro(ueberschuss), "stimmt"), (6, euro(Fraction(-2_579_800)), "stimmt")]


def _benannt(label: str, alt: Fraction | None, neu: Fraction | None) -> str:
    def cell(value):
        return euro(value) if value is not None else "€"

    return f"- {label} erhöht um € vermindert um € gegenüber bisher {cell(alt)} nunmehr festgesetzt auf {cell(neu)}\n"


def test_a_fehlbetrag_in_a_nachtrag_whose_rows_name_their_cells(capsys, tmp_path):
    ertraege, aufwendungen = Fraction(75_491_300), Fraction(75_828_900)
    for typed, code_expected in ((aufwendungen - ertraege, 0), (aufwendungen - ertraege + 100, 1)):
        text = (
            "1. im Ergebnisplan der\n"
            + _benannt("Gesamtbetrag der Erträge", ertraege, ertraege)
            + _benannt("Gesamtbetrag der Aufwendungen", aufwendungen, aufwendungen)
            + _benannt("Jahresüberschuss", None, None)
            + _benannt("Jahresfehlbetrag", typed, aufwendungen - ertraege)
        )
        code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
        assert code == code_expected
        rows = [(b["getippt"], b["status"]) for b in report["befunde"] if b["art"] == "saldo" and b["zeile"] == 5]
        status = "stimmt" if code_expected == 0 else "Fehler"
        assert (euro(typed), status) in rows, rows


# --- a bare „Saldo“ row and an empty cell (a Jahresrechnung in a pipe table) -----------------------------------

EIN, AUS = Fraction(4_297_100, 100), Fraction(4_432_561, 100)


def _finanzierung(saldo_1: Fraction, saldo_2: Fraction) -> str:
    return (
        "| | Ansatz | Ergebnis |\n"
        f"| Einzahlungen aus Finanzierungstätigkeit | {zahl(EIN, 2)} | |\n"
        f"| Auszahlungen aus Finanzierungstätigkeit | {zahl(Fraction(0), 2)} | {zahl(AUS, 2)} |\n"
        f"| Saldo | {zahl(saldo_1, 2)} | {zahl(saldo_2, 2)} |\n"
    )


def test_a_bare_saldo_row_under_a_pair_and_an_empty_cell_read_as_nothing(capsys, tmp_path):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _finanzierung(EIN, -AUS)))
    assert code == 0
    assert _saldo(report) == [(4, zahl(EIN, 2), "stimmt"), (4, zahl(-AUS, 2), "stimmt")]


def test_a_bare_saldo_that_fails_is_a_slip_and_one_over_an_empty_cell_a_doubt(capsys, tmp_path):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _finanzierung(EIN + 1, -AUS - 1)))
    assert code == 1
    assert [(b["getippt"], b["nachgerechnet"]) for b in by_status(report, "Fehler")] == [
        (zahl(EIN + 1, 2), zahl(EIN, 2))
    ]
    (doubt,) = by_status(report, "nicht eindeutig")
    assert (doubt["getippt"], doubt["nachgerechnet"]) == (zahl(-AUS - 1, 2), zahl(-AUS, 2))
    assert "leere Zelle" in doubt["hinweis"]


def test_a_saldo_under_rows_a_page_stored_with_empty_bars_and_list_marks(capsys, tmp_path):
    ein, aus = Fraction(93_930_000, 100), Fraction(134_710_000, 100)
    for typed, status in ((ein - aus, "stimmt"), (ein - aus - 100, "Fehler")):
        text = (
            "| 2. | im Finanzhaushalt auf | ||\n"
            f"| a) | einen Gesamtbetrag der laufenden Einzahlungen von | {euro(ein, cent=True, zeichen='EUR')} |\n"
            "|\n"
            f"| einen Gesamtbetrag der laufenden Auszahlungen von | {euro(aus, cent=True, zeichen='EUR')} |\n"
            "|\n"
            f"| einen Saldo der laufenden Ein- und Auszahlungen von | {euro(typed, cent=True, zeichen='EUR')} |\n"
        )
        code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
        assert code == (0 if status == "stimmt" else 1)
        assert [(b["zeile"], b["status"], b["nachgerechnet"]) for b in report["befunde"] if b["art"] == "saldo"] == [
            (6, status, euro(ein - aus, cent=True))
        ]
