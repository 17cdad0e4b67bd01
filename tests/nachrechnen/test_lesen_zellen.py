"""lesen/zeile.py: the figures of a row cell by cell (Zeile.zahlen_je_zelle), the one way erkennen/planquote.py and
erkennen/anteilsliste.py place a figure in its column."""

from __future__ import annotations

from fractions import Fraction

from vorlagen.nachrechnen.lesen.zeile import Zeile


def _zellen(text: str) -> list[list[tuple[Fraction, str]]]:
    return [[(Fraction(z.wert), z.einheit) for z in cell] for cell in Zeile(None, 1, text).zahlen_je_zelle]


def test_each_figure_stands_in_the_cell_it_starts_in():
    assert _zellen("Kosten\t1.234\t\t12,5\t") == [[], [(Fraction(1234), "")], [], [(Fraction(25, 2), "")], []]
    # a „€“ a page set in the cell after its figure stays with the figure, in the figure's cell
    (leer, betrag, einheit, anteil) = _zellen("Kosten\t1.234\t€\t12,5")
    assert leer == [] and betrag == [(Fraction(1234), "€")] and einheit == [] and anteil == [(Fraction(25, 2), "")]


def test_a_row_without_tabs_is_one_cell():
    assert _zellen("Summe 12 und 30") == [[(Fraction(12), ""), (Fraction(30), "")]]
    assert _zellen("") == [[]]


def test_a_break_inside_a_cell_parts_its_words():
    """„| Ordentliches<br>Ergebnis | … |“ as a page converted from PDF stores a cell of two lines (c01 of the corpus's
    Zusatz): the words stay apart – before, the row was named „OrdentlichesErgebnis“ and no word of it was found.
    Other tags are dropped as before, a „<“ of text is kept."""
    from vorlagen.nachrechnen.lesen.zeile import line

    assert line(None, 1, "| Ordentliches<br>Ergebnis | -2.106 T€ |").text == "Ordentliches Ergebnis\t-2.106 T€"
    assert line(None, 1, "| Entgelte des<BR/>Landes | 5 |").text == "Entgelte des Landes\t5"
    assert line(None, 1, "| Entgelte <b>des</b> Landes | 5 |").text == "Entgelte des Landes\t5"
    assert line(None, 1, "Wert < 5 und > 2").text == "Wert < 5 und > 2"
