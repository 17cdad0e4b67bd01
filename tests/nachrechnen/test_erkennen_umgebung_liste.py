"""erkennen/umgebung.py with umgebung_betraege.list_total: a figure of three or four significant digits that no word
names a total is read as the total of the whole list right above it – one amount on each line, three at least, up to
a line with text and no amount (q09 of the corpus's Zusatz: the Verlustausgleich of six Träger under their shares,
„Verlustausgleich — 226.000,00 EUR“). Only where it holds exactly, never as a slip. Every expected figure is worked
out here with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import check, erkannt, werte, write
from tests.referenz.rechnen import zahl

TRAEGER = {
    "Verbandsgemeinde Betzdorf-Gebhardshain": Fraction(73_450),
    "Stadt Betzdorf": Fraction(113_000),
    "Ortsgemeinde Wallmenroth": Fraction(9_040),
    "Ortsgemeinde Grünebach": Fraction(4_520),
    "Ortsgemeinde Scheuerfeld": Fraction(14_690),
    "Ortsgemeinde Alsdorf": Fraction(11_300),
}


def _plan(gesamt: Fraction, teile: dict[str, Fraction] = TRAEGER, leer: str = "") -> str:
    zeilen = "".join(f"{name} — {zahl(betrag, 2)} EUR\n{leer}" for name, betrag in teile.items())
    return (
        "Höchstbetrag der Kassenkredite — 750.000,00 EUR\n"
        "Den Verlustausgleich zahlen die Träger anteilig; vorläufig gelten diese Beträge:\n"
        + zeilen
        + f"Verlustausgleich — {zahl(gesamt, 2)} EUR\n"
        "Gesamtbetrag der Kredite — 0,00 EUR\n"
    )


def test_a_figure_no_word_names_a_total_is_the_total_of_the_whole_list_right_above_it(tmp_path):
    gesamt = sum(TRAEGER.values())
    assert gesamt == 226_000  # three significant digits: not searched by itself
    (reading,) = erkannt(tmp_path, "umgebung", _plan(gesamt))
    assert werte(reading) == (list(TRAEGER.values()), gesamt) and not reading.sicher
    assert reading.ergebnis.zeile.nr == 9


def test_the_list_may_have_blank_lines_between_its_lines(tmp_path):
    # a page of a council information system stores a blank line after each line
    gesamt = sum(TRAEGER.values())
    (reading,) = erkannt(tmp_path, "umgebung", _plan(gesamt, leer="\n"))
    assert werte(reading) == (list(TRAEGER.values()), gesamt)


def test_a_total_off_the_list_is_neither_read_nor_a_slip(tmp_path, capsys):
    gesamt = sum(TRAEGER.values()) + 1_000
    assert erkannt(tmp_path, "umgebung", _plan(gesamt)) == []
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _plan(gesamt)))
    assert code == 0 and report["befunde"] == []
    assert f"{zahl(gesamt, 2)}\u00a0€" in [o["zahl"] for o in report["nicht_geprueft"]]


def test_two_amounts_are_no_list(tmp_path):
    teile = dict(list(TRAEGER.items())[2:4])
    gesamt = sum(teile.values())
    assert gesamt == 13_560  # four significant digits, two parts
    assert erkannt(tmp_path, "umgebung", _plan(gesamt, teile)) == []


def test_a_list_that_goes_on_above_a_part_of_it_is_no_total(tmp_path):
    # the last three amounts add up to the figure, but the list has six: a part of a list is no list
    teile = list(TRAEGER.values())
    gesamt = sum(teile[3:])
    assert gesamt == 30_510
    assert erkannt(tmp_path, "umgebung", _plan(gesamt)) == []


def test_a_line_of_two_amounts_or_a_second_amount_beside_the_figure_is_no_list(tmp_path):
    gesamt = sum(TRAEGER.values())
    zwei = _plan(gesamt).replace("Stadt Betzdorf — 113.000,00 EUR", "Stadt Betzdorf — 100.000,00 EUR und 13.000,00 EUR")
    assert erkannt(tmp_path, "umgebung", zwei) == []
    daneben = _plan(gesamt).replace(
        f"Verlustausgleich — {zahl(gesamt, 2)} EUR", f"Verlustausgleich — {zahl(gesamt, 2)} EUR, Vorjahr 210.500,00 EUR"
    )
    assert erkannt(tmp_path, "umgebung", daneben) == []


def test_a_part_named_a_decrease_or_typed_negative_is_no_list(tmp_path):
    gesamt = sum(TRAEGER.values())
    negativ = _plan(gesamt).replace("Stadt Betzdorf — 113.000,00 EUR", "Stadt Betzdorf — -113.000,00 EUR")
    assert erkannt(tmp_path, "umgebung", negativ) == []
    gekuerzt = _plan(gesamt).replace("Stadt Betzdorf — 113.000,00 EUR", "Stadt Betzdorf — vermindert um 113.000,00 EUR")
    assert erkannt(tmp_path, "umgebung", gekuerzt) == []


def test_a_list_of_more_than_forty_lines_is_not_read(tmp_path):
    teile = {f"Gemeinde {i}": Fraction(1_000 + i) for i in range(41)}
    gesamt = sum(teile.values())
    assert erkannt(tmp_path, "umgebung", _plan(gesamt, teile)) == []
    vierzig = dict(list(teile.items())[:40])
    (reading,) = erkannt(tmp_path, "umgebung", _plan(sum(vierzig.values()), vierzig))
    assert werte(reading) == (list(vierzig.values()), sum(vierzig.values()))
